/**
 * What one batch contributes to one session. Batches are merged into the `sessions` row by an
 * upsert whose rules match {@link mergeSessionDelta}, so that a session split across batches,
 * files or loads ends with first = min, last = max and counts added.
 */
export interface SessionDelta {
  sensor: string;
  session: string;
  srcIp: string | null;
  srcPort: number | null;
  dstIp: string | null;
  dstPort: number | null;
  protocol: string | null;
  firstTs: string | null;
  lastTs: string | null;
  durationMs: number | null;
  connectSeen: 0 | 1;
  closed: 0 | 1;
  clientVersion: string | null;
  clientVersionNorm: string | null;
  hassh: string | null;
  eventCount: number;
  loginAttempts: number;
  loginSuccess: number;
  commandCount: number;
  downloadCount: number;
  uploadCount: number;
  tcpipCount: number;
  sshKeyCount: number;
  riskScore: number;
}

/** A fresh delta for a session key. */
export function emptySessionDelta(sensor: string, session: string): SessionDelta {
  return {
    sensor, session, srcIp: null, srcPort: null, dstIp: null, dstPort: null, protocol: null,
    firstTs: null, lastTs: null, durationMs: null, connectSeen: 0, closed: 0,
    clientVersion: null, clientVersionNorm: null, hassh: null,
    eventCount: 0, loginAttempts: 0, loginSuccess: 0, commandCount: 0, downloadCount: 0,
    uploadCount: 0, tcpipCount: 0, sshKeyCount: 0, riskScore: 0,
  };
}

/** Smaller of two ISO timestamps, ignoring nulls (ISO UTC strings compare as text). */
export function minTs(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b < a ? b : a;
}

/** Larger of two ISO timestamps, ignoring nulls. */
export function maxTs(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return b > a ? b : a;
}

/**
 * Fold `add` into `into` (in place) with the same rules the SQL upsert applies between batches:
 * connect-event address fields win, first/last are min/max, counts add, risk is the maximum,
 * descriptive fields keep the first value seen.
 */
export function mergeSessionDelta(into: SessionDelta, add: SessionDelta): SessionDelta {
  if (add.connectSeen) {
    into.srcIp = add.srcIp ?? into.srcIp;
    into.srcPort = add.srcPort ?? into.srcPort;
    into.dstIp = add.dstIp ?? into.dstIp;
    into.dstPort = add.dstPort ?? into.dstPort;
    into.connectSeen = 1;
  } else if (!into.connectSeen) {
    into.srcIp ??= add.srcIp;
    into.srcPort ??= add.srcPort;
  }
  into.protocol ??= add.protocol;
  into.firstTs = minTs(into.firstTs, add.firstTs);
  into.lastTs = maxTs(into.lastTs, add.lastTs);
  into.durationMs = add.durationMs ?? into.durationMs;
  if (add.closed) into.closed = 1;
  into.clientVersion ??= add.clientVersion;
  into.clientVersionNorm ??= add.clientVersionNorm;
  into.hassh ??= add.hassh;
  into.eventCount += add.eventCount;
  into.loginAttempts += add.loginAttempts;
  into.loginSuccess += add.loginSuccess;
  into.commandCount += add.commandCount;
  into.downloadCount += add.downloadCount;
  into.uploadCount += add.uploadCount;
  into.tcpipCount += add.tcpipCount;
  into.sshKeyCount += add.sshKeyCount;
  if (add.riskScore > into.riskScore) into.riskScore = add.riskScore;
  return into;
}
