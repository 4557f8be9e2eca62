import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { digest } from '../../src/cache/disk/disk-layout.js';

/**
 * A cache directory as the predecessor writes it (`predecessor-details.md` §2): the sharded
 * `EnrichmentCacheManager` files (compact JSON, no wrapper), its older digest layout, and the
 * flat files of `handlers.py` / `VirusTotalHandler` (vt-py's UserDict wrapper, `indent=2`).
 * Written by code rather than checked in, because the fixture's meaning is in its mtimes.
 */
export const PRED = {
  dshieldIp: '192.0.2.10',
  dshieldBody: { ip: { number: '192.0.2.10', count: 1, attacks: 1, maxdate: '2018-06-10', mindate: '2018-06-10', updated: '2018-06-10 06:15:59', comment: null, maxrisk: null, asabusecontact: 'abuse@example.net', as: 7922, asname: 'EXAMPLE-7922', ascountry: 'US', assize: 66192817, network: '192.0.2.0/24', threatfeeds: { forumspam: { firstseen: '2020-01-15', lastseen: '2020-01-15' } } } },
  legacyDigestIp: '198.51.100.23',
  hibpPrefix: '5BAA6',
  hibpMap: { '1E4C9B93F3F0682250B6CF8331B7EE68FD8': 3861493, '011053FD0102E94D6AE2F8B83D76FAF94F6': 1 },
  emptyHibpPrefix: '00000',
  urlhausIp: '198.51.100.7',
  urlhausValue: { tags: 'elf,mirai' },
  spurIp: '203.0.113.5',
  spurValue: { spur_data: ['AS-EXAMPLE', ['TOR_PROXY_USER'], 'US', '9yz', 45, 1, 14, ['LUMINATI_PROXY'], 4941431, ['MOBILE'], 'DATACENTER', 'St Louis', 'US', 'Missouri', 'Example Org', ['TUNNEL'], ['OPENVPN'], [{ anonymous: true, operator: 'NORD_VPN', type: 'VPN' }]] },
  vtSharded: '0c415dd718e3b3728707d579cf8214f54c2942e964975a5f925e0b82fea644b4',
  vtFlat: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  vtFlatNotFound: 'deadbeef00000000000000000000000000000000000000000000000000000000',
  vtRawFlat: 'cafebabe11111111111111111111111111111111111111111111111111111111',
  flatDshieldIp: '192.0.2.77',
  flatUhIp: '198.51.100.40',
  flatSpurIp: '2001:db8::40',
  corruptIp: '192.0.2.66',
} as const;

/** The vt-py wrapped object `VirusTotalHandler` really writes (UserDict attributes, string dates). */
export function vtPyWrapped(hash: string): unknown {
  const wrap = (data: unknown) => ({ _on_change_callback: {}, data });
  return {
    data: {
      id: hash, type: 'file',
      attributes: {
        last_analysis_stats: wrap({ malicious: 5, undetected: 60 }),
        last_analysis_results: wrap({ Avast: wrap({ category: 'malicious', engine_name: 'Avast', result: 'ELF:Mirai-AJY [Trj]' }) }),
        first_submission_date: '2023-02-28 16:00:00+00:00', last_submission_date: '2023-11-14 22:13:20+00:00',
        md5: '99ad3000abb169e60844a0689dbe9f8c', sha1: 'a'.repeat(40), sha256: hash, size: 656896, type_description: 'ELF',
        names: ['x86_64', 'bins.sh'], tags: ['elf'], reputation: -12, total_votes: wrap({ harmless: 0, malicious: 3 }), meaningful_name: 'x86_64',
      },
    },
  };
}

function put(path: string, text: string, mtimeMs: number): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
}

/** Write the fixture into `dir`, every file modified at `mtimeMs` (default: an hour ago). */
export function writePredecessorCache(dir: string, mtimeMs = Date.now() - 3_600_000): void {
  const compact = (v: unknown) => JSON.stringify(v);
  const d = (k: string) => digest(k);
  put(join(dir, 'dshield/192/0/2/10.json'), compact(PRED.dshieldBody), mtimeMs);
  put(join(dir, 'dshield', d(PRED.legacyDigestIp).slice(0, 2), `${d(PRED.legacyDigestIp)}.json`), compact({ ip: { number: PRED.legacyDigestIp, count: 7 } }), mtimeMs);
  put(join(dir, 'hibp/5B/AA/6/5BAA6.json'), compact(PRED.hibpMap), mtimeMs);
  put(join(dir, 'hibp/00/00/0/00000.json'), '{}', mtimeMs);
  put(join(dir, 'urlhaus', d(PRED.urlhausIp).slice(0, 2), `${d(PRED.urlhausIp)}.json`), compact(PRED.urlhausValue), mtimeMs);
  put(join(dir, 'spur', d(PRED.spurIp).slice(0, 2), `${d(PRED.spurIp)}.json`), compact(PRED.spurValue), mtimeMs);
  put(join(dir, 'virustotal/0c/41/5d/d7', `${PRED.vtSharded}.json`), compact({ data: { id: PRED.vtSharded, attributes: { last_analysis_stats: { malicious: 38 } } } }), mtimeMs);
  put(join(dir, `vt_${PRED.vtFlat}.json`), JSON.stringify(vtPyWrapped(PRED.vtFlat), null, 2), mtimeMs);
  put(join(dir, PRED.vtFlatNotFound), compact({ error: 'not_found' }), mtimeMs);
  put(join(dir, PRED.vtRawFlat), compact({ data: { id: PRED.vtRawFlat, type: 'file', attributes: { last_analysis_stats: { malicious: 1 } } } }), mtimeMs);
  // handlers.py: json.dumps with default separators, timestamp inside (seconds, float).
  put(join(dir, `dshield_${PRED.flatDshieldIp}.json`), JSON.stringify({ timestamp: mtimeMs / 1000, data: { ip: { number: PRED.flatDshieldIp, count: 2 } } }).replace(/,/g, ', ').replace(/:/g, ': '), mtimeMs);
  put(join(dir, `uh_${PRED.flatUhIp}`), compact({ query_status: 'ok', host: PRED.flatUhIp, urls: [{ tags: ['exe'] }] }), mtimeMs);
  put(join(dir, `spur_${PRED.flatSpurIp.replace(/:/g, '_')}.json`), compact({ ip: PRED.flatSpurIp, infrastructure: 'VPN' }), mtimeMs);
  put(join(dir, 'dshield/192/0/2/66.json'), '{"ip": {"number": "192.0.2.66", "cou', mtimeMs);
}
