/**
 * @module Offset paging through signed cursors, for ranked lists whose order has no cheap keyset.
 */
import { ApiError } from '../../shared/api-errors.js';
import type { HandlerInput } from '../context.js';

/** Deepest offset a cursor may carry (ranked lists stop at core's 10,000). */
const MAX_OFFSET = 10_000;

/**
 * The offset a request's cursor points at (0 without a cursor).
 *
 * @example
 * ```ts
 * const offset = offsetOf(input);
 * ```
 */
export function offsetOf(input: HandlerInput<{ cursor?: string }, unknown>): number {
  if (!input.q.cursor) return 0;
  const p = input.ctx.codec.decode(input.route, input.q as Record<string, unknown>, input.q.cursor);
  if (!('offset' in p) || !Number.isInteger(p.offset) || p.offset < 0 || p.offset > MAX_OFFSET) {
    throw new ApiError(400, 'BAD_CURSOR', 'cursor is not valid for this request; start again without a cursor');
  }
  return p.offset;
}

/**
 * `meta.next` for the page after `[offset, offset + limit)`, or `null` when there is none.
 *
 * @example
 * ```ts
 * return { data: rows, limit, next: nextCursor(input, offset + limit, more) };
 * ```
 */
export function nextCursor(input: HandlerInput<object, unknown>, nextOffset: number, more: boolean): string | null {
  if (!more || nextOffset > MAX_OFFSET) return null;
  return input.ctx.codec.encode(input.route, input.q as Record<string, unknown>, { offset: nextOffset });
}
