/** The search page `/search/`: the exact index of src/site/search-engine.ts, read from /search-index.json. */
import { withBase } from '../url.ts';
import type { Crumb, PageFrame, SiteContent } from './types.ts';

export interface SearchPage {
  frame: PageFrame;
  crumbs: Crumb[];
  /** The lede names the status filter only when some plan has progress reports. */
  statusFilter: boolean;
  indexPath: string;
  action: string;
  homeHref: string;
  unitsHref: string;
  /** The facets' headings, in the order the page shows them. */
  facetLabels: { facet: string; label: string }[];
}

export function searchPage(content: SiteContent): SearchPage {
  const statusFilter = content.plans.some((p) => p.progress);
  return {
    frame: {
      title: '搜索',
      description: '按关键词搜索任务和责任单位,可按计划、部分、单位、角色和进展状态筛选。',
      section: 'search',
      // Results can show sample statuses (the 状态 filter): label the page.
      sample: content.plans.some((p) => p.progress?.metadata.sample === true),
    },
    crumbs: [{ label: '首页', href: withBase('') }, { label: '搜索' }],
    statusFilter,
    indexPath: withBase('search-index.json'),
    action: withBase('search/'),
    homeHref: withBase(''),
    unitsHref: withBase('units/'),
    facetLabels: [
      { facet: 'plan', label: '计划' },
      { facet: 'part', label: '部分' },
      { facet: 'unit', label: '单位' },
      { facet: 'role', label: '角色' },
      ...(statusFilter ? [{ facet: 'status', label: '状态' }] : []),
    ],
  };
}
