import type pg from 'pg';

/**
 * `COPY … FROM STDIN` on a pg client: the cheapest way to hand PostgreSQL many rows (no bind
 * parameters, no array literals to parse). pg runs any object with `submit()` as a query; this
 * one sends the whole buffer once the server asks for the data.
 */
class CopyIn {
  rowCount = 0;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
    private readonly done: (err: Error | null, rows: number) => void,
  ) {}

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    if (this.data.length > 0) connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }

  handleCommandComplete(msg: { text?: string }): void {
    this.rowCount = Number(/COPY (\d+)/.exec(msg.text ?? '')?.[1] ?? 0);
  }

  handleReadyForQuery(): void {
    this.done(null, this.rowCount);
  }

  // pg clears the active query before reporting an error, so ReadyForQuery never reaches us then.
  handleError(err: Error): void {
    this.done(err, 0);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * Run `COPY <table> FROM STDIN` with `data` (text format) on `client`; resolves to the rows copied.
 *
 * @example
 * ```ts
 * await copyIn(client, 'copy stage (a, b) from stdin', Buffer.from('1\tx\n2\t\\N\n'));
 * ```
 */
export function copyIn(client: pg.ClientBase, text: string, data: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const q = new CopyIn(text, data, (err, rows) => (err ? reject(err) : resolve(rows)));
    client.query(q as unknown as pg.QueryConfig);
  });
}

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One value in COPY's text format: `\N` for null, bytes as `\\x…` (bytea hex input, its backslash
 * escaped), text with backslash, newline, carriage return and tab escaped.
 */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  const t = String(v);
  return COPY_SPECIAL.test(t) ? t.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!) : t;
}

/**
 * Rows as COPY text, one line each, values in `cols` order (see {@link copyValue}); with `lead`,
 * each line starts with its row's number from it (ids), with `ord`, it ends with the row's
 * position in `rows`.
 *
 * @example
 * ```ts
 * await copyIn(client, 'copy t (a, b) from stdin', rowsCopyText([{ a: 1, b: 'x' }], ['a', 'b']));
 * ```
 */
export function rowsCopyText(rows: ReadonlyArray<Record<string, unknown>>, cols: readonly string[], opts: { lead?: readonly number[]; ord?: boolean } = {}): Buffer {
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let line = opts.lead ? `${opts.lead[i]}\t${copyValue(row[cols[0]!])}` : copyValue(row[cols[0]!]);
    for (let c = 1; c < cols.length; c++) line += `\t${copyValue(row[cols[c]!])}`;
    lines[i] = opts.ord ? `${line}\t${i}` : line;
  }
  return Buffer.from(lines.length > 0 ? `${lines.join('\n')}\n` : '');
}
