/**
 * @module Page cursors of the MCP tools the server pages itself: base64url JSON naming the tool,
 * a digest of the arguments that shape the result and the position. A cursor used with other
 * arguments, or malformed, is a `BAD_CURSOR` tool error. Positions only ever reach SQL as bound
 * parameters, so a hand-made cursor can page but not inject.
 */
import { createHash } from 'node:crypto';
import { McpToolError } from './mcp-errors.js';

/** What a cursor carries: an offset, or a keyset position of string fields. */
export type McpPosition = { offset: number } | { after: Record<string, string> };

const MAX_OFFSET = 100_000;

function digest(o: object): string {
  const args = o as Record<string, unknown>;
  const keys = Object.keys(args).filter((k) => k !== 'cursor' && k !== 'limit' && args[k] !== undefined).sort();
  return createHash('sha256').update(JSON.stringify(keys.map((k) => [k, args[k]]))).digest('base64url').slice(0, 16);
}

/**
 * The cursor of the next page.
 *
 * @example
 * ```ts
 * const next = encodeCursor('top_attackers', args, { offset: 20 });
 * ```
 */
export function encodeCursor(tool: string, args: object, pos: McpPosition): string {
  return Buffer.from(JSON.stringify({ t: tool, q: digest(args), p: pos })).toString('base64url');
}

/**
 * The position a cursor points at, checked against the tool and its arguments.
 *
 * @example
 * ```ts
 * const { offset } = decodeOffset('top_attackers', args, args.cursor); // 0 without a cursor
 * ```
 */
export function decodeCursor(tool: string, args: object, cursor: string): McpPosition {
  const bad = (why: string) => new McpToolError('BAD_CURSOR', `cursor is not valid for this call (${why}); start again without a cursor`);
  let payload: { t?: unknown; q?: unknown; p?: unknown };
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof payload;
  } catch {
    throw bad('malformed');
  }
  if (!payload || typeof payload !== 'object' || payload.t !== tool || payload.q !== digest(args)) throw bad('made for another call');
  const p = payload.p as Record<string, unknown> | undefined;
  if (p && typeof p.offset === 'number' && Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= MAX_OFFSET) return { offset: p.offset };
  const after = p?.after as Record<string, unknown> | undefined;
  if (after && typeof after === 'object' && Object.values(after).every((v) => typeof v === 'string')) return { after: after as Record<string, string> };
  throw bad('malformed');
}

/**
 * The offset of an offset-paged call (0 without a cursor).
 *
 * @example
 * ```ts
 * const offset = decodeOffset('detect_snowshoe', args, args.cursor);
 * ```
 */
export function decodeOffset(tool: string, args: object, cursor: string | undefined): number {
  if (!cursor) return 0;
  const p = decodeCursor(tool, args, cursor);
  if (!('offset' in p)) throw new McpToolError('BAD_CURSOR', 'cursor is not valid for this call (malformed); start again without a cursor');
  return p.offset;
}
