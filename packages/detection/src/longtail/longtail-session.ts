import type { SessionRecord } from '../data/session-record.js';

/**
 * What the longtail detector reads of a session once its intrinsic features are known: the
 * names findings use, the fingerprints of the context features, credentials (emerging pairs)
 * and commands (forms, sequences, payloads, examples). A {@link SessionRecord} is one; the
 * store path keeps only this, with repeated strings and child objects shared, because a full
 * record per session is most of longtail's memory on large windows.
 */
export interface LongtailSession {
  sensor: string;
  session: string;
  srcIp: string | null;
  firstTs: string | null;
  clientVersion: string | null;
  hassh: string | null;
  credentials: ReadonlyArray<{ readonly username: string | null; readonly password: string | null }>;
  commands: ReadonlyArray<{ readonly input: string; readonly normalized: string }>;
}

type Credential = LongtailSession['credentials'][number];
type Command = LongtailSession['commands'][number];

const NONE: readonly never[] = Object.freeze([]);
// Length-prefixed, so no content can make two different pairs one key; null and '' stay apart.
const pairKey = (a: string | null, b: string | null) => `${a === null ? -1 : a.length}:${a ?? ''}${b === null ? 'n' : 's'}${b ?? ''}`;

/**
 * Turns full records into {@link LongtailSession}s that share what repeats: fingerprint and IP
 * strings, one frozen object per distinct credential pair and per distinct command (honeypot
 * sessions replay the same few), one frozen empty list for sessions without any. Values are
 * equal to the record's, so every longtail result is unchanged.
 *
 * @example
 * ```ts
 * const slim = new LongtailSlimmer();
 * const sessions = records.map((r) => slim.of(r));
 * ```
 */
export class LongtailSlimmer {
  private readonly strings = new Map<string, string>();
  private readonly credentials = new Map<string, Credential>();
  private readonly commands = new Map<string, Command>();

  /** The slim, shared form of one record. */
  of(s: SessionRecord): LongtailSession {
    return {
      sensor: this.str(s.sensor), session: s.session, srcIp: this.opt(s.srcIp), firstTs: s.firstTs,
      clientVersion: this.opt(s.clientVersion), hassh: this.opt(s.hassh),
      credentials: s.credentials.length === 0 ? NONE : s.credentials.map((c) => this.credential(c.username, c.password)),
      commands: s.commands.length === 0 ? NONE : s.commands.map((c) => this.command(c.input, c.normalized)),
    };
  }

  private str(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  private opt(s: string | null): string | null {
    return s === null ? null : this.str(s);
  }

  private credential(username: string | null, password: string | null): Credential {
    const k = pairKey(username, password);
    let c = this.credentials.get(k);
    if (!c) this.credentials.set(k, (c = Object.freeze({ username: this.opt(username), password: this.opt(password) })));
    return c;
  }

  private command(input: string, normalized: string): Command {
    const k = pairKey(input, normalized);
    let c = this.commands.get(k);
    if (!c) this.commands.set(k, (c = Object.freeze({ input, normalized })));
    return c;
  }
}
