/**
 * examples/browser-detection in Chromium: the page imports `@cowrieprocessor/detection/browser`,
 * runs the longtail detector on the sessions embedded in it with the onnx-web backend, and must
 * get exactly what the same backend computes in Node on the same data. The .wasm comes from the
 * page's own origin (served here by the dashboard's static handler, with a CSP that allows
 * nothing from elsewhere).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJsBackend, detectLongtail, type SessionRecord } from '@cowrieprocessor/detection/browser';
import { createOnnxWebBackend } from '@cowrieprocessor/detection/onnx-web';
import { Hono } from 'hono';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountUiStatic, UI_CSP } from '../src/api/ui-static.js';
import { listen, type Serving } from '../src/shared/http-serve.js';
import { launchChromium, SCREENSHOTS, watchPage } from './support/browser.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/browser-detection/', import.meta.url));
const VITE = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

describe('browser example: longtail detection on onnxruntime-web in Chromium', () => {
  let browser: Browser;
  let server: Serving;

  beforeAll(async () => {
    // The steps the example's README gives: derive the embedded data, (type-check,) build the page.
    execFileSync(process.execPath, [join(EXAMPLE, 'make-sessions.mjs')], { stdio: 'pipe' });
    execFileSync(process.execPath, [TSC, '-p', join(EXAMPLE, 'tsconfig.json')], { stdio: 'pipe' });
    execFileSync(process.execPath, [VITE, 'build', '--config', join(EXAMPLE, 'vite.config.ts')], { stdio: 'pipe' });
    const app = new Hono();
    // The dashboard's policy plus 'unsafe-eval': the detection package builds its ONNX graphs
    // with protobufjs, whose reflection compiles encoders with Function() (the README says so).
    mountUiStatic(app, join(EXAMPLE, 'dist'), '/example', UI_CSP.replace("'wasm-unsafe-eval'", "'wasm-unsafe-eval' 'unsafe-eval'"));
    server = await listen(app.fetch, 0, '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs the detector on the onnx-web backend and finds what Node finds on the same data', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, server.url);
    const wasm: Array<[string, number]> = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push([r.url(), r.status()]);
    });
    await page.goto(`${server.url}/example/`);
    const result = page.getByTestId('result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 60_000 }).not.toBe('running');
    expect(await result.getAttribute('data-status'), (await result.textContent()) ?? '').toBe('done');
    expect(await result.getAttribute('data-backend')).toBe('onnx-web');
    // The backend counts its ONNX inference runs: the WASM really did the distance work.
    expect(Number(await result.getAttribute('data-runs'))).toBeGreaterThan(0);
    expect(wasm).toEqual([[expect.stringMatching(new RegExp(`^${server.url}/example/assets/ort-wasm[\\w.-]*\\.wasm$`)), 200]]);
    const shown = JSON.parse((await result.getAttribute('data-anomalous'))!) as string[];

    const data = JSON.parse(readFileSync(join(EXAMPLE, 'src', 'sessions.json'), 'utf8')) as { window: SessionRecord[]; history: SessionRecord[] };
    const onnx = await detectLongtail({ window: data.window, history: data.history, backend: await createOnnxWebBackend() });
    expect(shown).toEqual(onnx.anomalousSessions.slice(0, 5).map((s) => s.id));
    expect(shown.length).toBe(5);
    // And the plain-JS backend ranks the same sessions first (the backends are interchangeable).
    const js = await detectLongtail({ window: data.window, history: data.history, backend: createJsBackend() });
    expect(js.anomalousSessions[0]!.id).toBe(shown[0]);
    expect(await result.textContent()).toContain(`${data.window.length} sessions`);
    await page.screenshot({ path: join(SCREENSHOTS, 'browser-example.png'), fullPage: true });
    // onnxruntime's own graph-optimiser warnings ([W:onnxruntime…], printed through console.error
    // by the WASM build) are notes about the model, not page faults.
    expect(watch.problems.filter((p) => !/\[W:onnxruntime:/.test(p))).toEqual([]);
  });
});
