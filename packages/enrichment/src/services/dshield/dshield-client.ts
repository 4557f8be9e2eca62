import { MalformedResponseError } from '../../errors.js';
import { parseJsonObject, statusError } from '../../http/status-errors.js';
import { asObject, asString } from '../coerce.js';
import type { ServiceDefinition } from '../define-client.js';
import { ipKey } from '../ip-key.js';
import type { DshieldIpInfo } from '../types.js';
import { normalizeDshield } from './dshield-normalize.js';

/**
 * SANS ISC / DShield IP lookups: `GET {base}/ip/{ip}?email={email}&json`. ISC asks for contact
 * details in the User-Agent and blocks default agents, so we send the configured email there
 * too. `{"error":…}` with HTTP 200 (a bad IP) is a definitive `not_found`.
 */
export const dshieldDefinition: ServiceDefinition<DshieldIpInfo> = {
  service: 'dshield',
  subjectType: 'ip',
  cacheKey: ipKey,
  request(ip, config) {
    const email = config.credentials.email ?? '';
    return {
      method: 'GET',
      // The email is URL-encoded (the predecessor sent it raw, so a `+` arrived as a space).
      url: `${config.baseUrl}/ip/${encodeURIComponent(ip)}?email=${encodeURIComponent(email)}&json`,
      headers: { accept: 'application/json', 'user-agent': `cowrieprocessor-ts/0.1 (contact: ${email})` },
    };
  },
  interpret(_ip, res) {
    if (res.status !== 200) throw statusError('dshield', res);
    const body = parseJsonObject('dshield', res.body);
    if (asString(body.error)) return { status: 'not_found', raw: body };
    if (!asObject(body.ip)) throw new MalformedResponseError('dshield', 'answer has neither "ip" nor "error"', { body: res.body.slice(0, 200) });
    return { status: 'found', raw: body };
  },
  normalize: normalizeDshield,
};
