// Run the longtail detector in the browser on the onnx-web backend (WASM) and show what it found.
import { createOnnxWebBackend, detectLongtail, type SessionRecord } from '@cowrieprocessor/detection/browser';
import data from './sessions.json';

const { window: sessions, history, split } = data as unknown as { window: SessionRecord[]; history: SessionRecord[]; split: string };
const out = document.getElementById('result')!;

async function run(): Promise<void> {
  const started = performance.now();
  // Forced, not resolved: the example exists to show the WASM backend, so a failure must show.
  const backend = await createOnnxWebBackend();
  const r = await detectLongtail({ window: sessions, history, backend });
  const ms = Math.round(performance.now() - started);
  out.dataset.status = 'done';
  out.dataset.backend = backend.name;
  out.dataset.runs = String(backend.runs);
  out.dataset.anomalous = JSON.stringify(r.anomalousSessions.slice(0, 5).map((s) => s.id));
  out.innerHTML = '';
  const p = document.createElement('p');
  p.textContent = `${r.stats.sessions} sessions from ${split} on (baseline ${r.stats.historySessions}); backend ${backend.name} ran ${backend.runs} ONNX inference runs; ${ms} ms.`;
  out.append(p, table(['score', 'session', 'IP', 'reasons'], r.anomalousSessions.slice(0, 10).map((s) => [s.score.toFixed(2), `${s.sensor}/${s.session}`, s.srcIp ?? '', s.reasons.join('; ')])));
  out.append(table(['rare command', 'sessions'], r.rareCommands.slice(0, 10).map((c) => [c.command, String(c.sessions)])));
}

function table(head: string[], rows: string[][]): HTMLTableElement {
  const t = document.createElement('table');
  const tr = t.insertRow();
  for (const h of head) tr.append(Object.assign(document.createElement('th'), { textContent: h }));
  for (const r of rows) {
    const row = t.insertRow();
    for (const c of r) row.insertCell().textContent = c;
  }
  return t;
}

run().catch((err: Error) => {
  out.dataset.status = 'error';
  out.textContent = `failed: ${err.message}`;
});
