import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '@cowrieprocessor/core';
import { parse } from 'smol-toml';

/** Credentials found in a predecessor `sensors.toml` (still unresolved secret references). */
export interface TomlCredentials {
  /** `vtapi`, `email`, `urlhausapi`, `spurapi` with where each came from. */
  values: Partial<Record<'vtapi' | 'email' | 'urlhausapi' | 'spurapi', { raw: string; source: string }>>;
  path: string | null;
  warnings: string[];
}

const KEYS = ['vtapi', 'email', 'urlhausapi', 'spurapi'] as const;

/**
 * Read the predecessor's `sensors.toml`: `[global]` first, then the `[[sensor]]` block whose
 * `name` is `sensor` overrides it. `path` undefined tries `config/sensors.toml` then
 * `./sensors.toml` under `cwd` (absent is fine); an explicit path that cannot be read or parsed
 * is core's `UsageError`.
 *
 * @example
 * ```ts
 * const toml = readSensorsToml({ path: 'config/sensors.toml', sensor: 'honeypot-1' });
 * toml.values.vtapi; // { raw: 'env:VT_KEY', source: 'sensors.toml [[sensor]] honeypot-1' }
 * ```
 */
export function readSensorsToml(opts: { path?: string | null; sensor?: string; cwd?: string }): TomlCredentials {
  const out: TomlCredentials = { values: {}, path: null, warnings: [] };
  if (opts.path === null) return out;
  const cwd = opts.cwd ?? process.cwd();
  const path = opts.path ?? ['config/sensors.toml', 'sensors.toml'].map((p) => resolve(cwd, p)).find((p) => existsSync(p));
  if (!path) return out;
  let doc: Record<string, unknown>;
  try {
    doc = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new UsageError('BAD_CONFIG', `cannot read ${path}: ${(err as Error).message}`, { path }, { cause: err });
  }
  out.path = path;
  take(out, doc.global, 'sensors.toml [global]');
  if (opts.sensor !== undefined) {
    const blocks = Array.isArray(doc.sensor) ? doc.sensor : [];
    const block = blocks.find((b) => (b as Record<string, unknown> | null)?.name === opts.sensor);
    if (block) take(out, block, `sensors.toml [[sensor]] ${opts.sensor}`);
    else out.warnings.push(`${path}: no [[sensor]] named "${opts.sensor}"; using [global] only`);
  }
  return out;
}

function take(out: TomlCredentials, table: unknown, source: string): void {
  if (!table || typeof table !== 'object') return;
  const t = table as Record<string, unknown>;
  for (const k of KEYS) {
    const v = t[k];
    if (typeof v === 'string' && v.trim() !== '') out.values[k] = { raw: v, source };
  }
}
