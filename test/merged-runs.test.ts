// Words written as one piece of text when nothing tells them apart (src/memo/merged-runs.ts).
import { describe, expect, it } from 'vitest';
import { mergeWords } from '../src/memo/merged-runs.js';

const font = { name: 'serif' };
const word = (text: string, x: number, width: number, extra: Record<string, unknown> = {}) => ({ text, x, width, font, fontSize: 10, color: '#1A1A1A', opacity: 1, sup: false, sub: false, height: 12, ...extra });

describe('mergeWords', () => {
  it('joins neighbours that look the same and sit end to end', () => {
    const merged = mergeWords([word('Both ', 0, 20), word('sides ', 20, 25), word('agree', 45, 22)]);
    expect(merged.map((w) => [w.text, w.x, w.width])).toEqual([['Both sides agree', 0, 67]]);
  });

  it('keeps apart words in another font, size, colour or position, and words that carry something of their own', () => {
    const bold = { name: 'serif-bold' };
    const line = [
      word('Lead ', 0, 20, { font: bold }),
      word('text ', 20, 18),
      word('4', 38, 4, { sup: true, fontSize: 5.8, linkToDestination: 'ref-4' }),
      word('then ', 42, 18),
      word('gap ', 70, 15),
      word('more ', 85, 20, { color: '#5F6670' }),
      word('spaced', 105, 30, { characterSpacing: 2 }),
      word('!', 135, 3, { characterSpacing: 2 }),
    ];
    expect(mergeWords(line).map((w) => w.text)).toEqual(['Lead ', 'text ', '4', 'then ', 'gap ', 'more ', 'spaced', '!']);
  });

  it('leaves the line it is given as it was', () => {
    const line = [word('one ', 0, 10), word('two', 10, 10)];
    const copy = JSON.parse(JSON.stringify(line));
    mergeWords(line);
    expect(line).toEqual(copy);
  });
});
