import { analyzeCommand, eventRiskScore, extractSshKeys } from '../commands/index.js';
import type { CommandAnalysis } from '../commands/types.js';
import type { CowrieEvent } from '../events/index.js';
import type { DerivedRows } from '../store/writer/batch-types.js';
import { emptySessionDelta, type SessionDelta } from '../store/writer/session-delta.js';

// Attack traffic repeats the same few command lines thousands of times: analyse each once.
const analysisCache = new Map<string, CommandAnalysis>();
function analyze(input: string): CommandAnalysis {
  const hit = analysisCache.get(input);
  if (hit) return hit;
  if (analysisCache.size > 5_000) analysisCache.clear();
  const a = analyzeCommand(input);
  analysisCache.set(input, a);
  return a;
}

/** Derived rows and the session contribution of one typed event. */
export interface EventFacts {
  derived: DerivedRows | null;
  session: SessionDelta | null;
}

/**
 * Turn one typed event into the rows that hang off it (commands, logins, downloads, SSH keys,
 * forwards) and its contribution to its session's aggregate. Pure: no I/O.
 */
export function deriveFacts(ev: CowrieEvent): EventFacts {
  const sensor = ev.sensor ?? '';
  const base = { sensor, session: ev.session, ts: ev.timestamp, src_ip: ev.srcIp };
  const s = ev.session === null ? null : emptySessionDelta(sensor, ev.session);
  if (s) {
    s.firstTs = ev.timestamp;
    s.lastTs = ev.timestamp;
    s.eventCount = 1;
    s.srcIp = ev.srcIp;
    s.protocol = ev.protocol === 'unknown' ? null : ev.protocol;
  }
  let derived: DerivedRows | null = null;
  switch (ev.kind) {
    case 'cowrie.session.connect':
      if (s) {
        s.srcPort = ev.srcPort;
        s.dstIp = ev.dstIp;
        s.dstPort = ev.dstPort;
        s.connectSeen = 1;
      }
      break;
    case 'cowrie.session.closed':
      if (s) {
        s.durationMs = ev.durationMs;
        s.closed = 1;
      }
      break;
    case 'cowrie.client.version':
      if (s) {
        s.clientVersion = ev.version;
        s.clientVersionNorm = ev.versionNormalized;
      }
      break;
    case 'cowrie.client.kex':
      if (s) s.hassh = ev.hassh;
      break;
    case 'cowrie.login.success':
    case 'cowrie.login.failed': {
      const success = ev.kind === 'cowrie.login.success' ? 1 : 0;
      derived = { auth: [{ ...base, username: ev.username, password: ev.password, success, fingerprint: ev.fingerprint, key_type: ev.keyType }] };
      if (s) {
        s.loginAttempts = 1;
        s.loginSuccess = success;
      }
      break;
    }
    case 'cowrie.command.input':
    case 'cowrie.command.failed':
    case 'cowrie.command.success':
    case 'cowrie.session.input': {
      if (ev.input === null) break;
      const a = analyze(ev.input);
      const risk = eventRiskScore(ev.kind, ev.input);
      derived = { commands: [{ ...base, eventid: ev.kind, input: ev.input, normalized: a.normalized, defanged: a.defanged, risk_level: a.riskLevel, risk_score: risk }] };
      if (ev.kind === 'cowrie.command.input' && ev.input.includes('authorized_keys')) {
        derived.sshKeys = extractSshKeys(ev.input).map((k) => ({
          ...base, key_type: k.keyType, key_data: k.keyData, comment: k.comment,
          fingerprint_sha256: k.fingerprintSha256, fingerprint_md5: k.fingerprintMd5, bits: k.bits,
        }));
      }
      if (s) {
        s.riskScore = risk;
        if (ev.kind === 'cowrie.command.input') s.commandCount = 1;
        s.sshKeyCount = derived.sshKeys?.length ?? 0;
      }
      break;
    }
    case 'cowrie.session.file_download':
      if (ev.url === null && ev.shasum === null && ev.outfile === null) break; // v2.5 scp stdin mislogged under this id
      derived = { downloads: [{ ...base, eventid: ev.kind, direction: 'download', failed: 0, url: ev.url, shasum: ev.shasum, outfile: ev.outfile, destfile: ev.destfile, filename: null }] };
      if (s) {
        s.downloadCount = 1;
        s.riskScore = eventRiskScore(ev.kind, null);
      }
      break;
    case 'cowrie.session.file_download.failed':
      derived = { downloads: [{ ...base, eventid: ev.kind, direction: 'download', failed: 1, url: ev.url, shasum: null, outfile: null, destfile: null, filename: null }] };
      break;
    case 'cowrie.session.file_upload':
      derived = { downloads: [{ ...base, eventid: ev.kind, direction: 'upload', failed: 0, url: ev.url, shasum: ev.shasum, outfile: ev.outfile, destfile: ev.destfile, filename: ev.filename }] };
      if (s) s.uploadCount = 1;
      break;
    case 'cowrie.direct-tcpip.request':
    case 'cowrie.direct-tcpip.data':
    case 'cowrie.direct-tcpip.redirect':
    case 'cowrie.direct-tcpip.tunnel':
    case 'cowrie.direct-tcpip.ja4':
    case 'cowrie.direct-tcpip.ja4h':
      derived = { forwards: [{ ...base, eventid: ev.kind, target_host: ev.targetHost, target_port: ev.targetPort, orig_ip: ev.origIp, orig_port: ev.origPort }] };
      if (s && ev.kind === 'cowrie.direct-tcpip.request') s.tcpipCount = 1;
      break;
    default:
      break;
  }
  return { derived, session: s };
}
