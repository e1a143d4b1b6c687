import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeText, documentId, leadOf, type SourceDocument } from '../src/inputs/sources.js';
import { foldedOnly, foldText, normalizeSourceText } from '../src/inputs/source-text.js';
import { closestPassage, cutFigure, cutWord, findQuote } from '../src/verify/match.js';
import { SEEDS } from './helpers/workspace.js';

function doc(id: string, text: string): SourceDocument {
  return { id, name: `${id}.txt`, file: `${id}.txt`, text: normalizeSourceText(text), sha256: '', lead: '' };
}

const seeds: SourceDocument[] = readdirSync(SEEDS)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => doc(documentId(n), readFileSync(path.join(SEEDS, n), 'utf8')));

describe('source normalisation', () => {
  it('drops the BOM, turns CRLF and CR into LF and composes to NFC', () => {
    expect(normalizeSourceText('\uFEFFa\r\nb\rc')).toBe('a\nb\nc');
    expect(normalizeSourceText('Cafe\u0301')).toBe('Café');
  });

  it('takes the id from the file name up to the first underscore', () => {
    expect(documentId('003_cb9a085e59b626ba.txt')).toBe('003');
    expect(documentId('notes.md')).toBe('notes');
    expect(documentId('a_b_c.txt')).toBe('a');
  });

  it('finds title and date where the text gives them', () => {
    expect(describeText(' date 2025-03-11 \n\nIt was a long paragraph that goes on.')).toEqual({ date: '2025-03-11' });
    expect(describeText('# Heading here\n\nBody.')).toEqual({ title: 'Heading here' });
    expect(describeText('Back\n\nMicrosoft’s Relationship With OpenAI Appears to Be Fraying\n\nBody text.')).toEqual({
      title: 'Microsoft’s Relationship With OpenAI Appears to Be Fraying',
    });
    expect(describeText('A first paragraph that ends like a sentence and is not a headline.\nMore.')).toEqual({});
  });
});

describe('naming an untitled document', () => {
  it('uses its first sentence, cut at a word', () => {
    expect(leadOf(' date 2025-03-11 \n\nShort first sentence. Then more.')).toBe('Short first sentence.');
    expect(leadOf('The partnership between Microsoft and OpenAI, once hailed as a groundbreaking alliance, is strained.')).toBe(
      'The partnership between Microsoft and OpenAI, once hailed as a…',
    );
  });
});

describe('folding for comparison', () => {
  it('folds white space, quote marks, dashes and ellipses, and keeps case', () => {
    expect(foldText('  “Stateless”\u00A0API —\n\tcalls…  ').folded).toBe('"Stateless" API-calls...');
    expect(foldText('It’s').folded).toBe("It's");
    expect(foldText('ABC').folded).not.toBe('abc');
  });

  it('maps every folded character back to its origin', () => {
    const text = 'a  “b”…\n c';
    const { folded, origin } = foldText(text);
    expect(folded).toBe('a "b"... c');
    expect(origin.length).toBe(folded.length + 1);
    expect(text[origin[2] as number]).toBe('“');
    expect(text[origin[5] as number]).toBe('…');
  });
});

describe('folding, against a character-by-character reference', () => {
  // The rule written the plain way, one character at a time: foldText copies runs of plain ASCII
  // whole and must give the same text and the same map on any input.
  function reference(text: string): { folded: string; origin: number[] } {
    const out: string[] = [];
    const origin: number[] = [];
    let pendingSpace = -1;
    let afterDash = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (/\p{Cf}/u.test(ch)) continue;
      if (/\s/u.test(ch)) {
        if (pendingSpace < 0 && !afterDash) pendingSpace = i;
        continue;
      }
      const folded = ch === '\u2026' ? '...' : /['\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/.test(ch) ? "'" : /["\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/.test(ch) ? '"' : /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D-]/.test(ch) ? '-' : ch;
      afterDash = folded === '-';
      if (afterDash) pendingSpace = -1;
      if (pendingSpace >= 0) {
        if (out.length > 0) {
          out.push(' ');
          origin.push(pendingSpace);
        }
        pendingSpace = -1;
      }
      for (const c of folded) {
        out.push(c);
        origin.push(i);
      }
    }
    origin.push(pendingSpace >= 0 ? pendingSpace : text.length);
    return { folded: out.join(''), origin };
  }

  it('gives the reference text and map on 2,000 random strings', () => {
    const alphabet = ['a', 'Z', '7', '.', ',', "'", '"', '`', '-', ' ', '  ', '\n', '\t', '\u00A0', '\u2003', '\u2014', '\u2013', '\u2212', '\u2018', '\u2019', '\u201C', '\u201D', '\u00AB', '\u2026', '\u00AD', '\u200B', '\uFEFF', '\u00E9', '\u4E2D', '\uD83D\uDE00', '\uD83D', '~', '!', '_'];
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(next() * alphabet.length)];
      const got = foldText(text);
      const want = reference(text);
      expect(got.folded, JSON.stringify(text)).toBe(want.folded);
      expect([...got.origin], JSON.stringify(text)).toEqual(want.origin);
      expect(foldedOnly(text)).toBe(want.folded);
    }
  });
});

describe('matching quotes', () => {
  it('finds a quote written with other quote marks, dashes and spacing', () => {
    const d = seeds.find((s) => s.id === '001') as SourceDocument;
    const m = findQuote(d, 'exploring new paths-building its own AI models');
    expect(m).toBeDefined();
    expect(m?.passage).toBe('exploring new paths—building its own AI models');
    expect(m?.line).toBe(5);
  });

  it('ignores invisible format characters and the Unicode form of the quote', () => {
    const d = doc('x', 'A café in the soft\u00ADware district.');
    expect(findQuote(d, 'cafe\u0301 in the software')?.passage).toBe('café in the soft\u00ADware');
    expect(findQuote(d, 'café in\u200B the software')).toBeDefined();
  });

  it('is case-sensitive', () => {
    const d = seeds.find((s) => s.id === '004') as SourceDocument;
    expect(findQuote(d, 'ballooned to a reported $13.75 billion')).toBeDefined();
    expect(findQuote(d, 'Ballooned to a reported $13.75 billion')).toBeUndefined();
  });

  it('property: a passage cut from any document at any offset is found exactly when it starts and ends on whole words and whole figures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 12, max: 400 }),
        (which, where, length) => {
          const d = seeds[which] as SourceDocument;
          let start = Math.floor(where * Math.max(0, d.text.length - length));
          let end = Math.min(d.text.length, start + length);
          // The passage as a quote would be written: without the white space at its ends.
          while (start < end && /\s/.test(d.text[start] as string)) start++;
          while (end > start && /\s/.test(d.text[end - 1] as string)) end--;
          const passage = d.text.slice(start, end);
          fc.pre(passage.length > 0);
          const m = findQuote(d, passage);
          if (cutWord(d.text, start, end) === undefined && cutFigure(d.text, start, end) === undefined) expect(m).toBeDefined();
          // Found or not, a match is never inside a word or a figure ("$4" of "$4 billion"), and is the passage.
          if (m) {
            expect(cutWord(d.text, m.start, m.end)).toBeUndefined();
            expect(cutFigure(d.text, m.start, m.end)).toBeUndefined();
            expect(foldText(d.text.slice(m.start, m.end)).folded).toBe(foldText(passage).folded);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('folds a single paragraph of five million words (15 MB) without overflowing the regular expression stack', () => {
    const text = Array.from({ length: 5_000_000 }, (_, i) => `w${i % 7}`).join(' ');
    const folded = foldText(text);
    expect(folded.folded.length).toBe(text.length);
    expect(folded.origin[text.length - 1]).toBe(text.length - 1);
  });

  it('finds a quote only on word boundaries: not inside a word, a number or a hyphenated word', () => {
    const d = doc('x', 'The merger was unprofitable, according to analysts. Acme holds 15 percent; growth was 1.5 percent, or -5% net. A non-profitable unit. The merger was profitable, said the board.');
    expect(findQuote(d, 'profitable, according to analysts')).toBeUndefined();
    expect(findQuote(d, '5 percent; growth was')).toBeUndefined();
    expect(findQuote(d, '5 percent, or')).toBeUndefined();
    expect(findQuote(d, '5% net. A non')).toBeUndefined();
    expect(findQuote(d, 'profitable unit. The')).toBeUndefined();
    expect(findQuote(d, 'unprofitable, according to analysts')).toBeDefined();
    expect(findQuote(d, '15 percent; growth was 1.5 percent')).toBeDefined();
    // The second occurrence is on word boundaries: it is the one found.
    expect(findQuote(d, 'The merger was profitable')?.passage).toBe('The merger was profitable');
    expect(findQuote(d, 'merger was profitable')?.start).toBe(d.text.indexOf('merger was profitable, said'));
    expect(cutWord(d.text, d.text.indexOf('profitable, according'), d.text.indexOf('profitable, according') + 10)).toEqual({ word: 'unprofitable', side: 'start' });
  });

  it('property: a passage with one word removed is not found', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 10, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (which, where, words, drop) => {
          const d = seeds[which] as SourceDocument;
          const all = foldText(d.text).folded.split(' ');
          const start = Math.floor(where * Math.max(0, all.length - words));
          const passage = all.slice(start, start + words);
          fc.pre(passage.length === words);
          const k = 1 + Math.floor(drop * (words - 4)); // an interior word, two or more from the end
          const mutilated = [...passage.slice(0, k), ...passage.slice(k + 1)].join(' ');
          expect(findQuote(d, mutilated)).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the closest passage and its line when a quote is not found', () => {
    const d = seeds.find((s) => s.id === '004') as SourceDocument;
    const closest = closestPassage(d, 'total investment has since ballooned to a reported $14 billion');
    expect(closest?.line).toBe(4);
    expect(closest?.passage).toContain('ballooned to a reported $13.75 billion');
  });
});
