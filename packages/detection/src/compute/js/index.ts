/**
 * The plain-JS compute adapter.
 *
 * @example
 * ```ts
 * import { createJsBackend } from './js/index.js';
 * const backend = createJsBackend();
 * ```
 * @packageDocumentation
 */
export { createJsBackend, JS_MAX_ELEMENTS } from './js-backend.js';
