// A minimal MCP server of your own with one tool that runs our botnet detector over a database.
// Usage (an MCP client spawns it): node examples/mcp-detector-tool/server.mjs [db=./cowrie.sqlite]
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { openStore } from '@cowrieprocessor/core';
import { detectBotnets, loadSessions, resolveWindow } from '@cowrieprocessor/detection';

const store = await openStore(process.argv[2] ?? './cowrie.sqlite', { access: 'read' });
const server = new McpServer({ name: 'my-botnet-finder', version: '1.0.0' });

server.registerTool('find_botnets', {
  description: 'Clusters of source IPs acting as one (shared SSH key, download, script or credentials) in a time window.',
  inputSchema: { since: z.string().optional().describe('ISO-8601 start (default: 7 days before the newest event)'), until: z.string().optional() },
  outputSchema: { clusters: z.array(z.object({ id: z.string(), score: z.number(), ips: z.array(z.string()), reasons: z.array(z.string()) })) },
}, async ({ since, until }) => {
  const sessions = await loadSessions(store, await resolveWindow(store, since, until));
  const clusters = detectBotnets(sessions).clusters.map((c) => ({ id: c.id, score: c.score, ips: c.ips.map((i) => i.ip), reasons: c.evidence.reasons ?? [] }));
  const text = clusters.map((c) => `${c.ips.length} IPs (score ${c.score.toFixed(2)}): ${c.reasons[0] ?? ''}`).join('\n') || 'no botnet clusters';
  return { content: [{ type: 'text', text }], structuredContent: { clusters } };
});

// stdout is the protocol channel: log to stderr only.
await server.connect(new StdioServerTransport());
console.error('my-botnet-finder: serving on stdio');
process.stdin.once('end', () => void store.close());
