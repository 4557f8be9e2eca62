import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveEnrichmentConfig } from '../../src/config/resolve-config.js';
import { resolveSecret } from '../../src/config/secret-ref.js';
import { parseRate } from '../../src/rate-limit/parse-rate.js';

const TOML = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/sensors.toml');

describe('resolveEnrichmentConfig', () => {
  it('defaults: conventions\' base URLs and rates; no credentials -> disabled with one notice each; HIBP off', () => {
    const c = resolveEnrichmentConfig({ env: {}, sensorsToml: null });
    expect(c.virustotal).toMatchObject({ baseUrl: 'https://www.virustotal.com/api/v3', enabled: false, rate: { perInterval: 4, intervalMs: 60_000, daily: 500 }, timeoutMs: 30_000 });
    expect(c.dshield).toMatchObject({ baseUrl: 'https://isc.sans.edu/api', enabled: false });
    expect(c.spur.baseUrl).toBe('https://api.spur.us/v2');
    expect(c.urlhaus.baseUrl).toBe('https://urlhaus-api.abuse.ch/v1');
    expect(c.hibp).toMatchObject({ baseUrl: 'https://api.pwnedpasswords.com', enabled: false });
    expect(c.virustotal.disabledReason).toBe('virustotal disabled: no API key (set COWRIE_VT_KEY, VT_API_KEY or vtapi in sensors.toml)');
    expect(c.dshield.disabledReason).toMatch(/no contact email/);
    expect(c.hibp.disabledReason).toMatch(/COWRIE_HIBP=on/);
  });

  it('precedence: flags > COWRIE_* env > predecessor env > sensors.toml ([[sensor]] over [global])', () => {
    const env = { TOML_VT_KEY: 'vt-from-toml-env', VT_API_KEY: 'vt-legacy', COWRIE_VT_KEY: 'vt-ours', DSHIELD_EMAIL: 'legacy@example.org' };
    const all = resolveEnrichmentConfig({ env, sensorsToml: TOML, sensor: 'honeypot-1', flags: { credentials: { virustotal: 'vt-flag' } } });
    expect(all.virustotal).toMatchObject({ credentials: { key: 'vt-flag' }, sources: { credentials: 'flag' } });
    expect(resolveEnrichmentConfig({ env, sensorsToml: TOML, sensor: 'honeypot-1' }).virustotal.credentials.key).toBe('vt-ours');
    const { COWRIE_VT_KEY: _a, ...noOurs } = env;
    expect(resolveEnrichmentConfig({ env: noOurs, sensorsToml: TOML, sensor: 'honeypot-1' }).virustotal.sources.credentials).toBe('VT_API_KEY');
    const { VT_API_KEY: _b, ...noEnv } = noOurs;
    const sensor1 = resolveEnrichmentConfig({ env: noEnv, sensorsToml: TOML, sensor: 'honeypot-1' });
    expect(sensor1.virustotal).toMatchObject({ credentials: { key: 'literal-vt-key-from-sensor' }, sources: { credentials: 'sensors.toml [[sensor]] honeypot-1 vtapi' } });
    expect(sensor1.dshield.credentials.email).toBe('legacy@example.org'); // predecessor env beats the toml
    const global = resolveEnrichmentConfig({ env: { TOML_VT_KEY: 'vt-from-toml-env' }, sensorsToml: TOML, sensor: 'honeypot-2' });
    expect(global.virustotal.credentials.key).toBe('vt-from-toml-env'); // env: reference resolved
    expect(global.dshield.credentials.email).toBe('global-ops@example.org');
    expect(global.urlhaus).toMatchObject({ enabled: true, credentials: { key: 'urlhaus-key-from-file' } }); // file: reference resolved
  });

  it('reports unsupported secret references and unset env: references, and disables the service', () => {
    const c = resolveEnrichmentConfig({ env: {}, sensorsToml: TOML });
    expect(c.spur.enabled).toBe(false);
    expect(c.spur.warnings.join('\n')).toMatch(/spurapi: unsupported secret reference op:\/\//);
    expect(c.virustotal.warnings.join('\n')).toMatch(/env:TOML_VT_KEY names an unset variable/);
    expect(resolveEnrichmentConfig({ env: {}, sensorsToml: TOML, sensor: 'nope' }).dshield.warnings.join('\n')).toMatch(/no \[\[sensor\]\] named "nope"/);
  });

  it('URLs, rates, daily quota and timeout from env and flags', () => {
    const c = resolveEnrichmentConfig({
      env: { COWRIE_DSHIELD_URL: 'http://127.0.0.1:9/api/', COWRIE_DSHIELD_RATE: '2/s', COWRIE_VT_RATE: '4/min', COWRIE_VT_DAILY: '250', COWRIE_ENRICH_TIMEOUT_MS: '5000' },
      sensorsToml: null,
      flags: { rates: { urlhaus: '10/min' } },
    });
    expect(c.dshield).toMatchObject({ baseUrl: 'http://127.0.0.1:9/api', rate: { perInterval: 2, intervalMs: 1000 }, sources: { baseUrl: 'COWRIE_DSHIELD_URL', rate: 'COWRIE_DSHIELD_RATE' }, timeoutMs: 5000 });
    expect(c.virustotal.rate).toEqual({ perInterval: 4, intervalMs: 60_000, daily: 250 });
    expect(c.urlhaus.rate).toEqual({ perInterval: 10, intervalMs: 60_000 });
    expect(() => resolveEnrichmentConfig({ env: { COWRIE_VT_RATE: 'fast' }, sensorsToml: null })).toThrow(/invalid rate "fast"/);
    expect(() => resolveEnrichmentConfig({ env: { COWRIE_SPUR_URL: 'ftp://x' }, sensorsToml: null })).toThrow(/invalid base URL for spur/);
  });

  it('HIBP: enabled by COWRIE_HIBP=on or --services hibp; --services limits the rest', () => {
    expect(resolveEnrichmentConfig({ env: { COWRIE_HIBP: 'on' }, sensorsToml: null }).hibp.enabled).toBe(true);
    const c = resolveEnrichmentConfig({ env: { COWRIE_VT_KEY: 'k' }, sensorsToml: null, flags: { services: ['hibp'] } });
    expect(c.hibp.enabled).toBe(true);
    expect(c.virustotal).toMatchObject({ enabled: false, disabledReason: 'virustotal not selected (--services hibp)' });
  });

  it('an explicit sensors.toml that does not parse is a usage error', () => {
    expect(() => resolveEnrichmentConfig({ env: {}, sensorsToml: join(dirname(TOML), 'urlhaus.key') })).toThrow(/cannot read/);
  });
});

describe('parseRate and resolveSecret', () => {
  it('parses the documented forms', () => {
    expect(parseRate('2/s')).toEqual({ perInterval: 2, intervalMs: 1000 });
    expect(parseRate('4/min')).toEqual({ perInterval: 4, intervalMs: 60_000 });
    expect(parseRate('100/hour')).toEqual({ perInterval: 100, intervalMs: 3_600_000 });
    expect(parseRate('5/10s')).toEqual({ perInterval: 5, intervalMs: 10_000 });
    expect(parseRate('0.5/sec')).toEqual({ perInterval: 0.5, intervalMs: 1000 });
    expect(parseRate('500/day')).toEqual({ perInterval: 500, intervalMs: 86_400_000 });
    for (const bad of ['', '4', '/s', '0/s', '4/fortnight', '-1/s']) expect(() => parseRate(bad)).toThrow(/invalid rate/);
  });

  it('resolves env: and file:, refuses other schemes', () => {
    expect(resolveSecret('env:X', { X: 'v' })).toEqual({ value: 'v' });
    expect(resolveSecret('plain-key', {})).toEqual({ value: 'plain-key' });
    for (const s of ['op://v/i/f', 'aws-sm://eu-west-1/id#k', 'vault://kv/x#f', 'sops://s.yaml#a.b']) expect(resolveSecret(s, {}).value).toBeNull();
    expect(resolveSecret('file:/nonexistent/key', {})).toMatchObject({ value: null, warning: expect.stringMatching(/cannot be read/) });
  });
});
