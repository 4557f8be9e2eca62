/**
 * Builders for downloads and uploads.
 *
 * @module
 */
import { readBool, readLowerHex, readString } from './coerce.js';
import type { BuilderTable } from './event-builder.js';

/**
 * "Seen before": `duplicate` (v1.5.3+), else the inverse of the legacy `unique`
 * (≈v1.3–1.5.2, where `unique: true` meant first sighting), else `null`.
 *
 * @example
 * readDuplicate({ unique: false }); // true
 */
export function readDuplicate(raw: Record<string, unknown>): boolean | null {
  const dup = readBool(raw['duplicate']);
  if (dup !== null) return dup;
  const unique = readBool(raw['unique']);
  return unique === null ? null : !unique;
}

/** File transfer builders, keyed by eventid. */
export const fileBuilders = {
  'cowrie.session.file_download': (raw, env) => ({
    kind: 'cowrie.session.file_download',
    ...env,
    url: readString(raw['url']),
    outfile: readString(raw['outfile']),
    shasum: readLowerHex(raw['shasum']),
    destfile: readString(raw['destfile']),
    duplicate: readDuplicate(raw),
    realm: readString(raw['realm']),
    input: readString(raw['input']),
  }),
  'cowrie.session.file_download.failed': (raw, env) => ({
    kind: 'cowrie.session.file_download.failed',
    ...env,
    url: readString(raw['url']),
    error: readString(raw['error']),
  }),
  'cowrie.session.file_upload': (raw, env) => ({
    kind: 'cowrie.session.file_upload',
    ...env,
    filename: readString(raw['filename']),
    outfile: readString(raw['outfile']),
    shasum: readLowerHex(raw['shasum']),
    duplicate: readDuplicate(raw),
    url: readString(raw['url']),
    destfile: readString(raw['destfile']),
  }),
} satisfies Partial<BuilderTable>;
