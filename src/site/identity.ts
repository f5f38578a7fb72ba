/**
 * The portal's identity on every page (src/layouts/Base.astro): its name in the header and the
 * titles, the footer (the lines of content/site.yaml, 主办, 联系方式, 备案号) and the canonical link,
 * absolute and only when the site's public address is configured. Pure: no Astro import.
 */
import { SiteConfigSchema, type SiteConfig } from '../lib/schema.ts';

/** The filing system an ICP 备案号 links to, as every portal's footer does. */
export const BEIAN_URL = 'https://beian.miit.gov.cn/';

export interface LayoutData {
  siteName: string;
  fullTitle: string;
  /** Absolute, when site.yaml names the site's address; else none (a relative one misleads crawlers). */
  canonical?: string;
  footer: {
    lines: string[];
    /** 主办 / 联系方式, as label and value. */
    facts: { label: string; value: string }[];
    beian?: { text: string; href: string };
  };
}

/** The identity of a content folder without site.yaml. */
export function defaultSite(): SiteConfig {
  return SiteConfigSchema.parse({});
}

/** What the layout shows for a page at `pathname` (base included) titled `title` (none on the home page). */
export function layoutData(site: SiteConfig, pathname: string, title?: string): LayoutData {
  return {
    siteName: site.name,
    fullTitle: title ? `${title} · ${site.name}` : site.name,
    ...(site.site ? { canonical: new URL(pathname, site.site).href } : {}),
    footer: {
      lines: site.footer,
      facts: [...(site.issuer ? [{ label: '主办', value: site.issuer }] : []), ...(site.contact ? [{ label: '联系方式', value: site.contact }] : [])],
      ...(site.beian ? { beian: { text: site.beian, href: BEIAN_URL } } : {}),
    },
  };
}
