import type { Command } from 'commander';
import { resolveApiConfig, startApiServer, type ApiFlags } from '@cowrieprocessor/reference-deploy';
import type { CliIo } from '../io.js';
import { positiveInt } from './common-options.js';

interface ServeApiOptions {
  port?: number;
  host?: string;
  db?: string;
  corsOrigin?: string;
  rateLimit?: string;
  cacheMs?: number;
  auth?: boolean;
}

/**
 * `cowrie serve api`: the read-only statistics API (port 8081). Runs until SIGINT/SIGTERM, then
 * closes the listener and the database and exits 0.
 *
 * @example
 * ```ts
 * registerServeApi(program.command('serve'), io, (code) => (exitCode = code));
 * ```
 */
export function registerServeApi(serve: Command, io: CliIo, setExit: (code: number) => void): void {
  serve.command('api').description('serve the statistics API (read-only; keys from COWRIE_API_KEYS)')
    .option('--port <n>', 'TCP port (env COWRIE_API_PORT; default 8081; 0 picks a free one)', portNumber)
    .option('--host <addr>', 'address to bind (env COWRIE_API_HOST; default 127.0.0.1; 0.0.0.0 in containers)')
    .option('--db <target>', 'database to read (env COWRIE_DB_READ, then COWRIE_DB; default ./cowrie.sqlite); never migrated')
    .option('--cors-origin <origin>', 'allow this browser origin (env COWRIE_API_CORS_ORIGIN; CORS is off by default)')
    .option('--rate-limit <rate>', 'per-key limit N/s, N/min or N/s:BURST (env COWRIE_API_RATE; default 50/s)')
    .option('--cache-ms <n>', 'fresh life of cached aggregates in ms, 0-5000 (env COWRIE_API_CACHE_MS; default 2000)', cacheMs)
    .option('--no-auth', 'serve without API keys (loopback addresses only)')
    .action(async (opts: ServeApiOptions) => {
      const flags: ApiFlags = { port: opts.port, host: opts.host, db: opts.db, corsOrigin: opts.corsOrigin, rateLimit: opts.rateLimit, cacheMs: opts.cacheMs, noAuth: opts.auth === false };
      const api = await startApiServer(resolveApiConfig(flags, io.env));
      io.stderr.write(`cowrie: statistics API on ${api.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await api.close();
      setExit(0);
    });
}

function portNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be an integer from 0 to 65535, got "${v}"`);
  return n;
}

function cacheMs(v: string): number {
  if (v === '0') return 0;
  const n = positiveInt('--cache-ms')(v);
  if (n > 5000) throw new Error(`--cache-ms must be at most 5000 (answers are never more than 5 s stale), got "${v}"`);
  return n;
}
