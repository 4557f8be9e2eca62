import { UsageError } from '../errors/index.js';
import type { CowrieStore } from '../store/open-store.js';

/** A session's identity: (sensor, session id). Sensorless sessions have sensor `''`. */
export interface SessionKey {
  sensor: string;
  session: string;
}

/**
 * `sensor/session` (the one-string form of the conventions); a sessionless sensor gives
 * `/session`, which {@link resolveSessionRef} reads back.
 *
 * @example
 * ```ts
 * formatSessionRef({ sensor: 'honey-1', session: 'a3f2c1d4e5b6' }); // 'honey-1/a3f2c1d4e5b6'
 * ```
 */
export function formatSessionRef(k: SessionKey): string {
  return `${k.sensor}/${k.session}`;
}

/**
 * Resolve `sensor/session` or a bare session id to a stored session. Returns `null` when none
 * matches; a bare id that exists on several sensors is a {@link UsageError} `AMBIGUOUS_SESSION`.
 *
 * @example
 * ```ts
 * const key = await resolveSessionRef(store, 'a3f2c1d4e5b6'); // { sensor: 'honey-1', session: 'a3f2c1d4e5b6' }
 * ```
 */
export async function resolveSessionRef(store: CowrieStore, ref: string): Promise<SessionKey | null> {
  const slash = ref.lastIndexOf('/');
  if (slash >= 0) {
    const key = { sensor: ref.slice(0, slash), session: ref.slice(slash + 1) };
    const row = await store.db.selectFrom('sessions').select(['sensor', 'session'])
      .where('sensor', '=', key.sensor).where('session', '=', key.session).executeTakeFirst();
    return row ?? null;
  }
  const rows = await store.db.selectFrom('sessions').select(['sensor', 'session']).where('session', '=', ref).limit(20).execute();
  if (rows.length === 0) return null;
  if (rows.length > 1) {
    throw new UsageError('AMBIGUOUS_SESSION', `ambiguous: session ${ref} exists on sensors ${rows.map((r) => r.sensor || '(none)').join(', ')}; use sensor/session`);
  }
  return rows[0]!;
}
