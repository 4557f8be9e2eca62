/**
 * The submit route through the real HTTP server: the body limit (a declared length is judged by
 * the header, a chunked body by counting, both 413 over 64 KiB) and keys (a verified key is
 * remembered; that must not let any other value in).
 */
import http from 'node:http';
import { createEmbeddedEngine } from '@cowrieprocessor/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, createCoordinatorApp } from '../src/coordinator/coordinator-app.js';
import { createCoordinatorMetrics } from '../src/coordinator/coordinator-metrics.js';
import { createJobEventHub } from '../src/coordinator/job-event-hub.js';
import { createApiLogger } from '../src/shared/api-logger.js';
import { parseApiKeys } from '../src/shared/api-keys.js';
import { listen, type Serving } from '../src/shared/http-serve.js';
import { createSseTokens } from '../src/shared/keys-sse-token.js';

const KEY = 'body-limit-key-0123456789';
const READ_KEY = 'read-only-key-0123456789';

describe('coordinator HTTP: body limit and keys', () => {
  const engine = createEmbeddedEngine();
  let server: Serving;
  beforeAll(async () => {
    const hub = await createJobEventHub(engine);
    const app = createCoordinatorApp({ engine, hub, metrics: createCoordinatorMetrics(engine), log: createApiLogger('silent'), keys: parseApiKeys(`${KEY}:read+jobs,${READ_KEY}:read`), noAuth: false, tokens: createSseTokens() });
    server = await listen(app.fetch, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await engine.close();
  });

  // node:http, to control Content-Length versus chunked transfer exactly.
  const post = (body: string, chunked: boolean, key = KEY) => new Promise<{ status: number; json: { jobId?: string; error?: { code: string } } }>((resolve, reject) => {
    const u = new URL(`${server.url}/api/v1/jobs`);
    const headers: Record<string, string | number> = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = Buffer.byteLength(body);
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers }, (res) => {
      let d = '';
      res.on('data', (c) => (d += c));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(d) }));
    });
    req.on('error', reject);
    // Several writes: a chunked body arrives in pieces.
    for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.slice(i, i + 16 * 1024));
    req.end();
  });
  const job = (padding: number) => JSON.stringify({ jobType: 'report', parameters: { sensor: 'x'.repeat(padding) } });

  it.each([false, true])('accepts a small body and refuses one over 64 KiB with 413 (chunked: %s)', async (chunked) => {
    const ok = await post(job(10), chunked);
    expect(ok.status).toBe(202);
    expect(ok.json.jobId).toMatch(/^[\w-]+$/);
    const big = await post(job(MAX_BODY_BYTES), chunked);
    expect(big.status).toBe(413);
    expect(big.json.error?.code).toBe('BODY_TOO_LARGE');
    const bad = await post('{"jobType": "report", ', chunked);
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('BAD_JSON');
  });

  it('answers 401 to a wrong key and 403 to a key without the jobs scope, also after valid requests', async () => {
    expect((await post(job(1), false)).status).toBe(202); // the valid key is now remembered
    for (const wrong of [`${KEY}x`, KEY.slice(0, -1), 'x'.repeat(KEY.length)]) {
      const res = await post(job(1), false, wrong);
      expect(res.status).toBe(401);
      expect(res.json.error?.code).toBe('UNAUTHENTICATED');
    }
    const forbidden = await post(job(1), false, READ_KEY);
    expect(forbidden.status).toBe(403);
    expect((await post(job(1), false, READ_KEY)).status).toBe(403);
    expect((await post(job(1), false)).status).toBe(202);
  });
});
