/**
 * The MDX pages' links to the plans, wired into the build: the remark plugins for
 * astro.config.mjs's `markdown.processor` (src/lib/remark/plan-links.ts, then one that prints its
 * messages) and the integration that gives them the site's base and the build's logger.
 *
 * The plugin's targets come from the content loader (loadContentOnce: the same load the content
 * collections use), when the first MDX file is compiled. Its messages are printed as the plans'
 * warnings are: `path:line:column: warning message [ruleId]`, under the label `pages`.
 */
import { dirname, extname, relative, resolve } from 'node:path';
import type { RemarkPlugins } from '@astrojs/markdown-remark';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { VFile } from 'vfile';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { planIdFromPath } from '../lib/pipeline.ts';
import remarkPlanLinks from '../lib/remark/plan-links.ts';
import { loadContentOnce } from '../lib/shared-content.ts';
import { planLinkTargets } from '../site/plan-links.ts';

export interface PlanLinks {
  integration: AstroIntegration;
  remarkPlugins: RemarkPlugins;
}

/** The file's path without the query Vite may add to a module id. */
const pathOf = (file: VFile) => (file.path ? resolve(file.path.replace(/\?.*$/, '')) : '');

export function planLinks(options: { contentDir: string }): PlanLinks {
  const contentDir = resolve(options.contentDir);
  const plansDir = resolve(contentDir, 'plans');
  let base = '/';
  let logger: AstroIntegrationLogger | undefined;
  // A file compiled twice (dev reloads) says its warnings once.
  const printed = new Set<string>();

  /** plans/<id>.mdx is the 解读 of plan <id>; every other page belongs to no plan. */
  const planOf = (file: VFile) => {
    const path = pathOf(file);
    return dirname(path) === plansDir && extname(path) === '.mdx' ? planIdFromPath(path) : undefined;
  };

  const targets = async () => planLinkTargets(await loadContentOnce(contentDir), base);

  const report = () => (_tree: unknown, file: VFile) => {
    for (const message of file.messages) {
      if (message.source !== 'plan-links') continue;
      const line = formatDiagnostic({
        path: relative(process.cwd(), pathOf(file)) || pathOf(file),
        severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
        ruleId: message.ruleId ?? 'plan-links',
        message: message.reason,
        line: message.line ?? 1,
        column: message.column ?? 1,
      });
      if (printed.has(line)) continue;
      printed.add(line);
      if (message.fatal === false) logger?.warn(line);
      else logger?.info(line);
    }
  };

  return {
    integration: {
      name: 'plan-links',
      hooks: {
        'astro:config:setup': ({ config, logger: integrationLogger }) => {
          base = config.base;
          logger = integrationLogger.fork('pages');
        },
      },
    },
    remarkPlugins: [[remarkPlanLinks, { targets, planOf }], report],
  };
}
