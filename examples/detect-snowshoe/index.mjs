// Run snowshoe detection over a database and print the campaigns with their reasons.
// Usage: node examples/detect-snowshoe/index.mjs [db=./cowrie.sqlite] [since] [until]
import { openStore } from '@cowrieprocessor/core';
import { detectSnowshoe, loadIpInfo, loadSessions, resolveWindow } from '@cowrieprocessor/detection';

const [db = './cowrie.sqlite', since, until] = process.argv.slice(2);
const store = await openStore(db, { access: 'read' });
try {
  // Default window: the 7 days ending at the newest event (old captures work too).
  const window = await resolveWindow(store, since, until);
  const sessions = await loadSessions(store, window);
  const { campaigns } = detectSnowshoe(sessions, { ipInfo: await loadIpInfo(store) });
  console.log(`${campaigns.length} snowshoe campaign(s) in ${sessions.length} sessions, ${window.since} → ${window.until}`);
  for (const c of campaigns) {
    console.log(`score ${c.score.toFixed(3)}  ${c.ips.length} IPs  ${c.sessions.length} sessions  ${c.id}`);
    for (const reason of c.evidence.reasons ?? []) console.log(`  - ${reason}`);
  }
  process.exitCode = campaigns.length > 0 ? 0 : 1;
} finally {
  await store.close();
}
