import type { Command } from 'commander';
import { getSessionDetail, resolveSessionRef } from '@cowrieprocessor/core';
import { withStore, type DbOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, printLines, printable, truncate } from '../output.js';
import { addDbOptions } from './common-options.js';

/**
 * `cowrie sessions show <sensor/session | session>`: one session with its events and derived
 * rows; exit 1 when unknown, 2 when a bare id is ambiguous.
 *
 * @example
 * ```ts
 * registerSessionsShow(program.command('sessions'), io, (code) => (exitCode = code));
 * ```
 */
export function registerSessionsShow(sessions: Command, io: CliIo, setExit: (code: number) => void): void {
  addDbOptions(
    sessions.command('show')
      .description('one session with its events, logins, commands, downloads and TCP forwards (exit 1 when unknown)')
      .argument('<ref>', 'sensor/session, or a session id that is unique across sensors'),
  ).action(async (ref: string, opts: DbOptions) => {
    const detail = await withStore(io, opts, { access: 'read', command: 'sessions show' }, async (store) => {
      const key = await resolveSessionRef(store, ref);
      return key ? getSessionDetail(store, key) : null;
    });
    if (!detail) {
      if (opts.json) printJson(io, { error: { code: 'NOT_FOUND', message: `no session ${ref}` } });
      io.stderr.write(`cowrie: no session ${ref}\n`);
      setExit(1);
      return;
    }
    if (opts.json) {
      printJson(io, detail);
    } else {
      const d = detail;
      printLines(io, [
        `Session ${printable(d.ref)}  ${d.protocol ?? '?'} from ${printable(d.srcIp ?? '?')}${d.srcPort ? `:${d.srcPort}` : ''}`,
        `  ${d.firstTs ?? '?'} → ${d.lastTs ?? '?'}${d.durationMs !== null ? ` (${(d.durationMs / 1000).toFixed(1)} s)` : ''}${d.closed ? '' : ' (no close event)'}`,
        `  client ${printable(d.clientVersion ?? '-')}  hassh ${printable(d.hassh ?? '-')}  risk ${d.riskScore}`,
        `  ${d.eventCount} events, ${d.loginAttempts} logins (${d.loginSuccess} ok), ${d.commandCount} commands, ${d.downloadCount} downloads, ${d.forwards.length} forwards`,
        '',
        ...d.events.map((e) => `  ${e.ts ?? '?'}  ${e.eventid.replace(/^cowrie\./, '').padEnd(24)} ${truncate(printable(eventText(e.payload)), 100)}`),
      ]);
    }
    setExit(0);
  });
}

function eventText(p: Record<string, unknown>): string {
  for (const k of ['input', 'username', 'url', 'version', 'message']) {
    const v = p[k];
    if (typeof v === 'string' && v) return k === 'username' ? `${v} / ${String(p['password'] ?? '')}` : v;
  }
  return '';
}
