/**
 * One load of a content folder per process, whoever asks first. A build reads the content in two
 * places that do not share modules: the content collections (src/content.config.ts, in Astro's
 * build) and the MDX link plugin's options (astro.config.mjs, loaded before it). The promise lives
 * on globalThis so that both get the same plans, parsed once.
 */
import { resolve } from 'node:path';
import { type LoadedContent, loadContent } from './pipeline.ts';

const KEY = Symbol.for('plan-accountability-site.content');

type Loads = Map<string, Promise<LoadedContent>>;

export function loadContentOnce(contentDir: string): Promise<LoadedContent> {
  const store = globalThis as { [KEY]?: Loads };
  store[KEY] ??= new Map();
  const dir = resolve(contentDir);
  let loaded = store[KEY].get(dir);
  if (!loaded) {
    loaded = loadContent(dir);
    store[KEY].set(dir, loaded);
  }
  return loaded;
}
