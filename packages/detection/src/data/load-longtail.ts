// Node side (reads the store): kept out of longtail/, whose files must bundle for browsers.

import type { CowrieStore } from '@cowrieprocessor/core';
import { sessionPages } from './session-pages.js';
import type { DetectionWindow } from './session-record.js';
import { extractFeatures } from '../features/extract-features.js';
import { FEATURES } from '../features/feature-spec.js';
import { FeatureRowsBuilder, type FeatureRows } from '../features/feature-rows.js';
import { featuresOfPage } from '../store/feature-cache.js';
import type { ProgressFn } from '../types.js';
import { LongtailSlimmer, type LongtailSession } from '../longtail/longtail-session.js';

/** The window as longtail needs it: slim sessions and their intrinsic features, aligned. */
export interface LongtailWindowData {
  sessions: LongtailSession[];
  features: FeatureRows;
  /** Vectors extracted in this run vs read from the feature cache. */
  extracted: number;
  reused: number;
}

/** Options of {@link loadLongtailWindow}. */
export interface LoadLongtailOptions {
  /** Take features through the `session_features` cache (default true). */
  cache?: boolean;
  /** Write new vectors to the cache (default true; with `cache`). */
  write?: boolean;
  /** Sessions per page (default: {@link sessionPages}'). */
  pageSize?: number;
  onProgress?: ProgressFn;
}

/**
 * Reads the window for {@link detectLongtail} a page at a time: each page's full records give
 * their feature vectors (from the cache when `cache`, writing the missing ones page by page) and
 * are then reduced to {@link LongtailSession}s, so the window's full records and query rows
 * are never all alive at once. Same sessions, order, features and counts as `loadSessions` +
 * `featuresWithCache` (or `extractFeatures` without the cache).
 *
 * @example
 * ```ts
 * const data = await loadLongtailWindow(store, window, { cache: false });
 * await detectLongtail({ window: data.sessions, history: [], features: data.features, backend });
 * ```
 */
export async function loadLongtailWindow(store: CowrieStore, window: DetectionWindow, opts: LoadLongtailOptions = {}): Promise<LongtailWindowData> {
  const progress = opts.onProgress ?? (() => undefined);
  const slim = new LongtailSlimmer();
  const sessions: LongtailSession[] = [];
  const features = new FeatureRowsBuilder(FEATURES.length, 4096);
  const computedAt = new Date().toISOString().replace(/Z$/, '000Z');
  let extracted = 0;
  for await (const { sessions: page, range } of sessionPages(store, window, { pageSize: opts.pageSize, downloads: false })) {
    if (opts.cache !== false) {
      const r = await featuresOfPage(store, window, page, range, { write: opts.write, computedAt });
      for (const v of r.vectors) features.push(v);
      extracted += r.extracted;
    } else {
      for (const s of page) features.push(extractFeatures(s));
      extracted += page.length;
    }
    for (const s of page) sessions.push(slim.of(s));
    progress({ step: 'sessions', processed: sessions.length, total: sessions.length });
  }
  return { sessions, features: features.build(), extracted, reused: sessions.length - extracted };
}

/**
 * The baseline (history) sessions for {@link detectLongtail}: credentials and commands only,
 * slim and read a page at a time.
 *
 * @example
 * ```ts
 * const history = await loadLongtailHistory(store, { since: '2024-02-02T00:00:00.000000Z', until: window.since });
 * ```
 */
export async function loadLongtailHistory(store: CowrieStore, window: DetectionWindow, opts: Pick<LoadLongtailOptions, 'pageSize' | 'onProgress'> = {}): Promise<LongtailSession[]> {
  const slim = new LongtailSlimmer();
  const out: LongtailSession[] = [];
  for await (const { sessions } of sessionPages(store, window, { pageSize: opts.pageSize, downloads: false, sshKeys: false })) {
    for (const s of sessions) out.push(slim.of(s));
    opts.onProgress?.({ step: 'baseline', processed: out.length, total: out.length });
  }
  return out;
}
