/**
 * What route data works on and hands to the pages. As in Starlight's generateRouteData, each page
 * kind has one module here: `…Routes(content)` gives its `getStaticPaths` entries (cheap props), and
 * `…Page(props)` prepares everything the page shows, one page at a time, so that the `.astro`
 * files only display. Both are plain functions, tested without a build (tests/site/routes.test.ts).
 */
import type { LoadedCorrections } from '../../lib/pipeline.ts';
import type { ReviewBlock } from '../../lib/review.ts';
import type { SiteConfig, Unit } from '../../lib/schema.ts';
import type { Crumb } from '../plan.ts';
import type { PlanInput } from '../units.ts';

/** A plan as the content collection gives it: the PlanDocument, its metadata, text and progress. */
export interface SitePlan extends PlanInput {
  sourceText: string;
  /** The plan's 解读 (plans/<plan-id>.mdx), when it has one. */
  interpretation?: InterpretationSummary;
  /** What the 校对 page marks in each block (src/lib/review.ts). */
  review?: ReviewBlock[];
  /** What its corrections file did (content/corrections/<plan-id>.yaml), when it has one. */
  corrections?: LoadedCorrections;
}

/** What the plan's pages say about its 解读; the page itself renders the MDX entry. */
export interface InterpretationSummary {
  title: string;
  description: string;
  /** Written to show how a 解读 reads, not by the plan's issuer. */
  example: boolean;
}

/** The site's content: plans newest first, and every unit they name. */
export interface SiteContent {
  plans: SitePlan[];
  units: Unit[];
  /** The portal's identity (content/site.yaml); its defaults when absent. */
  site?: SiteConfig;
}

/** One entry of a page's `getStaticPaths`. */
export interface Route<Props> {
  params: Record<string, string | undefined>;
  props: Props;
}

/** What every page tells the layout (src/layouts/Base.astro). */
export interface PageFrame {
  /** Page title, without the site name; none on the home page. */
  title?: string;
  description: string;
  section?: 'plans' | 'units' | 'about' | 'search';
  searchable?: boolean;
  wide?: boolean;
  sample?: boolean;
  /** false: no canonical link (the 404 page is shown at every missing address). */
  canonical?: false;
  /** Other forms of the page's content, as `<link rel="alternate">` (feeds, calendars). */
  alternates?: Alternate[];
  /** `<meta name content>` of the page's document: a plan page's ArticleTitle, PubDate and ContentSource, as government sites mark an article. */
  meta?: { name: string; content: string }[];
}

export interface Alternate {
  href: string;
  type: 'application/atom+xml' | 'text/calendar';
  title: string;
}

export type { Crumb };
