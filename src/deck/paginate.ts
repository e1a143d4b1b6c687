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

/** Whether every part of `balanced(items, parts)` fits, testing part by part and stopping at the first that does not. */
function balancedFits<T>(items: readonly T[], parts: number, size: number, fits: (chunk: T[], size: number) => boolean): boolean {
  let start = 0;
  for (let k = 0; k < parts; k++) {
    const length = Math.ceil((items.length - start) / (parts - k));
    if (length > 0 && !fits(items.slice(start, start + length), size)) return false;
    start += length;
  }
  return true;
}

/**
 * The fewest parts, then the largest size: for each part count, each size from the largest, the
 * parts of even length if they all fit, else the greedy packing at that size if it needs no more
 * parts. The greedy packing depends on the size only, so it is computed once per size.
 */
export function paginate<T>(items: readonly T[], sizes: readonly number[], fits: (chunk: T[], size: number) => boolean): Pages<T> {
  const packings = new Map<number, T[][] | undefined>();
  const packed = (size: number) => {
    if (!packings.has(size)) packings.set(size, greedy(items, size, fits));
    return packings.get(size);
  };
  // No split into fewer parts than greedy packing at the smallest size needs can fit at any size:
  // start there instead of at one part, so a long table costs a few passes, not one per part.
  const smallest = sizes[sizes.length - 1] as number;
  // When even greedy packing at the smallest size fails, an item fits nowhere: no split can work.
  const fewest = packed(smallest)?.length ?? items.length + 1;
  for (let parts = Math.max(1, fewest); parts <= Math.max(1, items.length); parts++) {
    for (const size of sizes) {
      if (balancedFits(items, parts, size, fits)) return { chunks: balanced(items, parts), size, fits: true };
      const greedyParts = packed(size);
      if (greedyParts && greedyParts.length <= parts) return { chunks: greedyParts, size, fits: true };
    }
  }
  const pages: Pages<T> = { chunks: items.map((i) => [i]), size: smallest, fits: false };
  const misfit = items.find((i) => !fits([i], smallest));
  if (misfit !== undefined) pages.misfit = misfit;
  return pages;
}
