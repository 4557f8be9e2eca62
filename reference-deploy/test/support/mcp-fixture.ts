/**
 * Shared setup of the MCP tests: a throwaway database loaded with the sample log, one enrichment
 * row, a stored run of every detector (so the API backend has findings to read), a
 * predecessor-layout disk cache with one DShield answer, and ways to connect the SDK's client:
 * spawning `cowrie mcp` on stdio, or in-process over the SDK's in-memory transport.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { bulkLoad, type CowrieStore } from '@cowrieprocessor/core';
import {
  detectBotnets, detectSnowshoe, loadIpInfo, loadSessions, longtailFindings, resolveBackend, resolveWindow, runLongtail, saveDetectionRun,
} from '@cowrieprocessor/detection';
import { createMcpServer, type McpBackend } from '../../src/mcp/index.js';
import { createApiLogger } from '../../src/shared/api-logger.js';
import { SAMPLE, busiestIp } from './api-fixture.js';
import { createTestDatabase, type TestDatabase } from './dialects.js';

export const BIN = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));

/** The IP whose DShield answer sits in the disk cache only (not in `enrichment`). */
export const CACHED_IP = '37.174.150.119';

export interface McpDatabase {
  db: TestDatabase;
  store: CowrieStore;
  cacheDir: string;
  busiest: string;
  close(): Promise<void>;
}

/** Load and seed a database of `dialect` for the MCP tests. */
export async function mcpDatabase(dialect: 'sqlite' | 'postgres'): Promise<McpDatabase> {
  const db = createTestDatabase(dialect);
  const store = await db.open({ access: 'write' });
  await bulkLoad(store, [SAMPLE]);
  const busiest = await busiestIp(store);
  const now = '2025-12-04T00:00:00.000000Z';
  const rep = { ip: busiest, country: 'NL', asn: 64500, asName: 'EXAMPLE-AS', dshield: { attacks: 12, count: 40, threatfeeds: ['blocklistde22'] }, sources: ['dshield'] };
  await store.db.insertInto('enrichment').values({ subject_type: 'ip', subject: busiest, service: 'dshield', status: 'found', value: JSON.stringify(rep), fetched_at: now, expires_at: '2099-01-01T00:00:00.000000Z' }).execute();
  // Every detector run once and stored, as `cowrie detect … --store` would.
  const window = await resolveWindow(store);
  const sessions = await loadSessions(store, window);
  const snow = detectSnowshoe(sessions, { ipInfo: await loadIpInfo(store) });
  await saveDetectionRun(store, { detector: 'snowshoe', window, backend: 'js', params: {}, stats: {} }, snow.campaigns);
  await saveDetectionRun(store, { detector: 'botnet', window, backend: 'js', params: {}, stats: {} }, detectBotnets(sessions).clusters);
  const backend = await resolveBackend({ prefer: ['onnx-node', 'js'] });
  const lt = await runLongtail(store, window, { backend, cache: false });
  await backend.dispose();
  await saveDetectionRun(store, { detector: 'longtail', window, backend: backend.name, params: {}, stats: {} }, longtailFindings(lt));
  // A predecessor-layout disk cache: dshield/a/b/c/d.json holding ISC's raw answer.
  const cacheDir = mkdtempSync(join(tmpdir(), 'cowrie-mcp-cache-'));
  const [a, b, c, d] = CACHED_IP.split('.');
  mkdirSync(join(cacheDir, 'dshield', a!, b!, c!), { recursive: true });
  writeFileSync(join(cacheDir, 'dshield', a!, b!, c!, `${d}.json`), JSON.stringify({ ip: { number: CACHED_IP, count: 9, attacks: 3, as: 64501, asname: 'CACHED-AS', ascountry: 'DE', network: '198.18.0.0/15' } }));
  return {
    db, store, cacheDir, busiest,
    close: async () => {
      await store.close();
      await db.drop();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/** A connected client and how to end it. */
export interface McpConnection {
  client: Client;
  stderr(): string;
  close(): Promise<void>;
}

/** Spawn `node packages/cli/dist/bin.js mcp …args` and connect the SDK's stdio client to it. */
export async function connectStdio(args: string[], env: Record<string, string> = {}): Promise<McpConnection> {
  const transport = new StdioClientTransport({
    command: process.execPath, args: [BIN, 'mcp', ...args], stderr: 'pipe',
    env: { PATH: process.env.PATH ?? '', COWRIE_LOG_LEVEL: 'info', ...env },
  });
  let err = '';
  transport.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => err, close: () => client.close() };
}

/** Connect the client to a server over `backend` in this process (in-memory transport). */
export async function connectInProcess(backend: McpBackend): Promise<McpConnection> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createMcpServer(backend, createApiLogger('silent', process.stderr, 'mcp'));
  await server.connect(serverSide);
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(clientSide);
  return {
    client, stderr: () => '',
    close: async () => {
      await client.close();
      await server.close();
      await backend.close();
    },
  };
}
