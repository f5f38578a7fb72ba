import { describe, expect, it } from 'vitest';
import { RuleIdSchema } from '../../src/lib/schema.ts';
import { RULE_TEXT } from '../../src/site/diagnostics.ts';

describe('the diagnostics page', () => {
  it('explains every parser rule in Chinese', () => {
    const missing = RuleIdSchema.options.filter((rule) => !/[\u4e00-\u9fff]/.test(RULE_TEXT[rule] ?? ''));
    expect(missing).toEqual([]);
  });
});
