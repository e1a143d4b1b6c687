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
  origin: Int32Array;
}

/**
 * Printable ASCII that folds to itself and changes no state (everything but white space, the
 * hyphen-minus, a dash around which white space is dropped, and the backtick, a quote mark), in
 * words joined by single spaces (a space between two such characters folds to itself). Runs of
 * it, most of any text, are copied whole. The repetitions are bounded (a run of 65,536 characters
 * or 4,096 words at most; the next run goes on where it stops): an unbounded one makes the regular
 * expression engine's backtracking stack overflow on a long single paragraph (40 MB).
 */
const PLAIN_RUN = /[\x21-\x2C\x2E-\x5F\x61-\x7E]{1,65536}(?: [\x21-\x2C\x2E-\x5F\x61-\x7E]{1,65536}){0,4096}/y;

/** Fold text for comparison; case is kept. Leading and trailing white space, and white space around dashes, is dropped. */
export function foldText(text: string): FoldedText {
  return fold(text, true) as FoldedText;
}

/** The folded text alone (see foldText), without the map back to the original. */
export function foldedOnly(text: string): string {
  return fold(text, false).folded;
}

function fold(text: string, withOrigin: boolean): { folded: string; origin?: Int32Array } {
  const pieces: string[] = [];
  // "…" becomes three characters: the only character that folds to more than one.
  let room = text.length + 1;
  for (let at = text.indexOf('\u2026'); at >= 0; at = text.indexOf('\u2026', at + 1)) room += 2;
  const origin = withOrigin ? new Int32Array(room) : undefined;
  let length = 0;
  let pendingSpace = -1;
  let afterDash = false;
  const emitPendingSpace = () => {
    if (length > 0) {
      pieces.push(' ');
      if (origin) origin[length] = pendingSpace;
      length++;
    }
    pendingSpace = -1;
  };
  let i = 0;
  while (i < text.length) {
    PLAIN_RUN.lastIndex = i;
    if (PLAIN_RUN.test(text)) {
      const end = PLAIN_RUN.lastIndex;
      if (pendingSpace >= 0) emitPendingSpace();
      pieces.push(end - i === text.length ? text : text.slice(i, end));
      if (origin) for (let k = i; k < end; k++) origin[length++] = k;
      else length += end - i;
      afterDash = false;
      i = end;
      continue;
    }
    const ch = text[i] as string;
    const kind = KINDS[text.charCodeAt(i)] ?? kindOf(ch);
    if (kind === SPACE) {
      // White space next to a dash is dropped: "deal - by far" reads as "deal—by far".
      if (pendingSpace < 0 && !afterDash) pendingSpace = i;
    } else if (kind !== FORMAT_CHAR) {
      const folded = kind === OTHER ? ch : kind;
      afterDash = folded === '-';
      if (afterDash) pendingSpace = -1;
      if (pendingSpace >= 0) emitPendingSpace();
      pieces.push(folded);
      if (origin) for (let k = 0; k < folded.length; k++) origin[length + k] = i;
      length += folded.length;
    }
    i++;
  }
  if (!origin) return { folded: pieces.join('') };
  origin[length] = pendingSpace >= 0 ? pendingSpace : text.length;
  return { folded: pieces.join(''), origin: origin.subarray(0, length + 1) };
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

/** 1-based column of an offset in text: the characters since the line's start, plus one. */
export function columnOf(text: string, offset: number): number {
  const at = Math.min(offset, text.length);
  return at === 0 ? 1 : at - (text.lastIndexOf('\n', at - 1) + 1) + 1;
}

/** The index of the last of the sorted numbers at or before `offset` (0 when none is). */
export function lastAtOrBefore(sorted: readonly number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 1-based line of an offset, by binary search over the line starts. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => lastAtOrBefore(starts, offset) + 1;
}
