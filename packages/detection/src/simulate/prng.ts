/**
 * A small seeded PRNG (mulberry32) with the helpers the simulator needs: same seed, same log,
 * on every platform (browser-safe, no `node:crypto`).
 *
 * @example
 * ```ts
 * const r = createRng(7);
 * r.int(1, 3); r.pick(['a', 'b']); r.hex(12);
 * ```
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  /** `k` distinct items (all when `k` ≥ length), in random order. */
  sample<T>(xs: readonly T[], k: number): T[];
  /** Zipf-like pick: earlier items much more often (exponent `s`). */
  zipf<T>(xs: readonly T[], s?: number): T;
  hex(n: number): string;
  bool(p: number): boolean;
}

/** A seeded {@link Rng}. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next, int,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    sample(xs, k) {
      const c = [...xs];
      for (let i = c.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [c[i], c[j]] = [c[j]!, c[i]!];
      }
      return c.slice(0, Math.min(k, c.length));
    },
    zipf(xs, s = 1.1) {
      // Inverse-CDF on a continuous power law: cheap and good enough for "head plus long tail".
      const u = next();
      const i = Math.floor(Math.pow(xs.length + 1, Math.pow(u, s)) - 1);
      return xs[Math.min(xs.length - 1, Math.max(0, i))]!;
    },
    hex(n) {
      let s = '';
      while (s.length < n) s += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
      return s.slice(0, n);
    },
    bool: (p) => next() < p,
  };
}
