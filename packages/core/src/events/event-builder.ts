/**
 * The type of the per-kind builder functions and of the complete builder table.
 *
 * @module
 */
import type { CowrieEvent, EventOfKind } from './cowrie-event.js';
import type { EventEnvelope } from './envelope.js';
import type { KnownEventId } from './event-ids.js';

/** Adds the kind-specific fields of one event to its already-built envelope. */
export type EventBuilder<E extends CowrieEvent = CowrieEvent> = (raw: Record<string, unknown>, env: EventEnvelope) => E;

/** One builder per known id: a missing or mistyped entry is a compile error. */
export type BuilderTable = { [K in KnownEventId]: EventBuilder<EventOfKind<K>> };
