/**
 * @module The MCP server itself: every tool registered over one backend. Transport-free, so the
 * stdio entry point, tests (in-memory transport) and embedders share it.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createApiLogger } from '../shared/api-logger.js';
import type { McpBackend } from './mcp-backend.js';
import { registerToolSpec, type McpLogger, type ToolSpec } from './tool-spec.js';
import { BROWSE_TOOLS } from './tools-browse.js';
import { DETECT_TOOLS } from './tools-detect.js';

/** Every tool, in the order `tools/list` shows them. */
export const MCP_TOOLS: readonly ToolSpec[] = [...BROWSE_TOOLS, ...DETECT_TOOLS];

const INSTRUCTIONS = [
  'Threat statistics from Cowrie SSH/Telnet honeypots (cowrieprocessor).',
  'Windows are half-open [since, until) in ISO-8601 UTC; session-level results select sessions whose first event falls in the window.',
  'Top-N counts: sessions for IPs; login attempts for credentials; events for commands and downloads.',
  'Lists are paginated: pass nextCursor back as cursor with the same other arguments.',
].join(' ');

/**
 * An MCP server with the cowrieprocessor tools over `backend` (connect a transport to it).
 *
 * @example
 * ```ts
 * const server = createMcpServer(createDirectBackend(store));
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createMcpServer(backend: McpBackend, log: McpLogger = createApiLogger('warn', process.stderr, 'mcp'), version = '0.1.0'): McpServer {
  const server = new McpServer({ name: 'cowrieprocessor', version }, { instructions: INSTRUCTIONS });
  for (const spec of MCP_TOOLS) registerToolSpec(server, spec, backend, log);
  return server;
}
