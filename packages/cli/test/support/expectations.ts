import { expect } from 'vitest';
import { type ExpectedSummary, type TopEntry, sortTop } from './fixture.js';

export const LOAD_KEYS = ['files', 'records', 'events', 'duplicates', 'deadLetters', 'sessions', 'seconds'] as const;
export const SUMMARY_KEYS = ['sessions', 'events', 'uniqueIps', 'sensors', 'topIps', 'topUsernames', 'topPasswords', 'topCommands', 'topDownloads', 'topHassh'] as const;
const TOP_KEYS = ['topIps', 'topUsernames', 'topPasswords', 'topCommands', 'topDownloads', 'topHassh'] as const;

/** `load --json`: the required keys, numbers, and `records == events + duplicates + deadLetters`. */
export function expectLoadShape(j: Record<string, unknown>): { files: number; records: number; events: number; duplicates: number; deadLetters: number; sessions: number; seconds: number } {
  for (const k of LOAD_KEYS) {
    expect(j, `load --json lacks "${k}"`).toHaveProperty(k);
    expect(typeof j[k], `load --json "${k}" is not a number`).toBe('number');
  }
  const r = j as { files: number; records: number; events: number; duplicates: number; deadLetters: number; sessions: number; seconds: number };
  expect(r.records).toBe(r.events + r.duplicates + r.deadLetters);
  expect(r.seconds).toBeGreaterThanOrEqual(0);
  return r;
}

/** A top list: `[{value, count}]`, counts not increasing, same entries as expected. */
export function expectTopList(actual: unknown, expected: TopEntry[], name: string): void {
  expect(Array.isArray(actual), `${name} is not an array`).toBe(true);
  const rows = actual as Array<Record<string, unknown>>;
  for (const r of rows) {
    expect(typeof r.value, `${name}: value is not a string in ${JSON.stringify(r)}`).toBe('string');
    expect(typeof r.count, `${name}: count is not a number in ${JSON.stringify(r)}`).toBe('number');
  }
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.count as number, `${name} is not ordered by count`).toBeLessThanOrEqual(rows[i - 1]!.count as number);
  // Tie order is not part of the contract: compare the entries, in our canonical order.
  expect(sortTop(rows.map((r) => ({ value: r.value as string, count: r.count as number }))), name).toEqual(expected);
}

/** `report summary --json` against the figures computed from the capture. */
export function expectSummary(j: Record<string, unknown>, want: ExpectedSummary): void {
  for (const k of SUMMARY_KEYS) expect(j, `report summary --json lacks "${k}"`).toHaveProperty(k);
  expect({ sessions: j.sessions, events: j.events, uniqueIps: j.uniqueIps, sensors: j.sensors }).toEqual({
    sessions: want.sessions, events: want.events, uniqueIps: want.uniqueIps, sensors: want.sensors,
  });
  for (const k of TOP_KEYS) expectTopList(j[k], want[k], k);
}
