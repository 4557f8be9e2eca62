/**
 * @module The dashboard's static files at `/ui` (the Vite build in `reference-deploy/ui/dist`).
 * No key is needed for them: they hold no data, and every API call the page makes carries the
 * key the user typed. Paths without a file extension fall back to `index.html` (client-side
 * routes); hashed assets are cached for a year, `index.html` is revalidated on every load so a
 * new build shows up at once.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Env, Hono } from 'hono';
import { ApiError } from '../shared/api-errors.js';

/** Content types of what a Vite build emits (anything else is served as bytes). */
export const UI_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The built UI folder: `COWRIE_UI_DIR` when set, else `ui/dist` of this package, found by
 * walking up from this module (it runs from `src/api/` under tests and from `dist/` when built).
 *
 * @example
 * ```ts
 * const dir = defaultUiDir(); // …/reference-deploy/ui/dist
 * ```
 */
export function defaultUiDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COWRIE_UI_DIR) return resolve(env.COWRIE_UI_DIR);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'ui', 'vite.config.ts')) || existsSync(join(dir, 'ui', 'dist', 'index.html'))) return join(dir, 'ui', 'dist');
    dir = dirname(dir);
  }
  return resolve('reference-deploy', 'ui', 'dist');
}

/**
 * The file to answer `urlPath` (relative to the UI prefix) with, or null when nothing fits
 * (a path escaping `root`, or a missing file with an extension). `fallback` marks `index.html`
 * served for a client-side route.
 *
 * @example
 * ```ts
 * await resolveUiFile(dir, '/assets/index-abc.js'); // { file: '…/assets/index-abc.js', fallback: false }
 * await resolveUiFile(dir, '/jobs'); // { file: '…/index.html', fallback: true }
 * ```
 */
export async function resolveUiFile(root: string, urlPath: string): Promise<{ file: string; fallback: boolean } | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, rel === '' ? 'index.html' : rel);
  // Refuse anything that escapes the folder (`..`, encoded or not).
  if (file !== base && !file.startsWith(base + sep)) return null;
  const st = await stat(file).catch(() => null);
  if (st?.isFile()) return { file, fallback: false };
  if (st?.isDirectory() && existsSync(join(file, 'index.html'))) return { file: join(file, 'index.html'), fallback: false };
  // A client-side route (no extension) gets the app; a missing asset is a real 404.
  if (extname(rel) === '') return { file: join(base, 'index.html'), fallback: true };
  return null;
}

/**
 * Mount the UI at `prefix` (default `/ui`): `/ui` redirects to `/ui/`, files are served with
 * their content type, unknown extension-less paths get `index.html`, and a missing build is a
 * 503 naming the command that makes it. HTML pages carry `csp` (default {@link UI_CSP}).
 *
 * @example
 * ```ts
 * mountUiStatic(app); // GET /ui/ → ui/dist/index.html
 * ```
 */
export function mountUiStatic<E extends Env>(app: Hono<E>, root: string = defaultUiDir(), prefix = '/ui', csp: string = UI_CSP): void {
  app.get(prefix, (c) => c.redirect(`${prefix}/`, 301));
  const serve = async (c: Context<E>) => {
    const path = new URL(c.req.url).pathname.slice(prefix.length);
    if (!existsSync(join(root, 'index.html'))) {
      throw new ApiError(503, 'UI_NOT_BUILT', `the dashboard is not built (${root} has no index.html): run "npm run build:ui -w reference-deploy"`);
    }
    const hit = await resolveUiFile(root, path);
    if (!hit) throw new ApiError(404, 'NOT_FOUND', `no such UI file: ${path}`);
    const body = await readFile(hit.file);
    const type = UI_CONTENT_TYPES[extname(hit.file).toLowerCase()] ?? 'application/octet-stream';
    const immutable = !hit.fallback && /[\\/]assets[\\/]/.test(hit.file);
    return c.body(body, 200, {
      'Content-Type': type,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}),
    });
  };
  app.get(`${prefix}/*`, serve);
}

/**
 * The page may only talk to its own origin (the API), run its own scripts and WebAssembly, and
 * never be framed: nothing is loaded from elsewhere (it works offline).
 */
export const UI_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
