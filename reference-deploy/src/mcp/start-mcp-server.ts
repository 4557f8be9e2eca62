/**
 * @module `cowrie mcp`: pick the backend (`--db`, or `--api URL --key`), serve the tools over
 * stdio, and stop when the client closes stdin. stdout carries only the protocol; logs are JSON
 * lines on stderr.
 */
import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { UsageError } from '@cowrieprocessor/core';
import { openReadStore } from '../api/open-read-store.js';
import { createApiLogger, type LogLevel } from '../shared/api-logger.js';
import { createApiBackend } from './api-backend.js';
import { createMcpServer } from './create-mcp-server.js';
import { createDirectBackend } from './direct-backend.js';
import type { McpBackend } from './mcp-backend.js';

/** Options of {@link startMcpServer} (flags already merged with the environment by the caller or here). */
export interface McpServerOptions {
  /** Database to read (default env `COWRIE_DB_READ`, then `COWRIE_DB`, then `./cowrie.sqlite`). */
  db?: string;
  /** Base URL of a statistics API to use instead of a database. */
  api?: string;
  /** API key for `api` (default env `COWRIE_API_KEY`). */
  key?: string;
  /** Enrichment cache `lookup_ip` reads offline: `sql` (default), `disk:<dir>`, `hybrid:<dir>`, `none`. */
  cache?: string;
  env?: Record<string, string | undefined>;
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
}

/** A running MCP server. */
export interface RunningMcpServer {
  backend: McpBackend;
  /** Resolves when the client has gone (stdin closed) or {@link RunningMcpServer.close} ran. */
  closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Open the backend and serve the tools on stdio.
 *
 * @example
 * ```ts
 * const mcp = await startMcpServer({ db: 'cowrie.sqlite' });
 * await mcp.closed;
 * ```
 */
export async function startMcpServer(opts: McpServerOptions = {}): Promise<RunningMcpServer> {
  const env = opts.env ?? process.env;
  const stdin = opts.stdin ?? process.stdin;
  const log = createApiLogger((env.COWRIE_LOG_LEVEL as LogLevel | undefined) ?? 'info', opts.stderr ?? process.stderr, 'mcp');
  if (opts.api && opts.db) throw new UsageError('MCP_BACKEND', 'give either --db or --api, not both');
  let backend: McpBackend;
  if (opts.api) {
    if (!/^https?:\/\//.test(opts.api)) throw new UsageError('MCP_BACKEND', `--api must be an http(s) URL, got "${opts.api}"`);
    backend = createApiBackend(opts.api, opts.key ?? env.COWRIE_API_KEY);
  } else {
    const store = await openReadStore(opts.db ?? env.COWRIE_DB_READ ?? env.COWRIE_DB, 4);
    backend = createDirectBackend(store, { cache: opts.cache, env });
  }
  const server = createMcpServer(backend, log);
  const transport = new StdioServerTransport(stdin, opts.stdout ?? process.stdout);
  let done!: () => void;
  const closed = new Promise<void>((resolve) => (done = resolve));
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    if (closing) return closing;
    let release!: () => void;
    closing = new Promise<void>((r) => (release = r));
    void (async () => {
      stdin.off('end', onEnd);
      await server.close().catch(() => undefined);
      await backend.close().catch((err: unknown) => log.warn('backend close failed', { error: String(err) }));
      log.info('stopped');
      done();
      release();
    })();
    return closing;
  };
  const onEnd = () => void close();
  // A malformed line from the client is logged and skipped; the server keeps serving.
  transport.onerror = (err) => log.warn('protocol error', { error: err.message });
  server.server.onclose = () => void close();
  await server.connect(transport);
  stdin.once('end', onEnd);
  log.info('serving MCP on stdio', { backend: backend.kind, ...(opts.api ? { api: opts.api } : {}) });
  return { backend, closed, close };
}
