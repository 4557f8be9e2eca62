/**
 * @module What a tool is (name, docs, input and output shapes, what it runs on the backend and the
 * short text beside its structured content) and how one is registered: a failed call is an
 * `isError` result with `CODE: message`, logged on stderr, never a crash.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ZodRawShape } from 'zod';
import type { McpBackend } from './mcp-backend.js';
import { toolErrorText } from './mcp-errors.js';

/** Where the server logs (JSON lines on stderr; the API's logger fits). */
export interface McpLogger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** One MCP tool. */
export interface ToolSpec {
  name: string;
  title: string;
  description: string;
  input: ZodRawShape;
  output: ZodRawShape;
  /** Arguments arrive validated by `input` (defaults filled). */
  run(backend: McpBackend, args: Record<string, unknown>): Promise<object>;
  /** A short human summary of the structured result (the text content). */
  text(out: object): string;
}

/**
 * Register `spec` on `server` over `backend`.
 *
 * @example
 * ```ts
 * for (const spec of TOOLS) registerToolSpec(server, spec, backend, log);
 * ```
 */
export function registerToolSpec(server: McpServer, spec: ToolSpec, backend: McpBackend, log: McpLogger): void {
  server.registerTool(spec.name, {
    title: spec.title, description: spec.description, inputSchema: spec.input, outputSchema: spec.output,
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (async (args: Record<string, unknown>) => {
    const t0 = performance.now();
    try {
      const out = await spec.run(backend, args);
      log.debug('tool call', { tool: spec.name, ms: Math.round(performance.now() - t0) });
      return { content: [{ type: 'text' as const, text: spec.text(out) }], structuredContent: out as Record<string, unknown> };
    } catch (err) {
      const e = toolErrorText(err);
      if (e.code === 'INTERNAL') log.error('tool failed', { tool: spec.name, error: (err as Error).stack ?? String(err) });
      else log.info('tool refused', { tool: spec.name, code: e.code });
      return { isError: true, content: [{ type: 'text' as const, text: `${e.code}: ${e.message}` }] };
    }
  }) as never);
}
