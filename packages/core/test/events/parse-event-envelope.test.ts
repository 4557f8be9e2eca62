import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/events/index.js';
import { v10, v13, v2, v28, v30 } from './fixtures.js';

describe('parseEvent envelope', () => {
  it('v1.0: 8-char session, system/isError, protocol inferred from system', () => {
    const ev = parseEvent(v10.telnetConnect);
    expect(ev).toMatchObject({
      kind: 'cowrie.session.connect',
      eventid: 'cowrie.session.connect',
      timestamp: '2017-01-03T00:00:50.813909Z',
      sensor: 'ip-10-0-26-63',
      session: 'a901e0e0',
      srcIp: '198.51.100.7',
      srcPort: 43430,
      dstIp: '10.0.26.63',
      dstPort: 2223,
      protocol: 'telnet',
      message: 'New connection: 198.51.100.7:43430 (10.0.26.63:2223) [session: TT3]',
      uuid: null,
      late: false,
    });
    expect(ev.raw).toBe(v10.telnetConnect);
    expect('originalEventid' in ev).toBe(false);
    expect(parseEvent(v10.sshLoginSuccess).protocol).toBe('ssh');
  });

  it('v1.3: protocol on connect only; no-fraction and short-fraction timestamps normalised', () => {
    expect(parseEvent(v13.sshConnect).protocol).toBe('ssh');
    const login = parseEvent(v13.loginFailedNonAscii);
    expect(login.timestamp).toBe('2018-05-06T17:44:07.500000Z');
    expect(login.protocol).toBe('ssh');
    expect(parseEvent(v13.downloadUnique).timestamp).toBe('2018-05-06T17:45:00.000000Z');
    // No system, no protocol, no port: nothing to infer from.
    expect(parseEvent(v13.downloadUnique).protocol).toBeNull();
  });

  it('message: [] (pre-v3.0.6), "" (v3.0.6+) and missing-with-format all give null', () => {
    expect(parseEvent(v13.params).message).toBeNull();
    expect(parseEvent(v30.paramsEmptyMessage).message).toBeNull();
    const dl = parseEvent(v2.downloadFormatNoMessage);
    expect(dl.message).toBeNull();
    expect(dl.raw['format']).toBe('Downloaded URL (%(url)s) with SHA-256 %(shasum)s to %(outfile)s');
  });

  it('v2.8.1+: uuid and protocol on every event, "unknown" kept', () => {
    const ev = parseEvent(v28.loginSuccess);
    expect(ev.uuid).toBe('c0ffee00-1111-2222-3333-444455556666');
    expect(ev.protocol).toBe('ssh');
    expect(parseEvent(v28.connectUnknownProtocol).protocol).toBe('unknown');
  });

  it('v3.0.6+: identity on every event and late', () => {
    const ev = parseEvent(v30.lateDownload);
    expect(ev).toMatchObject({ srcPort: 55555, dstIp: '10.0.0.9', dstPort: 2222, late: true });
    expect(parseEvent(v30.paramsEmptyMessage).late).toBe(false);
    expect(parseEvent({ ...v30.paramsEmptyMessage, late: 'true' }).late).toBe(false);
  });

  it('telnet ::ffff: sources become IPv4 and +0200 timestamps become UTC', () => {
    const ev = parseEvent(v30.telnetMappedConnect);
    expect(ev.srcIp).toBe('198.51.100.200');
    expect(ev.dstIp).toBe('10.0.0.9');
    expect(ev.timestamp).toBe('2026-07-20T10:00:00.000000Z');
    expect(ev.protocol).toBe('telnet');
  });

  it('IPv6 sources are compressed', () => {
    const ev = parseEvent({ ...v13.sshConnect, src_ip: '2001:DB8:0:0:0:0:0:7' });
    expect(ev.srcIp).toBe('2001:db8::7');
  });

  it('sensor: override > non-empty event sensor > default > null', () => {
    const withSensor = v13.sshConnect;
    const emptySensor = { ...v13.sshConnect, sensor: '' };
    const noSensor: Record<string, unknown> = { ...v13.sshConnect };
    delete noSensor['sensor'];
    expect(parseEvent(withSensor, { sensorOverride: 'ovr', defaultSensor: 'dflt' }).sensor).toBe('ovr');
    expect(parseEvent(withSensor, { defaultSensor: 'dflt' }).sensor).toBe('920497a79896');
    expect(parseEvent(emptySensor, { defaultSensor: 'dflt' }).sensor).toBe('dflt');
    expect(parseEvent(noSensor, { defaultSensor: 'dflt' }).sensor).toBe('dflt');
    expect(parseEvent(noSensor).sensor).toBeNull();
    expect(parseEvent(emptySensor).sensor).toBeNull();
    expect(parseEvent({ ...v13.sshConnect, sensor: 42 }, { defaultSensor: 'dflt' }).sensor).toBe('dflt');
  });

  it('coerces digit-string ports and nulls wrong-typed envelope fields', () => {
    const ev = parseEvent({
      eventid: 'cowrie.session.connect',
      timestamp: 1525628645.866769,
      session: 12,
      src_ip: 42,
      src_port: '22',
      dst_ip: ['x'],
      dst_port: '2222x',
      uuid: false,
      message: { text: 'x' },
    });
    expect(ev).toMatchObject({
      timestamp: '2018-05-06T17:44:05.866769Z',
      session: null,
      srcIp: null,
      srcPort: 22,
      dstIp: null,
      dstPort: null,
      uuid: null,
      message: null,
      protocol: null,
    });
  });

  it('falls back to the optional epoch (ms) when timestamp is missing or unusable', () => {
    expect(parseEvent({ eventid: 'cowrie.session.connect', epoch: 1525628645866 }).timestamp).toBe(
      '2018-05-06T17:44:05.866000Z',
    );
    expect(parseEvent({ eventid: 'cowrie.session.connect', timestamp: 'bad' }).timestamp).toBeNull();
  });

  it('legacy KIPP/COW ids map to current kinds and keep originalEventid', () => {
    const ev = parseEvent({ eventid: 'KIPP0002', username: 'root', password: 'x', timestamp: '2015-06-01T10:00:00.000001Z' });
    expect(ev.kind).toBe('cowrie.login.success');
    expect(ev.eventid).toBe('cowrie.login.success');
    expect(ev.originalEventid).toBe('KIPP0002');
    const input = parseEvent({ eventid: 'COW0008', input: 'ls -la' });
    expect(input.kind).toBe('cowrie.command.input');
    if (input.kind === 'cowrie.command.input') expect(input.input).toBe('ls -la');
    const upload = parseEvent({ eventid: 'COW0015', message: 'upload limit reached' });
    expect(upload.kind).toBe('unknown');
    expect(upload.eventid).toBe('COW0015');
    expect(upload.originalEventid).toBeUndefined();
  });

  it('unknown ids keep every field in raw', () => {
    const obj = { eventid: 'cowrie.fork.thing', timestamp: '2020-01-01T00:00:00Z', src_ip: '::ffff:192.0.2.1', custom: { a: 1 } };
    const ev = parseEvent(obj);
    expect(ev).toMatchObject({ kind: 'unknown', eventid: 'cowrie.fork.thing', srcIp: '192.0.2.1', timestamp: '2020-01-01T00:00:00.000000Z' });
    expect(ev.raw).toBe(obj);
  });

  it('retired families keep the real id in eventid', () => {
    const ev = parseEvent({ eventid: 'cowrie.threatjammer.reportedip', ip: '192.0.2.9' });
    expect(ev.kind).toBe('cowrie.threatjammer.*');
    expect(ev.eventid).toBe('cowrie.threatjammer.reportedip');
    expect(parseEvent({ eventid: 'cowrie.backend_pool.x' }).kind).toBe('cowrie.backend_pool.*');
    expect(parseEvent({ eventid: 'cowrie.pool_client', message: 'pool' }).kind).toBe('cowrie.pool_client');
  });

  it('sanitises NUL and lone surrogates in raw and in typed fields', () => {
    const ev = parseEvent({ eventid: 'cowrie.login.failed', username: 'ro\u0000ot', password: '\udc80' });
    expect(ev.raw['username']).toBe('ro\ufffdot');
    if (ev.kind !== 'cowrie.login.failed') throw new Error(ev.kind);
    expect(ev.username).toBe('ro\ufffdot');
    expect(ev.password).toBe('\ufffd');
  });

  it('never throws, even on hostile objects', () => {
    const hostile = new Proxy(
      { eventid: 'cowrie.login.failed' },
      {
        get(target, key) {
          if (key === 'eventid') return 'cowrie.login.failed';
          if (key === 'username') throw new Error('boom');
          return Reflect.get(target, key);
        },
      },
    );
    const ev = parseEvent(hostile);
    expect(ev.kind).toBe('unknown');
    expect(ev.eventid).toBe('cowrie.login.failed');
    expect(parseEvent({ eventid: 5 } as Record<string, unknown>).eventid).toBe('5');
    const badId = { eventid: { toString: () => { throw new Error('x'); } } };
    expect(parseEvent(badId).kind).toBe('unknown');
  });
});
