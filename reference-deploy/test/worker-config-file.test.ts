import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkerConfigFile } from '../src/worker/worker-config-file.js';
import { spawnCli } from './support/jobs-processes.js';

const EXAMPLE = fileURLToPath(new URL('../worker-config.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'worker-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('worker-config.yaml', () => {
  it('reads an entry of the shipped example', () => {
    expect(readWorkerConfigFile(EXAMPLE, 'gpu-box-1')).toEqual({
      name: 'gpu-box-1', profile: 'ml_accelerated', queues: undefined, concurrency: 2, preferences: { snowshoe: 90, botnet: 90, longtail: 90 },
    });
    expect(readWorkerConfigFile(EXAMPLE, 'general').preferences).toMatchObject({ load: 50, snowshoe: 20 });
  });

  it('names what is wrong: a preference outside 0–100, an unknown queue, bad YAML, an unknown worker, no file', () => {
    const bad = write('bad.yaml', 'workers:\n  - name: a\n    preferences: { snowshoe: 150 }\n');
    expect(() => readWorkerConfigFile(bad, 'a')).toThrow(/workers\.0\.preferences\.snowshoe/);
    const unknownQueue = write('q.yaml', 'workers:\n  - name: a\n    preferences: { mining: 5 }\n');
    expect(() => readWorkerConfigFile(unknownQueue, 'a')).toThrow(/WORKER_CONFIG|preferences/);
    const notYaml = write('n.yaml', 'workers: [\n');
    expect(() => readWorkerConfigFile(notYaml, 'a')).toThrow(/not valid YAML/);
    expect(() => readWorkerConfigFile(EXAMPLE, 'nobody')).toThrow(/no worker named "nobody" \(it has: gpu-box-1, enrich-1, general\)/);
    expect(() => readWorkerConfigFile(join(dir, 'missing.yaml'), 'a')).toThrow(/cannot read worker config/);
  });

  it('cowrie worker takes profile, concurrency and preferences from its entry; flags still win', async () => {
    const queue = `redis://127.0.0.1:6379?prefix=wcfg-${process.pid}`;
    const w = spawnCli('worker', ['worker', '--config', EXAMPLE, '--name', 'enrich-1', '--concurrency', '3', '--db', join(dir, 'w.sqlite')], { COWRIE_QUEUE: queue });
    try {
      const [line] = await w.waitFor(/\{[^\n]*"worker started"[^\n]*\}/);
      const started = JSON.parse(line!);
      expect(started.workerId).toBe('enrich-1');
      expect(started.concurrency).toBe(3); // the flag, over the file's 4
      expect(started.preferences).toEqual({ enrichment: 80, load: 60, report: 60 });
      expect([...started.queues].sort()).toEqual(['enrichment', 'load', 'ping', 'report']); // the io_bound profile (and the health-check queue)
    } finally {
      await w.stop();
    }
  });
});
