import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskCache, makeEntry, shardedPath, type DiskCache } from '../../src/cache/index.js';
import { PRED, vtPyWrapped, writePredecessorCache } from '../support/predecessor-cache-fixture.js';
import { tempDir } from '../support/cache-factories.js';

const DAY = 86_400_000;

describe('disk cache: reading a predecessor cache directory as it is', () => {
  let d: ReturnType<typeof tempDir>;
  let cache: DiskCache;
  const written = Date.now() - 3_600_000;
  beforeEach(() => {
    d = tempDir();
    writePredecessorCache(d.dir, written);
    cache = createDiskCache({ dir: d.dir });
  });
  afterEach(() => d.remove());

  it('reads the sharded EnrichmentCacheManager files (dshield a/b/c/d, hibp AB/CD/E, digest shards) as found', async () => {
    const ds = await cache.get('dshield', PRED.dshieldIp);
    expect(ds?.status).toBe('found');
    expect(ds?.value).toEqual(PRED.dshieldBody);
    expect((await cache.get('hibp', PRED.hibpPrefix))?.value).toEqual(PRED.hibpMap);
    expect((await cache.get('hibp', PRED.hibpPrefix.toLowerCase()))?.value).toEqual(PRED.hibpMap);
    expect((await cache.get('urlhaus', PRED.urlhausIp))?.value).toEqual(PRED.urlhausValue);
    expect((await cache.get('spur', PRED.spurIp))?.value).toEqual(PRED.spurValue);
    expect((await cache.get('virustotal', PRED.vtSharded))?.status).toBe('found');
  });

  it('takes the expiry from the file mtime and the service TTL (DShield 7 d)', async () => {
    const e = await cache.get('dshield', PRED.dshieldIp);
    expect(Math.abs(Date.parse(e!.createdAt) - written)).toBeLessThan(5);
    expect(Math.abs(Date.parse(e!.expiresAt) - (written + 7 * DAY))).toBeLessThan(5);
    expect(await cache.get('dshield', PRED.dshieldIp, new Date(written + 7 * DAY + 1000))).toBeNull();
    // An old file is a miss at once.
    utimesSync(join(d.dir, 'dshield/192/0/2/10.json'), (Date.now() - 8 * DAY) / 1000, (Date.now() - 8 * DAY) / 1000);
    expect(await cache.get('dshield', PRED.dshieldIp)).toBeNull();
  });

  it('reads the older digest layout for a key whose primary path is missing', async () => {
    expect((await cache.get('dshield', PRED.legacyDigestIp))?.value).toEqual({ ip: { number: PRED.legacyDigestIp, count: 7 } });
  });

  it('treats an empty HIBP map as a miss, as the predecessor does', async () => {
    expect(await cache.get('hibp', PRED.emptyHibpPrefix)).toBeNull();
  });

  it('reads the flat handler files: vt_<hash>.json (vt-py wrapper), <hash> placeholders, dshield_<ip>.json, uh_<ip>, spur_<ip>.json', async () => {
    const vt = await cache.get('virustotal', PRED.vtFlat);
    expect(vt?.status).toBe('found');
    expect(vt?.value).toEqual(vtPyWrapped(PRED.vtFlat));
    const nf = await cache.get('virustotal', PRED.vtFlatNotFound);
    expect(nf?.status).toBe('not_found');
    expect(Date.parse(nf!.expiresAt) - Date.parse(nf!.createdAt)).toBe(12 * 3_600_000); // unknown files: 12 h
    expect((await cache.get('virustotal', PRED.vtRawFlat))?.status).toBe('found');
    const ds = await cache.get('dshield', PRED.flatDshieldIp);
    expect(ds?.value).toEqual({ ip: { number: PRED.flatDshieldIp, count: 2 } }); // unwrapped from {timestamp, data}
    expect(Math.abs(Date.parse(ds!.createdAt) - written)).toBeLessThan(5);
    expect((await cache.get('urlhaus', PRED.flatUhIp))?.value).toMatchObject({ query_status: 'ok', host: PRED.flatUhIp });
    expect((await cache.get('spur', PRED.flatSpurIp))?.value).toEqual({ ip: PRED.flatSpurIp, infrastructure: 'VPN' });
  });

  it('does not reproduce SPUR\'s prefix-glob fallback (it returned another IP\'s data)', async () => {
    expect(await cache.get('spur', '2001:db8::41')).toBeNull();
  });

  it('a corrupt file is a miss and is counted, never a crash', async () => {
    expect(await cache.get('dshield', PRED.corruptIp)).toBeNull();
    expect((await cache.getMany('dshield', [PRED.corruptIp, PRED.dshieldIp])).size).toBe(1);
    expect(cache.stats.corrupt).toBeGreaterThanOrEqual(2);
  });

  it('getMany reads the whole fixture in one call', async () => {
    const got = await cache.getMany('dshield', [PRED.dshieldIp, PRED.legacyDigestIp, PRED.flatDshieldIp, '192.0.2.250']);
    expect([...got.keys()].sort()).toEqual([PRED.dshieldIp, PRED.legacyDigestIp, PRED.flatDshieldIp].sort());
  });

  it('cleanup deletes expired sharded files but never the predecessor\'s flat files', async () => {
    const later = new Date(Date.now() + 400 * DAY);
    const n = await cache.cleanup(later);
    expect(n).toBeGreaterThanOrEqual(6);
    expect(existsSync(join(d.dir, 'dshield/192/0/2/10.json'))).toBe(false);
    expect(existsSync(join(d.dir, `vt_${PRED.vtFlat}.json`))).toBe(true);
    expect(existsSync(join(d.dir, 'dshield/192/0/2/66.json'))).toBe(true); // unreadable: left to a person
  });
});

describe('disk cache: writing the predecessor\'s sharded layout', () => {
  let d: ReturnType<typeof tempDir>;
  let cache: DiskCache;
  beforeEach(() => {
    d = tempDir();
    cache = createDiskCache({ dir: d.dir });
  });
  afterEach(() => d.remove());

  it('puts each service where the predecessor looks, as compact raw JSON, mtime = createdAt', async () => {
    const now = new Date(Date.now() - 60_000);
    const entries = [
      makeEntry('hibp', '5BAA6', 'found', { AAA: 1 }, now),
      makeEntry('dshield', '192.0.2.10', 'found', { ip: { number: '192.0.2.10' } }, now),
      makeEntry('virustotal', PRED.vtSharded, 'found', { data: { id: PRED.vtSharded } }, now),
      makeEntry('urlhaus', '198.51.100.7', 'found', { query_status: 'ok' }, now),
    ];
    for (const e of entries) await cache.set(e);
    expect(shardedPath('hibp', '5BAA6')).toBe(join('5B', 'AA', '6', '5BAA6.json'));
    expect(readFileSync(join(d.dir, 'hibp/5B/AA/6/5BAA6.json'), 'utf8')).toBe('{"AAA":1}');
    expect(existsSync(join(d.dir, 'dshield/192/0/2/10.json'))).toBe(true);
    expect(existsSync(join(d.dir, `virustotal/0c/41/5d/d7/${PRED.vtSharded}.json`))).toBe(true);
    expect(existsSync(join(d.dir, 'urlhaus', shardedPath('urlhaus', '198.51.100.7')))).toBe(true);
    expect(Math.abs(statSync(join(d.dir, 'dshield/192/0/2/10.json')).mtimeMs - now.getTime())).toBeLessThan(5);
  });

  it('writes VirusTotal unknown files under virustotal_unknown/ and other statuses under .cowrie/', async () => {
    await cache.set(makeEntry('virustotal', PRED.vtSharded, 'not_found', { error: { code: 'NotFoundError' } }));
    expect(existsSync(join(d.dir, `virustotal_unknown/0c/41/5d/d7/${PRED.vtSharded}.json`))).toBe(true);
    await cache.set(makeEntry('dshield', '192.0.2.10', 'error', { message: 'HTTP 503' }));
    expect(existsSync(join(d.dir, 'dshield/192/0/2/10.json'))).toBe(false); // never where the predecessor reads data
    expect(readdirSync(join(d.dir, '.cowrie', 'dshield')).length).toBe(1);
  });

  it('writes atomically: concurrent writers of one key leave one valid file and no temp files', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => cache.set(makeEntry('dshield', '192.0.2.10', 'found', { ip: { number: '192.0.2.10', count: i, pad: 'x'.repeat(20_000) } }))));
    const dir = join(d.dir, 'dshield/192/0/2');
    expect(readdirSync(dir)).toEqual(['10.json']);
    expect(() => JSON.parse(readFileSync(join(dir, '10.json'), 'utf8'))).not.toThrow();
  });

  it('keeps keys inside the directory whatever they contain', async () => {
    await cache.set(makeEntry('urlhaus', '../../../etc/evil', 'found', { tags: '' }));
    expect((await cache.get('urlhaus', '../../../etc/evil'))?.value).toEqual({ tags: '' });
    expect(existsSync(join(d.dir, '..', 'etc'))).toBe(false);
  });
});
