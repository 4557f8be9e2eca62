import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Absolute path of the built core package (tests that need separate processes use it). */
export const CORE_DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

/**
 * Run an ES module snippet in a separate Node process with `core` bound to the built
 * `@cowrieprocessor/core`; resolves with its exit code and output. Used where the property under
 * test is about processes (locks, concurrent migrators, kill -9).
 */
export function runNode(body: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `import * as core from ${JSON.stringify(CORE_DIST)};\n${body}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
