/**
 * @module The MCP server's own error: a stable `code` a tool answers with (as `CODE: message`
 * in an `isError` result), never a crash of the server.
 */
import { CowrieError } from '@cowrieprocessor/core';

/** A tool call that cannot be answered: bad cursor, unknown session, API refused … */
export class McpToolError extends CowrieError {
  /**
   * @example
   * ```ts
   * throw new McpToolError('BAD_CURSOR', 'cursor is not valid for this call; start again without one');
   * ```
   */
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

/**
 * The one line a failed tool call shows: `CODE: message` for our errors, a generic line otherwise
 * (internals go to the stderr log, not to the model).
 *
 * @example
 * ```ts
 * toolErrorText(new McpToolError('NOT_FOUND', 'no session x')); // 'NOT_FOUND: no session x'
 * ```
 */
export function toolErrorText(err: unknown): { code: string; message: string } {
  if (err instanceof CowrieError) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: 'internal error; see the server log (stderr)' };
}
