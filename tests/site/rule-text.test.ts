import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleIdSchema } from '../../src/lib/schema.ts';
import { RULE_TEXT } from '../../src/site/diagnostics.ts';

describe('the diagnostics page', () => {
  it('explains every parser rule in Chinese', () => {
    const missing = RuleIdSchema.options.filter((rule) => !/[\u4e00-\u9fff]/.test(RULE_TEXT[rule] ?? ''));
    expect(missing).toEqual([]);
  });

  it('explains every rule the pipeline and the progress reader report', () => {
    const sources = ['src/lib/pipeline.ts', 'src/lib/progress.ts', 'src/lib/registry.ts', 'src/lib/docx.ts'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const rules = new Set([...sources.matchAll(/ruleId: '([a-z-]+)'|'(progress-[a-z-]+)'/g)].map((m) => (m[1] ?? m[2])!));
    expect(rules.size).toBeGreaterThan(5);
    expect([...rules].filter((rule) => !RULE_TEXT[rule])).toEqual([]);
  });
});
