/**
 * @module API keys and scopes from `COWRIE_API_KEYS` (`key1:read,key2:read+jobs`; a key without
 * scopes has `read`). Keys are kept only as SHA-256 digests and compared in constant time, so a
 * key never sits in a log line or leaks through response timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { UsageError } from '@cowrieprocessor/core';

/** What a key may do: `read` the statistics, drive `jobs` through the coordinator proxy. */
export type ApiScope = 'read' | 'jobs';

/** One configured key, without its secret. */
export interface ApiKey {
  /** Stable, non-secret id for logs and rate-limit buckets: the first 12 hex digits of the SHA-256. */
  id: string;
  scopes: ReadonlySet<ApiScope>;
  digest: Buffer;
}

const SCOPES: readonly ApiScope[] = ['read', 'jobs'];

/**
 * Parse `COWRIE_API_KEYS`. Blank entries are ignored; an unknown scope or a key shorter than 16
 * characters is a `UsageError` (`BAD_API_KEYS`) naming the entry's position, never the key.
 *
 * @example
 * ```ts
 * const keys = parseApiKeys('s3cret-reader-0001:read,s3cret-operator-01:read+jobs');
 * keys[1].scopes.has('jobs'); // true
 * ```
 */
export function parseApiKeys(value: string | undefined): ApiKey[] {
  const out: ApiKey[] = [];
  (value ?? '').split(',').map((s) => s.trim()).filter(Boolean).forEach((entry, i) => {
    const colon = entry.lastIndexOf(':');
    const secret = colon > 0 ? entry.slice(0, colon) : entry;
    const scopeText = colon > 0 ? entry.slice(colon + 1) : 'read';
    if (secret.length < 16) throw new UsageError('BAD_API_KEYS', `COWRIE_API_KEYS entry ${i + 1}: a key needs at least 16 characters`);
    const scopes = new Set<ApiScope>();
    for (const s of scopeText.split('+').map((x) => x.trim()).filter(Boolean)) {
      if (!SCOPES.includes(s as ApiScope)) throw new UsageError('BAD_API_KEYS', `COWRIE_API_KEYS entry ${i + 1}: unknown scope "${s}" (use ${SCOPES.join(', ')})`);
      scopes.add(s as ApiScope);
    }
    if (scopes.size === 0) scopes.add('read');
    const digest = sha256(secret);
    out.push({ id: digest.subarray(0, 6).toString('hex'), scopes, digest });
  });
  return out;
}

/**
 * The configured key matching a presented secret, or `null`. Every key is compared (no early
 * exit), each comparison in constant time over equal-length digests.
 *
 * @example
 * ```ts
 * const key = findApiKey(keys, bearerTokenFromHeader);
 * if (!key?.scopes.has('read')) throw unauthorized();
 * ```
 */
export function findApiKey(keys: readonly ApiKey[], presented: string | null | undefined): ApiKey | null {
  if (!presented) return null;
  const d = sha256(presented);
  let found: ApiKey | null = null;
  for (const k of keys) if (timingSafeEqual(k.digest, d) && !found) found = k;
  return found;
}

/**
 * The token of an `Authorization: Bearer <token>` header, or `null`.
 *
 * @example
 * ```ts
 * bearerToken('Bearer abc'); // 'abc'
 * ```
 */
export function bearerToken(header: string | undefined | null): string | null {
  const m = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}
