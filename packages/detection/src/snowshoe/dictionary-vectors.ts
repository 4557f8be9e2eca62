import type { Matrix } from '../compute/compute-backend.js';
import { hashedTfIdfRows, idf, trigrams } from '../compute/hashed-tfidf.js';
import type { IpProfile } from '../data/ip-profiles.js';
import type { KeyUse } from './find-bindings.js';

/** Columns of a hashed dictionary profile: enough that collisions stay rare for a few hundred tokens. */
export const DICTIONARY_DIMS = 256;

/**
 * The credential-dictionary profile of a set of IPs as one row per unit: every pair they tried
 * (`p…`) and every character trigram of its password (`g…`), weighted by the share of the
 * unit's IPs that used it times its IDF over all IPs in the window. Pairs make two sub-groups
 * of a campaign alike when they drew from the same dictionary; trigrams make them alike when
 * their rare pairs are mutations of one base word (`falcon42!root`, `root@falcon42`), which
 * exact pairs never show; command scripts (`s…`) tell apart groups bound by scripts rather than
 * pairs (bots of one fingerprint that all log in with the same default pair). Common pairs and trigrams (`root/123456`, `123`) weigh next to nothing.
 *
 * @example
 * ```ts
 * const x = dictionaryVectors([group.members, [profile]], credUse, scriptUse, profiles.length);
 * ```
 */
export function dictionaryVectors(units: ReadonlyArray<readonly IpProfile[]>, credUse: ReadonlyMap<string, KeyUse>, scriptUse: ReadonlyMap<string, KeyUse>, ips: number): Matrix {
  const tokensOfPair = new Map<string, string[]>();
  const pairTokens = (pair: string): string[] => {
    let t = tokensOfPair.get(pair);
    if (!t) tokensOfPair.set(pair, (t = [`p${pair}`, ...new Set(trigrams(passwordOf(pair)).map((g) => `g${g}`))]));
    return t;
  };
  const docs = units.map((members) => {
    const tf = new Map<string, number>();
    for (const m of members) {
      const mine = new Set<string>();
      for (const c of m.credentials) for (const tok of pairTokens(c)) mine.add(tok);
      for (const sc of m.scripts) mine.add(`s${sc}`);
      for (const tok of mine) tf.set(tok, (tf.get(tok) ?? 0) + 1 / members.length);
    }
    return tf;
  });
  // Document frequency over every pair of the window, not only the units': IPs that used a pair,
  // and for a trigram the IPs of every pair containing it (an IP with two such pairs counts
  // twice: an upper bound, which only lowers the weight of trigrams common anyway).
  const df = new Map<string, number>();
  for (const tf of docs) for (const tok of tf.keys()) df.set(tok, 0);
  for (const [script, use] of scriptUse) if (df.has(`s${script}`)) df.set(`s${script}`, use.total);
  for (const [pair, use] of credUse) {
    if (df.has(`p${pair}`)) df.set(`p${pair}`, use.total);
    for (const g of new Set(trigrams(passwordOf(pair)))) {
      const n = df.get(`g${g}`);
      if (n !== undefined) df.set(`g${g}`, n + use.total);
    }
  }
  return hashedTfIdfRows(docs, (tok) => idf(ips, df.get(tok) || 1), DICTIONARY_DIMS);
}

const passwordOf = (pair: string): string => pair.slice(pair.indexOf('\u0000') + 1);
