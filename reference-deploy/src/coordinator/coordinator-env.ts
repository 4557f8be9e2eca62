/**
 * @module Hono environment of the coordinator app: what middleware puts on the context.
 */

/** Variables set per request. */
export interface CoordinatorEnv {
  Variables: {
    requestId: string;
    keyId: string;
  };
}
