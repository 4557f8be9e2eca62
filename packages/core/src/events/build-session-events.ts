/**
 * Builders for `cowrie.session.connect`, `.closed` and `.params`.
 *
 * @module
 */
import { readString } from './coerce.js';
import type { BuilderTable } from './event-builder.js';
import { normalizeDurationMs } from './normalize-duration.js';

/** Session lifecycle builders, keyed by eventid. */
export const sessionBuilders = {
  'cowrie.session.connect': (_raw, env) => ({ kind: 'cowrie.session.connect', ...env }),
  'cowrie.session.closed': (raw, env) => ({
    kind: 'cowrie.session.closed',
    ...env,
    durationMs: normalizeDurationMs(raw),
  }),
  'cowrie.session.params': (raw, env) => ({ kind: 'cowrie.session.params', ...env, arch: readString(raw['arch']) }),
} satisfies Partial<BuilderTable>;
