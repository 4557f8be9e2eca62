/**
 * Enrichment plugin results: reverse DNS, GreyNoise, VirusTotal, URLhaus, and the retired
 * `cowrie.threatjammer.*` family. They go through the same envelope as session events
 * and can arrive after the session closed (`late`, v3.0.6+; dropped before).
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';

/** `cowrie.reversedns.connect` (v1.6+): PTR of the attacker's address. */
export interface ReversednsConnectEvent extends EventEnvelope {
  kind: 'cowrie.reversedns.connect';
  ptr: string | null;
  ttl: number | null;
}

/** `cowrie.reversedns.forward` (v1.6+): PTR of a forward target (envelope `dstIp`). */
export interface ReversednsForwardEvent extends EventEnvelope {
  kind: 'cowrie.reversedns.forward';
  ptr: string | null;
  ttl: number | null;
}

/** `cowrie.greynoise.result`: the verdict is only in `message`. */
export interface GreynoiseResultEvent extends EventEnvelope {
  kind: 'cowrie.greynoise.result';
}

/** Fields of both VirusTotal results. `positives`, `total`, `scanDate`, `scans` only for items VT knew. */
export interface VirustotalFields {
  /** From the string `"true"` / `"false"` Cowrie writes (a boolean is accepted too). */
  isNew: boolean | null;
  positives: number | null;
  total: number | null;
  scanDate: string | null;
  /** Per-engine results as written by VirusTotal (v2 API shape). */
  scans: Record<string, unknown> | null;
}

/** `cowrie.virustotal.scanfile` (v1.5+). */
export interface VirustotalScanfileEvent extends EventEnvelope, VirustotalFields {
  kind: 'cowrie.virustotal.scanfile';
  /** Lower-cased. */
  sha256: string | null;
}

/** `cowrie.virustotal.scanurl` (v1.5+). */
export interface VirustotalScanurlEvent extends EventEnvelope, VirustotalFields {
  kind: 'cowrie.virustotal.scanurl';
  url: string | null;
}

/** `cowrie.urlhaus.submitted` (after v3.0.12). */
export interface UrlhausSubmittedEvent extends EventEnvelope {
  kind: 'cowrie.urlhaus.submitted';
  url: string | null;
  /** `success` or `error`. */
  result: string | null;
  /** On HTTP errors. */
  httpStatus: number | null;
}

/** Any retired `cowrie.threatjammer.*` event (v2.4–v2.5); the real id is in `eventid`, fields in `raw`. */
export interface ThreatjammerEvent extends EventEnvelope {
  kind: 'cowrie.threatjammer.*';
}

/** Enrichment plugin events. */
export type PluginEvent =
  | ReversednsConnectEvent
  | ReversednsForwardEvent
  | GreynoiseResultEvent
  | VirustotalScanfileEvent
  | VirustotalScanurlEvent
  | UrlhausSubmittedEvent
  | ThreatjammerEvent;
