/**
 * A message on a plan's VFile without a stack trace. A VFileMessage is an Error, and its stack (of
 * the parser, not of the plan) costs more than the rest of it when a plan has thousands of
 * warnings; it says nothing to the reader.
 */
import type { VFile } from 'vfile';
import type { Options, VFileMessage } from 'vfile-message';

export function planMessage(file: VFile, reason: string, options: Options): VFileMessage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return file.message(reason, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
