// Which characters of the memo its fonts cannot print. The memo embeds Source Serif 4 and Source
// Sans 3 (Latin, Greek, Cyrillic); pdfkit prints a character they lack as an empty box or not at
// all, silently. The characters they have come from a table generated from the TTFs
// (`npm run gen:coverage`), so no font is parsed to check a memo.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { MEMO_FONT_COVERAGE } from './font-coverage.js';

function covered(cp: number): boolean {
  // Binary search over the [first, last] pairs.
  let lo = 0;
  let hi = MEMO_FONT_COVERAGE.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const first = MEMO_FONT_COVERAGE[mid * 2] as number;
    const last = MEMO_FONT_COVERAGE[mid * 2 + 1] as number;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Characters that print nothing whatever the font: white space, controls, joiners and selectors, private use. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Co}\p{Default_Ignorable_Code_Point}]/u;

/** The characters of `texts` the memo's fonts lack, in order of first appearance. */
export function missingGlyphs(texts: Iterable<string>): string[] {
  const missing = new Set<string>();
  const seen = new Set<number>();
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (cp < 0x80 || seen.has(cp)) continue;
      seen.add(cp);
      if (!INVISIBLE.test(ch) && !covered(cp)) missing.add(ch);
    }
  }
  return [...missing];
}

/** Every string in a value (a memo model), however deep. */
function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsIn(v);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) yield* stringsIn(v);
}

const SHOWN = 12;

/** A warning naming the characters of the memo that its fonts cannot print. */
export function memoGlyphWarnings(memo: unknown, file: string): Diagnostic[] {
  const missing = missingGlyphs(stringsIn(memo));
  if (missing.length === 0) return [];
  const named = missing.slice(0, SHOWN).map((ch) => `"${ch}" U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`);
  const more = missing.length > SHOWN ? ` and ${missing.length - SHOWN} more` : '';
  return [
    diagnostic(
      'memo-glyphs-missing',
      `the memo's fonts (Source Serif 4, Source Sans 3) have no glyph for ${missing.length === 1 ? '1 character' : `${missing.length} characters`} of its text, which will print as empty boxes or not at all (the deck shows them): ${named.join(', ')}${more}`,
      { file },
    ),
  ];
}
