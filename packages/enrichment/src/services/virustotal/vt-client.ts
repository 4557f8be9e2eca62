import { MalformedResponseError } from '../../errors.js';
import { parseJsonBody, parseJsonObject, statusError } from '../../http/status-errors.js';
import { asObject } from '../coerce.js';
import type { ServiceDefinition } from '../define-client.js';
import type { FileReport } from '../types.js';
import { normalizeVirusTotal } from './vt-normalize.js';

/** VirusTotal v3 file reports: `GET {base}/files/{sha256}` with `x-apikey`; 404 = never seen (`not_found`). */
export const virusTotalDefinition: ServiceDefinition<FileReport> = {
  service: 'virustotal',
  subjectType: 'file',
  cacheKey: (hash) => hash.trim().toLowerCase(),
  request(hash, config) {
    return {
      method: 'GET',
      url: `${config.baseUrl}/files/${encodeURIComponent(hash)}`,
      headers: { accept: 'application/json', 'x-apikey': config.credentials.key ?? '' },
    };
  },
  interpret(hash, res) {
    if (res.status === 404) {
      // Keep VT's own envelope when it is JSON (audit); a bare 404 still means "unknown file".
      let raw: unknown = { error: { code: 'NotFoundError', message: `File "${hash}" not found` } };
      try { raw = parseJsonBody('virustotal', res.body); } catch { /* keep the synthesised envelope */ }
      return { status: 'not_found', raw };
    }
    if (res.status !== 200) throw statusError('virustotal', res);
    const body = parseJsonObject('virustotal', res.body);
    if (!asObject(asObject(body.data)?.attributes)) throw new MalformedResponseError('virustotal', 'answer has no data.attributes', { body: res.body.slice(0, 200) });
    return { status: 'found', raw: body };
  },
  normalize: normalizeVirusTotal,
};
