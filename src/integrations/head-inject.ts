/**
 * Astro wraps each rendered content entry (the MDX pages) in a module that starts with the
 * directive `"use astro:head-inject";`. Nothing reads it any more: Astro finds those modules by
 * their `?astroPropagatedAssets` id (vite-plugin-head), and the bundler drops the directive with a
 * MODULE_LEVEL_DIRECTIVE warning on every build (withastro/astro#18087). This plugin removes the
 * directive from those modules alone, after Astro has written them, so that the build has nothing
 * to warn about; tests/build/site.test.ts checks that the about page still renders and that the
 * build prints no such warning.
 */
import type { Plugin } from 'vite';

const DIRECTIVE = /^\s*"use astro:head-inject";/m;

export function dropHeadInjectDirective(): Plugin {
  return {
    name: 'plan-site:drop-head-inject-directive',
    enforce: 'post',
    transform: {
      filter: { id: /[?&]astroPropagatedAssets\b/ },
      handler(code) {
        if (!DIRECTIVE.test(code)) return undefined;
        return { code: code.replace(DIRECTIVE, ''), map: { mappings: '' } };
      },
    },
  };
}
