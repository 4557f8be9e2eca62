/**
 * The discriminated union of every typed event. `switch (ev.kind)` narrows to the event's
 * interface; {@link assertNever} in the `default` branch makes the switch exhaustive.
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';
import type { AuthEvent } from './auth-events.js';
import type { ClientEvent } from './client-events.js';
import type { FileEvent } from './file-events.js';
import type { OperationalEvent } from './operational-events.js';
import type { PluginEvent } from './plugin-events.js';
import type { ProxyEvent } from './proxy-events.js';
import type { SessionEvent } from './session-events.js';
import type { ShellEvent } from './shell-events.js';
import type { TcpipEvent } from './tcpip-events.js';
import type { TelnetEvent } from './telnet-events.js';

/**
 * An event whose id we do not type: a fork's or a third-party plugin's `cowrie.*` id, a
 * legacy id without a successor (`COW0015`), or anything else. Its fields are only in `raw`.
 */
export interface UnknownEvent extends EventEnvelope {
  kind: 'unknown';
}

/** Every typed Cowrie event. */
export type CowrieEvent =
  | SessionEvent
  | ClientEvent
  | AuthEvent
  | ShellEvent
  | FileEvent
  | TcpipEvent
  | TelnetEvent
  | ProxyEvent
  | PluginEvent
  | OperationalEvent
  | UnknownEvent;

/** The event interface for one `kind`. */
export type EventOfKind<K extends CowrieEvent['kind']> = Extract<CowrieEvent, { kind: K }>;

/**
 * Compile-time exhaustiveness check for `switch (ev.kind)`: calling it where `ev` is not
 * `never` is a type error. At run time (a value the types did not foresee) it throws.
 *
 * @example
 * function label(ev: CowrieEvent): string {
 *   switch (ev.kind) {
 *     // … one case per kind …
 *     default:
 *       return assertNever(ev);
 *   }
 * }
 */
export function assertNever(value: never): never {
  throw new Error(`unexpected event kind: ${JSON.stringify((value as { kind?: unknown } | null)?.kind)}`);
}
