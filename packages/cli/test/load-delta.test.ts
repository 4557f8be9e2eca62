import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectLoadShape } from './support/expectations.js';
import { CLI_BIN, makeTempDir, parseJsonObject, removeTempDir, runCli, show } from './support/run-cli.js';

const line = (i: number) =>
  JSON.stringify({ eventid: 'cowrie.session.connect', timestamp: `2024-06-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(6, '0')}Z`, sensor: 'hp', session: `s${String(i).padStart(11, '0')}`, src_ip: '198.51.100.4', src_port: 40000 + i, dst_ip: '10.0.0.2', dst_port: 2222, protocol: 'ssh' });
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => line(from + k) + '\n').join('');

describe('cowrie load delta', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  it('reads only what is new, keeps an unfinished last line pending, and has the load keys', async () => {
    const live = join(dir, 'logs', 'cowrie.json');
    mkdirSync(join(dir, 'logs'));
    writeFileSync(live, lines(0, 10) + '{"eventid":"cowrie.sess');
    const r1 = await runCli(['load', 'delta', 'logs', '--json'], { cwd: dir });
    expect(r1.code, show(r1)).toBe(0);
    const j1 = parseJsonObject(r1);
    expect(expectLoadShape(j1)).toMatchObject({ records: 10, events: 10, duplicates: 0, deadLetters: 0 });
    expect(j1.pending).toEqual([{ file: join('logs', 'cowrie.json'), byteOffset: Buffer.byteLength(lines(0, 10)), bytes: Buffer.byteLength('{"eventid":"cowrie.sess') }]);
    // Finish the line Cowrie was writing and add more.
    appendFileSync(live, line(10).slice('{"eventid":"cowrie.sess'.length) + '\n' + lines(11, 15));
    const j2 = parseJsonObject(await runCli(['load', 'delta', 'logs', '--json'], { cwd: dir }));
    expect(expectLoadShape(j2)).toMatchObject({ records: 5, events: 5, duplicates: 0 });
    const human = await runCli(['load', 'delta', 'logs'], { cwd: dir });
    expect(human.code, show(human)).toBe(0);
    expect(human.stdout).toMatch(/\brecords 0\b/);
    const summary = parseJsonObject(await runCli(['report', 'summary', '--json'], { cwd: dir }));
    expect(summary.events).toBe(15);
  });

  it('a truncated live file is reported as a warning on stderr and in the result', async () => {
    const live = join(dir, 'cowrie.json');
    writeFileSync(live, lines(0, 5));
    await runCli(['load', 'delta', 'cowrie.json'], { cwd: dir });
    writeFileSync(live, lines(100, 103));
    const r = await runCli(['load', 'delta', 'cowrie.json', '--json'], { cwd: dir });
    expect(r.code, show(r)).toBe(0);
    const j = parseJsonObject(r);
    expect(j.events).toBe(3);
    expect((j.warnings as Array<{ code: string; file: string }>).map((w) => [w.code, w.file])).toEqual([['TRUNCATED', 'cowrie.json']]);
    expect(r.stderr).toMatch(/^cowrie: warning: cowrie\.json was truncated/);
  });

  it('refuses stdin and bad intervals with exit 2', async () => {
    const a = await runCli(['load', 'delta', '-'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^cowrie: .*load bulk -/);
    const b = await runCli(['load', 'delta', '.', '--watch', '--interval', 'soon'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--interval/);
  });

  it('--watch follows the file, prints one JSON object per run, and stops cleanly on SIGTERM', async () => {
    const live = join(dir, 'cowrie.json');
    writeFileSync(live, lines(0, 3));
    const child = spawn(process.execPath, [CLI_BIN, 'load', 'delta', 'cowrie.json', '--watch', '--interval', '300ms', '--json'], { cwd: dir });
    let out = '';
    const runs: Array<Record<string, unknown>> = [];
    const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch produced: ${out}`)), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const complete = out.split('\n').slice(0, -1);
        while (runs.length < complete.length) {
          runs.push(JSON.parse(complete[runs.length]!) as Record<string, unknown>);
          if (runs.length === 1) appendFileSync(live, lines(3, 7)); // grows between runs
        }
        if (runs.some((r) => r.events === 4)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    expect(await done).toBe(0);
    expect(runs[0]!.events).toBe(3);
    expect(runs.reduce((n, r) => n + Number(r.events), 0)).toBe(7);
  }, 40_000);
});
