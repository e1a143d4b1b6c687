// Array helpers that never spread an array into a call: `a.push(...b)` and `Math.max(...b)` put
// every element on the call stack and throw "Maximum call stack size exceeded" past some 100,000
// elements (a document of 180,000 lines, a summary of a million lines). These loop instead.

/** Appends every item of `items` to `target`, in order; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `empty` when there are none (Math.max() of nothing is -Infinity). */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = -Infinity;
  let any = false;
  for (const v of values) {
    any = true;
    // NaN wins, as it does in Math.max.
    if (v > max || Number.isNaN(v)) max = v;
    if (Number.isNaN(max)) return NaN;
  }
  return any ? max : empty;
}

/** The smallest of `values`, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = Infinity;
  let any = false;
  for (const v of values) {
    any = true;
    if (v < min || Number.isNaN(v)) min = v;
    if (Number.isNaN(min)) return NaN;
  }
  return any ? min : empty;
}
