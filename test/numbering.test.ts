// Citation numbers: groups as they read, one order for the deck and the memo, contained quotes merged.
import { describe, expect, it } from 'vitest';
import { citeGroupText, containedCitations, readingOrder, renumberVerification } from '../src/verify/numbering.js';
import type { ResolvedCitation, Verification } from '../src/verify/verify.js';
import { renumberInlines } from '../src/model/renumber.js';

const cite = (n: number, doc: string, start: number, end: number): ResolvedCitation => ({ n, doc, quote: `q${n}`, verified: true, start, end, line: 1 });

describe('citation groups', () => {
  it('sorts, drops repeats and writes runs of three or more as a range', () => {
    expect(citeGroupText([20, 16, 15, 17])).toBe('15–17,\u00A020');
    expect(citeGroupText([10, 26])).toBe('10,\u00A026');
    expect(citeGroupText([4, 5])).toBe('4,\u00A05');
    expect(citeGroupText([3, 3, 1, 2])).toBe('1–3');
    expect(citeGroupText([7])).toBe('7');
  });

  it('renumbers a run of citation nodes into sorted order without repeats', () => {
    const out = renumberInlines(
      [{ type: 'text', text: 'a' }, { type: 'cite', n: 1 }, { type: 'cite', n: 2 }, { type: 'cite', n: 3 }, { type: 'text', text: 'b' }, { type: 'cite', n: 4 }],
      (n) => ({ 1: 9, 2: 5, 3: 9, 4: 1 })[n] ?? n,
    );
    expect(out).toEqual([{ type: 'text', text: 'a' }, { type: 'cite', n: 5 }, { type: 'cite', n: 9 }, { type: 'text', text: 'b' }, { type: 'cite', n: 1 }]);
  });
});

describe('reading order', () => {
  it('merges the two outputs\' orders when they agree, each keeping its own', () => {
    // The deck shows 7 (a chart) the memo lacks; the memo shows 9 the deck lacks.
    expect(readingOrder([3, 1, 7, 2], [3, 1, 9, 2])).toEqual({ order: [3, 1, 9, 7, 2] });
    expect(readingOrder([], [2, 1])).toEqual({ order: [2, 1] });
  });

  it('names a pair the deck meets the other way round, and follows the memo', () => {
    expect(readingOrder([1, 2, 3], [2, 1, 3])).toEqual({ order: [2, 1, 3], conflict: [1, 2] });
  });
});

describe('quotes within quotes', () => {
  it('merges a passage lying inside another of the same document into the longer one', () => {
    const into = containedCitations([cite(1, 'a', 10, 20), cite(2, 'a', 0, 50), cite(3, 'b', 12, 18), cite(4, 'a', 40, 60), cite(5, 'a', 0, 50)]);
    // 1 lies in 2; 3 is another document; 4 overlaps 2 without lying in it; 5 is 2 again.
    expect([...into].sort()).toEqual([[1, 2], [5, 2]]);
  });

  it('renumbers densely: merged numbers take the longer passage\'s number, statements lose repeats', () => {
    const v: Verification = {
      citations: [cite(1, 'a', 10, 20), cite(2, 'b', 0, 5), cite(3, 'a', 0, 50)],
      numberOf: new Map([['k1', 1], ['k2', 2], ['k3', 3]]),
      numbersByStatement: new Map([['s', [1, 3]], ['t', [2]]]),
      corroboration: [],
      failedStatements: new Set(),
      diagnostics: [],
    };
    const { verification } = renumberVerification(v, [3, 2], new Map([[1, 3]]));
    expect(verification.citations.map((c) => [c.n, c.quote])).toEqual([[1, 'q3'], [2, 'q2']]);
    expect([...verification.numberOf]).toEqual([['k1', 1], ['k2', 2], ['k3', 1]]);
    expect(verification.numbersByStatement.get('s')).toEqual([1]);
  });
});
