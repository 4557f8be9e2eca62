import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A resolved setting, or why it could not be resolved. */
export type SecretResult = { value: string } | { value: null; warning: string };

const OTHER_SCHEMES = /^(op|aws-sm|vault|sops):\/\//;

/**
 * Resolve a `sensors.toml` value that may be a secret reference: `env:NAME` (from `env`),
 * `file:/path` (the file's content, trimmed; a relative path is taken from `baseDir`). The predecessor's other backends (`op://`,
 * `aws-sm://`, `vault://`, `sops://`) are reported as unsupported rather than sent as a key.
 *
 * @example
 * ```ts
 * resolveSecret('env:VT_KEY', { VT_KEY: 'abc' }); // { value: 'abc' }
 * resolveSecret('op://vault/vt/key', {});       // { value: null, warning: 'unsupported secret reference …' }
 * ```
 */
export function resolveSecret(raw: string, env: Record<string, string | undefined>, baseDir?: string): SecretResult {
  const v = raw.trim();
  if (v.startsWith('env:')) {
    const name = v.slice(4);
    const got = env[name];
    return got ? { value: got } : { value: null, warning: `secret reference env:${name} names an unset variable` };
  }
  if (v.startsWith('file:')) {
    // Relative paths are relative to the file that named them (sensors.toml's directory).
    const path = baseDir ? resolve(baseDir, v.slice(5)) : v.slice(5);
    try {
      const got = readFileSync(path, 'utf8').trim();
      return got ? { value: got } : { value: null, warning: `secret file ${path} is empty` };
    } catch (err) {
      return { value: null, warning: `secret file ${path} cannot be read: ${(err as Error).message}` };
    }
  }
  if (OTHER_SCHEMES.test(v)) {
    return { value: null, warning: `unsupported secret reference ${v.split('://')[0]}://… (only env: and file: are resolved)` };
  }
  return v ? { value: v } : { value: null, warning: 'empty value' };
}
