// The in-process caches a watch session keeps (measured paragraphs, compressed parts and streams,
// folded documents, scaled glyph runs): a map bounded by the total weight of what it holds (its
// characters, bytes or words), emptied when the next entry would not fit. A session on a large
// summary thus starts again rather than grow; an entry heavier than the bound is never kept.
export class WeighedMap<K, V> {
  private readonly entries = new Map<K, V>();
  private weight = 0;

  constructor(private readonly maxWeight: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V, weight: number): void {
    if (weight > this.maxWeight) return;
    if (this.weight + weight > this.maxWeight) {
      this.entries.clear();
      this.weight = 0;
    }
    this.entries.set(key, value);
    this.weight += weight;
  }

  /** The value kept for `key`, else the one `make` returns, kept. */
  getOrMake(key: K, weight: (value: V) => number, make: () => V): V {
    const kept = this.entries.get(key);
    if (kept !== undefined) return kept;
    const value = make();
    this.set(key, value, weight(value));
    return value;
  }
}
