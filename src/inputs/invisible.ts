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

/** A title or other short text read from a document, without invisible characters. */
export function stripInvisible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text;
}
