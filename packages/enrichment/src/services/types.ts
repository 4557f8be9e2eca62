/**
 * Shared enrichment types: the service client port and the canonical result shapes every
 * reader (detectors, reports, API) uses. The raw answers stay in the cache for audit; these
 * shapes are what `ServiceClient.normalize` derives from them.
 */

/** The enrichment services we call. */
export type ServiceName = 'dshield' | 'virustotal' | 'urlhaus' | 'spur' | 'hibp';
/** What a service enriches: an IP, a file (SHA-256), or a password (stored as its SHA-1). */
export type SubjectType = 'ip' | 'file' | 'password';
/** What a service said about a key, before normalisation (raw = parsed JSON body, or for HIBP the suffix map object). */
export interface RawAnswer { status: 'found' | 'not_found'; raw: unknown }
/** A service client: fetches one key (IP, sha256, SHA-1 prefix for HIBP) from the API. */
export interface ServiceClient<T = unknown> {
  readonly service: ServiceName;
  readonly subjectType: SubjectType;
  /** False when credentials are missing (or HIBP not enabled); `disabledReason` says why, once. */
  readonly enabled: boolean;
  readonly disabledReason?: string;
  /** The cache key for a subject (HIBP: the 5-char upper-case SHA-1 prefix of the password's SHA-1; others: the normalised subject). */
  cacheKey(subject: string): string;
  /** Calls the API (rate limited, retried, circuit-broken, single-flight). Throws EnrichmentError subclasses on failure. */
  fetch(key: string, opts?: { signal?: AbortSignal }): Promise<RawAnswer>;
  /** Raw answer (from the API or any cache tier, including predecessor legacy forms) -> canonical result for one subject. */
  normalize(subject: string, answer: RawAnswer): T;
}

/** Every service name, in a stable order. */
export const SERVICE_NAMES: readonly ServiceName[] = ['dshield', 'virustotal', 'urlhaus', 'spur', 'hibp'];

/** DShield / SANS ISC's view of one IP (`GET /ip/{ip}?json`). Numbers that ISC sends as strings are numbers here. */
export interface DshieldIpInfo {
  ip: string;
  /** Reports (packets blocked) from this IP; `null` when ISC never saw it. */
  count: number | null;
  /** Unique destinations targeted; `null` when never reported. */
  attacks: number | null;
  /** Last / first report day (`YYYY-MM-DD`). */
  maxdate: string | null;
  mindate: string | null;
  updated: string | null;
  asn: number | null;
  asName: string | null;
  /** Two-letter country of the AS (`ascountry`). */
  country: string | null;
  asSize: number | null;
  network: string | null;
  abuseContact: string | null;
  comment: string | null;
  /** Threat feeds listing the IP: name -> first/last seen day. */
  threatfeeds: Record<string, { firstseen: string | null; lastseen: string | null }>;
  /** ISC's own error text (e.g. `bad IP address`, answered with HTTP 200). */
  error?: string;
}

/** URLhaus's view of one host (`POST /host/`). */
export interface UrlhausHostInfo {
  host: string;
  /** Malware URLs URLhaus knows on this host (0 for `no_results`). */
  urlCount: number;
  /** Sorted, de-duplicated union of every URL's tags. */
  tags: string[];
  firstSeen: string | null;
  /** Blocklist name -> verdict (`spamhaus_dbl`, `surbl`). */
  blacklists: Record<string, string>;
  reference: string | null;
}

/** One anonymising tunnel (VPN, proxy, Tor) SPUR saw this IP take part in. */
export interface SpurTunnel {
  type: string | null;
  operator: string | null;
  anonymous: boolean | null;
  entries: string[];
  exits: string[];
}

/**
 * SPUR's IP context (`GET /v2/context/{ip}`) as a documented object — never the predecessor's
 * positional 18-slot list (both of its orders are read by the normaliser).
 */
export interface SpurContext {
  ip: string;
  asn: number | null;
  asOrganization: string | null;
  organization: string | null;
  /** e.g. `DATACENTER`, `RESIDENTIAL`, `MOBILE`. */
  infrastructure: string | null;
  risks: string[];
  services: string[];
  tunnels: SpurTunnel[];
  client: {
    behaviors: string[];
    proxies: string[];
    types: string[];
    count: number | null;
    countries: number | null;
    spread: number | null;
    concentration: { country: string | null; state: string | null; city: string | null; geohash: string | null; density: number | null; skew: number | null } | null;
  };
  location: { city: string | null; state: string | null; country: string | null } | null;
}

/** VirusTotal's verdict on one file (`GET /files/{sha256}`). */
export interface FileReport {
  sha256: string;
  /** False when VirusTotal has never seen the file (404). */
  known: boolean;
  maliciousCount: number;
  suspiciousCount: number;
  harmlessCount: number;
  undetectedCount: number;
  typeDescription: string | null;
  names: string[];
  /** ISO-8601 UTC. */
  firstSubmission: string | null;
  lastAnalysis: string | null;
  popularThreatLabel: string | null;
}

/** The per-service piece VirusTotal contributes (the file report itself). */
export type VtFileInfo = FileReport;

/** A parsed HIBP range answer: upper-case 35-char suffix -> times seen (padding `:0` lines dropped). */
export interface HibpRangeResult {
  prefix: string;
  counts: Record<string, number>;
}

/** Whether one password (identified by its SHA-1, never stored in clear) appears in HIBP. */
export interface PasswordExposure {
  /** Upper-case SHA-1 hex of the password. */
  sha1: string;
  pwned: boolean;
  /** Times seen in breaches (0 when not pwned). */
  count: number;
}

/** The IP reputation every reader uses: identity from whichever service knew it, plus each service's piece. */
export interface IpReputation {
  ip: string;
  country: string | null;
  asn: number | null;
  asName: string | null;
  network: string | null;
  dshield: { attacks: number | null; count: number | null; maxdate: string | null; mindate: string | null; threatfeeds: string[] } | null;
  urlhaus: { urlCount: number; tags: string[] } | null;
  spur: SpurContext | null;
  /** Services that contributed (in merge order). */
  sources: ServiceName[];
}
