import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureText } from './support/fixture.js';
import { type CliResult, CLI_VERSION, REPO_ROOT, makeTempDir, removeTempDir, runCli, runCommand, show } from './support/run-cli.js';

describe('exit codes, errors and help', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    await writeFile(join(dir, 'main.json'), captureText());
  });
  afterAll(() => removeTempDir(dir));
  const run = (...args: string[]) => runCli(args, { cwd: dir });

  // Every one of these is an error: exit 2, nothing on stdout, one message line on stderr.
  const errors: Array<[string, string[], string | null]> = [
    ['an unknown option', ['report', 'summary', '--no-such-option'], '--no-such-option'],
    ['an unknown command', ['frobnicate'], 'frobnicate'],
    ['a missing argument to load bulk', ['load', 'bulk'], null],
    ['a missing argument to sessions show', ['sessions', 'show'], null],
    ['a missing option value', ['report', 'summary', '--since'], '--since'],
    ['a bad --since', ['report', 'summary', '--since', 'yesterday-ish'], 'yesterday-ish'],
    ['a --since after --until', ['report', 'summary', '--since', '2024-03-02', '--until', '2024-03-01'], null],
    ['a bad --top', ['report', 'summary', '--top', 'zero'], '--top'],
    ['a missing input file', ['load', 'bulk', 'missing-file.json'], 'missing-file.json'],
    ['a bad --db scheme (mysql://)', ['report', 'summary', '--db', 'mysql://db.example/cowrie'], 'mysql'],
    ['a bad --db scheme (http://)', ['load', 'bulk', 'main.json', '--db', 'http://db.example/x'], 'http'],
    ['an invalid PostgreSQL schema name', ['report', 'summary', '--db', 'postgres://postgres@127.0.0.1:5432/test?schema=bad-name'], 'bad-name'],
  ];
  // Each error command runs once (concurrently, to keep the suite fast); the tests below read the results.
  const results = new Map<string, CliResult>();
  beforeAll(async () => {
    const done = await Promise.all(errors.map(([, args]) => run(...args)));
    errors.forEach(([what], i) => results.set(what, done[i]!));
  });

  it.each(errors)('%s exits 2 with a message on stderr and nothing on stdout', (what, _args, mention) => {
    const r = results.get(what)!;
    expect(r.code, show(r)).toBe(2);
    expect(r.stdout, show(r)).toBe('');
    expect(r.stderr.trim().length, show(r)).toBeGreaterThan(0);
    if (mention) expect(r.stderr, show(r)).toContain(mention);
  });

  it.each(errors)('%s is reported on exactly one stderr line', (what) => {
    const r = results.get(what)!;
    expect(r.stderr.trim().length, show(r)).toBeGreaterThan(0);
    expect(r.stderr.trimEnd().split('\n'), show(r)).toHaveLength(1);
  });

  it('a command group without its subcommand (or no command at all) is a usage error: exit 2', async () => {
    const [group, bare] = await Promise.all([run('report'), run()]);
    expect(group.code, show(group)).toBe(2);
    expect(group.stdout).toBe('');
    expect(bare.code, show(bare)).toBe(2);
    expect(bare.stdout).toBe('');
  });

  it('an error with --json still keeps stdout clean and exits 2', async () => {
    const r = await run('load', 'bulk', 'missing-file.json', '--json');
    expect(r.code, show(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cowrie: .*missing-file\.json/);
  });

  it('a missing input file is named, and nothing else in the load is stored', async () => {
    const r = await run('load', 'bulk', 'main.json', 'missing-file.json', '--json', '--db', 'partial.sqlite');
    expect(r.code, show(r)).toBe(2);
    expect(r.stderr).toContain('missing-file.json');
    const s = await run('report', 'summary', '--json', '--db', 'partial.sqlite');
    expect(s.code, show(s)).toBe(0);
    expect(JSON.parse(s.stdout).events).toBe(0);
  });

  it('--help exits 0 and load bulk --help mentions --db and --json', async () => {
    const r = await run('load', 'bulk', '--help');
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('--db');
    expect(r.stdout).toContain('--json');
    expect(r.stdout).toContain('<inputs...>');
    const others = [['--help'], ['report', 'summary', '--help'], ['sessions', 'show', '--help']];
    const helps = await Promise.all(others.map((args) => run(...args)));
    helps.forEach((h, i) => {
      expect(h.code, `${others[i]!.join(' ')}\n${show(h)}`).toBe(0);
      expect(h.stdout).toContain('Usage:');
    });
  });

  it('--version prints the package version', async () => {
    const r = await run('--version');
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout.trim()).toBe(CLI_VERSION);
  });

  it('npx cowrie --version works from the repository root', async () => {
    const r = await runCommand('npx', ['cowrie', '--version'], { cwd: REPO_ROOT });
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout.trim()).toBe(CLI_VERSION);
  });
});
