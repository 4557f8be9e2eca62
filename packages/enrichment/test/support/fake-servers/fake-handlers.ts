import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { ServiceName } from '../../../src/services/types.js';
import { dshieldNeverReported } from './fake-fixtures.js';
import type { FakeData, FakeResponse, RecordedRequest } from './fake-types.js';

/** Everything a handler may consult. */
export interface HandlerContext {
  data: Required<FakeData>;
  keys: Record<'virustotal' | 'urlhaus' | 'spur', string>;
}

/** The base path each fake serves under (the version path of the real base URL). */
export const BASE_PATHS: Record<ServiceName, string> = { dshield: '/api', virustotal: '/api/v3', urlhaus: '/v1', spur: '/v2', hibp: '' };

const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse =>
  ({ status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A request path below the service's base path, or null when it is outside it. */
function route(service: ServiceName, req: RecordedRequest): string | null {
  const p = req.path.split('?')[0] ?? '';
  const base = BASE_PATHS[service];
  return p.startsWith(`${base}/`) ? p.slice(base.length) : null;
}

const notFound: FakeResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'no such route' };

export const HANDLERS: Record<ServiceName, (req: RecordedRequest, ctx: HandlerContext) => FakeResponse> = {
  dshield(req, ctx) {
    const m = /^\/ip\/([^/?]+)$/.exec(route('dshield', req) ?? '');
    if (req.method !== 'GET' || !m) return notFound;
    const ip = decodeURIComponent(m[1] as string);
    if (!isIP(ip)) return json(200, { error: 'bad IP address' });
    return json(200, { ip: ctx.data.dshield[ip] ?? dshieldNeverReported(ip) });
  },
  virustotal(req, ctx) {
    const m = /^\/files\/([^/?]+)$/.exec(route('virustotal', req) ?? '');
    if (req.method !== 'GET' || !m) return notFound;
    const key = req.headers['x-apikey'];
    if (!key) return json(401, { error: { code: 'AuthenticationRequiredError', message: 'X-Apikey header is missing' } });
    if (key !== ctx.keys.virustotal) return json(401, { error: { code: 'WrongCredentialsError', message: 'Wrong API key' } });
    const id = decodeURIComponent(m[1] as string).toLowerCase();
    const attributes = ctx.data.virustotal[id];
    if (!attributes) return json(404, { error: { code: 'NotFoundError', message: `File "${id}" not found` } });
    return json(200, { data: { id, type: 'file', links: { self: `https://www.virustotal.com/api/v3/files/${id}` }, attributes } });
  },
  urlhaus(req, ctx) {
    if (route('urlhaus', req) !== '/host/') return notFound;
    if (req.method !== 'POST') return json(405, { query_status: 'http_post_expected' });
    const key = req.headers['auth-key'];
    if (!key) return { status: 401, body: 'Unauthorized' };
    if (key !== ctx.keys.urlhaus) return json(403, { query_status: 'unknown_auth_key' });
    const host = new URLSearchParams(req.body).get('host');
    if (!host) return json(200, { query_status: 'invalid_host' });
    const urls = ctx.data.urlhaus[host];
    if (!urls) return json(200, { query_status: 'no_results' });
    return json(200, {
      query_status: 'ok', urlhaus_reference: `https://urlhaus.abuse.ch/host/${host}/`, host,
      firstseen: '2024-01-01 12:00:00 UTC', url_count: String(urls.length),
      blacklists: { spamhaus_dbl: 'not listed', surbl: 'not listed' }, urls,
    });
  },
  spur(req, ctx) {
    const m = /^\/context\/([^/?]+)$/.exec(route('spur', req) ?? '');
    if (req.method !== 'GET' || !m) return notFound;
    if (req.headers.token !== ctx.keys.spur) return json(401, { error: 'Authorization required' });
    const ip = decodeURIComponent(m[1] as string);
    return json(200, ctx.data.spur[ip] ?? { ip, as: { number: 64500, organization: 'EXAMPLE-AS' }, organization: 'Example ISP', location: { country: 'NL' } });
  },
  hibp(req, ctx) {
    const m = /^\/range\/([^/?]+)$/.exec(route('hibp', req) ?? '');
    if (req.method !== 'GET' || !m) return notFound;
    const prefix = (m[1] as string).toUpperCase();
    if (!/^[0-9A-F]{5}$/.test(prefix)) return { status: 400, body: 'The hash prefix was not in a valid format' };
    const lines = new Map<string, number>();
    // A few deterministic filler suffixes so every range has content, as the real one does.
    for (let i = 0; i < 3; i++) lines.set(createHash('sha1').update(`${prefix}${i}`).digest('hex').toUpperCase().slice(5), i + 1);
    for (const [pw, count] of Object.entries(ctx.data.hibp)) {
      const sha = createHash('sha1').update(pw, 'utf8').digest('hex').toUpperCase();
      if (sha.startsWith(prefix)) lines.set(sha.slice(5), count);
    }
    if (req.headers['add-padding'] === 'true') {
      for (let i = 0; i < 5; i++) lines.set(createHash('sha1').update(`pad${prefix}${i}`).digest('hex').toUpperCase().slice(5), 0);
    }
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: [...lines].map(([s, c]) => `${s}:${c}`).join('\r\n') };
  },
};

/** A body that is broken for the service's format. */
export function malformedBody(service: ServiceName): string {
  return service === 'hibp' ? '<html><body>502 Bad Gateway</body></html>' : '{"ip": {"number": "1.2.3.4", "count": ';
}
