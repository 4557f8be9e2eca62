// Submit a job to a coordinator and follow its progress from the server-sent event stream.
// Usage: COWRIE_COORDINATOR_URL=http://127.0.0.1:8082 COWRIE_API_KEY=… \
//        node examples/jobs-follow/index.mjs [jobType=snowshoe] ['{"since":"2025-12-01"}']
const base = (process.env.COWRIE_COORDINATOR_URL ?? 'http://127.0.0.1:8082').replace(/\/+$/, '');
const auth = process.env.COWRIE_API_KEY ? { authorization: `Bearer ${process.env.COWRIE_API_KEY}` } : {};
const [jobType = 'snowshoe', params = '{}'] = process.argv.slice(2);

const res = await fetch(`${base}/api/v1/jobs`, {
  method: 'POST', headers: { 'content-type': 'application/json', ...auth },
  body: JSON.stringify({ jobType, parameters: JSON.parse(params) }),
});
const submitted = await res.json();
if (res.status !== 202) throw new Error(`submit refused: ${res.status} ${JSON.stringify(submitted.error ?? submitted)}`);
console.log(`submitted ${jobType} job ${submitted.jobId}`);

// One `event:` per change (status first, then active, progress …, completed/failed/cancelled); the stream ends after the last.
const events = await fetch(`${base}/api/v1/jobs/${submitted.jobId}/events`, { headers: { accept: 'text/event-stream', ...auth } });
let final = null;
let buf = '';
const decoder = new TextDecoder();
for await (const chunk of events.body) {
  buf += decoder.decode(chunk, { stream: true });
  let i;
  while ((i = buf.indexOf('\n\n')) >= 0) {
    const block = buf.slice(0, i);
    buf = buf.slice(i + 2);
    const type = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
    const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
    if (!data) continue; // keep-alive comment
    const s = JSON.parse(data);
    const pct = Math.round(s.progressPercent ?? 0);
    console.log(`[${'#'.repeat(Math.floor(pct / 5)).padEnd(20)}] ${String(pct).padStart(3)}% ${type} ${s.currentStep ?? ''}`.trimEnd());
    if (['completed', 'failed', 'cancelled'].includes(s.state)) final = s;
  }
}
console.log(final?.state === 'completed' ? `completed: ${JSON.stringify(final.result)}` : `ended ${final?.state ?? 'without a final state'}: ${final?.error?.message ?? ''}`);
process.exitCode = final?.state === 'completed' ? 0 : 2;
