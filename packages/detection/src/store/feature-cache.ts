import { sql } from 'kysely';
import type { CowrieStore } from '@cowrieprocessor/core';
import type { PageRange } from '../data/session-pages.js';
import type { DetectionWindow, SessionRecord } from '../data/session-record.js';
import { extractFeatures } from '../features/extract-features.js';
import { EXTRACTOR_VERSION } from '../features/feature-spec.js';

/** Feature vectors aligned with the sessions asked for, and how many were extracted vs reused. */
export interface CachedFeatures {
  vectors: number[][];
  extracted: number;
  reused: number;
}

/** Options of {@link featuresWithCache}. */
export interface FeatureCacheOptions {
  /** Write new and changed vectors back (default true); false for read-only stores. */
  write?: boolean;
  /** Extractor to use (tests pass a counting one); defaults to {@link extractFeatures}. */
  extract?: (s: SessionRecord) => number[];
  /** Extractor version the cache rows must carry (default {@link EXTRACTOR_VERSION}). */
  version?: number;
  /** `computed_at` to write (default now): one run's pages all carry the run's time. */
  computedAt?: string;
}

const key = (sensor: string, session: string) => `${sensor}\u0000${session}`;

/**
 * Feature vectors of the window's sessions, through the `session_features` cache: a row is
 * reused when its extractor version is current and its `session_updated_at` equals the
 * session's `updated_at` (a late event or a session continued in the next file moves
 * `updated_at`, so that session is re-extracted); every other session is extracted and
 * upserted. The cache is read with one query joined to the window's sessions (no id lists).
 *
 * @example
 * ```ts
 * const sessions = await loadSessions(store, window);
 * const { vectors, extracted, reused } = await featuresWithCache(store, window, sessions);
 * ```
 */
export async function featuresWithCache(store: CowrieStore, window: DetectionWindow, sessions: SessionRecord[], opts: FeatureCacheOptions = {}): Promise<CachedFeatures> {
  const { vectors, extracted } = await cachedVectors(store, window, sessions, undefined, opts);
  return { vectors, extracted, reused: sessions.length - extracted };
}

/**
 * {@link featuresWithCache} for one page of {@link sessionPages}: reads only the cache rows of the
 * page's first_ts range and writes the page's new vectors at once, so a window is cached page by
 * page without ever holding every session or cache row.
 *
 * @example
 * ```ts
 * for await (const { sessions, range } of sessionPages(store, window)) (await featuresOfPage(store, window, sessions, range)).vectors;
 * ```
 */
export async function featuresOfPage(store: CowrieStore, window: DetectionWindow, page: SessionRecord[], range: PageRange, opts: FeatureCacheOptions = {}): Promise<{ vectors: number[][]; extracted: number }> {
  return cachedVectors(store, window, page, range, opts);
}

async function cachedVectors(store: CowrieStore, window: DetectionWindow, sessions: SessionRecord[], range: PageRange | undefined, opts: FeatureCacheOptions): Promise<{ vectors: number[][]; extracted: number }> {
  const version = opts.version ?? EXTRACTOR_VERSION;
  const extract = opts.extract ?? extractFeatures;
  // A page's range lies inside the window and replaces its bounds (see pageWhere: one pair of bounds).
  const [lo, hi] = range ? [range.firstTs, range.lastTs] : [window.since, window.until];
  let q = store.db.selectFrom('session_features as f')
    .innerJoin('sessions as s', (j) => j.onRef('s.sensor', '=', 'f.sensor').onRef('s.session', '=', 'f.session'))
    .select(['f.sensor', 'f.session', 'f.features', 'f.session_updated_at'])
    .where('f.extractor_version', '=', version)
    .where('s.first_ts', '>=', lo)
    .where('s.first_ts', range ? '<=' : '<', hi);
  if (window.sensor !== undefined) q = q.where('s.sensor', '=', window.sensor);
  const cached = new Map<string, { features: string; updatedAt: string }>();
  for (const r of await q.execute()) cached.set(key(r.sensor, r.session), { features: r.features, updatedAt: r.session_updated_at });

  const fresh: Array<{ s: SessionRecord; v: number[] }> = [];
  const vectors = sessions.map((s) => {
    const c = cached.get(key(s.sensor, s.session));
    if (c && c.updatedAt === s.updatedAt) {
      const v = JSON.parse(c.features) as unknown;
      if (Array.isArray(v)) return v as number[];
    }
    const v = extract(s);
    fresh.push({ s, v });
    return v;
  });
  if (opts.write !== false && fresh.length > 0) await writeFeatures(store, fresh, version, opts.computedAt);
  return { vectors, extracted: fresh.length };
}

/** Upsert feature rows in batches that stay under the dialect's bind-parameter limit. */
async function writeFeatures(store: CowrieStore, rows: Array<{ s: SessionRecord; v: number[] }>, version: number, at?: string): Promise<void> {
  const computedAt = at ?? new Date().toISOString().replace(/Z$/, '000Z');
  const perRow = 6;
  const batch = Math.max(1, Math.min(1000, Math.floor(store.dialect.maxBindParameters / perRow)));
  await store.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += batch) {
      const values = rows.slice(i, i + batch).map(({ s, v }) => ({
        sensor: s.sensor, session: s.session, extractor_version: version,
        features: JSON.stringify(v), session_updated_at: s.updatedAt, computed_at: computedAt,
      }));
      await tx.insertInto('session_features').values(values)
        .onConflict((oc) => oc.columns(['sensor', 'session']).doUpdateSet({
          extractor_version: sql`excluded.extractor_version`,
          features: sql`excluded.features`,
          session_updated_at: sql`excluded.session_updated_at`,
          computed_at: sql`excluded.computed_at`,
        }))
        .execute();
    }
  });
}
