/**
 * Shared setup of the API tests: a throwaway database (SQLite or PostgreSQL) loaded with the
 * sample log through core's bulk loader, enrichment and detection rows seeded directly (their
 * producers are other packages), and an in-process app over it.
 */
import { fileURLToPath } from 'node:url';
import { bulkLoad, type CowrieStore } from '@cowrieprocessor/core';
import { createTestDatabase, type TestDatabase } from './dialects.js';
import { createApiApp, createApiContext, resolveApiConfig, type ApiContext } from '../../src/index.js';

export const SAMPLE = fileURLToPath(new URL('../../../examples/sample/cowrie.json', import.meta.url));
export const READ_KEY = 'reader-key-0123456789';
export const JOBS_KEY = 'operator-key-0123456789';
export const KEYS = `${READ_KEY}:read,${JOBS_KEY}:read+jobs`;

export interface ApiFixture {
  db: TestDatabase;
  store: CowrieStore;
  ctx: ApiContext;
  get(path: string, key?: string | null, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Load the sample into a fresh database of `dialect` and build the app (cache off unless asked). */
export async function apiFixture(dialect: 'sqlite' | 'postgres', env: Record<string, string> = {}): Promise<ApiFixture> {
  const db = createTestDatabase(dialect);
  const store = await db.open({ access: 'write' });
  await bulkLoad(store, [SAMPLE]);
  await seed(store);
  const config = resolveApiConfig({ port: 0 }, { COWRIE_API_KEYS: KEYS, COWRIE_API_CACHE_MS: '0', COWRIE_LOG_LEVEL: 'silent', COWRIE_API_RATE: '100000/s', ...env });
  const ctx = createApiContext(store, config);
  const app = createApiApp(ctx);
  return {
    db, store, ctx,
    get: (path, key = READ_KEY, init = {}) => Promise.resolve(app.request(path, { ...init, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(init.headers as Record<string, string> | undefined) } })),
    close: async () => {
      await store.close();
      await db.drop();
    },
  };
}

/** The IP the seeded enrichment and finding describe: the sample's busiest source. */
export async function busiestIp(store: CowrieStore): Promise<string> {
  const r = await store.db.selectFrom('sessions').select(['src_ip', (eb) => eb.fn.countAll<number>().as('n')]).where('src_ip', 'is not', null)
    .groupBy('src_ip').orderBy('n', 'desc').orderBy('src_ip').limit(1).executeTakeFirstOrThrow();
  return r.src_ip!;
}

async function seed(store: CowrieStore): Promise<void> {
  const ip = await busiestIp(store);
  const now = '2025-12-04T00:00:00.000000Z';
  const rep = { ip, country: 'NL', asn: 64500, asName: 'EXAMPLE-AS', network: '203.0.113.0/24', dshield: { attacks: 12, count: 40, maxdate: null, mindate: null, threatfeeds: ['blocklistde22'] }, urlhaus: null, spur: null, sources: ['dshield'] };
  await store.db.insertInto('enrichment').values({ subject_type: 'ip', subject: ip, service: 'dshield', status: 'found', value: JSON.stringify(rep), fetched_at: now, expires_at: '2025-12-11T00:00:00.000000Z' }).execute();
  const sessions = await store.db.selectFrom('sessions').select(['sensor', 'session']).where('src_ip', '=', ip).limit(3).execute();
  await store.db.insertInto('detection_runs').values({ id: 'run-1', detector: 'botnet', status: 'completed', started_at: now, finished_at: now, window_since: null, window_until: null, sensor: null, backend: 'js', params: '{}', stats: '{}' }).execute();
  await store.db.insertInto('detection_findings').values([
    { id: 'f-botnet-1', detector: 'botnet', kind: 'credential_reuse', score: 0.9, first_seen: '2025-12-01T00:00:00.000000Z', last_seen: '2025-12-02T00:00:00.000000Z', summary: 'shared dictionary', evidence: JSON.stringify({ credentialHash: 'abc', ips: 1 }), first_run_id: 'run-1', last_run_id: 'run-1', created_at: now, updated_at: now },
    { id: 'f-longtail-1', detector: 'longtail', kind: 'rare_command', score: 0.4, first_seen: '2025-12-03T00:00:00.000000Z', last_seen: '2025-12-03T01:00:00.000000Z', summary: 'rare command', evidence: JSON.stringify({ command: 'uname -a' }), first_run_id: 'run-1', last_run_id: 'run-1', created_at: now, updated_at: now },
  ]).execute();
  await store.db.insertInto('detection_finding_ips').values({ finding_id: 'f-botnet-1', src_ip: ip, sessions: sessions.length }).execute();
  for (const s of sessions) await store.db.insertInto('detection_finding_sessions').values({ finding_id: 'f-botnet-1', sensor: s.sensor, session: s.session }).execute();
}
