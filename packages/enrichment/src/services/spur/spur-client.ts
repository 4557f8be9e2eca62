import { parseJsonObject, statusError } from '../../http/status-errors.js';
import type { ServiceDefinition } from '../define-client.js';
import { ipKey } from '../ip-key.js';
import type { SpurContext } from '../types.js';
import { normalizeSpur } from './spur-normalize.js';

/**
 * SPUR context lookups: `GET {base}/context/{ip}` with the `Token` header. A clean IP is a 200
 * with a sparse object (still `found`); SPUR documents no 404, but one is read as `not_found`.
 */
export const spurDefinition: ServiceDefinition<SpurContext> = {
  service: 'spur',
  subjectType: 'ip',
  cacheKey: ipKey,
  request(ip, config) {
    return {
      method: 'GET',
      url: `${config.baseUrl}/context/${encodeURIComponent(ip)}`,
      headers: { accept: 'application/json', token: config.credentials.key ?? '' },
    };
  },
  interpret(_ip, res) {
    if (res.status === 404) return { status: 'not_found', raw: null };
    if (res.status !== 200) throw statusError('spur', res);
    return { status: 'found', raw: parseJsonObject('spur', res.body) };
  },
  normalize: normalizeSpur,
};
