import { describe, expect, it } from 'vitest';
import { type CowrieEvent, type EventKind, type EventOfKind, parseEvent } from '../../src/events/index.js';
import { SAMPLES } from './fixtures-by-kind.js';
import { v10, v13, v2, v28, v30 } from './fixtures.js';

/** Parses and asserts the kind, returning the narrowed event. */
function as<K extends EventKind>(kind: K, raw: Record<string, unknown>): EventOfKind<K> {
  const ev: CowrieEvent = parseEvent(raw);
  expect(ev.kind).toBe(kind);
  return ev as EventOfKind<K>;
}

describe('session events', () => {
  it('session.closed durationMs across eras', () => {
    expect(as('cowrie.session.closed', v10.closedFloat).durationMs).toBe(3876);
    expect(as('cowrie.session.closed', v28.closedString).durationMs).toBe(13300);
    expect(as('cowrie.session.closed', v30.closedMs).durationMs).toBe(13312);
    expect(as('cowrie.session.closed', { eventid: 'cowrie.session.closed' }).durationMs).toBeNull();
  });

  it('session.params arch', () => {
    expect(as('cowrie.session.params', v13.params).arch).toBe('linux-x64-lsb');
  });
});

describe('client events', () => {
  it('client.version ≤v1.3 keeps kex lists as arrays', () => {
    const ev = as('cowrie.client.version', v13.clientVersion);
    expect(ev.version).toBe('SSH-2.0-libssh2_1.8.0');
    expect(ev.versionNormalized).toBe('SSH-2.0-libssh2_1.8.0');
    expect(ev.kexAlgs).toEqual(['curve25519-sha256@libssh.org', 'ecdh-sha2-nistp256']);
    expect(ev.keyAlgs).toEqual(['ssh-rsa']);
    expect(ev.encCS).toEqual(['aes128-ctr', 'aes256-ctr']);
    expect(ev.macCS).toEqual(['hmac-sha2-256']);
    expect(ev.compCS).toEqual(['none']);
  });

  it("client.version v2.x b'…' keeps raw and unwraps normalized; lists null", () => {
    const ev = as('cowrie.client.version', v2.clientVersionBytes);
    expect(ev.version).toBe("b'SSH-2.0-Go'");
    expect(ev.versionNormalized).toBe('SSH-2.0-Go');
    expect(ev.kexAlgs).toBeNull();
  });

  it('client.kex hassh, hasshAlgorithms and lists; v1.4.0 client_fingerprint', () => {
    const ev = as('cowrie.client.kex', v2.kex);
    expect(ev.hassh).toBe('0A7E7A3B5C1D2E3F4A5B6C7D8E9F0A1B');
    expect(ev.hasshAlgorithms).toBe('curve25519-sha256;aes128-ctr;hmac-sha2-256;none');
    expect(ev.langCS).toEqual(['']);
    expect(ev.kexAlgs).toEqual(['curve25519-sha256']);
    expect(ev.clientFingerprint).toBeNull();
    const old = as('cowrie.client.kex', { eventid: 'cowrie.client.kex', client_fingerprint: 'ab12', kexAlgs: 'not-a-list' });
    expect(old.clientFingerprint).toBe('ab12');
    expect(old.hassh).toBeNull();
    expect(old.kexAlgs).toBeNull();
  });

  it('client.fingerprint with and without v1.3 key/type', () => {
    const ev = as('cowrie.client.fingerprint', v13.fingerprint);
    expect(ev).toMatchObject({ username: 'root', key: 'AAAAB3NzaC1yc2EAAAADAQABAAABAQC', keyType: 'ssh-rsa' });
    const v11 = as('cowrie.client.fingerprint', { eventid: 'cowrie.client.fingerprint', username: 'u', fingerprint: 'f' });
    expect(v11).toMatchObject({ fingerprint: 'f', key: null, keyType: null });
  });

  it('client.size / var / malformed_packet', () => {
    expect(as('cowrie.client.size', SAMPLES['cowrie.client.size'])).toMatchObject({ width: 80, height: 24 });
    expect(as('cowrie.client.size', { eventid: 'cowrie.client.size', width: '80', height: 'tall' })).toMatchObject({
      width: 80,
      height: null,
    });
    expect(as('cowrie.client.var', SAMPLES['cowrie.client.var'])).toMatchObject({ name: 'LANG', value: 'C.UTF-8' });
    expect(as('cowrie.client.malformed_packet', SAMPLES['cowrie.client.malformed_packet'])).toMatchObject({
      messagenum: 20,
      datalen: 4,
      data: 'deadbeef',
    });
  });
});

describe('auth events', () => {
  it('password logins keep attacker strings as written', () => {
    const ev = as('cowrie.login.failed', v13.loginFailedNonAscii);
    expect(ev.username).toBe('administrat\u00f6r');
    expect(ev.password).toBe('\r\n123');
    expect(ev).toMatchObject({ fingerprint: null, key: null, keyType: null });
    expect(as('cowrie.login.success', v10.sshLoginSuccess)).toMatchObject({ username: 'root', password: 'admin' });
  });

  it('HEAD public-key attempts: password null, fingerprint/key/type set', () => {
    const ev = as('cowrie.login.failed', v30.pubkeyLoginFailed);
    expect(ev.password).toBeNull();
    expect(ev).toMatchObject({
      username: 'admin',
      fingerprint: 'aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99',
      key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI',
      keyType: 'ssh-ed25519',
    });
  });

  it('auth_none success: username only; empty username kept', () => {
    expect(as('cowrie.login.success', { eventid: 'cowrie.login.success', username: '' })).toMatchObject({
      username: '',
      password: null,
    });
  });
});

describe('shell events', () => {
  it('command.input / failed / success / session.input / chpasswd', () => {
    expect(as('cowrie.command.input', { eventid: 'cowrie.command.input', input: '' }).input).toBe('');
    expect(as('cowrie.command.input', { eventid: 'cowrie.command.input', input: 'x', realm: 'grep' }).realm).toBe('grep');
    expect(as('cowrie.command.success', v10.telnetCommandSuccess)).toMatchObject({ input: 'enable', realm: null });
    expect(as('cowrie.session.input', SAMPLES['cowrie.session.input'])).toMatchObject({ realm: 'cat', input: 'hello' });
    expect(as('cowrie.command.chpasswd', SAMPLES['cowrie.command.chpasswd'])).toMatchObject({ realm: 'chpasswd', username: 'root' });
    expect(as('cowrie.command.failed', SAMPLES['cowrie.command.failed']).input).toBe('nproc2');
  });

  it('log.open / log.closed in v1 and HEAD shapes', () => {
    expect(as('cowrie.log.open', v10.logOpenNonePath).ttylog).toBe('/tmp/darknet/logs/cowrie//tty/20170103-000109-None-4i.log');
    expect(as('cowrie.log.closed', v13.logClosedV1)).toMatchObject({
      ttylog: 'log/tty/20180506-174452-ef410359268d-0i.log',
      size: 1024,
      shasum: null,
      duplicate: null,
      durationMs: 12500,
    });
    expect(as('cowrie.log.closed', SAMPLES['cowrie.log.closed'])).toMatchObject({
      shasum: 'aa',
      duplicate: false,
      durationMs: 4200,
    });
    expect(as('cowrie.log.closed', { eventid: 'cowrie.log.closed', duration: '7.5' }).durationMs).toBe(7500);
  });
});

describe('file events', () => {
  it('download with legacy unique: duplicate is its inverse; shasum lower-cased', () => {
    const ev = as('cowrie.session.file_download', v13.downloadUnique);
    expect(ev.duplicate).toBe(false);
    expect(ev.shasum).toBe('abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789');
    expect(ev.outfile).toBe('dl/ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789');
    expect(ev.url).toBe('http://198.51.100.99/bins.sh');
    expect(ev.destfile).toBeNull();
    expect(as('cowrie.session.file_download', { eventid: 'cowrie.session.file_download', unique: false }).duplicate).toBe(true);
  });

  it('download v2: duplicate wins, destfile "" kept, url absent → null, v2.5 scp realm/input', () => {
    const ev = as('cowrie.session.file_download', v2.downloadFormatNoMessage);
    expect(ev).toMatchObject({ duplicate: false, destfile: '', url: 'http://198.51.100.20/x86' });
    const both = as('cowrie.session.file_download', { eventid: 'cowrie.session.file_download', duplicate: true, unique: true });
    expect(both.duplicate).toBe(true);
    const stdin = as('cowrie.session.file_download', { eventid: 'cowrie.session.file_download', realm: 'scp', input: 'C0644 5 a' });
    expect(stdin).toMatchObject({ url: null, realm: 'scp', input: 'C0644 5 a', duplicate: null });
  });

  it('late download (v3.0.6+)', () => {
    const ev = as('cowrie.session.file_download', v30.lateDownload);
    expect(ev).toMatchObject({ late: true, duplicate: true, destfile: '/tmp/a.sh' });
  });

  it('download.failed and upload', () => {
    expect(as('cowrie.session.file_download.failed', SAMPLES['cowrie.session.file_download.failed'])).toMatchObject({
      url: 'http://198.51.100.1/y',
      error: 'timeout',
    });
    expect(as('cowrie.session.file_upload', SAMPLES['cowrie.session.file_upload'])).toMatchObject({
      filename: 'a.sh',
      outfile: 'cd',
      shasum: 'cd',
      duplicate: true,
      destfile: '/tmp/a.sh',
      url: null,
    });
  });
});

describe('port forwarding events', () => {
  it('v1 request: target from dst_*, origPort = claimed src_port, origIp from the message', () => {
    const ev = as('cowrie.direct-tcpip.request', v10.directTcpipRequest);
    expect(ev).toMatchObject({ targetHost: 'ya.example', targetPort: 443, origIp: 'localhost', origPort: 0 });
    // The envelope keeps the fields as written: src_ip is the real peer, src_port the claim.
    expect(ev).toMatchObject({ srcIp: '192.0.2.144', srcPort: 0, dstIp: 'ya.example', dstPort: 443 });
  });

  it('v2 request: IPv6 target compressed, claim 127.0.0.1; empty claim → null', () => {
    const ev = as('cowrie.direct-tcpip.request', v2.directTcpipRequest);
    expect(ev).toMatchObject({ targetHost: '2001:db8::200e', targetPort: 80, origIp: '127.0.0.1', origPort: 3995 });
    const empty = as('cowrie.direct-tcpip.request', v2.directTcpipRequestEmptyClaim);
    expect(empty).toMatchObject({ origIp: null, origPort: 0 });
  });

  it('v1/v2 request: a message whose port disagrees with src_port yields no origIp', () => {
    const ev = as('cowrie.direct-tcpip.request', { ...v2.directTcpipRequest, message: 'direct-tcp connection request to a:1 from b:2' });
    expect(ev.origIp).toBeNull();
    expect(ev.origPort).toBe(3995);
    expect(as('cowrie.direct-tcpip.request', { ...v2.directTcpipRequest, message: [] }).origIp).toBeNull();
  });

  it('v1/v2 IPv6 claim in the message (from ::1:27873)', () => {
    const ev = as('cowrie.direct-tcpip.request', {
      ...v2.directTcpipRequest,
      src_port: 27873,
      message: 'direct-tcp connection request to 192.0.2.1:25 from ::1:27873',
    });
    expect(ev).toMatchObject({ origIp: '::1', origPort: 27873 });
  });

  it('HEAD request: orig_ip/orig_port, src_port is the real peer port', () => {
    const ev = as('cowrie.direct-tcpip.request', v30.directTcpipRequest);
    expect(ev).toMatchObject({
      targetHost: 'smtp.example.net',
      targetPort: 25,
      origIp: '::1',
      origPort: 27873,
      srcIp: '203.0.113.51',
      srcPort: 55555,
    });
  });

  it('data keeps the repr text as written and the channel id; no claim before HEAD', () => {
    const ev = as('cowrie.direct-tcpip.data', v2.directTcpipData);
    expect(ev.data).toBe("b'GET / HTTP/1.0\\r\\nHost: example.com\\r\\n\\r\\n'");
    expect(ev).toMatchObject({ id: 0, targetHost: '192.0.2.14', targetPort: 80, origIp: null, origPort: null });
    const head = as('cowrie.direct-tcpip.data', SAMPLES['cowrie.direct-tcpip.data']);
    expect(head).toMatchObject({ origPort: null, srcPort: 55555, id: 3 });
  });

  it('redirect / tunnel / ja4 / ja4h / tunnelproxy', () => {
    expect(as('cowrie.direct-tcpip.redirect', SAMPLES['cowrie.direct-tcpip.redirect'])).toMatchObject({
      targetHost: '192.0.2.25',
      targetPort: 25,
      origIp: '127.0.0.1',
      origPort: 0,
      newIp: '10.0.0.25',
      newPort: 2525,
    });
    const v2Tunnel = as('cowrie.direct-tcpip.tunnel', {
      eventid: 'cowrie.direct-tcpip.tunnel',
      dst_ip: '192.0.2.80',
      dst_port: 80,
      src_ip: '203.0.113.1',
      src_port: 4444,
      new_ip: '10.0.0.3',
      new_port: 3128,
    });
    expect(v2Tunnel).toMatchObject({ origIp: null, origPort: 4444, newIp: '10.0.0.3', newPort: 3128 });
    expect(as('cowrie.direct-tcpip.ja4', SAMPLES['cowrie.direct-tcpip.ja4']).ja4).toBe('t13d1516h2_8daaf6152771_02713d6af862');
    expect(as('cowrie.direct-tcpip.ja4h', SAMPLES['cowrie.direct-tcpip.ja4h']).targetPort).toBe(80);
    expect(as('cowrie.tunnelproxy-tcpip.data', SAMPLES['cowrie.tunnelproxy-tcpip.data']).data).toBe("b'CONNECT'");
  });
});

describe('telnet, proxy, plugin and operational events', () => {
  it('telnet events', () => {
    expect(as('cowrie.telnet.option', SAMPLES['cowrie.telnet.option'])).toMatchObject({
      command: 'WILL',
      optionName: 'NAWS',
      optionByte: 31,
      protocol: 'telnet',
    });
    expect(as('cowrie.telnet.exploit_attempt', SAMPLES['cowrie.telnet.exploit_attempt'])).toMatchObject({
      cve: 'CVE-2026-24061',
      name: 'USER',
      value: '-f root',
    });
    expect(as('cowrie.telnet.exploit_success', SAMPLES['cowrie.telnet.exploit_success'])).toMatchObject({
      username: 'root',
      originalUsername: '-f root',
      attemptedCommand: 'root',
    });
    expect(as('cowrie.telnet.error', SAMPLES['cowrie.telnet.error']).error).toBe('bad IAC');
  });

  it('proxy events', () => {
    expect(as('cowrie.proxy.backend_connected', SAMPLES['cowrie.proxy.backend_connected'])).toMatchObject({
      backendIp: '10.1.1.1',
      backendPort: 22,
      localIp: '10.1.1.2',
      localPort: 40001,
    });
    expect(as('cowrie.proxy.backend_connect_error', SAMPLES['cowrie.proxy.backend_connect_error']).error).toBe(
      'Connection refused',
    );
    expect(as('cowrie.proxy.client_disconnect', SAMPLES['cowrie.proxy.client_disconnect'])).toMatchObject({
      vmId: '7',
      honeyIp: null,
    });
    expect(
      as('cowrie.proxy.client_disconnect', { eventid: 'cowrie.proxy.client_disconnect', honey_ip: '10.2.2.2', honey_port: 22 }),
    ).toMatchObject({ vmId: null, honeyIp: '10.2.2.2', honeyPort: 22 });
    expect(as('cowrie.proxy.ssh', SAMPLES['cowrie.proxy.ssh']).packet).toHaveLength(37);
  });

  it('virustotal: is_new string → boolean, sha256 lower-cased, scans kept', () => {
    const file = as('cowrie.virustotal.scanfile', SAMPLES['cowrie.virustotal.scanfile']);
    expect(file).toMatchObject({ sha256: 'ef01', isNew: false, positives: 40, total: 60, scanDate: '2026-07-19 10:00:00' });
    expect(file.scans).toEqual({ Engine: { detected: true, result: 'Trojan' } });
    const url = as('cowrie.virustotal.scanurl', SAMPLES['cowrie.virustotal.scanurl']);
    expect(url).toMatchObject({ url: 'http://198.51.100.1/x', isNew: true, positives: null, scans: null });
  });

  it('reversedns, urlhaus, greynoise', () => {
    expect(as('cowrie.reversedns.connect', SAMPLES['cowrie.reversedns.connect'])).toMatchObject({ ptr: 'host.example.net.', ttl: 300 });
    expect(as('cowrie.reversedns.forward', SAMPLES['cowrie.reversedns.forward'])).toMatchObject({ dstIp: '192.0.2.25', ttl: 60 });
    expect(as('cowrie.urlhaus.submitted', SAMPLES['cowrie.urlhaus.submitted'])).toMatchObject({ result: 'error', httpStatus: 500 });
    expect(as('cowrie.greynoise.result', SAMPLES['cowrie.greynoise.result']).message).toBe('Scanner: ip 203.0.113.51 is malicious');
  });

  it('abuseipdb events carry no session', () => {
    const rep = as('cowrie.abuseipdb.reportedip', SAMPLES['cowrie.abuseipdb.reportedip']);
    expect(rep).toMatchObject({ ip: '203.0.113.9', confidence: 100, session: null });
    expect(as('cowrie.abuseipdb.ratelimited', SAMPLES['cowrie.abuseipdb.ratelimited'])).toMatchObject({
      retryAfter: 3600,
      wakeAt: '2026-07-20T11:00:00Z',
    });
    expect(as('cowrie.abuseipdb.reportfail', SAMPLES['cowrie.abuseipdb.reportfail'])).toMatchObject({
      response: 429,
      reason: 'Too Many Requests',
      exception: null,
    });
  });
});
