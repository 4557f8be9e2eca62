import type { Command } from 'commander';
import { UsageError } from '@cowrieprocessor/core';
import {
  SERVICE_NAMES, createCacheFromSpec, createServiceClients, createSqlRateLimiter, refreshEnrichment, resolveEnrichmentConfig,
  type RefreshResult, type ServiceName,
} from '@cowrieprocessor/enrichment';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, printLines } from '../output.js';
import { addDbOptions, positiveInt } from './common-options.js';
import { enrichProgressBar } from './enrich-progress.js';

interface RefreshCliOptions extends DbOptions {
  cache?: string;
  services?: string;
  limit?: number;
  offline?: boolean;
  config?: string;
  sensor?: string;
  progress?: boolean;
}

/**
 * Parse `--services dshield,virustotal`: known names only, else a usage error naming them.
 *
 * @example
 * ```ts
 * parseServices('dshield, hibp'); // ['dshield', 'hibp']
 * ```
 */
export function parseServices(v: string | undefined): ServiceName[] | undefined {
  if (v === undefined) return undefined;
  const names = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = names.filter((n) => !(SERVICE_NAMES as readonly string[]).includes(n));
  if (bad.length > 0 || names.length === 0) throw new UsageError('BAD_SERVICES', `--services: unknown service ${bad.map((b) => `"${b}"`).join(', ') || '(none)'}; use ${SERVICE_NAMES.join(', ')}`);
  return names as ServiceName[];
}

/**
 * `cowrie enrich refresh`: enrich source IPs, download hashes and (HIBP enabled) passwords that
 * lack fresh enrichment; see `refreshEnrichment`.
 *
 * @example
 * ```ts
 * registerEnrichRefresh(program.command('enrich'), io, (code) => (exitCode = code));
 * ```
 */
export function registerEnrichRefresh(enrich: Command, io: CliIo, setExit: (code: number) => void): void {
  addDbOptions(enrich.command('refresh').description('enrich source IPs, download hashes and passwords that lack fresh enrichment'))
    .option('--cache <spec>', 'where raw answers are cached: sql (default), disk:<dir>, hybrid:<dir> or memory')
    .option('--services <list>', `comma-separated services (${SERVICE_NAMES.join(', ')}); listing hibp enables it`)
    .option('--limit <n>', 'at most this many subjects per service', positiveInt('--limit'))
    .option('--offline', 'caches only: no API call')
    .option('--config <path>', 'the predecessor\'s sensors.toml for credentials (default config/sensors.toml, then ./sensors.toml)')
    .option('--sensor <name>', 'the [[sensor]] block of sensors.toml to read after [global]')
    .option('--no-progress', 'no progress bar even on a terminal')
    .action(async (opts: RefreshCliOptions) => {
      const services = parseServices(opts.services);
      const bar = enrichProgressBar(io, opts.progress !== false);
      let r: RefreshResult;
      try {
        r = await withStore(io, opts, { access: 'write', command: 'enrich refresh' }, async (store) => {
          const config = resolveEnrichmentConfig({ flags: { services }, env: io.env, sensorsToml: opts.config, sensor: opts.sensor, cwd: io.cwd });
          // Buckets in the database: every process using it shares one limit per service.
          const limiter = createSqlRateLimiter(store);
          const cache = createCacheFromSpec(opts.cache, { store, cwd: io.cwd, onTierError: (tier, op, err) => io.stderr.write(`cowrie: cache tier ${tier} failed on ${op}: ${(err as Error).message}\n`) });
          try {
            const clients = createServiceClients(config, { limiter });
            for (const s of services ?? SERVICE_NAMES) {
              const c = config[s];
              // One notice per disabled service that was asked for or has credentials missing (HIBP off by default is no news).
              if (!c.enabled && !opts.offline && (services || s !== 'hibp')) io.stderr.write(`cowrie: ${s} disabled: ${c.disabledReason}\n`);
            }
            return await refreshEnrichment(store, { cache, clients, services, limit: opts.limit, offline: opts.offline, onProgress: bar.update });
          } finally {
            await cache.close();
            await limiter.close();
          }
        });
      } finally {
        bar.stop();
      }
      if (opts.json) printJson(io, r);
      else printLines(io, describeRefresh(r));
      setExit(0);
    });
}

/**
 * Human summary of a refresh.
 *
 * @example
 * ```ts
 * describeRefresh(r); // ['Enriched 12 IPs, 4 files, 0 passwords in 0.4 s', '  API calls 40, cache hits 0, failures 0', …]
 * ```
 */
export function describeRefresh(r: RefreshResult): string[] {
  return [
    `Enriched ${r.ips} IPs, ${r.files} files, ${r.passwords} passwords in ${r.seconds.toFixed(1)} s`,
    `  API calls ${r.apiCalls}, cache hits ${r.cacheHits}, failures ${r.failures}, not found ${r.notFound}, skipped ${r.skipped}`,
    ...Object.entries(r.services).map(([s, x]) => x!.disabled
      ? `  ${s}: disabled (${x!.disabled})`
      : `  ${s}: ${x!.written}/${x!.candidates} stored, ${x!.apiCalls} API calls, ${x!.cacheHits} cache hits, ${x!.failures} failures`),
  ];
}
