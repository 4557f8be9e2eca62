/**
 * Builders for `cowrie.client.*`.
 *
 * @module
 */
import { readInt, readString, readStringList } from './coerce.js';
import type { BuilderTable } from './event-builder.js';
import { normalizeClientVersion } from './normalize-client-version.js';

/** Client self-description builders, keyed by eventid. */
export const clientBuilders = {
  'cowrie.client.version': (raw, env) => {
    const v = normalizeClientVersion(raw['version']);
    return {
      kind: 'cowrie.client.version',
      ...env,
      version: v.raw,
      versionNormalized: v.normalized,
      // ≤v1.3 logged the KEX lists here; they moved to client.kex in v1.4.0.
      kexAlgs: readStringList(raw['kexAlgs']),
      keyAlgs: readStringList(raw['keyAlgs']),
      encCS: readStringList(raw['encCS']),
      macCS: readStringList(raw['macCS']),
      compCS: readStringList(raw['compCS']),
    };
  },
  'cowrie.client.kex': (raw, env) => ({
    kind: 'cowrie.client.kex',
    ...env,
    hassh: readString(raw['hassh']),
    hasshAlgorithms: readString(raw['hasshAlgorithms']),
    kexAlgs: readStringList(raw['kexAlgs']),
    keyAlgs: readStringList(raw['keyAlgs']),
    encCS: readStringList(raw['encCS']),
    macCS: readStringList(raw['macCS']),
    compCS: readStringList(raw['compCS']),
    langCS: readStringList(raw['langCS']),
    clientFingerprint: readString(raw['client_fingerprint']),
  }),
  'cowrie.client.size': (raw, env) => ({
    kind: 'cowrie.client.size',
    ...env,
    width: readInt(raw['width']),
    height: readInt(raw['height']),
  }),
  'cowrie.client.var': (raw, env) => ({
    kind: 'cowrie.client.var',
    ...env,
    name: readString(raw['name']),
    value: readString(raw['value']),
  }),
  'cowrie.client.fingerprint': (raw, env) => ({
    kind: 'cowrie.client.fingerprint',
    ...env,
    username: readString(raw['username']),
    fingerprint: readString(raw['fingerprint']),
    key: readString(raw['key']),
    keyType: readString(raw['type']),
  }),
  'cowrie.client.malformed_packet': (raw, env) => ({
    kind: 'cowrie.client.malformed_packet',
    ...env,
    messagenum: readInt(raw['messagenum']),
    datalen: readInt(raw['datalen']),
    data: readString(raw['data']),
  }),
} satisfies Partial<BuilderTable>;
