/**
 * @module The MCP server (`cowrie mcp`): tools over a direct store or the statistics API.
 */
export { startMcpServer, type McpServerOptions, type RunningMcpServer } from './start-mcp-server.js';
export { createMcpServer, MCP_TOOLS } from './create-mcp-server.js';
export { createDirectBackend, type DirectBackendOptions } from './direct-backend.js';
export { createApiBackend } from './api-backend.js';
export { McpToolError } from './mcp-errors.js';
export type { ToolSpec, McpLogger } from './tool-spec.js';
// The data shapes the tools answer with (the statistics API's queries, shared by both backends).
export type { Attacker } from '../api/queries/attackers.js';
export type { IpProfile } from '../api/queries/ip-profile.js';
export type { IpIntel } from '../api/queries/ip-intel.js';
export type { SecuritySummary, DShieldTopAttacker } from '../api/queries/compat-dshield.js';
export type { Finding as StoredFinding } from '../api/queries/detections.js';
export type {
  McpBackend, WindowArgs, PageArgs, SessionsArgs, SessionsPage, AttackersPage, IpLookup, CacheAnswer, SummaryResult,
  FindingView, DetectorTool, DetectResult, SessionCommands,
} from './mcp-backend.js';
