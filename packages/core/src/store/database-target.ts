import { UsageError } from '../errors/index.js';

/** Where the database is, parsed from a `--db` value or `COWRIE_DB`. */
export type DatabaseTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema: string };

/** Default database when none is named: an SQLite file in the working directory. */
export const DEFAULT_DATABASE = './cowrie.sqlite';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Parse every `--db` form of the conventions: a file path, `sqlite:<path>`, `sqlite://<path>`,
 * `sqlite:///<absolute path>`, `:memory:`, and `postgres://` / `postgresql://` URLs. A
 * `?schema=NAME` query parameter on a PostgreSQL URL picks the namespace (default `cowrie`).
 *
 * @example
 * ```ts
 * parseDatabaseTarget('sqlite:///var/lib/cowrie/db.sqlite'); // { kind: 'sqlite', path: '/var/lib/cowrie/db.sqlite' }
 * parseDatabaseTarget('postgres://u@db/cowrie?schema=honey'); // { kind: 'postgres', url: 'postgres://u@db/cowrie', schema: 'honey' }
 * ```
 */
export function parseDatabaseTarget(value: string | undefined | null, defaultSchema = 'cowrie'): DatabaseTarget {
  const v = (value ?? '').trim() || DEFAULT_DATABASE;
  if (/^postgres(ql)?:\/\//i.test(v)) {
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      throw new UsageError('BAD_DB_URL', `cannot parse database URL: ${redactUrl(v)}`);
    }
    const schema = url.searchParams.get('schema') ?? defaultSchema;
    if (!IDENT.test(schema)) throw new UsageError('BAD_DB_SCHEMA', `invalid PostgreSQL schema name "${schema}" (lower-case letters, digits and _ only)`);
    url.searchParams.delete('schema');
    return { kind: 'postgres', url: url.toString(), schema };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^sqlite:/i.test(v)) {
    throw new UsageError('BAD_DB_URL', `unsupported database URL scheme in "${redactUrl(v)}" (use a file path, sqlite:<path> or postgres://…)`);
  }
  let path = v;
  if (/^sqlite:\/\//i.test(path)) path = path.slice('sqlite://'.length);
  else if (/^sqlite:/i.test(path)) path = path.slice('sqlite:'.length);
  if (!path) throw new UsageError('BAD_DB_URL', `no SQLite path in "${v}"`);
  return { kind: 'sqlite', path };
}

/** A URL safe to print: password replaced by `***`. */
export function redactUrl(url: string): string {
  return url.replace(/(:\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

/** One line describing the target, for logs and `--json` output (never the password). */
export function describeTarget(t: DatabaseTarget): string {
  return t.kind === 'sqlite' ? `sqlite:${t.path}` : `${redactUrl(t.url)} (schema ${t.schema})`;
}
