// Regenerates src/sessions.json, the data the page embeds: the sample log (examples/sample)
// loaded into an in-memory store, its sessions read the way the detectors read them, split into
// the newest day (the window to analyse) and the days before it (the baseline).
// Run after `npm run build`:  node examples/browser-detection/make-sessions.mjs [cowrie.json …]
// (default: the sample log; pass your own Cowrie JSON logs to look at your data instead).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bulkLoad, openStore } from '@cowrieprocessor/core';
import { loadSessions } from '@cowrieprocessor/detection';

const inputs = process.argv.length > 2 ? process.argv.slice(2) : [fileURLToPath(new URL('../sample/cowrie.json', import.meta.url))];
const out = fileURLToPath(new URL('./src/sessions.json', import.meta.url));
const store = await openStore(':memory:', { access: 'write' });
await bulkLoad(store, inputs);
const all = await loadSessions(store, { since: '2000-01-01T00:00:00.000000Z', until: '2100-01-01T00:00:00.000000Z' });
await store.close();
const newest = all.reduce((m, s) => (s.firstTs && s.firstTs > m ? s.firstTs : m), '');
const split = `${newest.slice(0, 10)}T00:00:00.000000Z`;
const window = all.filter((s) => s.firstTs && s.firstTs >= split);
const history = all.filter((s) => s.firstTs && s.firstTs < split);
writeFileSync(out, `${JSON.stringify({ split, window, history })}\n`);
console.log(`wrote ${window.length} window and ${history.length} history sessions to ${out}`);
