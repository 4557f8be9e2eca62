/**
 * Hostile requests against every endpoint: wrong types, huge values, SQL and path injection,
 * bad and foreign cursors, missing and wrong keys. Only 4xx with a JSON error body, never 5xx,
 * never data for a key without the scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from './support/dialects.js';
import { READ_ROUTES } from '../src/api/index.js';
import { apiFixture, JOBS_KEY, READ_KEY, type ApiFixture } from './support/api-fixture.js';

const HOSTILE = [
  "' OR 1=1 --", '1; drop table sessions', '../../etc/passwd', '%00', '\u0000', 'x'.repeat(5000), '-1', '0', '1e309', 'NaN',
  '99999999999999999999', '[]', '{"a":1}', '<script>', '2024-13-45', '2024-02-30T25:61', '\ud800', '%E0%A4%A', 'true', 'null',
];
const PARAMS = ['since', 'until', 'sensor', 'limit', 'cursor', 'by', 'interval', 'srcIp', 'username', 'command', 'hasDownload', 'detector', 'kind', 'ip', 'minScore'];

/** Encode a value; a lone surrogate cannot be, so send its raw (invalid) UTF-8 bytes instead. */
function enc(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
}

function concrete(path: string): string {
  return path.replace(':id{.+}', 'hp-fra-01%2Fnothing').replace(':ip', '203.0.113.9');
}

describe.each(testDialects())('hostile requests on %s', (dialect) => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture(dialect);
  });
  afterAll(async () => f?.close());

  it('never answers 5xx, and every error is the conventions\' JSON', async () => {
    const statuses = new Map<number, number>();
    for (const r of READ_ROUTES) {
      const base = concrete(r.path);
      for (const p of PARAMS) {
        for (const v of HOSTILE) {
          const res = await f.get(`${base}?${enc(p)}=${enc(v)}`);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, `${base}?${p}=${v.slice(0, 20)}`).toBeLessThan(500);
          if (res.status >= 400) {
            const body = (await res.json()) as { error: { code: string; message: string } };
            expect(typeof body.error.code).toBe('string');
            expect(body.error.message.length).toBeGreaterThan(0);
          } else await res.arrayBuffer();
        }
      }
      for (const bad of ['limit=1&limit=2', 'LIMIT=5', `${'a'.repeat(300)}=1`, 'since=2025-12-03&until=2025-12-01']) {
        const res = await f.get(`${base}?${bad}`);
        expect(res.status, `${base}?${bad.slice(0, 30)}`).toBe(400);
      }
    }
    expect(statuses.get(400)).toBeGreaterThan(100);
  });

  it('refuses path injection in path parameters', async () => {
    for (const p of ['/api/v1/sessions/a%00b', '/api/v1/ip/..%2F..%2Fetc%2Fpasswd', "/api/v1/ip/1.2.3.4'%20or%201=1", '/api/v1/ip/' + '9'.repeat(70), '/api/v1/sessions/' + encodeURIComponent("x' or '1'='1")]) {
      const res = await f.get(p);
      expect([400, 404]).toContain(res.status);
      expect(((await res.json()) as any).error.code).toBeTruthy();
    }
  });

  it('refuses forged, truncated and foreign cursors', async () => {
    const first = (await (await f.get('/api/v1/credentials?limit=2')).json()) as any;
    const next: string = first.meta.next;
    const [body, sig] = next.split('.');
    const forged = Buffer.from(JSON.stringify({ r: '/api/v1/credentials', q: 'x', p: { offset: 5000 } })).toString('base64url');
    for (const c of [`${forged}.${sig}`, next.slice(0, -3), `${body}.`, 'garbage', `${next}.x`]) {
      const res = await f.get(`/api/v1/credentials?limit=2&cursor=${encodeURIComponent(c)}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.code).toBe('BAD_CURSOR');
    }
    expect((await f.get(`/api/v1/credentials?limit=2&by=password&cursor=${encodeURIComponent(next)}`)).status).toBe(400);
    expect((await f.get(`/api/v1/commands?limit=2&cursor=${encodeURIComponent(next)}`)).status).toBe(400);
  });

  it('needs a key, and the jobs scope for job routes', async () => {
    for (const r of READ_ROUTES) {
      for (const key of [null, 'wrong-key-0123456789', '']) {
        const res = await f.get(concrete(r.path), key);
        expect(res.status).toBe(401);
        expect(((await res.json()) as any).error.code).toBe('UNAUTHENTICATED');
      }
    }
    expect((await f.get('/api/v1/summary', null, { headers: { authorization: `Basic ${READ_KEY}` } })).status).toBe(401);
    for (const p of ['/api/v1/jobs', '/api/v1/workers', '/api/v1/jobs/abc', '/api/v1/jobs/abc/events']) {
      const res = await f.get(p, READ_KEY);
      expect(res.status, p).toBe(403);
      expect(await res.text()).not.toContain('"data"');
    }
    expect((await f.get('/api/v1/jobs', JOBS_KEY)).status).toBe(503); // no coordinator configured here
    expect((await f.get('/healthz', null)).status).toBe(200);
    expect((await f.get('/metrics', null)).status).toBe(200);
  });

  it('refuses bodies over 64 KiB with 413', async () => {
    const res = await f.get('/api/v1/jobs', JOBS_KEY, { method: 'POST', body: 'x'.repeat(65 * 1024), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('BODY_TOO_LARGE');
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a key spends its burst', async () => {
    const f = await apiFixture('sqlite', { COWRIE_API_RATE: '1/min:3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await f.get('/api/v1/commands')).status);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const res = await f.get('/api/v1/commands');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await f.get('/api/v1/commands', JOBS_KEY)).status).toBe(200); // another key, its own bucket
    } finally {
      await f.close();
    }
  });
});
