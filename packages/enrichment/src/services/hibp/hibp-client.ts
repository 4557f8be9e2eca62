import { statusError } from '../../http/status-errors.js';
import type { ServiceDefinition } from '../define-client.js';
import type { PasswordExposure } from '../types.js';
import { parseRangeBody, passwordSha1, readRangeMap } from './hibp-range.js';

/**
 * HIBP Pwned Passwords (k-anonymity): `GET {base}/range/{PREFIX}`. Only the 5-character prefix
 * of the SHA-1 leaves the machine; the cache key is that prefix, the cached value the whole
 * suffix map, and `normalize` hashes the password locally and looks its suffix up. We ask for
 * padding so the response size does not hint at the prefix either.
 */
export const hibpDefinition: ServiceDefinition<PasswordExposure> = {
  service: 'hibp',
  subjectType: 'password',
  cacheKey: (password) => passwordSha1(password).slice(0, 5),
  request(prefix, config) {
    return {
      method: 'GET',
      url: `${config.baseUrl}/range/${encodeURIComponent(prefix.slice(0, 5).toUpperCase())}`,
      headers: { accept: 'text/plain', 'add-padding': 'true', 'user-agent': 'cowrieprocessor-ts/0.1' },
    };
  },
  interpret(_prefix, res) {
    if (res.status !== 200) throw statusError('hibp', res);
    return { status: 'found', raw: parseRangeBody('hibp', res.body) };
  },
  normalize(password, answer) {
    const sha1 = passwordSha1(password);
    const count = answer.status === 'found' ? (readRangeMap(answer.raw)[sha1.slice(5)] ?? 0) : 0;
    return { sha1, pwned: count > 0, count };
  },
};
