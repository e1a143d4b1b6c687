// Sparse slides: a part whose content fills little of the body uses the space rather than leaving
// half a slide empty. Its type grows (within a limit), then its boxes grow to fill the body.
import { BODY_H } from './grid.js';
import { minOf } from '../common/arrays.js';

/** A part whose content is shorter than this share of the body is sparse. */
export const SPARSE_SHARE = 0.75;
/** How far a sparse part's type may grow: this much above the size it was set at, and never past SPARSE_MAX_PT. */
export const SPARSE_GROWTH = 1.4;
export const SPARSE_MAX_PT = 22;
/** A sparse part grows until its content fills this share of the body, no further. */
export const SPARSE_TARGET = 0.85;

export function isSparse(height: number): boolean {
  return height < SPARSE_SHARE * BODY_H;
}

/**
 * The size a sparse part is set at: the largest, from `size` up to the growth limit, whose content
 * (`heightAt`, in inches) still fits in SPARSE_TARGET of the body. `size` when the part is not sparse.
 */
export function sparseSize(size: number, heightAt: (size: number) => number, cap: number = Infinity): number {
  if (!isSparse(heightAt(size))) return size;
  const max = growthLimit(size, cap);
  let best = size;
  for (let s = size + 1; s <= max; s++) {
    if (heightAt(s) > SPARSE_TARGET * BODY_H) break;
    best = s;
  }
  return best;
}

/** The largest size a sparse part set at `size` may grow to: SPARSE_GROWTH times it, at most SPARSE_MAX_PT, and at most `cap`. */
export function growthLimit(size: number, cap: number = Infinity): number {
  return Math.max(size, Math.min(SPARSE_MAX_PT, Math.floor(size * SPARSE_GROWTH), cap));
}

/** The one size the parts of a continued slide share: the smallest any of them needs (a part never grows past its neighbours). */
export function commonSize(sizes: readonly number[]): number {
  return minOf(sizes);
}
