/**
 * Builders for `cowrie.login.success` / `cowrie.login.failed`.
 *
 * @module
 */
import { readString } from './coerce.js';
import type { BuilderTable } from './event-builder.js';

/** Login builders, keyed by eventid. `password` is `null` when absent (HEAD public-key and `none` auth). */
export const authBuilders = {
  'cowrie.login.success': (raw, env) => ({
    kind: 'cowrie.login.success',
    ...env,
    username: readString(raw['username']),
    password: readString(raw['password']),
    fingerprint: readString(raw['fingerprint']),
    key: readString(raw['key']),
    keyType: readString(raw['type']),
  }),
  'cowrie.login.failed': (raw, env) => ({
    kind: 'cowrie.login.failed',
    ...env,
    username: readString(raw['username']),
    password: readString(raw['password']),
    fingerprint: readString(raw['fingerprint']),
    key: readString(raw['key']),
    keyType: readString(raw['type']),
  }),
} satisfies Partial<BuilderTable>;
