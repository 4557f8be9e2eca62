/**
 * Local fakes of the five enrichment APIs, for tests of the clients, the enricher and refresh.
 *
 * ```ts
 * const fakes = await startFakeServices({ data: { hibp: { hunter2: 17 } } });
 * // one node:http server per service on 127.0.0.1, port 0; base URLs include the version path:
 * fakes.urls.virustotal;             // 'http://127.0.0.1:41234/api/v3'
 * const config = resolveEnrichmentConfig({ env: fakeEnv(fakes), sensorsToml: null });
 * fakes.setFault('dshield', { kind: 'rate-limit', retryAfter: '1', times: 2 }); // next 2 requests: 429
 * fakes.requests;                    // every request: { service, method, path, headers, body, at }
 * fakes.requestsFor('hibp');         // …of one service
 * fakes.clearFaults(); fakes.reset(); // drop faults / recorded requests
 * await fakes.close();
 * ```
 *
 * Each fake speaks the real wire format (wire-formats.md): DShield `GET /api/ip/{ip}?json`
 * (200 with `{"error":"bad IP address"}` for a non-IP, a never-reported body for unknown IPs),
 * VirusTotal `GET /api/v3/files/{hash}` (`x-apikey`, 401/404 envelopes), URLhaus
 * `POST /v1/host/` (`Auth-Key`, `no_results`), SPUR `GET /v2/context/{ip}` (`Token`, sparse
 * objects), HIBP `GET /range/{PREFIX}` (CRLF `SUFFIX:COUNT`, `:0` padding with `Add-Padding`).
 * Keys accepted: `FAKE_KEYS` (override with `opts.keys`). Faults: see {@link Fault}.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SERVICE_NAMES, type ServiceName } from '../../../src/services/types.js';
import { DSHIELD_DEFAULT, FAKE_EMAIL, FAKE_KEYS, HIBP_DEFAULT, SPUR_DEFAULT, URLHAUS_DEFAULT, VT_DEFAULT } from './fake-fixtures.js';
import { BASE_PATHS, HANDLERS, malformedBody, type HandlerContext } from './fake-handlers.js';
import type { Fault, FakeResponse, FakeServicesOptions, RecordedRequest } from './fake-types.js';

export * from './fake-types.js';
export * from './fake-fixtures.js';

/** The running fakes. */
export interface FakeServices {
  urls: Record<ServiceName, string>;
  requests: RecordedRequest[];
  requestsFor(service: ServiceName): RecordedRequest[];
  /** Inject a fault for `service` (replaces any previous one); `null` clears it. */
  setFault(service: ServiceName, fault: Fault | null): void;
  clearFaults(): void;
  /** Forget recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

/** Start one fake per service on 127.0.0.1 (ephemeral ports). */
export async function startFakeServices(opts: FakeServicesOptions = {}): Promise<FakeServices> {
  const ctx: HandlerContext = {
    data: {
      dshield: { ...DSHIELD_DEFAULT, ...opts.data?.dshield },
      virustotal: { ...VT_DEFAULT, ...opts.data?.virustotal },
      urlhaus: { ...URLHAUS_DEFAULT, ...opts.data?.urlhaus },
      spur: { ...SPUR_DEFAULT, ...opts.data?.spur },
      hibp: { ...HIBP_DEFAULT, ...opts.data?.hibp },
    },
    keys: { ...FAKE_KEYS, ...opts.keys },
  };
  const requests: RecordedRequest[] = [];
  const faults = new Map<ServiceName, { fault: Fault; left: number }>();
  const servers: Server[] = [];
  const urls = {} as Record<ServiceName, string>;

  const takeFault = (service: ServiceName): Fault | null => {
    const f = faults.get(service);
    if (!f) return null;
    f.left -= 1;
    if (f.left <= 0) faults.delete(service);
    return f.fault;
  };

  for (const service of SERVICE_NAMES) {
    const server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const rec: RecordedRequest = { service, method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, at: Date.now() };
        requests.push(rec);
        return respond(res, takeFault(service), () => HANDLERS[service](rec, ctx), service);
      }).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[service] = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATHS[service]}`;
  }

  return {
    urls,
    requests,
    requestsFor: (service) => requests.filter((r) => r.service === service),
    setFault(service, fault) {
      if (fault) faults.set(service, { fault, left: fault.times ?? Number.POSITIVE_INFINITY });
      else faults.delete(service);
    },
    clearFaults: () => faults.clear(),
    reset: () => { requests.length = 0; },
    async close() {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

/** Environment that points every service at the fakes with working credentials (HIBP enabled). */
export function fakeEnv(fakes: FakeServices, extra: Record<string, string> = {}): Record<string, string> {
  return {
    COWRIE_DSHIELD_URL: fakes.urls.dshield, COWRIE_VT_URL: fakes.urls.virustotal, COWRIE_URLHAUS_URL: fakes.urls.urlhaus,
    COWRIE_SPUR_URL: fakes.urls.spur, COWRIE_HIBP_URL: fakes.urls.hibp,
    COWRIE_DSHIELD_EMAIL: FAKE_EMAIL, COWRIE_VT_KEY: FAKE_KEYS.virustotal, COWRIE_URLHAUS_KEY: FAKE_KEYS.urlhaus, COWRIE_SPUR_KEY: FAKE_KEYS.spur,
    COWRIE_HIBP: 'on',
    // Tests must not wait for production rates; each test that checks limits sets its own.
    COWRIE_DSHIELD_RATE: '1000/s', COWRIE_VT_RATE: '1000/s', COWRIE_URLHAUS_RATE: '1000/s', COWRIE_SPUR_RATE: '1000/s', COWRIE_HIBP_RATE: '1000/s',
    ...extra,
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function respond(res: ServerResponse, fault: Fault | null, normal: () => FakeResponse, service: ServiceName): Promise<void> {
  if (fault?.kind === 'hang') return; // never answer; close() or the client's timeout ends it
  if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
  if (fault?.kind === 'huge') return streamHuge(res, fault.bytes);
  const out: FakeResponse = !fault || fault.kind === 'slow' ? normal()
    : fault.kind === 'rate-limit' ? { status: 429, headers: { 'content-type': 'application/json', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) }, body: '{"error":{"code":"QuotaExceededError","message":"Quota exceeded"}}' }
      : fault.kind === 'server-error' ? { status: fault.status ?? 503, headers: fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}, body: 'Service Unavailable' }
        : fault.kind === 'malformed' ? { status: 200, headers: { 'content-type': 'application/json' }, body: malformedBody(service) }
          : { status: fault.status, headers: fault.headers ?? {}, body: fault.body ?? '' };
  res.writeHead(out.status, out.headers);
  res.end(out.body);
}

function streamHuge(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  const pump = () => {
    while (sent < bytes && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('close', () => { sent = bytes; });
  pump();
}
