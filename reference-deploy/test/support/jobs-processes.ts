import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI (tests run after `npm run build`). */
export const CLI = fileURLToPath(new URL('../../../packages/cli/bin/cowrie.js', import.meta.url));

/** A child process running the CLI, with its output collected. */
export interface CliProcess {
  proc: ChildProcess;
  name: string;
  output(): string;
  /** Wait until a line of stdout/stderr matches (returns the match). */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** SIGTERM (then SIGKILL after 10 s) and wait for the exit. */
  stop(): Promise<number | null>;
}

/**
 * Start `cowrie <args>` with `env` added to the environment.
 *
 * @example
 * ```ts
 * const c = spawnCli('coordinator', ['coordinator', '--port', '0'], { COWRIE_QUEUE: url });
 * ```
 */
export function spawnCli(name: string, args: string[], env: Record<string, string>): CliProcess {
  const proc = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (b: Buffer) => {
    out += b.toString('utf8');
    for (const w of waiters) w();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc, name,
    output: () => out,
    waitFor(re, ms = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(re);
          if (m) {
            cleanup();
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${name}: no output matching ${re} within ${ms} ms; output:\n${out.slice(-3000)}`));
        }, ms);
        const onExit = () => {
          check();
          cleanup();
          reject(new Error(`${name} exited before printing ${re}; output:\n${out.slice(-3000)}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
          proc.off('exit', onExit);
        };
        waiters.add(check);
        proc.once('exit', onExit);
        check();
      });
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
}

/** Read a server-sent event stream until it ends; returns `[event, data]` pairs. */
export async function readSse(url: string, headers: Record<string, string>): Promise<Array<[string, Record<string, unknown>]>> {
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
  if (!res.ok || !res.body) throw new Error(`SSE ${url}: HTTP ${res.status} ${await res.text()}`);
  const events: Array<[string, Record<string, unknown>]> = [];
  let buf = '';
  const dec = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buf += dec.decode(chunk, { stream: true });
    let i: number;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const ev = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: ?(.*)$/m.exec(block)?.[1];
      if (data) events.push([ev, JSON.parse(data) as Record<string, unknown>]);
    }
  }
  return events;
}
