/**
 * The data contract holds for every plan of every fixture folder: the document the pipeline gives
 * is exactly what PlanDocumentSchema accepts (nothing missing, nothing extra), so the pipeline can
 * hand it out without validating it on every run.
 */
import { describe, expect, it } from 'vitest';
import { fixturePlanFiles } from '../../scripts/lib/fixtures.ts';
import { parsePlanFile } from '../../src/lib/pipeline.ts';
import { PlanDocumentSchema } from '../../src/lib/schema.ts';

const files = ['content/plans/2022-work-safety.txt', ...[...fixturePlanFiles().values()].flat()];

describe('the data contract', () => {
  it('covers the seed and the fixture folders', () => {
    expect(files.length).toBeGreaterThan(100);
  });
  for (const file of files) {
    it(`holds for ${file}: what the schema accepts, no field it does not name`, async () => {
      const { document } = await parsePlanFile(file, { unitsPath: 'content/units.yaml' });
      const checked = PlanDocumentSchema.safeParse(document);
      expect(checked.error?.issues ?? []).toEqual([]);
      // Deep equality: the schema would drop a field it does not name.
      expect(checked.data).toStrictEqual(document);
    });
  }
});
