import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CowrieStore } from '../store/open-store.js';
import { nowIso } from '../util/now-iso.js';
import type { PredecessorDb } from './open-predecessor.js';

/** What importing the predecessor's enrichment tables did. */
export interface EnrichmentImport {
  cacheImported: number;
  cacheSkipped: number;
  /** Services we have no client for (e.g. `cymru`, `greynoise`), with how many entries each. */
  unmappedServices: Record<string, number>;
  passwordsImported: number;
  /** Passwords never checked against HIBP there (nothing to import). */
  passwordsUnchecked: number;
}

const SERVICES: Record<string, string> = { dshield: 'dshield', urlhaus: 'urlhaus', spur: 'spur', hibp: 'hibp', virustotal: 'virustotal', vt: 'virustotal' };
const HIBP_TTL_MS = 60 * 24 * 3600 * 1000;
const PAGE = 2_000;

/**
 * Copy the predecessor's `enrichment_cache` rows (the services' answers, with their expiry) into
 * our SQL cache, and its `password_tracking` HIBP results into `enrichment` (keyed by the
 * password's SHA-1, never the password). Existing entries are kept: importing twice adds nothing.
 *
 * @example
 * ```ts
 * const r = await importPredecessorEnrichment(store, old);
 * console.log(r.cacheImported, r.unmappedServices);
 * ```
 */
export async function importPredecessorEnrichment(store: CowrieStore, old: PredecessorDb): Promise<EnrichmentImport> {
  const out: EnrichmentImport = { cacheImported: 0, cacheSkipped: 0, unmappedServices: {}, passwordsImported: 0, passwordsUnchecked: 0 };
  if (old.tables.has('enrichment_cache')) await importCache(store, old, out);
  if (old.tables.has('password_tracking')) await importPasswords(store, old, out);
  return out;
}

async function importCache(store: CowrieStore, old: PredecessorDb, out: EnrichmentImport): Promise<void> {
  let lastId = -1;
  for (;;) {
    const page = await old.db.selectFrom('enrichment_cache')
      .select(['id', 'service', 'cache_key', sql<string>`cast(cache_value as text)`.as('value'), sql<string>`cast(created_at as text)`.as('created_at'), sql<string>`cast(expires_at as text)`.as('expires_at')])
      .where('id', '>', lastId).orderBy('id').limit(PAGE).execute() as Array<Record<string, string>>;
    if (page.length === 0) return;
    lastId = Number(page[page.length - 1]!['id']);
    const rows = [];
    for (const r of page) {
      const service = SERVICES[String(r['service']).toLowerCase()];
      if (!service) {
        out.unmappedServices[String(r['service'])] = (out.unmappedServices[String(r['service'])] ?? 0) + 1;
        continue;
      }
      const value = r['value'];
      // The predecessor treats an empty HIBP range as a miss; so do we.
      if (value == null || value.trim() === '{}' && service === 'hibp') {
        out.cacheSkipped++;
        continue;
      }
      rows.push({
        service, cache_key: String(r['cache_key']), status: 'found', value,
        created_at: isoOf(r['created_at']) ?? nowIso(), expires_at: isoOf(r['expires_at']) ?? nowIso(), accessed_at: null, hit_count: 0,
      });
    }
    for (let i = 0; i < rows.length; i += 500) {
      const part = rows.slice(i, i + 500);
      const res = await store.db.insertInto('enrichment_cache').values(part)
        .onConflict((oc) => oc.columns(['service', 'cache_key']).doNothing()).executeTakeFirst();
      const n = Number(res.numInsertedOrUpdatedRows ?? 0);
      out.cacheImported += n;
      out.cacheSkipped += part.length - n;
    }
  }
}

async function importPasswords(store: CowrieStore, old: PredecessorDb, out: EnrichmentImport): Promise<void> {
  let lastId = -1;
  for (;;) {
    const page = await old.db.selectFrom('password_tracking')
      .select(['id', 'password_text', 'breached', 'breach_prevalence', sql<string | null>`cast(last_hibp_check as text)`.as('checked')])
      .where('id', '>', lastId).orderBy('id').limit(PAGE).execute() as Array<Record<string, unknown>>;
    if (page.length === 0) return;
    lastId = Number(page[page.length - 1]!['id']);
    const rows = [];
    for (const r of page) {
      const checked = isoOf(r['checked'] as string | null);
      if (!checked) {
        out.passwordsUnchecked++;
        continue;
      }
      const sha1 = createHash('sha1').update(String(r['password_text'])).digest('hex').toUpperCase();
      const pwned = r['breached'] === true || Number(r['breached']) === 1;
      const value = { sha1, pwned, count: pwned ? Number(r['breach_prevalence'] ?? 0) : 0 };
      rows.push({
        subject_type: 'password', subject: sha1, service: 'hibp', status: pwned ? 'found' : 'not_found', value: JSON.stringify(value),
        fetched_at: checked, expires_at: isoOf(new Date(Date.parse(checked) + HIBP_TTL_MS).toISOString())!,
      });
    }
    for (let i = 0; i < rows.length; i += 500) {
      const res = await store.db.insertInto('enrichment').values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['subject_type', 'subject', 'service']).doNothing()).executeTakeFirst();
      out.passwordsImported += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
  }
}

/**
 * The predecessor's timestamps: SQLite keeps naive `YYYY-MM-DD HH:MM:SS[.ffffff]` text (UTC by
 * its own convention), PostgreSQL `timestamptz` text with an offset. Ours: ISO UTC, 6 digits.
 */
export function isoOf(v: string | null | undefined): string | null {
  if (!v) return null;
  const s = String(v).trim().replace(' ', 'T');
  const frac = /\.(\d+)/.exec(s)?.[1] ?? '';
  const hasZone = /(Z|[+-]\d{2}(:?\d{2})?)$/.test(s);
  const ms = Date.parse(hasZone ? s.replace(/([+-]\d{2})$/, '$1:00') : `${s}Z`);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 19) + '.' + frac.padEnd(6, '0').slice(0, 6) + 'Z';
}
