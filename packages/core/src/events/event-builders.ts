/**
 * The eventid → builder lookup used by {@link parseEvent}: one `Map` probe per event
 * instead of a 49-way string comparison chain.
 *
 * @module
 */
import { authBuilders } from './build-auth-events.js';
import { clientBuilders } from './build-client-events.js';
import { fileBuilders } from './build-file-events.js';
import { operationalBuilders } from './build-operational-events.js';
import { pluginBuilders } from './build-plugin-events.js';
import { proxyBuilders } from './build-proxy-events.js';
import { sessionBuilders } from './build-session-events.js';
import { shellBuilders } from './build-shell-events.js';
import { tcpipBuilders } from './build-tcpip-events.js';
import { telnetBuilders } from './build-telnet-events.js';
import type { BuilderTable, EventBuilder } from './event-builder.js';

/** Typed as the complete table, so a known id without a builder does not compile. */
const TABLE: BuilderTable = {
  ...sessionBuilders,
  ...clientBuilders,
  ...authBuilders,
  ...shellBuilders,
  ...fileBuilders,
  ...tcpipBuilders,
  ...telnetBuilders,
  ...proxyBuilders,
  ...pluginBuilders,
  ...operationalBuilders,
};

/** Builder for each known eventid. */
export const EVENT_BUILDERS: ReadonlyMap<string, EventBuilder> = new Map<string, EventBuilder>(
  Object.entries(TABLE) as Array<[string, EventBuilder]>,
);
