/**
 * Disjoint sets over dense integer ids (path halving + union by size): the linear-time way to
 * turn "these share a strong key" links into groups without building pairwise edges.
 *
 * @example
 * ```ts
 * const uf = new UnionFind(4);
 * uf.union(0, 1); uf.union(2, 3);
 * uf.find(1) === uf.find(0); // true
 * ```
 */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  /** The representative of `x`'s set. */
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }

  /** Merge the sets of `a` and `b`; returns the new representative. */
  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return ra;
  }

  /** Members grouped by set, each group's members ascending. */
  groups(): number[][] {
    const by = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i);
      let g = by.get(r);
      if (!g) by.set(r, (g = []));
      g.push(i);
    }
    return [...by.values()];
  }
}
