// Pagination: the fewest parts, then the largest size. Pure: `fits` does all the measuring.

export function sizesDown(max: number, min: number): number[] {
  const sizes: number[] = [];
  for (let s = max; s >= min - 1e-9; s -= 1) sizes.push(s);
  if (sizes.length === 0) sizes.push(min);
  return sizes;
}

export function balanced<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let k = 0; k < parts; k++) {
    const size = Math.ceil((items.length - start) / (parts - k));
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out.filter((c) => c.length > 0);
}

export function greedy<T>(items: readonly T[], size: number, fits: (chunk: T[], size: number) => boolean): T[][] | undefined {
  const out: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (current.length > 0 && fits([...current, item], size)) current.push(item);
    else if (current.length > 0) {
      out.push(current);
      current = [item];
    } else current = [item];
    if (!fits(current, size)) return undefined;
  }
  if (current.length > 0) out.push(current);
  return out;
}

export interface Pages<T> {
  chunks: T[][];
  size: number;
  /** False when even one item alone does not fit at the smallest size. */
  fits: boolean;
  /** When `fits` is false: the first item that does not fit alone at the smallest size. */
  misfit?: T;
}

export function paginate<T>(items: readonly T[], sizes: readonly number[], fits: (chunk: T[], size: number) => boolean): Pages<T> {
  // No split into fewer parts than greedy packing at the smallest size needs can fit at any size:
  // start there instead of at one part, so a long table costs a few passes, not one per part.
  const smallest = sizes[sizes.length - 1] as number;
  // When even greedy packing at the smallest size fails, an item fits nowhere: no split can work.
  const fewest = greedy(items, smallest, fits)?.length ?? items.length + 1;
  for (let parts = Math.max(1, fewest); parts <= Math.max(1, items.length); parts++) {
    for (const size of sizes) {
      const even = balanced(items, parts);
      if (even.every((c) => fits(c, size))) return { chunks: even, size, fits: true };
      const packed = greedy(items, size, fits);
      if (packed && packed.length <= parts) return { chunks: packed, size, fits: true };
    }
  }
  const pages: Pages<T> = { chunks: items.map((i) => [i]), size: smallest, fits: false };
  const misfit = items.find((i) => !fits([i], smallest));
  if (misfit !== undefined) pages.misfit = misfit;
  return pages;
}
