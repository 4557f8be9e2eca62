/**
 * @module Settings of `cowrie serve api`: flags win over `COWRIE_*` env, which wins over defaults.
 * Every env name read here is listed in {@link API_ENV}, which the deployment tests cross-check
 * against the compose file and the Kubernetes manifests.
 */
import { randomBytes } from 'node:crypto';
import { UsageError } from '@cowrieprocessor/core';
import { parseApiKeys, type ApiKey } from '../shared/api-keys.js';

/** Everything the API server needs to start. */
export interface ApiConfig {
  host: string;
  port: number;
  /** `--db` value: the read replica (`COWRIE_DB_READ`) when set, else `COWRIE_DB`. */
  db: string | undefined;
  keys: ApiKey[];
  /** Serve without keys (loopback only, for local use). */
  noAuth: boolean;
  /** Allowed CORS origin; `null` = CORS off (the default: the UI is same-origin). */
  corsOrigin: string | null;
  /** Per-key token bucket: sustained requests per second, and the burst it may save up. */
  rate: { perSecond: number; burst: number };
  /** Fresh life of a cached answer; answers are never served older than {@link MAX_STALE_MS}. */
  cacheMs: number;
  coordinatorUrl: string | null;
  /** Key the proxy presents to the coordinator when the caller's own cannot be forwarded (SSE tokens). */
  coordinatorKey: string | null;
  poolSize: number;
  /** HMAC secret of cursors and SSE tokens; share it between replicas behind one load balancer. */
  secret: Buffer;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** The most stale a cached answer may be served (the budget). */
export const MAX_STALE_MS = 5000;

/** Env names the API reads (documented in docs/api.md and used by the deployment files). */
export const API_ENV = [
  'COWRIE_DB', 'COWRIE_DB_READ', 'COWRIE_DB_POOL', 'COWRIE_API_KEYS', 'COWRIE_API_HOST', 'COWRIE_API_PORT',
  'COWRIE_API_CORS_ORIGIN', 'COWRIE_API_RATE', 'COWRIE_API_CACHE_MS', 'COWRIE_API_SECRET',
  'COWRIE_COORDINATOR_URL', 'COWRIE_API_KEY', 'COWRIE_LOG_LEVEL',
] as const;

/** Flags of `cowrie serve api` (all optional). */
export interface ApiFlags {
  host?: string;
  port?: number;
  db?: string;
  corsOrigin?: string;
  rateLimit?: string;
  cacheMs?: number;
  noAuth?: boolean;
}

/**
 * Resolve the configuration; a bad value is a `UsageError` naming it.
 *
 * @example
 * ```ts
 * const cfg = resolveApiConfig({ port: 8081 }, { COWRIE_DB: 'postgres://…', COWRIE_API_KEYS: 'k…:read' });
 * ```
 */
export function resolveApiConfig(flags: ApiFlags, env: NodeJS.ProcessEnv): ApiConfig {
  const e = (name: (typeof API_ENV)[number]) => env[name]?.trim() || undefined;
  const host = flags.host ?? e('COWRIE_API_HOST') ?? '127.0.0.1';
  const port = intIn('port', flags.port ?? e('COWRIE_API_PORT') ?? 8081, 0, 65535);
  const keys = parseApiKeys(e('COWRIE_API_KEYS'));
  const noAuth = flags.noAuth === true;
  if (noAuth && !isLoopback(host)) throw new UsageError('NO_AUTH_NOT_LOOPBACK', `--no-auth is only allowed on a loopback address, not ${host}`);
  if (!noAuth && keys.length === 0) throw new UsageError('NO_API_KEYS', 'no API keys: set COWRIE_API_KEYS="key1:read,key2:read+jobs" (or --no-auth on 127.0.0.1)');
  const cacheMs = intIn('cache-ms', flags.cacheMs ?? e('COWRIE_API_CACHE_MS') ?? 2000, 0, MAX_STALE_MS);
  const secretText = e('COWRIE_API_SECRET');
  const level = e('COWRIE_LOG_LEVEL') ?? 'info';
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(level)) throw new UsageError('BAD_LOG_LEVEL', `COWRIE_LOG_LEVEL: "${level}" is not one of debug, info, warn, error, silent`);
  return {
    host, port, keys, noAuth, cacheMs,
    db: flags.db ?? e('COWRIE_DB_READ') ?? e('COWRIE_DB'),
    corsOrigin: flags.corsOrigin ?? e('COWRIE_API_CORS_ORIGIN') ?? null,
    rate: parseRate(flags.rateLimit ?? e('COWRIE_API_RATE') ?? '50/s'),
    coordinatorUrl: e('COWRIE_COORDINATOR_URL')?.replace(/\/+$/, '') ?? null,
    coordinatorKey: e('COWRIE_API_KEY') ?? null,
    poolSize: intIn('COWRIE_DB_POOL', e('COWRIE_DB_POOL') ?? 8, 1, 256),
    secret: secretText ? Buffer.from(secretText, 'utf8') : randomBytes(32),
    logLevel: level as ApiConfig['logLevel'],
  };
}

/**
 * Parse a rate `N/s`, `N/min` or `N/s:BURST`; the burst defaults to one second's worth (at least 1).
 *
 * @example
 * ```ts
 * parseRate('600/min'); // { perSecond: 10, burst: 10 }
 * parseRate('100/s:400'); // { perSecond: 100, burst: 400 }
 * ```
 */
export function parseRate(text: string): { perSecond: number; burst: number } {
  const m = /^(\d+(?:\.\d+)?)\/(s|sec|min|m)(?::(\d+))?$/.exec(text.trim());
  if (!m) throw new UsageError('BAD_RATE', `rate limit "${text}": use N/s, N/min or N/s:BURST`);
  const perSecond = Number(m[1]) / (m[2]!.startsWith('m') ? 60 : 1);
  if (!(perSecond > 0)) throw new UsageError('BAD_RATE', `rate limit "${text}" must be above 0`);
  return { perSecond, burst: m[3] ? Math.max(1, Number(m[3])) : Math.max(1, Math.ceil(perSecond)) };
}

function intIn(name: string, v: string | number, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError('BAD_CONFIG', `${name}: "${v}" must be an integer from ${min} to ${max}`);
  return n;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
