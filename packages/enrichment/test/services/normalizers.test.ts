import { describe, expect, it } from 'vitest';
import { normalizeDshield } from '../../src/services/dshield/dshield-normalize.js';
import { hibpDefinition } from '../../src/services/hibp/hibp-client.js';
import { parseRangeBody, passwordSha1 } from '../../src/services/hibp/hibp-range.js';
import { detectSlotOrder } from '../../src/services/spur/spur-slots.js';
import { normalizeSpur } from '../../src/services/spur/spur-normalize.js';
import { normalizeUrlhaus } from '../../src/services/urlhaus/urlhaus-normalize.js';
import { normalizeVirusTotal } from '../../src/services/virustotal/vt-normalize.js';

const SHA = '0c415dd718e3b3728707d579cf8214f54c2942e964975a5f925e0b82fea644b4';
const wrap = (data: unknown) => ({ _on_change_callback: {}, data });

describe('VirusTotal legacy forms', () => {
  it('reads the predecessor\'s vt_<hash>.json written through vt-py (UserDict wrappers, datetime strings)', () => {
    const file = {
      data: {
        id: SHA, type: 'file',
        attributes: {
          last_analysis_stats: wrap({ malicious: 5, suspicious: 1, undetected: 60, harmless: 2 }),
          last_analysis_results: wrap({ Avast: wrap({ category: 'malicious', result: 'ELF:Mirai' }) }),
          first_submission_date: '2023-02-28 16:00:00+00:00',
          type_description: 'ELF', names: ['x86_64'], total_votes: wrap({ harmless: 0, malicious: 3 }),
        },
      },
    };
    expect(normalizeVirusTotal(SHA, { status: 'found', raw: file })).toEqual({
      sha256: SHA, known: true, maliciousCount: 5, suspiciousCount: 1, harmlessCount: 2, undetectedCount: 60,
      typeDescription: 'ELF', names: ['x86_64'], firstSubmission: '2023-02-28T16:00:00.000Z', lastAnalysis: null, popularThreatLabel: null,
    });
  });

  it('reads the legacy not-found placeholder and VT\'s error envelope as unknown files', () => {
    expect(normalizeVirusTotal(SHA, { status: 'found', raw: { error: 'not_found' } })).toMatchObject({ known: false });
    expect(normalizeVirusTotal(SHA.toUpperCase(), { status: 'not_found', raw: { error: { code: 'NotFoundError' } } })).toMatchObject({ sha256: SHA, known: false });
  });

  it('reads the predecessor fixture shape without data.id', () => {
    const raw = { data: { attributes: { type_description: 'Win32 EXE', popular_threat_classification: { suggested_threat_label: 'trojan.generic/malware' }, last_analysis_stats: { malicious: 45, suspicious: 5, undetected: 10, harmless: 0, timeout: 0 } } } };
    expect(normalizeVirusTotal(SHA, { status: 'found', raw })).toMatchObject({ sha256: SHA, maliciousCount: 45, popularThreatLabel: 'trojan.generic/malware' });
  });
});

// Slot values from predecessor-details.md §2.6 for one IP seen by SPUR.
const SERVICE_SLOTS = ['AS-30083-GO-DADDY', ['TOR_PROXY_USER'], 'US', '9yz', 45, 1, 14, ['LUMINATI_PROXY'], 4941431, ['MOBILE'], 'DATACENTER', 'St Louis', 'US', 'Missouri', 'GoDaddy', ['TUNNEL'], ['OPENVPN'], [{ anonymous: true, operator: 'NORD_VPN', type: 'VPN', entries: ['1.1.1.1'] }]];
const LEGACY_SLOTS = ['30083', 'AS-30083-GO-DADDY', 'GoDaddy', 'DATACENTER', "['TOR_PROXY_USER']", "['LUMINATI_PROXY']", "['MOBILE']", '14', "{'country': 'US', 'geohash': '9yz', 'skew': 45}", '1', '4941431', "['TUNNEL']", "['OPENVPN']", 'St Louis, Missouri, US', 'True', "['1.1.1.1']", 'NORD_VPN', 'VPN'];

describe('SPUR 18-slot lists', () => {
  it('tells the two orders apart', () => {
    expect(detectSlotOrder(SERVICE_SLOTS)).toBe('service');
    expect(detectSlotOrder(LEGACY_SLOTS)).toBe('legacy');
    expect(detectSlotOrder(['AS-X', '', '', 'abc', '', '', '', '', '', '', 'VPN', '', '', '', '', '', '', ''])).toBe('service');
  });

  it('both orders (and the {"spur_data": …} cache value) give the same documented object', () => {
    const fromService = normalizeSpur('1.1.1.1', { status: 'found', raw: { spur_data: SERVICE_SLOTS } });
    const fromLegacy = normalizeSpur('1.1.1.1', { status: 'found', raw: LEGACY_SLOTS });
    for (const ctx of [fromService, fromLegacy]) {
      expect(ctx).toMatchObject({
        ip: '1.1.1.1', asOrganization: 'AS-30083-GO-DADDY', organization: 'GoDaddy', infrastructure: 'DATACENTER',
        risks: ['TUNNEL'], services: ['OPENVPN'],
        client: { behaviors: ['TOR_PROXY_USER'], proxies: ['LUMINATI_PROXY'], types: ['MOBILE'], count: 14, countries: 1, spread: 4941431, concentration: { country: 'US', geohash: '9yz', skew: 45 } },
        location: { city: 'St Louis', state: 'Missouri', country: 'US' },
      });
      expect(ctx.tunnels).toEqual([{ type: 'VPN', operator: 'NORD_VPN', anonymous: true, entries: ['1.1.1.1'], exits: [] }]);
    }
    expect(fromLegacy.asn).toBe(30083); // only the legacy order kept the AS number
  });

  it('18 empty slots (the predecessor\'s value on error) are an empty context', () => {
    const ctx = normalizeSpur('10.0.0.1', { status: 'found', raw: Array(18).fill('') });
    expect(ctx).toMatchObject({ ip: '10.0.0.1', infrastructure: null, risks: [], tunnels: [], location: null, client: { concentration: null } });
  });

  it('reads the predecessor fixture shape (asn instead of as, strings for numbers)', () => {
    const ctx = normalizeSpur('1.2.3.4', { status: 'found', raw: { asn: { number: 16509, organization: 'AMAZON-02' }, infrastructure: 'DATACENTER', client: { concentration: 'HIGH', countries: ['US'], spread: 'LOW', proxies: 'NONE' }, risks: [''] } });
    expect(ctx).toMatchObject({ asn: 16509, asOrganization: 'AMAZON-02', client: { concentration: null, countries: null, spread: null, proxies: ['NONE'] }, risks: [] });
  });
});

describe('DShield and URLhaus legacy forms', () => {
  it('reads the legacy dshield_<ip>.json wrapper and the fixture field names', () => {
    const legacy = { timestamp: 1700000000.5, data: { ip: { number: '1.2.3.4', count: '999', attacks: '1000', as: '16509', asname: 'AMAZON-02', ascountry: 'US' } } };
    expect(normalizeDshield('1.2.3.4', { status: 'found', raw: legacy })).toMatchObject({ count: 999, attacks: 1000, asn: 16509, country: 'US' });
    const fixture = { ip: { asnumber: 'AS7922', asdescription: 'Comcast', ipcountrycode: 'US', firstseen: '2024-01-01', count: '5' } };
    expect(normalizeDshield('1.2.3.4', { status: 'found', raw: fixture })).toMatchObject({ asn: 7922, asName: 'Comcast', country: 'US', mindate: '2024-01-01', count: 5 });
    expect(normalizeDshield('1.2.3.4', { status: 'found', raw: { ip: { asname: '', ascountry: '' } } })).toMatchObject({ asName: null, country: null, count: null });
  });

  it('reads the predecessor\'s {"tags":"a,b"} cache value and bare tag strings', () => {
    expect(normalizeUrlhaus('1.2.3.4', { status: 'found', raw: { tags: 'mirai,elf' } })).toMatchObject({ tags: ['elf', 'mirai'], urlCount: 0 });
    expect(normalizeUrlhaus('1.2.3.4', { status: 'found', raw: 'elf, mirai' }).tags).toEqual(['elf', 'mirai']);
    expect(normalizeUrlhaus('1.2.3.4', { status: 'found', raw: { tags: '' } }).tags).toEqual([]);
  });
});

describe('HIBP ranges', () => {
  it('parses CRLF and LF bodies, with or without a final newline, dropping :0 padding', () => {
    const body = '0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n00d4f6e8fa6eecad2a3aa415eec418d38ec:2\n011053FD0102E94D6AE2F8B83D76FAF94F6:0\r\n';
    expect(parseRangeBody('hibp', body)).toEqual({ '0018A45C4D1DEF81644B54AB7F969B88D65': 1, '00D4F6E8FA6EECAD2A3AA415EEC418D38EC': 2 });
  });

  it('normalises from the predecessor\'s cached suffix map; the subject stored is the SHA-1', () => {
    const sha = passwordSha1('password');
    const exposure = hibpDefinition.normalize('password', { status: 'found', raw: { [sha.slice(5)]: 3861493 } });
    expect(exposure).toEqual({ sha1: sha, pwned: true, count: 3861493 });
    expect(JSON.stringify(exposure)).not.toContain('"password"');
  });
});
