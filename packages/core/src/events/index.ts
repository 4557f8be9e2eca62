/**
 * Typed Cowrie events: the event types for every Cowrie era, the normalisers that make the
 * eras comparable, and {@link parseEvent}.
 *
 * @module
 */
export type { EventEnvelope, Protocol } from './envelope.js';
export type { SessionEvent, SessionConnectEvent, SessionClosedEvent, SessionParamsEvent } from './session-events.js';
export type {
  ClientEvent,
  ClientVersionEvent,
  ClientKexEvent,
  ClientSizeEvent,
  ClientVarEvent,
  ClientFingerprintEvent,
  ClientMalformedPacketEvent,
} from './client-events.js';
export type { AuthEvent, LoginFields, LoginSuccessEvent, LoginFailedEvent } from './auth-events.js';
export type {
  ShellEvent,
  CommandInputEvent,
  CommandFailedEvent,
  CommandSuccessEvent,
  CommandChpasswdEvent,
  SessionInputEvent,
  LogOpenEvent,
  LogClosedEvent,
} from './shell-events.js';
export type { FileEvent, FileDownloadEvent, FileDownloadFailedEvent, FileUploadEvent } from './file-events.js';
export type {
  TcpipEvent,
  TcpipForwardFields,
  DirectTcpipRequestEvent,
  DirectTcpipDataEvent,
  DirectTcpipRedirectEvent,
  DirectTcpipTunnelEvent,
  DirectTcpipJa4Event,
  DirectTcpipJa4hEvent,
  TunnelproxyTcpipDataEvent,
} from './tcpip-events.js';
export type {
  TelnetEvent,
  TelnetOptionEvent,
  TelnetExploitAttemptEvent,
  TelnetExploitSuccessEvent,
  TelnetErrorEvent,
} from './telnet-events.js';
export type {
  ProxyEvent,
  ProxyBackendFields,
  ProxyBackendConnectErrorEvent,
  ProxyBackendConnectedEvent,
  ProxyBackendDisconnectedEvent,
  ProxyClientDisconnectEvent,
  ProxySshEvent,
  PoolClientEvent,
  BackendPoolEvent,
} from './proxy-events.js';
export type {
  PluginEvent,
  VirustotalFields,
  ReversednsConnectEvent,
  ReversednsForwardEvent,
  GreynoiseResultEvent,
  VirustotalScanfileEvent,
  VirustotalScanurlEvent,
  UrlhausSubmittedEvent,
  ThreatjammerEvent,
} from './plugin-events.js';
export type {
  OperationalEvent,
  AbuseipdbStartedEvent,
  AbuseipdbWakeupEvent,
  AbuseipdbRatelimitedEvent,
  AbuseipdbReportedipEvent,
  AbuseipdbReportfailEvent,
} from './operational-events.js';
export type { CowrieEvent, UnknownEvent, EventOfKind } from './cowrie-event.js';
export { assertNever } from './cowrie-event.js';
export type { CurrentEventId, RetiredEventId, RetiredEventFamily, KnownEventId, EventKind } from './event-ids.js';
export {
  CURRENT_EVENT_IDS,
  RETIRED_EVENT_IDS,
  RETIRED_EVENT_FAMILIES,
  KNOWN_EVENT_IDS,
  isKnownEventId,
  retiredEventFamily,
} from './event-ids.js';
export { parseEvent } from './parse-event.js';
export type { ParseEventOptions } from './build-envelope.js';
export { normalizeTimestamp } from './normalize-timestamp.js';
export { normalizeDurationMs } from './normalize-duration.js';
export { normalizeMessage } from './normalize-message.js';
export { normalizeClientVersion, type ClientVersion } from './normalize-client-version.js';
export { normalizeIp } from './normalize-ip.js';
export { inferProtocol } from './normalize-protocol.js';
export { mapLegacyEventId } from './normalize-legacy-id.js';
export { sanitizeRaw } from './sanitize-raw.js';
