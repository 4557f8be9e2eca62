import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { passwordSha1 } from '../../src/services/hibp/hibp-range.js';
import { mergeIpReputation } from '../../src/services/merge-ip-reputation.js';
import { fakeClients } from '../support/fake-clients.js';
import { FAKE_EMAIL, FAKE_KEYS, KNOWN_IP, KNOWN_SHA256, PWNED_PASSWORD, startFakeServices, type FakeServices } from '../support/fake-servers/index.js';

let fakes: FakeServices;
beforeAll(async () => { fakes = await startFakeServices(); });
afterAll(async () => { await fakes.close(); });
beforeEach(() => { fakes.reset(); fakes.clearFaults(); });

describe('dshield client', () => {
  it('fetches a known IP with the email parameter and a contact User-Agent, and normalises strings to numbers', async () => {
    const c = fakeClients(fakes).dshield;
    const answer = await c.fetch(c.cacheKey(`::ffff:${KNOWN_IP}`));
    expect(answer.status).toBe('found');
    const info = c.normalize(KNOWN_IP, answer);
    expect(info).toMatchObject({ ip: KNOWN_IP, count: 1, attacks: 1, asn: 7922, country: 'US', network: '70.88.0.0/14', mindate: '2018-06-10' });
    expect(Object.keys(info.threatfeeds)).toEqual(['forumspam']);
    const [req] = fakes.requestsFor('dshield');
    expect(req?.path).toBe(`/api/ip/${KNOWN_IP}?email=${encodeURIComponent(FAKE_EMAIL)}&json`);
    expect(req?.headers['user-agent']).toContain(FAKE_EMAIL);
  });

  it('reads a never-reported IP as found with null activity, and a bad IP as not_found', async () => {
    const c = fakeClients(fakes).dshield;
    const quiet = c.normalize('45.148.10.121', await c.fetch('45.148.10.121'));
    expect(quiet).toMatchObject({ count: null, attacks: null, asn: 48090, asName: 'PPTECHNOLOGY', threatfeeds: {} });
    const bad = await c.fetch('not-an-ip');
    expect(bad.status).toBe('not_found');
    expect(c.normalize('not-an-ip', bad).error).toBe('bad IP address');
  });
});

describe('virustotal client', () => {
  it('sends x-apikey and normalises a report', async () => {
    const c = fakeClients(fakes).virustotal;
    const report = c.normalize(KNOWN_SHA256, await c.fetch(c.cacheKey(KNOWN_SHA256.toUpperCase())));
    expect(report).toMatchObject({ sha256: KNOWN_SHA256, known: true, maliciousCount: 38, undetectedCount: 20, typeDescription: 'ELF', popularThreatLabel: 'trojan.mirai/gafgyt', firstSubmission: '2023-02-28T16:00:00.000Z' });
    expect(fakes.requestsFor('virustotal')[0]?.headers['x-apikey']).toBe(FAKE_KEYS.virustotal);
  });

  it('reads 404 as not_found (an unknown file), keeping VT\'s envelope', async () => {
    const c = fakeClients(fakes).virustotal;
    const answer = await c.fetch('f'.repeat(64));
    expect(answer).toMatchObject({ status: 'not_found', raw: { error: { code: 'NotFoundError' } } });
    expect(c.normalize('f'.repeat(64), answer)).toMatchObject({ known: false, maliciousCount: 0 });
  });

  it('a wrong key is unrecoverable and not retried', async () => {
    const c = fakeClients(fakes, { env: { COWRIE_VT_KEY: 'wrong' } }).virustotal;
    await expect(c.fetch(KNOWN_SHA256)).rejects.toMatchObject({ code: 'ENRICHMENT_UNRECOVERABLE', details: { status: 401 } });
    expect(fakes.requestsFor('virustotal')).toHaveLength(1);
  });
});

describe('urlhaus client', () => {
  it('POSTs a form body with Auth-Key and unions tags (null-safe)', async () => {
    const c = fakeClients(fakes).urlhaus;
    const info = c.normalize(KNOWN_IP, await c.fetch(KNOWN_IP));
    expect(info).toMatchObject({ host: KNOWN_IP, urlCount: 2, tags: ['elf', 'mirai'] });
    const [req] = fakes.requestsFor('urlhaus');
    expect(req).toMatchObject({ method: 'POST', path: '/v1/host/', body: `host=${KNOWN_IP}` });
    expect(req?.headers['auth-key']).toBe(FAKE_KEYS.urlhaus);
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('no_results is not_found with an empty canonical value', async () => {
    const c = fakeClients(fakes).urlhaus;
    const answer = await c.fetch('198.51.100.7');
    expect(answer.status).toBe('not_found');
    expect(c.normalize('198.51.100.7', answer)).toMatchObject({ urlCount: 0, tags: [] });
  });
});

describe('spur client', () => {
  it('sends the Token header and returns a documented object', async () => {
    const c = fakeClients(fakes).spur;
    const ctx = c.normalize(KNOWN_IP, await c.fetch(KNOWN_IP));
    expect(ctx).toMatchObject({ asn: 30083, infrastructure: 'DATACENTER', risks: ['WEB_SCRAPING', 'TUNNEL'], client: { count: 14, types: ['MOBILE', 'DESKTOP'], concentration: { geohash: '9yz', skew: 45 } } });
    expect(ctx.tunnels[0]).toEqual({ type: 'VPN', operator: 'NORD_VPN', anonymous: true, entries: [KNOWN_IP], exits: [KNOWN_IP] });
    expect(fakes.requestsFor('spur')[0]?.headers.token).toBe(FAKE_KEYS.spur);
  });

  it('a sparse object (clean IP) normalises with empty lists', async () => {
    const c = fakeClients(fakes).spur;
    const ctx = c.normalize('192.0.2.1', await c.fetch('192.0.2.1'));
    expect(ctx).toMatchObject({ ip: '192.0.2.1', infrastructure: null, risks: [], tunnels: [], location: { country: 'NL' } });
  });
});

describe('hibp client', () => {
  it('only the 5-char prefix leaves the machine; the suffix is matched locally', async () => {
    const c = fakeClients(fakes).hibp;
    const prefix = c.cacheKey(PWNED_PASSWORD);
    expect(prefix).toBe('5BAA6');
    const exposure = c.normalize(PWNED_PASSWORD, await c.fetch(prefix));
    expect(exposure).toEqual({ sha1: passwordSha1(PWNED_PASSWORD), pwned: true, count: 3861493 });
    const safe = 'correct horse battery staple 9f1c';
    expect(c.normalize(safe, await c.fetch(c.cacheKey(safe)))).toMatchObject({ pwned: false, count: 0 });
    for (const r of fakes.requestsFor('hibp')) {
      expect(r.path).toMatch(/^\/range\/[0-9A-F]{5}$/);
      expect(r.path + JSON.stringify(r.headers) + r.body).not.toContain(PWNED_PASSWORD);
      expect(r.path).not.toContain(passwordSha1(PWNED_PASSWORD).slice(5));
    }
  });

  it('drops padding lines, so a padded suffix never reads as pwned', async () => {
    const c = fakeClients(fakes).hibp;
    const answer = await c.fetch('5BAA6');
    expect(fakes.requestsFor('hibp')[0]?.headers['add-padding']).toBe('true');
    expect(Object.values(answer.raw as Record<string, number>).every((n) => n > 0)).toBe(true);
  });

  it('is disabled unless enabled, and a disabled client sends nothing', async () => {
    const c = fakeClients(fakes, { env: { COWRIE_HIBP: '' } }).hibp;
    expect(c.enabled).toBe(false);
    expect(c.disabledReason).toMatch(/COWRIE_HIBP=on/);
    await expect(c.fetch('5BAA6')).rejects.toMatchObject({ code: 'ENRICHMENT_UNRECOVERABLE' });
    expect(fakes.requestsFor('hibp')).toHaveLength(0);
  });
});

describe('mergeIpReputation', () => {
  it('combines the three IP pieces into one IpReputation', async () => {
    const cl = fakeClients(fakes);
    const rep = mergeIpReputation({
      ip: KNOWN_IP,
      dshield: cl.dshield.normalize(KNOWN_IP, await cl.dshield.fetch(KNOWN_IP)),
      urlhaus: cl.urlhaus.normalize(KNOWN_IP, await cl.urlhaus.fetch(KNOWN_IP)),
      spur: cl.spur.normalize(KNOWN_IP, await cl.spur.fetch(KNOWN_IP)),
    });
    expect(rep).toMatchObject({ ip: KNOWN_IP, country: 'US', asn: 7922, dshield: { count: 1, threatfeeds: ['forumspam'] }, urlhaus: { urlCount: 2, tags: ['elf', 'mirai'] }, spur: { infrastructure: 'DATACENTER' }, sources: ['dshield', 'urlhaus', 'spur'] });
    expect(mergeIpReputation({ ip: '192.0.2.9', spur: cl.spur.normalize('192.0.2.9', { status: 'found', raw: { as: { number: 1, organization: 'X' }, location: { country: 'DE' } } }) }))
      .toMatchObject({ country: 'DE', asn: 1, asName: 'X', dshield: null, sources: ['spur'] });
  });
});
