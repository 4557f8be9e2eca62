/**
 * Shell activity: command lines, stdin of emulated commands, and TTY log recordings.
 *
 * @module
 */
import type { EventEnvelope } from './envelope.js';

/** `cowrie.command.input`: one command line as typed (may contain `;`, `&&`, even `\n`). */
export interface CommandInputEvent extends EventEnvelope {
  kind: 'cowrie.command.input';
  input: string | null;
  /** Present when the line fed a command's stdin (`grep`, `crontab`, `chpasswd`, …). */
  realm: string | null;
}

/** `cowrie.command.failed`: an unknown command (the sub-command text, not the whole line). */
export interface CommandFailedEvent extends EventEnvelope {
  kind: 'cowrie.command.failed';
  input: string | null;
}

/** `cowrie.command.success`: legacy; ≤v1.2 emitted it for every known command. */
export interface CommandSuccessEvent extends EventEnvelope {
  kind: 'cowrie.command.success';
  input: string | null;
  realm: string | null;
}

/** `cowrie.command.chpasswd` (v3.0.4+). */
export interface CommandChpasswdEvent extends EventEnvelope {
  kind: 'cowrie.command.chpasswd';
  /** Always `chpasswd` when written. */
  realm: string | null;
  username: string | null;
}

/** `cowrie.session.input`: a line typed into an interactive command's stdin (`cat`, `tee`, …). */
export interface SessionInputEvent extends EventEnvelope {
  kind: 'cowrie.session.input';
  realm: string | null;
  input: string | null;
}

/** `cowrie.log.open`: a TTY recording started (common in ≤v1.3 logs). */
export interface LogOpenEvent extends EventEnvelope {
  kind: 'cowrie.log.open';
  ttylog: string | null;
}

/** `cowrie.log.closed`: a TTY recording finished. */
export interface LogClosedEvent extends EventEnvelope {
  kind: 'cowrie.log.closed';
  /** `log/tty/…-0i.log` (v1), `var/lib/cowrie/tty/<sha256>` (v2+). */
  ttylog: string | null;
  size: number | null;
  /** sha256 of the attacker's input, lower case (v2+, not on the SSH-channel variant). */
  shasum: string | null;
  /** True when this recording's content was seen before. */
  duplicate: boolean | null;
  /** As for `cowrie.session.closed`. */
  durationMs: number | null;
}

/** Shell activity events. */
export type ShellEvent =
  | CommandInputEvent
  | CommandFailedEvent
  | CommandSuccessEvent
  | CommandChpasswdEvent
  | SessionInputEvent
  | LogOpenEvent
  | LogClosedEvent;
