import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { characterName, firstInvisible, withoutInvisible } from '../src/inputs/invisible.js';
import { placeOf } from '../src/inputs/document.js';
import { readSources } from '../src/inputs/sources.js';
import { lookalikeDifference } from '../src/verify/lookalike.js';
import { foldQuote } from '../src/verify/match.js';

describe('invisible characters', () => {
  it('are removed from a text, and its map moves with it (lines and pages stay)', () => {
    const text = 'a\u200Bb\nc\u00ADd\u202Ee\u202C\nf';
    const map = { offsets: [0, 4, 11], lines: [1, 2, 3], pages: [1, 1, 2] };
    const out = withoutInvisible(text, map);
    expect(out.text).toBe('ab\ncde\nf');
    expect(out.removed).toBe(4);
    expect(out.map.offsets).toEqual([0, 3, 7]);
    expect(out.map.pages).toEqual([1, 1, 2]);
    expect(placeOf({ text: out.text, map: out.map }, out.text.indexOf('f'))).toEqual({ line: 3, page: 2 });
    // Text without any is returned as it is.
    const plain = withoutInvisible('plain', map);
    expect(plain.map).toBe(map);
  });

  it('are named by code point and name', () => {
    expect(characterName('\u200B')).toBe('U+200B ZERO WIDTH SPACE');
    expect(characterName('\u202E')).toBe('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(characterName('\u034F')).toBe('U+034F COMBINING GRAPHEME JOINER');
    expect(characterName('\u{E0041}')).toBe('U+E0041 (an invisible format character)');
    expect(firstInvisible('5\u2060150')).toEqual({ char: '\u2060', index: 1 });
    expect(firstInvisible('plain text')).toBeUndefined();
  });

  it('are not part of a document read from a workspace: what is checked is what is shown', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'invisible-'));
    await writeFile(path.join(dir, '001_a.txt'), 'Title line here\n\nAcme had 5\u200B150 employees.\nAcme holds \u202E15\u202C percent.\n');
    const { documents } = await readSources(dir, dir, { cacheDir: null });
    const doc = documents[0];
    expect(doc?.text).toContain('Acme had 5150 employees.');
    expect(doc?.text).toContain('Acme holds 15 percent.');
    expect(placeOf(doc as { text: string }, (doc?.text ?? '').indexOf('Acme holds'))).toEqual({ line: 4 });
  });
});

describe('look-alike characters', () => {
  it('are named where a quote and its closest passage differ', () => {
    expect(lookalikeDifference('a five-year d\u0435al', 'a five-year deal', foldQuote)).toBe(
      'they differ at character 14 of the quote, a look-alike: the quote has U+0435 CYRILLIC SMALL LETTER IE where the document has "e"',
    );
    expect(lookalikeDifference('the \uFB01nancial outlook', 'the financial outlook', foldQuote)).toContain('a look-alike: the quote has U+FB01 LATIN SMALL LIGATURE FI where the document has "f"');
    expect(lookalikeDifference('caf\u00E9 society', 'cafe society', foldQuote)).toBe('they differ at character 4 of the quote, the quote has U+00E9 (a Latin letter) where the document has "e"');
    // A plain ASCII difference is shown by the marked word alone.
    expect(lookalikeDifference('a five-year dial', 'a five-year deal', foldQuote)).toBeUndefined();
  });
});
