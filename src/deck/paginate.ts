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

/**
 * `parts` parts as even as fit: each part takes its share of what is left (the remaining items
 * over the remaining parts), or fewer when that share does not fit; undefined when what is left
 * over does not fit in the parts left. When every share fits, this is `balanced(items, parts)`.
 */
export function evenPacking<T>(items: readonly T[], parts: number, size: number, fits: (chunk: T[], size: number) => boolean): T[][] | undefined {
  const out: T[][] = [];
  let start = 0;
  for (let k = 0; k < parts && start < items.length; k++) {
    const share = Math.ceil((items.length - start) / (parts - k));
    const take = longestFitting(items, start, share, size, fits);
    if (take === 0) return undefined;
    const chunk = items.slice(start, start + take);
    out.push(chunk);
    start += take;
  }
  return start === items.length ? out : undefined;
}

/** The most items from `start`, at most `most`, that fit together (a binary search: fewer items never fit worse); 0 when not even one does. */
function longestFitting<T>(items: readonly T[], start: number, most: number, size: number, fits: (chunk: T[], size: number) => boolean): number {
  let lo = 0;
  let hi = most;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(items.slice(start, start + mid), size)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** An even packing from the front, else one from the back (a tall item near the end moves the shares the other way). */
function evenEitherWay<T>(items: readonly T[], parts: number, size: number, fits: (chunk: T[], size: number) => boolean): T[][] | undefined {
  const forward = evenPacking(items, parts, size, fits);
  if (forward) return forward;
  const backward = evenPacking([...items].reverse(), parts, size, (chunk, s) => fits([...chunk].reverse(), s));
  return backward?.map((chunk) => [...chunk].reverse()).reverse();
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
 * parts of even length if they all fit, else, when the greedy packing at that size needs no more
 * parts, as many parts as even as fit (12 rows over 3 parts are 4/4/4 or 5/4/3, not the greedy
 * 5/5/2), greedy only when no even packing fits. The greedy packing depends on the size only, so
 * it is computed once per size.
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
      // Greedy packing fills the first parts and leaves the last short: the same number of parts as even as fit, when they do.
      if (greedyParts && greedyParts.length <= parts) return { chunks: evenEitherWay(items, greedyParts.length, size, fits) ?? greedyParts, size, fits: true };
    }
  }
  const pages: Pages<T> = { chunks: items.map((i) => [i]), size: smallest, fits: false };
  const misfit = items.find((i) => !fits([i], smallest));
  if (misfit !== undefined) pages.misfit = misfit;
  return pages;
}
