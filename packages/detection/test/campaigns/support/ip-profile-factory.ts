import { credKey, type IpProfile } from '../../../src/data/ip-profiles.js';

/** The tooling fingerprint the hand-built profiles share unless told otherwise. */
export const TOOL = 'abc|SSH-2.0-Go';

/**
 * A maker of one-session IP profiles for snowshoe specs: `root` with the given passwords, seen
 * once at `hour` hours after 2025-01-01, each with the next index and a distinct address.
 */
export function ipProfileFactory(): (passwords: string[], hour: number, tooling?: string) => IpProfile {
  let n = 0;
  return (passwords, hour, tooling = TOOL) => {
    const t = new Date(Date.UTC(2025, 0, 1) + hour * 3_600_000).toISOString();
    const i = n++;
    return { index: i, ip: `198.51.${i >> 8}.${i & 255}`, sessions: [], sessionCount: 1, loginAttempts: passwords.length, credentials: new Set(passwords.map((p) => credKey('root', p))),
      successes: new Set(), tooling, scripts: new Set(), firstTs: t, lastTs: t };
  };
}
