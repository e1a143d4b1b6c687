import { describe, expect, it } from 'vitest';
import { loadNlp, rememberedStems } from '../src/draft/nlp.js';

describe('rememberedStems', () => {
  it('stems each word once and gives what the stemmer gives', () => {
    const calls: string[] = [];
    const stem = rememberedStems((w) => {
      calls.push(w);
      return `${w.toLowerCase()}~`;
    });
    expect(['Invests', 'invests', 'Invests', 'deal', 'deal'].map(stem)).toEqual(['invests~', 'invests~', 'invests~', 'deal~', 'deal~']);
    expect(calls).toEqual(['Invests', 'invests', 'deal']);
  });

  it('forgets everything when full, and still answers right', () => {
    const calls: string[] = [];
    const stem = rememberedStems((w) => {
      calls.push(w);
      return w.length.toString();
    }, 2);
    expect(['a', 'bb', 'ccc', 'a', 'ccc'].map(stem)).toEqual(['1', '2', '3', '1', '3']);
    // 'ccc' arrived when the memory was full: it was dropped, so 'a' is stemmed again; 'ccc' is kept.
    expect(calls).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});

describe('the draft stemmer', () => {
  it("gives wink-nlp's own its.stem for every token, quotes, apostrophes and capitals included", async () => {
    const nlp = await loadNlp();
    const text = "The companies' investments grew; Regulators examined the partnership’s exclusivity. Investing, invested, INVESTS, ugly, news, skies, dying, proceedings, 2025, $4bn, e-mail, naïve café.";
    const doc = nlp.readDoc(text);
    const values = doc.tokens().out(nlp.its.value) as string[];
    const wink = doc.tokens().out(nlp.its.stem) as string[];
    expect(values.length).toBeGreaterThan(30);
    expect(values.map(nlp.stem)).toEqual(wink);
    // Asked again (now from memory), the same.
    expect(values.map(nlp.stem)).toEqual(wink);
  });
});
