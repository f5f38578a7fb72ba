import type { ReadResult } from './read.ts';
export async function readOle(_bytes: Uint8Array): Promise<ReadResult> {
  return { ok: false, ruleId: 'unsupported-format', reason: 'todo' };
}
