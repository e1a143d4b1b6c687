// The deck measures text with a generated table of Arimo's advance widths instead of parsing the
// TTFs at run time: the table must say exactly what fontkit reads from the fonts in node_modules.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { ARIMO_FACES, ARIMO_UNITS_PER_EM } from '../src/deck/arimo-widths.js';
import { textWidth } from '../src/deck/font-metrics.js';

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('@expo-google-fonts/arimo/package.json'));
const styles = { regular: {}, bold: { bold: true }, italic: { italic: true }, boldItalic: { bold: true, italic: true } } as const;

describe('the Arimo width table', () => {
  for (const [name, face] of Object.entries(ARIMO_FACES)) {
    const bytes = readFileSync(path.join(dir, face.file));
    const font = fontkit.create(bytes) as fontkit.Font;
    const fontkitEms = (cp: number) => {
      const glyph = font.glyphForCodePoint(cp);
      return (glyph.id === 0 ? font.glyphForCodePoint(0x4d) : glyph).advanceWidth / font.unitsPerEm;
    };

    it(`${name}: was made from the TTF in node_modules (else run npm run gen:widths)`, () => {
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(face.sha256);
      expect(font.unitsPerEm).toBe(ARIMO_UNITS_PER_EM);
    });

    it(`${name}: every character of the face, and the whole BMP, measure as fontkit measures them`, () => {
      const style = styles[name as keyof typeof styles];
      const mismatches: string[] = [];
      const probe = new Set<number>([...font.characterSet, 0x1f600, 0x10ffff]);
      for (let cp = 0; cp < 0x10000; cp += 7) probe.add(cp);
      for (const cp of probe) {
        if (cp >= 0xd800 && cp < 0xe000) continue; // lone surrogates are not characters of a JS string
        const got = textWidth(String.fromCodePoint(cp), 1, style);
        if (got !== fontkitEms(cp)) mismatches.push(`U+${cp.toString(16)}: ${got} ≠ ${fontkitEms(cp)}`);
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
    });

    it(`${name}: a sentence sums the advances in the same order (same floating-point result)`, () => {
      const text = 'Stake grew to a reported $13.75 billion — “hedged” rivalry, 2019–2025; naïve café.';
      let ems = 0;
      for (const ch of text) ems += fontkitEms(ch.codePointAt(0) as number);
      expect(textWidth(text, 13.5, styles[name as keyof typeof styles])).toBe(ems * 13.5);
    });
  }
});
