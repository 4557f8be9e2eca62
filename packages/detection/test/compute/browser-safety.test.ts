import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('../..', import.meta.url));
const src = join(pkg, 'src');

// Packages that only run in Node (native drivers, the native ONNX runtime) or that pull them in
// (core's index loads the store). `import type` is erased before bundling, so any resolve of these
// is a run-time import.
const NODE_ONLY = new Set(['onnxruntime-node', 'better-sqlite3', 'pg', 'kysely', '@cowrieprocessor/core', 'ioredis', 'undici']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * Whether the importer's own package maps `spec` to `false` in its package.json `browser` field
 * (protobufjs does for its guarded `require("fs")`): browser bundlers then supply an empty module.
 */
function disabledForBrowser(importer: string, spec: string): boolean {
  for (let dir = dirname(importer); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const browser = (JSON.parse(readFileSync(manifest, 'utf8')) as { browser?: unknown }).browser;
    return typeof browser === 'object' && browser !== null && (browser as Record<string, unknown>)[spec] === false;
  }
  return false;
}

/** Bundles the entries for the browser, recording every import that reaches Node-only code. */
async function bundleForBrowser(entryPoints: string[]) {
  const violations: string[] = [];
  const guard: Plugin = {
    name: 'node-only-guard',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.startsWith('node:') ? args.path : args.path.split('/').slice(0, args.path.startsWith('@') ? 2 : 1).join('/');
        const builtin = BUILTINS.has(args.path) && !disabledForBrowser(args.importer, args.path);
        if (builtin || NODE_ONLY.has(bare)) {
          violations.push(`${relative(pkg, args.importer)} imports ${args.path}`);
        }
        return undefined;
      });
    },
  };
  const result = await build({
    entryPoints,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    outdir: join(pkg, 'browser-bundle-not-written'),
    metafile: true,
    logLevel: 'silent',
    // onnxruntime-web is the browser runtime itself (its WASM loader is fetched or bundled by the app).
    external: ['onnxruntime-web'],
    plugins: [guard],
  }).catch((e: { errors?: unknown[] }) => ({ errors: e.errors ?? [e], metafile: { inputs: {}, outputs: {} } }));
  return { result, violations, inputs: Object.keys(result.metafile.inputs) };
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('browser safety', () => {
  it('src/browser.ts bundles for the browser with no Node builtins or Node-only packages', async () => {
    const { result, violations, inputs } = await bundleForBrowser([join(src, 'browser.ts')]);
    expect(result.errors).toEqual([]);
    expect(violations).toEqual([]);
    expect(inputs.some((i) => i.includes('packages/core/'))).toBe(false);
    // It really contains the compute layer (the bundle is not trivially empty).
    expect(inputs.some((i) => i.endsWith('compute/js/kernels.ts'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('compute/onnx-graph/kernel-models.ts'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('snowshoe/detect-snowshoe.ts'))).toBe(true);
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    expect([...new Set(imports)]).toEqual(['onnxruntime-web']);
  });

  // Exempt: the native adapter, and `run-*.ts` orchestrators, which load from the store and save
  // findings around the algorithms (Node side by design).
  it('the whole detection core (algorithms and compute, not the Node adapters or run-*.ts) is browser-safe', async () => {
    const dirs = ['compute', 'snowshoe', 'botnet', 'longtail', 'features'].map((d) => join(src, d));
    const entries = dirs
      .flatMap((d) => {
        try {
          return tsFiles(d);
        } catch {
          return []; // a detector folder that does not exist yet
        }
      })
      .filter((f) => !f.includes(join('compute', 'onnx-node')) && !/[\\/]run-[^\\/]*\.ts$/.test(f));
    expect(entries.length).toBeGreaterThan(10);
    const { result, violations } = await bundleForBrowser(entries);
    expect(violations).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('the guard really catches a Node-only import (the check is not vacuous)', async () => {
    const { violations } = await bundleForBrowser([join(src, 'compute', 'onnx-node', 'index.ts')]);
    expect(violations.length).toBeGreaterThan(0);
  });
});
