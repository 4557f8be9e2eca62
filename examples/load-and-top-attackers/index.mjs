// Load a Cowrie JSON log into SQLite and print the top attackers (source IPs by sessions).
// Usage: node examples/load-and-top-attackers/index.mjs [log=examples/sample/cowrie.json] [db=./cowrie.sqlite]
import { bulkLoad, openStore, topN } from '@cowrieprocessor/core';

const [log = 'examples/sample/cowrie.json', db = './cowrie.sqlite'] = process.argv.slice(2);
const store = await openStore(db); // an empty file gets the current schema
try {
  const r = await bulkLoad(store, [log]);
  console.log(`loaded ${r.events} events (${r.duplicates} duplicates, ${r.deadLetters} dead letters), ${r.sessions} sessions`);
  for (const [i, ip] of (await topN(store, 'srcIp', { limit: 5 })).entries()) {
    console.log(`${i + 1}. ${ip.value}  ${ip.count} sessions`);
  }
} finally {
  await store.close();
}
