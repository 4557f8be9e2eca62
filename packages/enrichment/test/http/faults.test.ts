import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MalformedResponseError, RateLimitedError, ServiceUnavailableError } from '../../src/errors.js';
import { fakeClients } from '../support/fake-clients.js';
import { KNOWN_IP, KNOWN_SHA256, startFakeServices, type FakeServices } from '../support/fake-servers/index.js';

let fakes: FakeServices;
beforeAll(async () => { fakes = await startFakeServices(); });
afterAll(async () => { await fakes.close(); });
beforeEach(() => { fakes.reset(); fakes.clearFaults(); });

const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - (ts[i] as number));

describe('retries', () => {
  it('honours Retry-After in seconds: the retry arrives no earlier than asked', async () => {
    fakes.setFault('dshield', { kind: 'rate-limit', retryAfter: '1', times: 1 });
    const answer = await fakeClients(fakes).dshield.fetch(KNOWN_IP);
    expect(answer.status).toBe('found');
    const reqs = fakes.requestsFor('dshield');
    expect(reqs).toHaveLength(2);
    const [gap] = gaps(reqs.map((r) => r.at));
    expect(gap).toBeGreaterThanOrEqual(990); // timer granularity: Date.now() of two events
    expect(gap).toBeLessThan(1800);
  });

  it('honours Retry-After as an HTTP date', async () => {
    // HTTP dates have 1 s resolution: ask for "2 s from now" so the wait is between 1 and 2 s.
    const at = new Date(Date.now() + 2000).toUTCString();
    fakes.setFault('spur', { kind: 'rate-limit', retryAfter: at, times: 1 });
    await fakeClients(fakes).spur.fetch(KNOWN_IP);
    const [gap] = gaps(fakes.requestsFor('spur').map((r) => r.at));
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(2600);
  });

  it('gives up at once when Retry-After exceeds what one fetch may wait (DShield asks 5 minutes)', async () => {
    fakes.setFault('dshield', { kind: 'rate-limit', retryAfter: '300' });
    const err = await fakeClients(fakes).dshield.fetch(KNOWN_IP).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.retryAfterMs).toBe(300_000);
    expect(fakes.requestsFor('dshield')).toHaveLength(1);
  });

  it('5xx then success: retried with jittered exponential backoff', async () => {
    fakes.setFault('virustotal', { kind: 'server-error', status: 502, times: 2 });
    const c = fakeClients(fakes, { deps: { retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 }, random: () => 0.999 } }).virustotal;
    expect((await c.fetch(KNOWN_SHA256)).status).toBe('found');
    const g = gaps(fakes.requestsFor('virustotal').map((r) => r.at));
    expect(g).toHaveLength(2);
    // random() ≈ 1 pins full jitter to its ceiling: ~100 ms, then ~200 ms.
    expect(g[0]).toBeGreaterThanOrEqual(90);
    expect(g[1]).toBeGreaterThanOrEqual(190);
  });

  it('5xx every time: ServiceUnavailableError after maxAttempts requests', async () => {
    fakes.setFault('urlhaus', { kind: 'server-error' });
    await expect(fakeClients(fakes).urlhaus.fetch(KNOWN_IP)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(fakes.requestsFor('urlhaus')).toHaveLength(3);
  });
});

describe('timeouts and bad bodies', () => {
  it('a server that never answers times out per request, then the retry succeeds', async () => {
    fakes.setFault('spur', { kind: 'hang', times: 1 });
    const started = Date.now();
    const c = fakeClients(fakes, { env: { COWRIE_ENRICH_TIMEOUT_MS: '300' } }).spur;
    expect((await c.fetch(KNOWN_IP)).status).toBe('found');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(fakes.requestsFor('spur')).toHaveLength(2);
  });

  it('a slow body past the deadline is a timeout', async () => {
    fakes.setFault('dshield', { kind: 'slow', delayMs: 800 });
    const c = fakeClients(fakes, { env: { COWRIE_ENRICH_TIMEOUT_MS: '200' }, deps: { retry: { maxAttempts: 1 } } }).dshield;
    await expect(c.fetch(KNOWN_IP)).rejects.toMatchObject({ code: 'ENRICHMENT_UNAVAILABLE', details: { timeout: true } });
  });

  it('a slow answer within the deadline is fine', async () => {
    fakes.setFault('dshield', { kind: 'slow', delayMs: 100 });
    expect((await fakeClients(fakes).dshield.fetch(KNOWN_IP)).status).toBe('found');
  });

  it('malformed JSON is a MalformedResponseError and is not retried', async () => {
    fakes.setFault('virustotal', { kind: 'malformed' });
    await expect(fakeClients(fakes).virustotal.fetch(KNOWN_SHA256)).rejects.toBeInstanceOf(MalformedResponseError);
    expect(fakes.requestsFor('virustotal')).toHaveLength(1);
  });

  it('a malformed HIBP range is an error, not an empty (= "not pwned") answer', async () => {
    fakes.setFault('hibp', { kind: 'malformed' });
    await expect(fakeClients(fakes).hibp.fetch('5BAA6')).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it('a huge body is cut off at the cap (MalformedResponseError), without buffering it', async () => {
    fakes.setFault('dshield', { kind: 'huge', bytes: 512 * 1024 * 1024 });
    const before = process.memoryUsage().rss;
    const c = fakeClients(fakes, { deps: { maxBytes: 1024 * 1024 } }).dshield;
    await expect(c.fetch(KNOWN_IP)).rejects.toMatchObject({ code: 'ENRICHMENT_MALFORMED_RESPONSE', details: { maxBytes: 1024 * 1024 } });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('circuit breaker', () => {
  it('opens after N failed fetches, fails fast while open, and closes after a good trial', async () => {
    fakes.setFault('urlhaus', { kind: 'server-error' });
    const c = fakeClients(fakes, { deps: { retry: { maxAttempts: 1 }, breaker: { failureThreshold: 3, cooldownMs: 300 } } }).urlhaus;
    for (let i = 0; i < 3; i++) await expect(c.fetch(`192.0.2.${i}`)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(c.breaker.state).toBe('open');
    await expect(c.fetch('192.0.2.50')).rejects.toMatchObject({ code: 'ENRICHMENT_CIRCUIT_OPEN' });
    expect(fakes.requestsFor('urlhaus')).toHaveLength(3); // the open circuit sent nothing

    await new Promise((r) => setTimeout(r, 320));
    expect(c.breaker.state).toBe('half-open');
    await expect(c.fetch('192.0.2.60')).rejects.toBeInstanceOf(ServiceUnavailableError); // failed trial
    expect(c.breaker.state).toBe('open');

    fakes.clearFaults();
    await new Promise((r) => setTimeout(r, 320));
    expect((await c.fetch(KNOWN_IP)).status).toBe('found');
    expect(c.breaker.state).toBe('closed');
  });

  it('not_found answers are successes, not failures', async () => {
    const c = fakeClients(fakes, { deps: { breaker: { failureThreshold: 2 } } }).virustotal;
    for (let i = 0; i < 4; i++) expect((await c.fetch(String(i).repeat(64))).status).toBe('not_found');
    expect(c.breaker.state).toBe('closed');
  });
});

describe('single flight', () => {
  it('10 concurrent lookups of one key make 1 request', async () => {
    fakes.setFault('dshield', { kind: 'slow', delayMs: 100 });
    const c = fakeClients(fakes).dshield;
    const answers = await Promise.all(Array.from({ length: 10 }, () => c.fetch(KNOWN_IP)));
    expect(answers.every((a) => a.status === 'found')).toBe(true);
    expect(fakes.requestsFor('dshield')).toHaveLength(1);
    await c.fetch(KNOWN_IP); // after it settled, a new lookup asks again
    expect(fakes.requestsFor('dshield')).toHaveLength(2);
  });

  it('one caller aborting does not fail the others; all aborting cancels the request', async () => {
    fakes.setFault('spur', { kind: 'slow', delayMs: 200 });
    const c = fakeClients(fakes).spur;
    const a = new AbortController();
    const first = c.fetch(KNOWN_IP, { signal: a.signal });
    const second = c.fetch(KNOWN_IP);
    a.abort(new Error('caller gave up'));
    await expect(first).rejects.toThrow('caller gave up');
    expect((await second).status).toBe('found');
    expect(fakes.requestsFor('spur')).toHaveLength(1);
  });
});
