import type { CowrieStore } from '@cowrieprocessor/core';
import { passwordSha1 } from '../services/hibp/hibp-range.js';
import type { ServiceName, SubjectType } from '../services/types.js';

/** A subject to enrich: what the client is asked about, and what the `enrichment` row is keyed by. */
export interface Candidate {
  /** IP, sha256, or the password itself (only ever sent as a 5-character SHA-1 prefix). */
  lookup: string;
  /** IP, sha256, or the password's upper-case SHA-1 (the password is never stored here). */
  subject: string;
}

const SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Subjects of `type` seen in the store that lack a fresh `enrichment` row for `service` at `now`:
 * distinct session source IPs, download SHA-256s, or login passwords. Because committed rows are
 * fresh, a run that stopped half-way resumes where it stopped.
 *
 * @example
 * ```ts
 * const ips = await staleSubjects(store, 'dshield', 'ip', new Date().toISOString(), 1000);
 * ```
 */
export async function staleSubjects(store: CowrieStore, service: ServiceName, type: SubjectType, nowIso: string, limit?: number): Promise<Candidate[]> {
  const db = store.db;
  if (type === 'password') {
    // SHA-1 is not portable SQL: compare in memory against the fresh rows.
    const fresh = new Set((await db.selectFrom('enrichment').select('subject')
      .where('subject_type', '=', 'password').where('service', '=', service).where('expires_at', '>', nowIso).execute()).map((r) => r.subject));
    const out: Candidate[] = [];
    const rows = await db.selectFrom('auth_attempts').select('password').distinct().where('password', 'is not', null).execute();
    for (const r of rows) {
      const subject = passwordSha1(r.password!);
      if (!fresh.has(subject)) out.push({ lookup: r.password!, subject });
      if (limit !== undefined && out.length >= limit) break;
    }
    return out;
  }
  // `subject` is never null, so NOT IN is exact (and both dialects plan it as a hashed anti-join).
  const fresh = db.selectFrom('enrichment').select('subject').where('subject_type', '=', type).where('service', '=', service).where('expires_at', '>', nowIso);
  // A few shasums may be malformed (filtered below): ask for some more than the limit.
  const cap = limit === undefined ? undefined : type === 'file' ? limit * 2 : limit;
  const values = type === 'ip'
    ? (await db.selectFrom('sessions as t').select('t.src_ip as v').distinct().where('t.src_ip', 'is not', null).where('t.src_ip', '!=', '')
      .where('t.src_ip', 'not in', fresh).$if(cap !== undefined, (q) => q.limit(cap!)).execute()).map((r) => r.v!)
    : (await db.selectFrom('downloads as t').select('t.shasum as v').distinct().where('t.shasum', 'is not', null).where('t.shasum', '!=', '')
      .where('t.shasum', 'not in', fresh).$if(cap !== undefined, (q) => q.limit(cap!)).execute()).map((r) => r.v!);
  const valid = type === 'file' ? values.filter((v) => SHA256.test(v)) : values;
  return valid.slice(0, limit ?? valid.length).map((v) => ({ lookup: v, subject: v }));
}
