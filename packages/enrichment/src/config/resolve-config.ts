import { dirname } from 'node:path';
import { UsageError } from '@cowrieprocessor/core';
import { parseRate } from '../rate-limit/parse-rate.js';
import type { RateLimit } from '../rate-limit/rate-limiter.js';
import { SERVICE_NAMES, type ServiceName } from '../services/types.js';
import { resolveSecret } from './secret-ref.js';
import { readSensorsToml, type TomlCredentials } from './sensors-toml.js';
import { DEFAULT_BASE_URLS, DEFAULT_RATES, DEFAULT_TIMEOUT_MS, ENV_NAMES, type EnrichmentConfig, type ServiceConfig } from './service-config.js';

/** Command-line (or API option) settings: the highest precedence. */
export interface EnrichmentFlags {
  /** `--services`: only these run; listing `hibp` enables it. */
  services?: readonly ServiceName[];
  urls?: Partial<Record<ServiceName, string>>;
  /** API key per service; for DShield the contact email. */
  credentials?: Partial<Record<ServiceName, string>>;
  rates?: Partial<Record<ServiceName, string | RateLimit>>;
  /** Daily quota per service (VirusTotal's 500 by default). */
  daily?: Partial<Record<ServiceName, number>>;
  timeoutMs?: number;
}

/** Where configuration comes from. */
export interface ResolveConfigOptions {
  flags?: EnrichmentFlags;
  /** Environment (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Path of a predecessor `sensors.toml`; undefined tries `config/sensors.toml` then `./sensors.toml`; `null` reads none. */
  sensorsToml?: string | null;
  /** `[[sensor]]` block to read after `[global]`. */
  sensor?: string;
  /** Directory the default `sensors.toml` paths are relative to. */
  cwd?: string;
}

// Credential sources after flags: our env name, the predecessor's env name, the sensors.toml key.
const CREDENTIALS: Record<Exclude<ServiceName, 'hibp'>, { ours: string; legacy: string; toml: 'vtapi' | 'email' | 'urlhausapi' | 'spurapi'; what: string }> = {
  dshield: { ours: 'COWRIE_DSHIELD_EMAIL', legacy: 'DSHIELD_EMAIL', toml: 'email', what: 'contact email' },
  virustotal: { ours: 'COWRIE_VT_KEY', legacy: 'VT_API_KEY', toml: 'vtapi', what: 'API key' },
  urlhaus: { ours: 'COWRIE_URLHAUS_KEY', legacy: 'URLHAUS_API_KEY', toml: 'urlhausapi', what: 'Auth-Key' },
  spur: { ours: 'COWRIE_SPUR_KEY', legacy: 'SPUR_API_KEY', toml: 'spurapi', what: 'token' },
};

/**
 * Resolve every service's configuration with the precedence flags > `COWRIE_*` env > the
 * predecessor's env names > `sensors.toml` (`[global]`, then `[[sensor]]`). A service without
 * credentials is disabled with one notice in `disabledReason` (never thrown); HIBP stays off
 * until `--services hibp` or `COWRIE_HIBP=on`. Bad rates or URLs throw core's `UsageError`.
 *
 * @example
 * ```ts
 * const config = resolveEnrichmentConfig({ env: process.env, sensor: 'honeypot-1' });
 * for (const c of Object.values(config)) if (!c.enabled) console.error(c.disabledReason);
 * ```
 */
export function resolveEnrichmentConfig(opts: ResolveConfigOptions = {}): EnrichmentConfig {
  const env = opts.env ?? process.env;
  const flags = opts.flags ?? {};
  const toml = readSensorsToml({ path: opts.sensorsToml, sensor: opts.sensor, cwd: opts.cwd });
  const timeoutMs = flags.timeoutMs ?? positiveNumber(env.COWRIE_ENRICH_TIMEOUT_MS, 'COWRIE_ENRICH_TIMEOUT_MS') ?? DEFAULT_TIMEOUT_MS;
  const out = {} as EnrichmentConfig;
  for (const service of SERVICE_NAMES) {
    const envName = ENV_NAMES[service];
    const urlFlag = flags.urls?.[service];
    const urlEnv = env[`COWRIE_${envName}_URL`];
    const baseUrl = checkUrl(urlFlag ?? urlEnv ?? DEFAULT_BASE_URLS[service], service);
    const rate = resolveRate(service, flags, env);
    const cfg: ServiceConfig = {
      service, baseUrl, credentials: {}, rate: rate.value, enabled: true, timeoutMs,
      sources: { baseUrl: urlFlag ? 'flag' : urlEnv ? `COWRIE_${envName}_URL` : 'default', credentials: null, rate: rate.source },
      warnings: [...toml.warnings],
    };
    if (service !== 'hibp') applyCredentials(cfg, service, flags, env, toml);
    else if (!flags.services?.includes('hibp') && !isOn(env.COWRIE_HIBP)) {
      disable(cfg, 'hibp is off: it sends SHA-1 prefixes of collected passwords to api.pwnedpasswords.com; enable with --services hibp or COWRIE_HIBP=on');
    }
    if (cfg.enabled && flags.services && !flags.services.includes(service)) disable(cfg, `${service} not selected (--services ${flags.services.join(',')})`);
    out[service] = cfg;
  }
  return out;
}

function applyCredentials(cfg: ServiceConfig, service: Exclude<ServiceName, 'hibp'>, flags: EnrichmentFlags, env: Record<string, string | undefined>, toml: TomlCredentials): void {
  const c = CREDENTIALS[service];
  let value: string | null = null;
  let source: string | null = null;
  if (flags.credentials?.[service]) [value, source] = [flags.credentials[service] as string, 'flag'];
  else if (env[c.ours]) [value, source] = [env[c.ours] as string, c.ours];
  else if (env[c.legacy]) [value, source] = [env[c.legacy] as string, c.legacy];
  else if (toml.values[c.toml]) {
    const t = toml.values[c.toml] as { raw: string; source: string };
    const r = resolveSecret(t.raw, env, toml.path ? dirname(toml.path) : undefined);
    if (r.value === null) cfg.warnings.push(`${t.source} ${c.toml}: ${r.warning}`);
    else [value, source] = [r.value, `${t.source} ${c.toml}`];
  }
  cfg.sources.credentials = source;
  if (value === null) {
    disable(cfg, `${service} disabled: no ${c.what} (set ${c.ours}, ${c.legacy} or ${c.toml} in sensors.toml)`);
    return;
  }
  cfg.credentials = service === 'dshield' ? { email: value } : { key: value };
}

function resolveRate(service: ServiceName, flags: EnrichmentFlags, env: Record<string, string | undefined>): { value: RateLimit; source: string } {
  const name = `COWRIE_${ENV_NAMES[service]}_RATE`;
  const flag = flags.rates?.[service];
  const base = flag !== undefined ? (typeof flag === 'string' ? parseRate(flag) : flag) : env[name] ? parseRate(env[name] as string) : { ...DEFAULT_RATES[service] };
  const dailyName = `COWRIE_${ENV_NAMES[service]}_DAILY`;
  const daily = flags.daily?.[service] ?? positiveNumber(env[dailyName], dailyName) ?? DEFAULT_RATES[service].daily;
  const value: RateLimit = { perInterval: base.perInterval, intervalMs: base.intervalMs, ...(daily === undefined ? {} : { daily }) };
  return { value, source: flag !== undefined ? 'flag' : env[name] ? name : 'default' };
}

function disable(cfg: ServiceConfig, reason: string): void {
  cfg.enabled = false;
  cfg.disabledReason = reason;
}

function isOn(v: string | undefined): boolean {
  return ['on', '1', 'true', 'yes'].includes((v ?? '').trim().toLowerCase());
}

function positiveNumber(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  if (!(n > 0)) throw new UsageError('BAD_CONFIG', `${name} must be a positive number, got "${v}"`, { name });
  return n;
}

function checkUrl(url: string, service: ServiceName): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new UsageError('BAD_CONFIG', `invalid base URL for ${service}: "${url}"`, { service });
  }
  return url.replace(/\/+$/, '');
}
