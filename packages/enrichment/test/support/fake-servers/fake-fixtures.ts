// Default content of the fakes, in the real wire shapes of wire-formats.md (values from its
// examples and the predecessor's fixtures), including the quirks parsers must survive:
// numbers as strings, nulls, `tags: null`, sparse SPUR objects.

/** Credentials the fakes accept by default. */
export const FAKE_KEYS = { virustotal: 'vt-test-key', urlhaus: 'uh-test-key', spur: 'spur-test-token' } as const;

/** A contact email for DShield requests in tests. */
export const FAKE_EMAIL = 'honeypot+ops@example.org';

/** An IP every fake knows (DShield reports, URLhaus URLs, SPUR datacenter context). */
export const KNOWN_IP = '70.91.145.10';
/** A file hash VirusTotal knows. */
export const KNOWN_SHA256 = '0c415dd718e3b3728707d579cf8214f54c2942e964975a5f925e0b82fea644b4';
/** A password the HIBP fake reports as breached (3,861,493 times, as the live API does for it). */
export const PWNED_PASSWORD = 'password';

export const DSHIELD_DEFAULT: Record<string, Record<string, unknown>> = {
  [KNOWN_IP]: {
    number: KNOWN_IP, count: '1', attacks: 1, maxdate: '2018-06-10', mindate: '2018-06-10', updated: '2018-06-10 06:15:59',
    comment: null, maxrisk: null, asabusecontact: 'abuse@comcast.net', as: 7922,
    asname: 'COMCAST-7922 - Comcast Cable Communications, LLC,', ascountry: 'US', assize: 66192817,
    network: '70.88.0.0/14', threatfeeds: { forumspam: { firstseen: '2020-01-15', lastseen: '2020-01-15' } },
  },
};

/** ISC's answer for an IP it has AS data for but no reports. */
export function dshieldNeverReported(ip: string): Record<string, unknown> {
  return {
    number: ip, count: null, attacks: null, maxdate: null, mindate: null, updated: null, comment: null, maxrisk: null,
    asabusecontact: 'abuse@vegatele.com', as: 48090, asname: 'PPTECHNOLOGY', ascountry: 'GB', assize: 256,
    network: '45.148.10.0/24', weblogs: { count: 1 }, threatfeeds: null,
  };
}

export const VT_DEFAULT: Record<string, Record<string, unknown>> = {
  [KNOWN_SHA256]: {
    type_description: 'ELF', meaningful_name: 'x86_64', names: ['x86_64', 'bins.sh'], size: 656896,
    sha256: KNOWN_SHA256, tags: ['elf', '64bits'], reputation: -12,
    first_submission_date: 1677600000, last_submission_date: 1700000000, last_analysis_date: 1700000500,
    last_analysis_stats: { harmless: 0, 'type-unsupported': 8, suspicious: 0, 'confirmed-timeout': 0, timeout: 0, failure: 0, malicious: 38, undetected: 20 },
    popular_threat_classification: { suggested_threat_label: 'trojan.mirai/gafgyt' },
  },
};

export const URLHAUS_DEFAULT: Record<string, Array<Record<string, unknown>>> = {
  [KNOWN_IP]: [
    { id: '121319', url: `http://${KNOWN_IP}/bins/x86`, url_status: 'online', date_added: '2024-01-01 12:00:00 UTC', threat: 'malware_download', reporter: 'abuse_ch', larted: 'false', takedown_time_seconds: null, tags: ['elf', 'mirai'] },
    { id: '121320', url: `http://${KNOWN_IP}/bins/arm7`, url_status: 'offline', date_added: '2024-01-02 12:00:00 UTC', threat: 'malware_download', reporter: 'abuse_ch', larted: 'true', takedown_time_seconds: '3600', tags: null },
  ],
};

export const SPUR_DEFAULT: Record<string, Record<string, unknown>> = {
  [KNOWN_IP]: {
    ip: KNOWN_IP, as: { number: 30083, organization: 'AS-30083-GO-DADDY-COM-LLC' }, organization: 'GoDaddy', infrastructure: 'DATACENTER',
    client: { behaviors: ['TOR_PROXY_USER'], concentration: { city: 'Weldon Spring', country: 'US', state: 'Missouri', density: 0.202, geohash: '9yz', skew: 45 }, count: 14, countries: 1, proxies: ['LUMINATI_PROXY'], spread: 4941431, types: ['MOBILE', 'DESKTOP'] },
    location: { city: 'St Louis', country: 'US', state: 'Missouri' },
    risks: ['WEB_SCRAPING', 'TUNNEL'], services: ['IPSEC', 'OPENVPN'],
    tunnels: [{ anonymous: true, entries: [KNOWN_IP], exits: [KNOWN_IP], operator: 'NORD_VPN', type: 'VPN' }],
  },
};

export const HIBP_DEFAULT: Record<string, number> = { [PWNED_PASSWORD]: 3861493, '123456': 42 };
