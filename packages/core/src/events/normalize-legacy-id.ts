/**
 * Cowrie's 2015 event ids. Until commit `af1d3d99` (v1.1.0, 2016-01) events were numbered
 * `KIPP00nn`, renamed `COW00nn` in December 2015 with the same numbers.
 *
 * @module
 */
import type { KnownEventId } from './event-ids.js';

/** Legacy number → current id; 0015 ("upload limit reached") has no current event and stays unknown. */
const BY_NUMBER: ReadonlyArray<readonly [string, KnownEventId]> = [
  ['0001', 'cowrie.session.connect'],
  ['0002', 'cowrie.login.success'],
  ['0003', 'cowrie.login.failed'],
  ['0004', 'cowrie.log.open'],
  ['0005', 'cowrie.command.success'],
  ['0006', 'cowrie.command.failed'],
  ['0007', 'cowrie.session.file_download'],
  // 0008 was "input"; its modern successors are session.input and command.input, and the
  // legacy event carried whole command lines, which is command.input.
  ['0008', 'cowrie.command.input'],
  ['0009', 'cowrie.client.version'],
  ['0010', 'cowrie.client.size'],
  ['0011', 'cowrie.session.closed'],
  ['0012', 'cowrie.log.closed'],
  ['0013', 'cowrie.client.var'],
  ['0014', 'cowrie.direct-tcpip.request'],
  ['0016', 'cowrie.client.fingerprint'],
  ['0017', 'cowrie.session.file_upload'],
];

/** Exact-string lookup table for both prefixes, built once so the per-event cost is one Map probe. */
const LEGACY_IDS: ReadonlyMap<string, KnownEventId> = new Map(
  BY_NUMBER.flatMap(([n, id]) => [[`KIPP${n}`, id] as const, [`COW${n}`, id] as const]),
);

/**
 * Maps a 2015 `KIPP00nn` / `COW00nn` id to its current `cowrie.*` id. Returns `null` for
 * anything else, including `KIPP0015` / `COW0015` (upload limit reached), which has no
 * current counterpart and is parsed as an unknown event.
 *
 * @example
 * mapLegacyEventId('KIPP0002'); // 'cowrie.login.success'
 * mapLegacyEventId('COW0008'); // 'cowrie.command.input'
 * mapLegacyEventId('COW0015'); // null
 */
export function mapLegacyEventId(eventid: string): KnownEventId | null {
  return LEGACY_IDS.get(eventid) ?? null;
}
