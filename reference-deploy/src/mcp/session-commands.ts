/**
 * @module `session_commands` from a session's detail (however it was fetched): the summary, a page
 * of its commands in time order, its logins and downloads.
 */
import type { SessionDetail } from '@cowrieprocessor/core';
import type { PageArgs, SessionCommands } from './mcp-backend.js';
import { decodeOffset, encodeCursor } from './mcp-cursor.js';

/**
 * One page of a session's commands.
 *
 * @example
 * ```ts
 * const out = pageSessionCommands(detail, { session: 'hp-1/abc', limit: 100 });
 * ```
 */
export function pageSessionCommands(d: SessionDetail, a: { session: string } & PageArgs): SessionCommands {
  const offset = decodeOffset('session_commands', a, a.cursor);
  const { events: _events, commands, logins, downloads, sshKeys: _keys, forwards: _forwards, ...session } = d;
  return {
    session, logins, downloads, totalCommands: commands.length,
    commands: commands.slice(offset, offset + a.limit),
    nextCursor: commands.length > offset + a.limit ? encodeCursor('session_commands', a, { offset: offset + a.limit }) : null,
  };
}
