// Citation numbers. The verifier numbers citations as it meets them in the summary; a quote that
// lies inside another quote of the same document is then one reference with it (the longer); and
// once the templates have run, the numbers are given again in the order a reader meets them.
import type { ResolvedCitation, Verification } from './verify.js';

/**
 * Every verified citation whose passage lies within another cited passage of the same document
 * becomes that passage's citation: old number → the container's number. Equal passages keep the
 * first. Sorted by start, longest first, one sweep per document: the passage reaching furthest so
 * far contains each later one that ends before it.
 */
export function containedCitations(citations: readonly ResolvedCitation[]): Map<number, number> {
  const into = new Map<number, number>();
  const byDoc = new Map<string, ResolvedCitation[]>();
  for (const c of citations) {
    if (!c.verified || c.start === undefined || c.end === undefined) continue;
    byDoc.set(c.doc, [...(byDoc.get(c.doc) ?? []), c]);
  }
  for (const list of byDoc.values()) {
    list.sort((a, b) => (a.start as number) - (b.start as number) || (b.end as number) - (a.end as number) || a.n - b.n);
    let reach: ResolvedCitation | undefined;
    for (const c of list) {
      if (reach && (c.end as number) <= (reach.end as number)) into.set(c.n, reach.n);
      else reach = c;
    }
  }
  return into;
}

/**
 * The verification with numbers given anew: `order` lists old numbers in their new order (unknown
 * and repeated numbers are ignored, numbers it leaves out follow in their old order); `into` maps
 * a citation merged into another to that one. Statements' lists lose repeats; the citations come
 * sorted by their new number.
 */
export function renumberVerification(v: Verification, order: readonly number[], into: ReadonlyMap<number, number> = new Map()): { verification: Verification; newNumber: Map<number, number> } {
  const survivors = new Set(v.citations.map((c) => c.n).filter((n) => !into.has(n)));
  const sequence: number[] = [];
  const seen = new Set<number>();
  for (const n of [...order.map((m) => into.get(m) ?? m), ...v.citations.map((c) => c.n)]) {
    if (!survivors.has(n) || seen.has(n)) continue;
    seen.add(n);
    sequence.push(n);
  }
  const newNumber = new Map<number, number>(sequence.map((n, k) => [n, k + 1]));
  for (const [from, to] of into) newNumber.set(from, newNumber.get(to) as number);
  const renumber = (n: number) => newNumber.get(n) ?? n;
  const citations = v.citations
    .filter((c) => survivors.has(c.n))
    .map((c) => ({ ...c, n: renumber(c.n) }))
    .sort((a, b) => a.n - b.n);
  const numberOf = new Map([...v.numberOf].map(([key, n]) => [key, renumber(n)]));
  const numbersByStatement = new Map([...v.numbersByStatement].map(([key, list]) => [key, [...new Set(list.map(renumber))]]));
  return { verification: { ...v, citations, numberOf, numbersByStatement }, newNumber };
}

/**
 * One order for the numbers that the deck and the memo both read in: each output's citations in
 * the order they first appear, merged so that both orders hold. When they cannot both hold (the
 * templates put sections in different orders), the memo's order wins and `conflict` names a pair
 * the deck meets the other way round.
 */
export function readingOrder(deck: readonly number[], memo: readonly number[]): { order: number[]; conflict?: [number, number] } {
  const order: number[] = [];
  const done = new Set<number>();
  const positions = (list: readonly number[]) => new Map(list.map((n, k) => [n, k]));
  const inDeck = positions(deck);
  const inMemo = positions(memo);
  let conflict: [number, number] | undefined;
  let i = 0;
  let j = 0;
  const take = (n: number) => {
    done.add(n);
    order.push(n);
  };
  while (i < deck.length || j < memo.length) {
    while (i < deck.length && done.has(deck[i] as number)) i++;
    while (j < memo.length && done.has(memo[j] as number)) j++;
    const a = deck[i];
    const b = memo[j];
    if (a === undefined && b === undefined) break;
    if (a === undefined) take(b as number);
    else if (b === undefined || a === b) take(a);
    // The memo's next citation is not still to come in the deck: nothing in the deck holds it back.
    else if ((inDeck.get(b) ?? -1) < i) take(b);
    else if ((inMemo.get(a) ?? -1) < j) take(a);
    else {
      conflict ??= [a, b];
      take(b);
    }
  }
  return conflict ? { order, conflict } : { order };
}

/** Numbers as a citation group reads: sorted, runs of three or more as a range. "15–17, 20". */
export function citeGroups(numbers: readonly number[]): { first: number; last: number }[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const groups: { first: number; last: number }[] = [];
  for (const n of sorted) {
    const last = groups[groups.length - 1];
    if (last && n === last.last + 1) last.last = n;
    else groups.push({ first: n, last: n });
  }
  // A run of two reads better as "4, 5" than as "4–5".
  return groups.flatMap((g) => (g.last === g.first + 1 ? [{ first: g.first, last: g.first }, { first: g.last, last: g.last }] : [g]));
}

export const RANGE_DASH = '\u2013';
/** Between the groups of one citation: a comma and a no-break space, so a group never breaks across lines. */
export const GROUP_SEPARATOR = ',\u00A0';

export function citeGroupText(numbers: readonly number[]): string {
  return citeGroups(numbers)
    .map((g) => (g.first === g.last ? String(g.first) : `${g.first}${RANGE_DASH}${g.last}`))
    .join(GROUP_SEPARATOR);
}
