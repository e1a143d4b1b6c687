// The pure pieces of the deck's layout, without fonts or files: pagination with a fake `fits`,
// word splitting, and measuring.
import { describe, expect, it } from 'vitest';
import { textWidth } from '../src/deck/font-metrics.js';
import { countLines, inlinesToRuns, lineHeightOf, naturalWidth, SAFETY, splitWords, SUPERSCRIPT_SCALE, textHeight, wordEms, type Run } from '../src/deck/measure.js';
import { balanced, evenPacking, greedy, paginate, sizesDown } from '../src/deck/paginate.js';

/** Items are weights; a part fits when its weights add up to at most the capacity at that size (less at a larger size). */
const capacity = (size: number) => 120 / size;
const fitsBy = (calls: { n: number }) => (chunk: number[], size: number) => {
  calls.n += 1;
  return chunk.reduce((a, b) => a + b, 0) <= capacity(size);
};

describe('paginate', () => {
  it('lists sizes from the largest down, one point apart, and never nothing', () => {
    expect(sizesDown(18, 14)).toEqual([18, 17, 16, 15, 14]);
    expect(sizesDown(12, 12)).toEqual([12]);
    expect(sizesDown(10, 12)).toEqual([12]);
  });

  it('keeps one part at the largest size when everything fits', () => {
    expect(paginate([3, 4, 5], sizesDown(10, 6), fitsBy({ n: 0 }))).toEqual({ chunks: [[3, 4, 5]], size: 10, fits: true });
  });

  it('shrinks before it splits: one part at the largest size that holds it', () => {
    // 15 in all: one part needs capacity 15, i.e. size 8.
    expect(paginate([5, 5, 5], sizesDown(10, 6), fitsBy({ n: 0 }))).toEqual({ chunks: [[5, 5, 5]], size: 8, fits: true });
  });

  it('splits into the fewest parts, of even length when they fit', () => {
    // 40 in all, capacity 12 at 10 pt and 20 at 6 pt: two parts of four at 6 pt rather than four at 10 pt.
    const items = [5, 5, 5, 5, 5, 5, 5, 5];
    expect(paginate(items, sizesDown(10, 6), fitsBy({ n: 0 }))).toEqual({ chunks: [[5, 5, 5, 5], [5, 5, 5, 5]], size: 6, fits: true });
  });

  it('packs greedily when parts of even length do not fit but as few greedy parts do', () => {
    // Capacity 12 at 10 pt: the even halves [11, 1, 2] and [9, 1] do not fit; the greedy [11, 1], [2, 9, 1] do.
    const uneven = [11, 1, 2, 9, 1];
    expect(balanced(uneven, 2)).toEqual([[11, 1, 2], [9, 1]]);
    expect(greedy(uneven, 10, fitsBy({ n: 0 }))).toEqual([[11, 1], [2, 9, 1]]);
    expect(paginate(uneven, [10], fitsBy({ n: 0 }))).toEqual({ chunks: [[11, 1], [2, 9, 1]], size: 10, fits: true });
  });

  it('splits twelve like rows over three parts as 4/4/4, never the greedy 5/5/2', () => {
    // Capacity 10 at 12 pt: five rows of weight 2 fit a part, so greedy packing would give 5/5/2.
    const rows = Array.from({ length: 12 }, () => 2);
    expect(greedy(rows, 12, fitsBy({ n: 0 }))?.map((c) => c.length)).toEqual([5, 5, 2]);
    expect(paginate(rows, [12], fitsBy({ n: 0 })).chunks.map((c) => c.length)).toEqual([4, 4, 4]);
  });

  it('evens out parts that greedy packing would leave short at the end, when even lengths do not fit', () => {
    // Capacity 12 at 10 pt. Even halves fail ([1×6] and [1,1,1,1,9,1] = 14); greedy gives 10/2;
    // packed from the end, as even as fit: 8/4.
    const items = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 1];
    expect(greedy(items, 10, fitsBy({ n: 0 }))?.map((c) => c.length)).toEqual([10, 2]);
    expect(evenPacking(items, 2, 10, fitsBy({ n: 0 }))).toBeUndefined();
    expect(paginate(items, [10], fitsBy({ n: 0 })).chunks.map((c) => c.length)).toEqual([8, 4]);
  });

  it('names the first item that does not fit even alone at the smallest size', () => {
    const pages = paginate([3, 30, 40], sizesDown(10, 6), fitsBy({ n: 0 }));
    expect(pages).toEqual({ chunks: [[3], [30], [40]], size: 6, fits: false, misfit: 30 });
  });

  it('asks `fits` a number of times that grows linearly with the items', () => {
    const count = (n: number) => {
      const calls = { n: 0 };
      const pages = paginate(Array.from({ length: n }, () => 1), sizesDown(10, 6), fitsBy(calls));
      expect(pages).toMatchObject({ size: 6, fits: true });
      expect(pages.chunks.length).toBe(Math.ceil(n / 20));
      return calls.n;
    };
    const small = count(600);
    const large = count(6000);
    expect(large / small).toBeLessThan(12);
  });
});

describe('words and their widths', () => {
  const runs = (text: string, cites: number[] = []): Run[] =>
    inlinesToRuns([{ type: 'text', text }, ...cites.map((n) => ({ type: 'cite' as const, n }))], {}, 'AA3300');

  it('gives citation runs their colour when the runs are made', () => {
    expect(runs('alpha', [1, 2])).toEqual([{ text: 'alpha' }, { text: '1,\u00A02', superscript: true, bold: false, color: 'AA3300' }]);
    expect(inlinesToRuns([{ type: 'cite', n: 3 }])).toEqual([{ text: '3', superscript: true, bold: false }]);
  });

  it('splits at spaces, keeps a citation with its word, and marks forced breaks', () => {
    const words = splitWords([{ text: 'one  two' }, { text: '7', superscript: true }, { text: '\n' }, { text: 'three' }], 10);
    expect(words.map((w) => [w.space > 0, w.hardBreak])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    const two = wordEms('two', {}) * 10 * SAFETY + wordEms('7', {}) * 10 * SUPERSCRIPT_SCALE * SAFETY;
    expect(words[1]?.width).toBeCloseTo(two, 10);
    expect(words[0]?.space).toBeCloseTo(wordEms('  ', {}) * 10 * SAFETY, 10);
  });

  it('stores widths in ems and scales them: a word at 20 pt is twice as wide as at 10 pt', () => {
    expect(wordEms('Width', { bold: true })).toBe(textWidth('Width', 1, { bold: true }));
    expect(textWidth('Width', 20, { bold: true })).toBeCloseTo(2 * textWidth('Width', 10, { bold: true }), 10);
    expect(wordEms('Width', { bold: true })).toBeGreaterThan(wordEms('Width', {}));
    expect(naturalWidth(runs('a b'), 10)).toBeCloseTo((wordEms('a', {}) + wordEms(' ', {}) + wordEms('b', {})) * 10 * SAFETY, 10);
  });

  it('wraps whole words, and never fits a word wider than the line', () => {
    const text = runs('aaaa bbbb cccc');
    const word = wordEms('aaaa', {}) * 10 * SAFETY;
    const space = wordEms(' ', {}) * 10 * SAFETY;
    expect(countLines(text, 10, 3 * word + 2 * space + 0.01)).toBe(1);
    expect(countLines(text, 10, 2 * word + space + 0.01)).toBe(2);
    expect(countLines(text, 10, word + 0.01)).toBe(3);
    expect(countLines(text, 10, word - 0.01)).toBe(Number.POSITIVE_INFINITY);
  });

  it('measures a box: insets, lines at the line height, the gap between paragraphs, the bullet indent', () => {
    const insets = { left: 5, right: 5, top: 2, bottom: 3 };
    const one = runs('short');
    const height = textHeight([{ runs: one, spaceAfter: 7 }, { runs: one, spaceAfter: 7, bullet: true }], 10, 400, insets);
    expect(height).toBeCloseTo(2 + 3 + 2 * lineHeightOf(10) + 7, 10);
    expect(lineHeightOf(10)).toBe(12);
    const word = wordEms('short', {}) * 10 * SAFETY;
    // The bullet's indent (18 pt) leaves too little room for the word: it cannot be set.
    expect(textHeight([{ runs: one, bullet: true }], 10, word + 10 + 17, insets)).toBe(Number.POSITIVE_INFINITY);
  });
});
