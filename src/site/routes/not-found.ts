/** The 404 page: in Chinese, with the ways back into the site. */
import { withBase } from '../url.ts';
import type { PageFrame, SiteContent } from './types.ts';

export interface NotFoundPage {
  frame: PageFrame;
  heading: string;
  lede: string;
  searchAction: string;
  links: { href: string; label: string }[];
}

export function notFoundPage(content: SiteContent): NotFoundPage {
  return {
    frame: { title: '页面不存在', description: '要找的页面不存在,可能已移动或地址有误。可从首页、责任单位或搜索重新查找。', canonical: false },
    heading: '页面不存在',
    lede: '要找的页面不存在:地址可能有误,或页面已经移动。可以搜索任务和单位,或从下面的入口重新查找。',
    searchAction: withBase('search/'),
    links: [
      { href: withBase(''), label: '首页' },
      ...content.plans.map((p) => ({ href: withBase(`${p.id}/`), label: p.metadata.title ?? p.document.title })),
      { href: withBase('units/'), label: '责任单位' },
      { href: withBase('about/'), label: '说明' },
    ],
  };
}
