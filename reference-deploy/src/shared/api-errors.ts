/**
 * @module The API's error: an HTTP status plus the conventions' body
 * `{ error: { code, message, details } }`. Anything else thrown inside a handler is mapped by
 * {@link toApiError}: caller mistakes from core (`UsageError`, `InputError`) become 400s, the rest
 * a 500 whose message hides internals.
 */
import { CowrieError, InputError, UsageError } from '@cowrieprocessor/core';

/** An error with the HTTP status the API answers it with. */
export class ApiError extends CowrieError {
  /**
   * @example
   * ```ts
   * throw new ApiError(404, 'NOT_FOUND', 'no session honey-1/abc');
   * ```
   */
  constructor(readonly status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = 'ApiError';
  }
}

/** The JSON body of an error response. */
export interface ApiErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/**
 * Map anything thrown to an {@link ApiError}.
 *
 * @example
 * ```ts
 * const e = toApiError(new UsageError('BAD_TIME', 'since: …')); // status 400, code BAD_TIME
 * ```
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof UsageError || err instanceof InputError) return new ApiError(400, err.code, err.message, (err as CowrieError).details);
  return new ApiError(500, 'INTERNAL', 'internal error; see the server log for the request id');
}

/**
 * The body for an {@link ApiError}.
 *
 * @example
 * ```ts
 * c.json(errorBody(e), e.status);
 * ```
 */
export function errorBody(e: ApiError): ApiErrorBody {
  return { error: { code: e.code, message: e.message, details: e.details } };
}
