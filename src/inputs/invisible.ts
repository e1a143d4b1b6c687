// Characters a reader cannot see but that change what text means to a program: format
// characters (zero-width space and joiners, word joiner, soft hyphen, BOM), bidi controls (which
// reorder what is shown: "\u202E15\u202C" is shown "51"), the combining grapheme joiner, Hangul
// fillers and variation selectors. What is checked must be what is shown, so documents are read
// without them and the summary may not contain them (see verify's invisible-character rule).
import type { SourceMap } from './document.js';

/**
 * Every invisible character the tool removes from documents and refuses in the summary: the
 * Unicode format characters (Cf: U+00AD, U+061C, U+180E, U+200B–U+200F, U+202A–U+202E,
 * U+2060–U+2064, U+2066–U+206F, U+FEFF, U+FFF9–U+FFFB, tags U+E0001–U+E007F…), the combining grapheme
 * joiner U+034F, Mongolian variation selectors U+180B–U+180D and U+180F, Hangul fillers (U+115F,
 * U+1160, U+3164, U+FFA0) and variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF).
 */
const INVISIBLE_SOURCE = '[\\p{Cf}\\u034F\\u180B-\\u180D\\u180F\\u115F\\u1160\\u3164\\uFFA0\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}]';
const INVISIBLE = new RegExp(INVISIBLE_SOURCE, 'u');
const INVISIBLE_ALL = new RegExp(INVISIBLE_SOURCE, 'gu');

/** Names of the invisible characters met in practice; others are named by their code point and class. */
const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfe0e: 'VARIATION SELECTOR-15',
  0xfe0f: 'VARIATION SELECTOR-16',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** "U+200B ZERO WIDTH SPACE" for a character. */
export function characterName(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code];
  if (name !== undefined) return `${hex} ${name}`;
  if (/\p{Cf}/u.test(ch)) return `${hex} (an invisible format character)`;
  if (/[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u.test(ch)) return `${hex} (a variation selector)`;
  return `${hex} (an invisible character)`;
}

export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/** The first invisible character of `text` and its index (in UTF-16 code units), if any. */
export function firstInvisible(text: string): { char: string; index: number } | undefined {
  INVISIBLE_ALL.lastIndex = 0;
  const m = INVISIBLE_ALL.exec(text);
  return m ? { char: m[0], index: m.index } : undefined;
}

/**
 * A document's text without invisible characters, and its map moved to match: every entry's
 * offset is lowered by the characters removed before it. Line feeds are never removed, so lines
 * and pages stay as they were. Text without any is returned as it is (no copy).
 */
export function withoutInvisible(text: string, map: SourceMap): { text: string; map: SourceMap; removed: number } {
  if (!INVISIBLE.test(text)) return { text, map, removed: 0 };
  const removedAt: number[] = [];
  INVISIBLE_ALL.lastIndex = 0;
  const clean = text.replace(INVISIBLE_ALL, (m: string, offset: number) => {
    for (let k = 0; k < m.length; k++) removedAt.push(offset + k);
    return '';
  });
  // removedAt is sorted: the number removed before an offset is its insertion point.
  const before = (offset: number) => {
    let lo = 0;
    let hi = removedAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((removedAt[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const moved: SourceMap = { offsets: map.offsets.map((o) => o - before(o)), lines: [...map.lines] };
  if (map.pages) moved.pages = [...map.pages];
  return { text: clean, map: moved, removed: removedAt.length };
}

/**
 * Combining marks that change what a text says when drawn over it: strokes and slashes through a
 * character (U+0334–U+0338, U+20D2, U+20D3, U+20D8–U+20DA, U+20E5, U+20E6, U+20EA, U+20EB) and
 * enclosing marks (circles, squares, keycaps: \p{Me}). "1\u0336 50" is shown as a struck 1; "n\u20E0ot"
 * as a crossed-out "n".
 */
const OVERLAY_MARK = /[\u0334-\u0338\u20D2\u20D3\u20D8-\u20DA\u20E5\u20E6\u20EA\u20EB\p{Me}]/u;
const MARK = /\p{M}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

const MARK_NAMES: Record<number, string> = {
  0x0334: 'COMBINING TILDE OVERLAY',
  0x0335: 'COMBINING SHORT STROKE OVERLAY',
  0x0336: 'COMBINING LONG STROKE OVERLAY',
  0x0337: 'COMBINING SHORT SOLIDUS OVERLAY',
  0x0338: 'COMBINING LONG SOLIDUS OVERLAY',
  0x0301: 'COMBINING ACUTE ACCENT',
  0x0305: 'COMBINING OVERLINE',
  0x0332: 'COMBINING LOW LINE',
  0x20d2: 'COMBINING LONG VERTICAL LINE OVERLAY',
  0x20dd: 'COMBINING ENCLOSING CIRCLE',
  0x20de: 'COMBINING ENCLOSING SQUARE',
  0x20e0: 'COMBINING ENCLOSING CIRCLE BACKSLASH',
  0x20e3: 'COMBINING ENCLOSING KEYCAP',
};

/** "U+0336 COMBINING LONG STROKE OVERLAY" for a combining mark. */
export function markName(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${MARK_NAMES[code] ?? '(a combining mark)'}`;
}

/**
 * The first combining mark of `text` that changes what is shown without changing what is
 * checked: one on a character that is no letter (a digit, a sign, a space: "1\u0336 50", "5\u20E3"),
 * or one that strikes through or encloses the character it is on. Accents on letters are text.
 */
export function firstStrayMark(text: string): { char: string; index: number; on: string } | undefined {
  if (!MARK.test(text)) return undefined;
  let base = '';
  for (let i = 0; i < text.length; ) {
    const ch = String.fromCodePoint(text.codePointAt(i) as number);
    if (MARK.test(ch)) {
      if (OVERLAY_MARK.test(ch) || !LETTER_OR_MARK.test(base || ' ')) return { char: ch, index: i, on: base };
    } else base = ch;
    i += ch.length;
  }
  return undefined;
}

/** A title or other short text read from a document, without invisible characters. */
export function stripInvisible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text;
}
