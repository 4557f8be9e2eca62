import type { RateLimit } from '../rate-limit/rate-limiter.js';
import type { ServiceName } from '../services/types.js';

/** Everything a client needs to call one service, after precedence has been applied. */
export interface ServiceConfig {
  service: ServiceName;
  /** Base URL including the version path (`https://www.virustotal.com/api/v3`), no trailing slash. */
  baseUrl: string;
  /** API key (VirusTotal, URLhaus, SPUR) or contact email (DShield); HIBP needs neither. */
  credentials: { key?: string; email?: string };
  rate: RateLimit;
  enabled: boolean;
  /** One clear notice when disabled (missing credentials, HIBP not enabled, not selected). */
  disabledReason?: string;
  /** Per-request deadline (headers and body). */
  timeoutMs: number;
  /** Where each setting came from (`flag`, `COWRIE_VT_KEY`, `VT_API_KEY`, `sensors.toml [global]`, `default` …). */
  sources: { baseUrl: string; credentials: string | null; rate: string };
  /** Non-fatal problems (unsupported secret reference, unknown sensor …). */
  warnings: string[];
}

/** Per-service configuration for every service. */
export type EnrichmentConfig = Record<ServiceName, ServiceConfig>;

/** Default base URLs (conventions.md "Enrichment endpoints"). */
export const DEFAULT_BASE_URLS: Record<ServiceName, string> = {
  dshield: 'https://isc.sans.edu/api',
  virustotal: 'https://www.virustotal.com/api/v3',
  urlhaus: 'https://urlhaus-api.abuse.ch/v1',
  spur: 'https://api.spur.us/v2',
  hibp: 'https://api.pwnedpasswords.com',
};

/**
 * Default rates. VirusTotal: the public API's 4/min and 500/day. DShield publishes no number
 * ("no strict limits", 429 under load): 1/s as the predecessor used. URLhaus 2/s and SPUR 1/s:
 * the predecessor's `SERVICE_RATE_LIMITS` (neither publishes a limit). HIBP's range API has no
 * limit (Cloudflare-cached); 5/s stays polite and still checks 18,000 prefixes an hour.
 */
export const DEFAULT_RATES: Record<ServiceName, RateLimit> = {
  dshield: { perInterval: 1, intervalMs: 1000 },
  virustotal: { perInterval: 4, intervalMs: 60_000, daily: 500 },
  urlhaus: { perInterval: 2, intervalMs: 1000 },
  spur: { perInterval: 1, intervalMs: 1000 },
  hibp: { perInterval: 5, intervalMs: 1000 },
};

/** The predecessor's 30 s per request. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The `COWRIE_<X>_…` infix of each service. */
export const ENV_NAMES: Record<ServiceName, string> = {
  dshield: 'DSHIELD', virustotal: 'VT', urlhaus: 'URLHAUS', spur: 'SPUR', hibp: 'HIBP',
};
