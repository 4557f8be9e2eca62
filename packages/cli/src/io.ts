/** Where the CLI writes and reads; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: AsyncIterable<Buffer | string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * The process's own streams and environment.
 *
 * @example
 * ```ts
 * const code = await runCli(['report', 'summary'], processIo());
 * ```
 */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** Exit codes of the conventions: 0 success, 1 nothing found, 2 any error (usage included). */
export const EXIT = { ok: 0, notFound: 1, error: 2 } as const;
