/**
 * `cowrie mcp` as a process, spoken to in raw JSON-RPC lines: stdout carries only protocol
 * messages (even while the longtail detector loads ONNX), logs are JSON lines on stderr, a
 * malformed line does not stop the server, closing stdin ends it with exit 0; bad flags and a
 * missing database exit 2 with one line and create nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, mcpDatabase, type McpDatabase } from './support/mcp-fixture.js';

function spawnMcp(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'mcp', ...args], { env: { PATH: process.env.PATH, COWRIE_LOG_LEVEL: 'info' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (d) => {
    out += d;
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number>((r) => child.once('exit', (code) => r(code ?? -1)));
  const lines = () => out.split('\n').filter(Boolean);
  /** Wait until a response with this id is on stdout. */
  const response = async (id: number) => {
    for (;;) {
      const hit = lines().map((l) => JSON.parse(l) as { id?: number }).find((m) => m.id === id);
      if (hit) return hit as { id: number; result?: { isError?: boolean; structuredContent?: Record<string, unknown>; tools?: unknown[] }; error?: unknown };
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const send = (msg: unknown) => child.stdin.write(`${typeof msg === 'string' ? msg : JSON.stringify(msg)}\n`);
  return { child, exited, send, response, lines, err: () => err };
}

describe('cowrie mcp on stdio (raw protocol)', () => {
  let fx: McpDatabase;
  beforeAll(async () => {
    fx = await mcpDatabase('sqlite');
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('keeps stdout for protocol messages only, survives a malformed line, exits 0 when stdin closes', async () => {
    const p = spawnMcp(['--db', fx.db.target]);
    p.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    expect((await p.response(1)).result).toBeTruthy();
    p.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    p.send('{"this is": not json');
    p.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expect((await p.response(2)).result?.tools).toHaveLength(8);
    p.send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'detect_longtail', arguments: { limit: 3 } } });
    const lt = await p.response(3);
    expect(lt.result?.isError).toBeFalsy();
    expect((lt.result?.structuredContent?.findings as unknown[]).length).toBe(3);
    p.send({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'top_attackers', arguments: { since: 'not a time' } } });
    expect((await p.response(4)).result?.isError).toBe(true);
    p.child.stdin.end();
    expect(await p.exited).toBe(0);
    for (const line of p.lines()) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    const logs = p.err().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { service: string; msg: string });
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['serving MCP on stdio', 'protocol error', 'stopped']));
    expect(logs.every((l) => l.service === 'mcp')).toBe(true);
  });

  it('refuses --db with --api, and a database that does not exist, with exit 2 and one line', async () => {
    const both = spawnMcp(['--db', fx.db.target, '--api', 'http://127.0.0.1:1']);
    expect(await both.exited).toBe(2);
    expect(both.err()).toMatch(/either --db or --api/);
    expect(both.lines()).toEqual([]);
    const missing = join(mkdtempSync(join(tmpdir(), 'cowrie-mcp-')), 'none.sqlite');
    const none = spawnMcp(['--db', missing]);
    expect(await none.exited).toBe(2);
    expect(none.err().trim().split('\n')).toHaveLength(1);
    expect(none.err()).toMatch(/no cowrieprocessor schema/);
    expect(existsSync(missing)).toBe(false);
  });

  it('reports an unreachable API as a tool error, not a crash', async () => {
    const p = spawnMcp(['--api', 'http://127.0.0.1:9', '--key', 'reader-key-0123456789']);
    p.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    await p.response(1);
    p.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    p.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'security_summary', arguments: {} } });
    const r = await p.response(2) as { result?: { isError?: boolean; content?: Array<{ text: string }> } };
    expect(r.result?.isError).toBe(true);
    expect(r.result?.content?.[0]?.text).toMatch(/^API_UNREACHABLE: /);
    p.child.stdin.end();
    expect(await p.exited).toBe(0);
  });
});
