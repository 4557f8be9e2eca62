import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Minimal local fakes of DShield and VirusTotal for the CLI specs (the enrichment package has
 * the full fakes with fault injection): DShield `GET /api/ip/{ip}?json` answers the documented
 * shape for every IP; VirusTotal `GET /api/v3/files/{hash}` answers 404 `NotFoundError`.
 */
export interface CliEnrichFakes {
  env: Record<string, string>;
  /** Request paths received, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Start the fakes on 127.0.0.1 (ephemeral ports). */
export async function startCliEnrichFakes(): Promise<CliEnrichFakes> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const ip = /^\/dshield\/api\/ip\/([^?/]+)/.exec(url)?.[1];
    if (ip) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ip: { number: decodeURIComponent(ip), count: 5, attacks: 2, maxdate: '2024-03-01', mindate: '2024-02-01', as: 64500, asname: 'EXAMPLE-AS', ascountry: 'NL', network: '198.51.100.0/24', threatfeeds: null } }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":{"code":"NotFoundError","message":"File not found"}}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: {
      COWRIE_DSHIELD_URL: `${base}/dshield/api`, COWRIE_DSHIELD_EMAIL: 'ops@example.org', COWRIE_DSHIELD_RATE: '1000/s',
      COWRIE_VT_URL: `${base}/vt/api/v3`, COWRIE_VT_KEY: 'vt-test', COWRIE_VT_RATE: '1000/s',
    },
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
