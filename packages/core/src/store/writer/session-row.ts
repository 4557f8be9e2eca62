import type { SessionDelta } from './session-delta.js';

/** The `sessions` row a delta inserts when the session is new (column order is the upsert's). */
export function sessionRow(d: SessionDelta, now: string) {
  return {
    sensor: d.sensor, session: d.session, src_ip: d.srcIp, src_port: d.srcPort, dst_ip: d.dstIp, dst_port: d.dstPort,
    protocol: d.protocol, first_ts: d.firstTs, last_ts: d.lastTs, duration_ms: d.durationMs, connect_seen: d.connectSeen,
    closed: d.closed, client_version: d.clientVersion, client_version_norm: d.clientVersionNorm, hassh: d.hassh,
    event_count: d.eventCount, login_attempts: d.loginAttempts, login_success: d.loginSuccess, command_count: d.commandCount,
    download_count: d.downloadCount, upload_count: d.uploadCount, tcpip_count: d.tcpipCount, ssh_key_count: d.sshKeyCount,
    risk_score: d.riskScore, updated_at: now,
  };
}
