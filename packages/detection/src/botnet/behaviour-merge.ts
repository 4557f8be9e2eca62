import { similarPairsInBlocks, type CandidateBlock } from '../compute/block-similarity.js';
import { hashedTfIdfRows, idf } from '../compute/hashed-tfidf.js';
import type { KernelPlan } from '../compute/kernel-plan.js';
import type { IpProfile } from '../data/ip-profiles.js';
import type { UnionFind } from '../data/union-find.js';

/** Columns of a hashed behaviour profile. */
const BEHAVIOUR_DIMS = 256;

/** What the behaviour step did, for the run's stats (and proof that the kernel ran). */
export interface BehaviourStats {
  credentialBlocks: number;
  units: number;
  pairsCompared: number;
  merged: number;
}

/**
 * Join the groups that one seldom-tried successful credential links only when they also behave
 * alike. A shared password alone chains unrelated actors (on a real capture, 183 IPs through
 * `root/admin`, `root/` and a dozen more); a bot family also logs in with its own pair. Each
 * credential's posting list is a candidate block: its groups (union-find roots over the strong
 * keys) are compared by the cosine of their behaviour profiles (commands run, download URLs,
 * tooling fingerprint; IDF-weighted over all IPs) with the compute backend's kernel, and united
 * at `minCosine` or more. Groups with identical profiles (say, IPs that log in with the same
 * client and run nothing) are united without the kernel. Work: the sum of block sizes squared
 * over distinct profiles, never all IPs against all.
 *
 * @example
 * ```ts
 * runPlanSync(mergeByBehaviour(profiles, uf, credentialPostings, 0.5, stats));
 * ```
 */
export function* mergeByBehaviour(profiles: IpProfile[], uf: UnionFind, postings: ReadonlyArray<readonly number[]>, minCosine: number, stats: BehaviourStats): KernelPlan<void> {
  const tokensOfScript = new Map<string, string[]>();
  const tokensOf = (p: IpProfile): Set<string> => {
    const out = new Set<string>([`t${p.tooling}`]);
    for (const s of p.scripts) {
      let t = tokensOfScript.get(s);
      if (!t) tokensOfScript.set(s, (t = s.split('\n').map((c) => `x${c}`)));
      for (const x of t) out.add(x);
    }
    for (const k of p.links ?? []) if (k.startsWith('downloadUrl\u0001')) out.add(`u${k.slice(12)}`);
    return out;
  };
  // Units: the current groups met in credential postings, each with its members' token shares.
  const unitOf = new Map<number, number>();
  const members: number[][] = [];
  const blocks: number[][] = [];
  for (const ips of postings) {
    const roots = [...new Set(ips.map((i) => uf.find(i)))];
    if (roots.length < 2) continue;
    blocks.push(roots.map((r) => unitOf.get(r) ?? (unitOf.set(r, members.length), members.push([]), members.length - 1)));
  }
  if (blocks.length === 0) return;
  for (let i = 0; i < profiles.length; i++) members[unitOf.get(uf.find(i)) ?? -1]?.push(i);
  const docs = members.map((ms) => {
    const tf = new Map<string, number>();
    for (const i of ms) for (const t of tokensOf(profiles[i]!)) tf.set(t, (tf.get(t) ?? 0) + 1 / ms.length);
    return tf;
  });
  // Identical profiles are alike by definition: unite them per block by signature, and send
  // one representative per signature to the kernel.
  const sig = docs.map((d) => [...d].map(([t, w]) => `${t}=${w.toFixed(3)}`).sort().join('\n'));
  const rootOf = (u: number) => uf.find(members[u]![0]!);
  const kernelBlocks: CandidateBlock[] = [];
  for (const b of blocks) {
    const firstBySig = new Map<string, number>();
    for (const u of b) {
      const f = firstBySig.get(sig[u]!);
      if (f === undefined) firstBySig.set(sig[u]!, u);
      else if (rootOf(f) !== rootOf(u)) (uf.union(members[f]![0]!, members[u]![0]!), stats.merged++);
    }
    const reps = [...firstBySig.values()];
    if (reps.length > 1) kernelBlocks.push({ a: reps, b: reps });
  }
  stats.credentialBlocks = blocks.length;
  stats.units = members.length;
  stats.pairsCompared = kernelBlocks.reduce((n, k) => n + (k.a.length * (k.a.length - 1)) / 2, 0);
  if (kernelBlocks.length === 0) return;
  // Document frequency over every IP (what makes a command or URL specific), counted only for
  // the tokens the units have.
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, 0);
  for (const p of profiles) for (const t of tokensOf(p)) if (df.has(t)) df.set(t, df.get(t)! + 1);
  const x = hashedTfIdfRows(docs, (t) => idf(profiles.length, df.get(t) || 1), BEHAVIOUR_DIMS);
  const pairs = yield* similarPairsInBlocks(x, kernelBlocks, minCosine);
  for (const [i, j] of pairs) if (rootOf(i) !== rootOf(j)) (uf.union(members[i]![0]!, members[j]![0]!), stats.merged++);
}
