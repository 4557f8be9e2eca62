// A child process for the multi-process rate-limit test: opens its own limiter on the shared
// database / Redis prefix, acquires tokens in a loop from `startAt` for `durationMs`, and
// prints the grant timestamps (Date.now(), one clock for all processes on this machine) and the
// slots the limiter reserved (onGrant).
import { openStore } from '@cowrieprocessor/core';
import type { RateLimiter } from '../../../src/rate-limit/rate-limiter.js';
import { createRedisRateLimiter } from '../../../src/rate-limit/redis-rate-limiter.js';
import { createSqlRateLimiter } from '../../../src/rate-limit/sql-rate-limiter.js';

interface Job { kind: 'sqlite' | 'postgres' | 'redis'; target: string; redisUrl: string; limit: { perInterval: number; intervalMs: number }; startAt?: number; durationMs: number }

const job = JSON.parse(process.env.ACQUIRE_JOB ?? '{}') as Job;
const slots: number[] = [];
const onGrant = (_s: string, slotMs: number) => { slots.push(slotMs); };
const limiter: RateLimiter = job.kind === 'redis'
  ? createRedisRateLimiter({ redis: job.redisUrl, prefix: job.target, onGrant })
  : createSqlRateLimiter(await openStore(job.target, { access: 'write' }), { closeStore: true, onGrant });

// Loading tsx and connecting takes seconds on a busy machine: say we are ready, then wait for
// the parent's "go <startAt>" so all three start together.
process.stdout.write('ready\n');
const startAt = await new Promise<number>((resolve) => {
  process.stdin.once('data', (d) => resolve(Number(String(d).trim().split(' ')[1])));
});
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const grants: number[] = [];
while (Date.now() < startAt + job.durationMs) {
  await limiter.acquire('dshield', job.limit);
  grants.push(Date.now());
}
await limiter.close();
process.stdout.write(JSON.stringify({ grants, slots }) + '\n');
process.stdin.destroy();
