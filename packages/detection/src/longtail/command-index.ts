import type { LongtailSession } from './longtail-session.js';
import { commandForm } from './command-form.js';
import type { SessionRef } from './longtail-types.js';

/** The window's and the history's commands grouped by rarity form, built once per run. */
export interface CommandIndex {
  /** Per window session: its commands' forms, in order (same length as `commands`). */
  forms: string[][];
  /** Form → indices of window sessions showing it. */
  windowSessions: Map<string, number[]>;
  /** Form → command events in the window. */
  windowCount: Map<string, number>;
  /** Per history session: its commands' forms, in order. */
  historyForms: string[][];
  /** Form → sessions showing it in the history (baseline) window. */
  historySessions: Map<string, number>;
  /** Sessions with at least one command: window, history. */
  windowWithCommands: number;
  historyWithCommands: number;
}

// Most honeypot sessions type nothing: they all share one empty list (never written to).
const NO_FORMS: string[] = [];

/**
 * Group commands by {@link commandForm} for the window and the history (forms are memoised:
 * honeypot commands repeat a lot).
 *
 * @example
 * ```ts
 * const idx = buildCommandIndex(windowSessions, historySessions);
 * idx.windowSessions.get('uname -a')?.length; // window sessions that ran it
 * ```
 */
export function buildCommandIndex(window: readonly LongtailSession[], history: readonly LongtailSession[]): CommandIndex {
  const memo = new Map<string, string>();
  const formOf = (normalized: string) => {
    let f = memo.get(normalized);
    if (f === undefined) memo.set(normalized, (f = commandForm(normalized)));
    return f;
  };
  const windowSessions = new Map<string, number[]>();
  const windowCount = new Map<string, number>();
  let windowWithCommands = 0;
  const forms = window.map((s, i) => {
    if (s.commands.length === 0) return NO_FORMS;
    const fs = s.commands.map((c) => formOf(c.normalized));
    if (fs.length > 0) windowWithCommands++;
    for (const f of fs) windowCount.set(f, (windowCount.get(f) ?? 0) + 1);
    for (const f of new Set(fs)) {
      const list = windowSessions.get(f);
      if (list) list.push(i);
      else windowSessions.set(f, [i]);
    }
    return fs;
  });
  const historySessions = new Map<string, number>();
  let historyWithCommands = 0;
  const historyForms = history.map((s) => {
    if (s.commands.length === 0) return NO_FORMS;
    const fs = s.commands.map((c) => formOf(c.normalized));
    if (fs.length > 0) historyWithCommands++;
    for (const f of new Set(fs)) historySessions.set(f, (historySessions.get(f) ?? 0) + 1);
    return fs;
  });
  return { forms, windowSessions, windowCount, historyForms, historySessions, windowWithCommands, historyWithCommands };
}

/**
 * The session as findings name it.
 *
 * @example
 * ```ts
 * sessionRef(record); // { sensor: 'hp-1', session: 'a1b2', srcIp: '203.0.113.5', firstTs: '…' }
 * ```
 */
export function sessionRef(s: LongtailSession): SessionRef {
  return { sensor: s.sensor, session: s.session, srcIp: s.srcIp, firstTs: s.firstTs };
}

/**
 * Up to `n` distinct original inputs of window commands whose form is `form`, from the given sessions.
 *
 * @example
 * ```ts
 * examplesOf(window, idx, 'wget [URL]', idx.windowSessions.get('wget [URL]') ?? [], 3);
 * ```
 */
export function examplesOf(window: readonly LongtailSession[], idx: CommandIndex, form: string, sessions: number[], n: number): string[] {
  const out = new Set<string>();
  for (const i of sessions) {
    const fs = idx.forms[i] ?? [];
    const cmds = window[i]?.commands ?? [];
    for (let j = 0; j < fs.length && out.size < n; j++) if (fs[j] === form) out.add(cmds[j]!.input);
    if (out.size >= n) break;
  }
  return [...out];
}
