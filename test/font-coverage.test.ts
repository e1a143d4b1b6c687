// The memo's glyph coverage table (src/memo/font-coverage.ts) is the one the fonts in
// node_modules give, and the check built on it names what they lack and nothing else.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingGlyphs } from '../src/memo/glyph-coverage.js';
import { ROOT } from './helpers/workspace.js';

describe('the memo fonts coverage table', () => {
  it('was generated from the TTFs in node_modules (else run npm run gen:coverage)', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-memo-coverage.mjs'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('up to date');
  });

  it('names the characters the fonts lack, once each, in order, and nothing they have', () => {
    expect(missingGlyphs(['Café “Ægir” — Ελλάδα, Москва, naïve, 1–2 €5 ‘ok’'])).toEqual([]);
    expect(missingGlyphs(['北京 and 北京', 'שלום 🚀\u200d\u{FE0F}'])).toEqual(['北', '京', 'ש', 'ל', 'ו', 'ם', '🚀']);
  });
});
