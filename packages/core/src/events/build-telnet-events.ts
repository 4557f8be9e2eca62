/**
 * Builders for `cowrie.telnet.*`.
 *
 * @module
 */
import { readInt, readString } from './coerce.js';
import type { BuilderTable } from './event-builder.js';

/** Telnet builders, keyed by eventid. */
export const telnetBuilders = {
  'cowrie.telnet.option': (raw, env) => ({
    kind: 'cowrie.telnet.option',
    ...env,
    command: readString(raw['command']),
    optionName: readString(raw['option_name']),
    optionByte: readInt(raw['option_byte']),
  }),
  'cowrie.telnet.exploit_attempt': (raw, env) => ({
    kind: 'cowrie.telnet.exploit_attempt',
    ...env,
    cve: readString(raw['cve']),
    name: readString(raw['name']),
    value: readString(raw['value']),
  }),
  'cowrie.telnet.exploit_success': (raw, env) => ({
    kind: 'cowrie.telnet.exploit_success',
    ...env,
    cve: readString(raw['cve']),
    username: readString(raw['username']),
    originalUsername: readString(raw['original_username']),
    attemptedCommand: readString(raw['attempted_command']),
  }),
  'cowrie.telnet.error': (raw, env) => ({ kind: 'cowrie.telnet.error', ...env, error: readString(raw['error']) }),
} satisfies Partial<BuilderTable>;
