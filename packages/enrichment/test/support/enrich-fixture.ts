import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulkLoad, type CowrieStore } from '@cowrieprocessor/core';
import { createCacheFromSpec, type EnrichmentCache } from '../../src/cache/index.js';
import { createServiceClients, type ServiceClients } from '../../src/config/create-service-clients.js';
import { resolveEnrichmentConfig } from '../../src/config/resolve-config.js';
import { createMemoryRateLimiter } from '../../src/rate-limit/memory-rate-limiter.js';
import { KNOWN_IP, KNOWN_SHA256, PWNED_PASSWORD, fakeEnv, type FakeServices } from './fake-servers/index.js';

/** What the fixture log holds. */
export interface EnrichFixture {
  ips: string[];
  hashes: string[];
  passwords: string[];
}

/**
 * A Cowrie log with `n` source IPs (one session each, KNOWN_IP among them), a login per session
 * (a few distinct passwords, one pwned) and downloads (the known hash and unknown ones).
 */
export function writeEnrichLog(dir: string, n = 12): { path: string; fixture: EnrichFixture } {
  const ips = [KNOWN_IP, ...Array.from({ length: n - 1 }, (_, i) => `198.51.100.${i + 1}`)];
  const passwords = [PWNED_PASSWORD, 'hunter2', 'x9!unique-pass', '123456'];
  const hashes = [KNOWN_SHA256, ...Array.from({ length: 3 }, (_, i) => String(i + 1).repeat(64).slice(0, 64))];
  const lines: string[] = [];
  const ts = (i: number, s: number) => `2024-03-01T00:${String(i % 60).padStart(2, '0')}:${String(s).padStart(2, '0')}.000000Z`;
  ips.forEach((ip, i) => {
    const session = `s${String(i).padStart(11, '0')}`;
    const base = { session, src_ip: ip, sensor: 'honey-1' };
    lines.push(JSON.stringify({ ...base, eventid: 'cowrie.session.connect', src_port: 40000 + i, dst_ip: '10.0.0.1', dst_port: 22, protocol: 'ssh', timestamp: ts(i, 0) }));
    lines.push(JSON.stringify({ ...base, eventid: 'cowrie.login.failed', username: 'root', password: passwords[i % passwords.length], timestamp: ts(i, 1) }));
    if (i < hashes.length) lines.push(JSON.stringify({ ...base, eventid: 'cowrie.session.file_download', url: `http://203.0.113.9/bins/${i}`, shasum: hashes[i], outfile: `dl/${hashes[i]}`, timestamp: ts(i, 2) }));
    lines.push(JSON.stringify({ ...base, eventid: 'cowrie.session.closed', duration: 3, timestamp: ts(i, 3) }));
  });
  const path = join(dir, 'cowrie.json');
  writeFileSync(path, lines.join('\n') + '\n');
  return { path, fixture: { ips, hashes, passwords } };
}

/** Load the fixture log into a store. */
export async function loadEnrichFixture(store: CowrieStore, dir: string, n = 12): Promise<EnrichFixture> {
  const { path, fixture } = writeEnrichLog(dir, n);
  await bulkLoad(store, [path]);
  return fixture;
}

/** Clients pointed at the fakes (HIBP on), fast rates, quick retries, a memory limiter. */
export function fakeClients(fakes: FakeServices, extraEnv: Record<string, string> = {}): ServiceClients {
  const config = resolveEnrichmentConfig({ env: fakeEnv(fakes, extraEnv), sensorsToml: null });
  return createServiceClients(config, { limiter: createMemoryRateLimiter(), retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 }, breaker: { failureThreshold: 1000 } });
}

/** A cache from a `--cache` spec on a store. */
export function cacheFor(store: CowrieStore, spec: string): EnrichmentCache {
  return createCacheFromSpec(spec, { store });
}
