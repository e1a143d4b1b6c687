// Text normalisation for sources and the matcher's folding of text for comparison.

/** What a source becomes on read: no BOM, LF line ends, Unicode NFC. */
export function normalizeSourceText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u0060\u00B4]/;
const DOUBLE_QUOTES = /["\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D-]/;
const WHITESPACE = /\s/u;
/** Invisible format characters (soft hyphen, zero-width space and joiners, BOM): never part of a match. */
const FORMAT = /\p{Cf}/u;

export interface FoldedText {
  /** The folded text: one space for any run of white space, straight quotes, ASCII dashes, "..." for "…". */
  folded: string;
  /** For each index of `folded`, the index in the original text it came from. Has one extra entry: the original length. */
  origin: number[];
}

/** Fold text for comparison; case is kept. Leading and trailing white space, and white space around dashes, is dropped. */
export function foldText(text: string): FoldedText {
  const chars: string[] = [];
  const origin: number[] = [];
  let pendingSpace = -1;
  let afterDash = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const kind = KINDS[text.charCodeAt(i)] ?? kindOf(ch);
    if (kind === FORMAT_CHAR) continue;
    if (kind === SPACE) {
      // White space next to a dash is dropped: "deal - by far" reads as "deal—by far".
      if (pendingSpace < 0 && !afterDash) pendingSpace = i;
      continue;
    }
    const folded = kind === OTHER ? ch : kind;
    afterDash = folded === '-';
    if (afterDash) pendingSpace = -1;
    if (pendingSpace >= 0) {
      if (chars.length > 0) {
        chars.push(' ');
        origin.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    for (const out of folded) {
      chars.push(out);
      origin.push(i);
    }
  }
  origin.push(pendingSpace >= 0 ? pendingSpace : text.length);
  return { folded: chars.join(''), origin };
}

// What a character folds to: dropped (a format character), white space, its folded form, or itself.
const FORMAT_CHAR = '\u0000format';
const SPACE = '\u0000space';
const OTHER = '\u0000other';

/** The folding of every UTF-16 code unit met so far, by its code (at most 65,536 entries). */
const KINDS: (string | undefined)[] = [];

function kindOf(ch: string): string {
  let kind = FORMAT.test(ch) ? FORMAT_CHAR : WHITESPACE.test(ch) ? SPACE : ch === '\u2026' ? '...' : foldChar(ch);
  if (kind === ch) kind = OTHER;
  KINDS[ch.charCodeAt(0)] = kind;
  return kind;
}

function foldChar(ch: string): string {
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  return ch;
}

/** 1-based line and column of an offset in text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
