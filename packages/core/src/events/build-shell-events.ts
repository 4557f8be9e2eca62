/**
 * Builders for command, stdin and TTY-log events.
 *
 * @module
 */
import { readBool, readInt, readLowerHex, readString } from './coerce.js';
import type { BuilderTable } from './event-builder.js';
import { normalizeDurationMs } from './normalize-duration.js';

/** Shell activity builders, keyed by eventid. */
export const shellBuilders = {
  'cowrie.command.input': (raw, env) => ({
    kind: 'cowrie.command.input',
    ...env,
    input: readString(raw['input']),
    realm: readString(raw['realm']),
  }),
  'cowrie.command.failed': (raw, env) => ({ kind: 'cowrie.command.failed', ...env, input: readString(raw['input']) }),
  'cowrie.command.success': (raw, env) => ({
    kind: 'cowrie.command.success',
    ...env,
    input: readString(raw['input']),
    realm: readString(raw['realm']),
  }),
  'cowrie.command.chpasswd': (raw, env) => ({
    kind: 'cowrie.command.chpasswd',
    ...env,
    realm: readString(raw['realm']),
    username: readString(raw['username']),
  }),
  'cowrie.session.input': (raw, env) => ({
    kind: 'cowrie.session.input',
    ...env,
    realm: readString(raw['realm']),
    input: readString(raw['input']),
  }),
  'cowrie.log.open': (raw, env) => ({ kind: 'cowrie.log.open', ...env, ttylog: readString(raw['ttylog']) }),
  'cowrie.log.closed': (raw, env) => ({
    kind: 'cowrie.log.closed',
    ...env,
    ttylog: readString(raw['ttylog']),
    size: readInt(raw['size']),
    shasum: readLowerHex(raw['shasum']),
    duplicate: readBool(raw['duplicate']),
    durationMs: normalizeDurationMs(raw),
  }),
} satisfies Partial<BuilderTable>;
