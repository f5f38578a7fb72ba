import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESERVED_SEGMENTS } from '../../src/site/config.ts';
import { PDF_DIR } from '../../src/site/pdf.ts';

/** The top-level URL segment a file of src/pages or public/ takes. */
function segmentOf(file: string): string | undefined {
  if (file.startsWith('[')) return undefined;
  const name = file.replace(/\.(astro|ts|mdx?)$/, '');
  return name === 'index' ? undefined : name;
}

describe('reserved URL segments', () => {
  it('hold every top-level page, public file and output folder, so that no plan id can take one', () => {
    const taken = [...readdirSync('src/pages'), ...readdirSync('public')].map(segmentOf).filter((s) => s !== undefined);
    expect(taken.length).toBeGreaterThan(4);
    for (const segment of [...taken, PDF_DIR, 'pagefind', '_astro']) expect(RESERVED_SEGMENTS, segment).toContain(segment);
  });
});
