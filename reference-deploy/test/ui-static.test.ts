import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError, errorBody } from '../src/index.js';
import { defaultUiDir, mountUiStatic, resolveUiFile } from '../src/api/ui-static.js';

// The static half of the dashboard over a throwaway build folder: content types, client-side
// route fallback, caching, traversal refused, and the 503 when the UI was never built.
const dir = mkdtempSync(join(tmpdir(), 'cowrie-ui-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(dir, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(dir, 'assets', 'ort.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
writeFileSync(join(tmpdir(), 'cowrie-ui-secret.txt'), 'TOP-SECRET-CONTENT');

function app(root = dir): Hono {
  const a = new Hono();
  a.onError((err, c) => c.json(errorBody(err as ApiError), (err as ApiError).status as 404));
  mountUiStatic(a, root);
  return a;
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'cowrie-ui-secret.txt'), { force: true });
});

describe('UI static files at /ui', () => {
  it('serves files with their content types and caching, without a key', async () => {
    const cases: Array<[string, string, string]> = [
      ['/ui/', 'text/html; charset=utf-8', 'no-cache'],
      ['/ui/index.html', 'text/html; charset=utf-8', 'no-cache'],
      ['/ui/assets/index-abc.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/ui/assets/index-abc.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/ui/assets/ort.wasm', 'application/wasm', 'public, max-age=31536000, immutable'],
    ];
    for (const [path, type, cache] of cases) {
      const res = await app().request(path);
      expect({ path, status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control') }).toEqual({ path, status: 200, type, cache });
    }
    const html = await app().request('/ui/');
    expect(await html.text()).toContain('<title>ui</title>');
    expect(html.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('redirects /ui to /ui/ and answers client-side routes with index.html', async () => {
    const r = await app().request('/ui');
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/ui/');
    const spa = await app().request('/ui/jobs/123');
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('<title>ui</title>');
  });

  it('answers 404 for a missing asset and refuses paths out of the folder', async () => {
    expect((await app().request('/ui/assets/missing.js')).status).toBe(404);
    for (const p of ['/ui/../cowrie-ui-secret.txt', '/ui/%2e%2e/cowrie-ui-secret.txt', '/ui/..%2Fcowrie-ui-secret.txt', '/ui/%00.js']) {
      const res = await app().request(p);
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).not.toContain('TOP-SECRET-CONTENT');
    }
    expect(await resolveUiFile(dir, '/..%2Fcowrie-ui-secret.txt')).toBeNull();
    expect(await resolveUiFile(dir, '/%E0%A4%A')).toBeNull();
  });

  it('answers 503 UI_NOT_BUILT naming the build command when there is no build', async () => {
    const res = await app(join(dir, 'nope')).request('/ui/');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('UI_NOT_BUILT');
    expect(body.error.message).toContain('build:ui');
  });

  it('finds ui/dist of this package by default, or COWRIE_UI_DIR', () => {
    expect(defaultUiDir({})).toMatch(/reference-deploy[\\/]ui[\\/]dist$/);
    expect(defaultUiDir({ COWRIE_UI_DIR: dir })).toBe(dir);
  });
});
