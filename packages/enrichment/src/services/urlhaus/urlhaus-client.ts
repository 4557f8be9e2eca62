import { MalformedResponseError, UnrecoverableError } from '../../errors.js';
import { parseJsonObject, statusError } from '../../http/status-errors.js';
import type { ServiceDefinition } from '../define-client.js';
import { ipKey } from '../ip-key.js';
import type { UrlhausHostInfo } from '../types.js';
import { normalizeUrlhaus } from './urlhaus-normalize.js';

// Statuses that are a definitive answer about the host (cached as not_found), as opposed to a
// problem with our request (`http_post_expected`, `unknown_auth_key` …).
const NOT_FOUND = new Set(['no_results', 'invalid_host']);

/** URLhaus host lookups: `POST {base}/host/` with form `host=<ip>` and the `Auth-Key` header. */
export const urlhausDefinition: ServiceDefinition<UrlhausHostInfo> = {
  service: 'urlhaus',
  subjectType: 'ip',
  cacheKey: ipKey,
  request(ip, config) {
    return {
      method: 'POST',
      url: `${config.baseUrl}/host/`,
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'auth-key': config.credentials.key ?? '' },
      body: new URLSearchParams({ host: ip }).toString(),
    };
  },
  interpret(_ip, res) {
    if (res.status !== 200) throw statusError('urlhaus', res);
    const body = parseJsonObject('urlhaus', res.body);
    const status = body.query_status;
    if (status === 'ok') return { status: 'found', raw: body };
    if (typeof status === 'string' && NOT_FOUND.has(status)) return { status: 'not_found', raw: body };
    if (typeof status === 'string') throw new UnrecoverableError('urlhaus', `query_status "${status}"`, { queryStatus: status });
    throw new MalformedResponseError('urlhaus', 'answer has no query_status', { body: res.body.slice(0, 200) });
  },
  normalize: normalizeUrlhaus,
};
