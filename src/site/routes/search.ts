/** The search page `/search/`: Pagefind's UI from the site's own /pagefind/ folder. */
import { withBase } from '../url.ts';
import type { Crumb, PageFrame, SiteContent } from './types.ts';

export interface SearchPage {
  frame: PageFrame;
  crumbs: Crumb[];
  /** The lede names the status filter only when some plan has progress reports. */
  statusFilter: boolean;
  bundlePath: string;
  baseUrl: string;
  homeHref: string;
  unitsHref: string;
}

export function searchPage(content: SiteContent): SearchPage {
  return {
    frame: {
      title: '搜索',
      description: '按关键词搜索任务和责任单位,可按计划、单位、部分、角色和进展状态筛选。',
      section: 'search',
      // Results can show sample statuses (the 状态 filter): label the page.
      sample: content.plans.some((p) => p.progress?.metadata.sample === true),
    },
    crumbs: [{ label: '首页', href: withBase('') }, { label: '搜索' }],
    statusFilter: content.plans.some((p) => p.progress),
    bundlePath: withBase('pagefind/'),
    baseUrl: withBase(''),
    homeHref: withBase(''),
    unitsHref: withBase('units/'),
  };
}
