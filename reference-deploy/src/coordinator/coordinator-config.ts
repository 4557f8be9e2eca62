/**
 * @module The coordinator's configuration from flags and environment (flags win): port 8082,
 * `COWRIE_QUEUE`, `COWRIE_API_KEYS`, `COWRIE_DB` (for the embedded engine's in-process handlers).
 */
import { UsageError } from '@cowrieprocessor/core';
import { parseApiKeys, type ApiKey } from '../shared/api-keys.js';

/** Resolved coordinator settings. */
export interface CoordinatorConfig {
  port: number;
  host: string;
  /** `COWRIE_QUEUE`: postgres/redis URL or `embedded`. */
  queue: string;
  keys: ApiKey[];
  /** Accept requests without a key (`--insecure-no-auth`). */
  noAuth: boolean;
  /** Database for the handlers the embedded engine runs in-process. */
  db?: string;
  /** Concurrency of the in-process worker (embedded engine only). */
  concurrency: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** Flags of `cowrie coordinator`. */
export interface CoordinatorFlags {
  port?: number;
  host?: string;
  queue?: string;
  db?: string;
  insecureNoAuth?: boolean;
  concurrency?: number;
  logLevel?: string;
}

/**
 * Resolve flags over env. Refuses to start without keys unless `insecureNoAuth`.
 *
 * @example
 * ```ts
 * const config = resolveCoordinatorConfig({ port: 8082 }, process.env);
 * ```
 */
export function resolveCoordinatorConfig(flags: CoordinatorFlags, env: NodeJS.ProcessEnv): CoordinatorConfig {
  const keys = parseApiKeys(env.COWRIE_API_KEYS);
  const noAuth = flags.insecureNoAuth === true;
  if (keys.length === 0 && !noAuth) {
    throw new UsageError('NO_API_KEYS', 'the coordinator needs API keys: set COWRIE_API_KEYS="key:read+jobs" (or pass --insecure-no-auth on a trusted machine)');
  }
  if (keys.length > 0 && !keys.some((k) => k.scopes.has('jobs')) && !noAuth) {
    throw new UsageError('NO_JOBS_KEY', 'COWRIE_API_KEYS has no key with the "jobs" scope (e.g. "key:read+jobs"); the coordinator would refuse every request');
  }
  const port = flags.port ?? (env.COWRIE_COORDINATOR_PORT ? Number(env.COWRIE_COORDINATOR_PORT) : 8082);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('BAD_PORT', `--port: expected 0–65535, got ${port}`);
  const level = flags.logLevel ?? env.COWRIE_LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(level)) throw new UsageError('BAD_LOG_LEVEL', `--log-level: expected debug, info, warn, error or silent, got "${level}"`);
  return {
    port,
    host: flags.host ?? env.COWRIE_COORDINATOR_HOST ?? '127.0.0.1',
    queue: flags.queue ?? env.COWRIE_QUEUE ?? 'embedded',
    keys,
    noAuth,
    db: flags.db ?? env.COWRIE_DB,
    concurrency: flags.concurrency ?? 2,
    logLevel: level as CoordinatorConfig['logLevel'],
  };
}
