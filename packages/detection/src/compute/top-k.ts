/**
 * Keeps the k best (index, value) pairs of one row while values stream in, in an insertion-sorted
 * buffer: k is small for neighbour queries, so this beats a heap and allocates nothing per value.
 */
export class TopK {
  readonly indices: Int32Array;
  readonly values: Float32Array;
  size = 0;

  /** `largest`: keep the highest values (similarities) instead of the lowest (distances). */
  constructor(
    readonly k: number,
    private readonly largest: boolean,
  ) {
    this.indices = new Int32Array(k);
    this.values = new Float32Array(k);
  }

  reset(): void {
    this.size = 0;
  }

  /** Offers one candidate; ties keep the earlier (lower) index first, so results are deterministic. */
  push(index: number, value: number): void {
    const { k, values, indices } = this;
    if (k === 0 || Number.isNaN(value)) return;
    if (this.size === k) {
      const worst = values[k - 1] as number;
      if (this.largest ? value <= worst : value >= worst) return;
    }
    let pos = this.size < k ? this.size++ : k - 1;
    while (pos > 0) {
      const prev = values[pos - 1] as number;
      if (this.largest ? prev >= value : prev <= value) break;
      values[pos] = prev;
      indices[pos] = indices[pos - 1] as number;
      pos--;
    }
    values[pos] = value;
    indices[pos] = index;
  }
}
