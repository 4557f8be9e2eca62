import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `packages/cli`. */
export const CLI_PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The monorepo root (where `npx cowrie` must work). */
export const REPO_ROOT = resolve(CLI_PACKAGE_DIR, '../..');
/** The launcher the `bin` field points to. */
export const CLI_BIN = join(CLI_PACKAGE_DIR, 'bin', 'cowrie.js');
/** Version declared in packages/cli/package.json. */
export const CLI_VERSION: string = (JSON.parse(readFileSync(join(CLI_PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string }).version;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Working directory of the child (always a temp dir in these tests). */
  cwd: string;
  /** Extra environment; a value of `undefined` removes the variable. */
  env?: Record<string, string | undefined>;
  /** Bytes written to the child's stdin (stdin is closed either way). */
  input?: string | Buffer;
  timeoutMs?: number;
}

/** Environment of the parent without variables that would change what the CLI does. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.COWRIE_DB;
  delete env.COWRIE_DEBUG;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Spawn any command and collect stdout, stderr and the exit code. */
export function runCommand(command: string, args: string[], opts: RunOptions): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: childEnv(opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined); // the child may exit without reading stdin
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

const NOT_BUILT = 'the CLI is not built yet';

/**
 * Run the built `cowrie` CLI (`node packages/cli/bin/cowrie.js …`) as a child process.
 * Other engineers may rebuild `dist/` while these tests run (tsup cleans it first), so the
 * launcher's "not built yet" answer is retried for a few seconds before it is returned.
 */
export async function runCli(args: string[], opts: RunOptions): Promise<CliResult> {
  let r = await runCommand(process.execPath, [CLI_BIN, ...args], opts);
  for (let i = 0; i < 10 && r.code === 2 && r.stderr.includes(NOT_BUILT); i++) {
    await new Promise((res) => setTimeout(res, 1000));
    r = await runCommand(process.execPath, [CLI_BIN, ...args], opts);
  }
  return r;
}

/** Render a result for assertion messages. */
export function show(r: CliResult): string {
  return `exit ${r.code}${r.signal ? ` (signal ${r.signal})` : ''}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;
}

/**
 * The `--json` contract: stdout holds exactly one JSON object and nothing else. Throws with the
 * whole output when it does not.
 */
export function parseJsonObject(r: CliResult): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(`stdout is not one JSON document (${(e as Error).message})\n${show(r)}`);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`stdout is JSON but not an object\n${show(r)}`);
  return v as Record<string, unknown>;
}

/** A fresh directory under the OS temp dir. */
export function makeTempDir(prefix = 'cowrie-cli-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Remove a temp directory made by {@link makeTempDir}. */
export function removeTempDir(dir: string | undefined): Promise<void> {
  return dir ? rm(dir, { recursive: true, force: true }) : Promise.resolve();
}
