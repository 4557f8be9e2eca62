import type { Command } from 'commander';
import { startMcpServer } from '@cowrieprocessor/reference-deploy';
import type { CliIo } from '../io.js';
import { untilSignal } from './service-signals.js';

interface McpOptions {
  db?: string;
  api?: string;
  key?: string;
  cache?: string;
}

/**
 * `cowrie mcp [--db …] [--api URL --key …]`: a Model Context Protocol server on stdio with the
 * threat-statistics tools (sessions, top attackers, IP lookup, summary, snowshoe / botnet /
 * longtail detection, a session's commands). stdout is the protocol; logs go to stderr. Runs
 * until the client closes stdin (or SIGINT/SIGTERM), then exits 0.
 *
 * @example
 * ```ts
 * registerMcp(program, io, (code) => (exitCode = code));
 * ```
 */
export function registerMcp(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program.command('mcp')
    .description('serve MCP tools over stdio for LLM assistants (reads --db, or a statistics API with --api)')
    .option('--db <target>', 'database to read (env COWRIE_DB_READ, then COWRIE_DB; default ./cowrie.sqlite); never migrated or written')
    .option('--api <url>', 'use a running statistics API instead of a database, e.g. http://127.0.0.1:8081')
    .option('--key <key>', 'API key for --api (env COWRIE_API_KEY)')
    .option('--cache <spec>', 'enrichment cache lookup_ip reads offline: sql (default), disk:<dir>, hybrid:<dir> or none')
    .action(async (opts: McpOptions) => {
      // The MCP stdio transport is the process's own stdin/stdout (io.stdout would not be framed).
      const mcp = await startMcpServer({ db: opts.db, api: opts.api, key: opts.key, cache: opts.cache, env: io.env, stderr: io.stderr as never });
      await Promise.race([mcp.closed, untilSignal()]);
      await mcp.close();
      setExit(0);
    });
}
