// The stretch of a document the review page shows around a cited passage: the paragraph (or
// paragraphs) it sits in and one paragraph either side, clipped to a bounded number of characters
// on each side of the passage (a PDF page read as one paragraph stays readable). Paragraphs are
// separated by blank lines; in a document without any blank line, each line is one. Also the
// first lines of a document no statement cites.

/** At most this many characters of context before the passage's start, and after its end. */
export const CONTEXT_CHARS = 1200;
/** The first lines of an uncited document: at most this many lines, of at most this many characters. */
const FIRST_LINES = 3;
const FIRST_LINE_CHARS = 200;

/** A stretch of a document's text: [from, to) of its normalised text, and whether it was clipped at either end. */
export interface ContextRange {
  from: number;
  to: number;
  clippedStart: boolean;
  clippedEnd: boolean;
  /** How its paragraphs are separated: blank lines, or (a document without any) single line feeds. */
  lines: boolean;
}

/** Paragraphs are separated by a blank line (a line feed, spaces or tabs, a line feed)… */
const PARAGRAPH_BREAK = /\n[ \t]*\n/g;
/** …or, in a document without one, by a line feed. */
const LINE_BREAK = /\n/g;

/** Whether a text separates its paragraphs by line feeds alone (it has no blank line), by text, for the process. */
const linesByText = new WeakMap<object, boolean>();

export function paragraphsAreLines(doc: { text: string }): boolean {
  let lines = linesByText.get(doc);
  if (lines === undefined) linesByText.set(doc, (lines = !/\n[ \t]*\n/.test(doc.text)));
  return lines;
}

/** The paragraph breaks of a text near [from, to): only those within reach are looked for. */
function breaksNear(text: string, from: number, to: number, pattern: RegExp): { start: number; end: number }[] {
  const lo = Math.max(0, from - CONTEXT_CHARS - 2);
  const hi = Math.min(text.length, to + CONTEXT_CHARS + 2);
  const window = text.slice(lo, hi);
  const breaks: { start: number; end: number }[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(window); m; m = pattern.exec(window)) breaks.push({ start: lo + m.index, end: lo + m.index + m[0].length });
  return breaks;
}

/**
 * The context of the passage text[start, end): from the start of the paragraph before the one it
 * starts in to the end of the paragraph after the one it ends in, clipped to CONTEXT_CHARS either
 * side at white space, without the blank lines at its ends.
 */
export function contextRange(doc: { text: string }, start: number, end: number): ContextRange {
  const { text } = doc;
  const lines = paragraphsAreLines(doc);
  const breaks = breaksNear(text, start, end, lines ? LINE_BREAK : PARAGRAPH_BREAK);
  // k: the last break before the passage; j: the first after it.
  let k = -1;
  while (k + 1 < breaks.length && (breaks[k + 1] as { end: number }).end <= start) k++;
  let j = k + 1;
  while (j < breaks.length && (breaks[j] as { start: number }).start < end) j++;
  const before = k >= 1 ? (breaks[k - 1] as { end: number }).end : 0;
  const after = j + 1 < breaks.length ? (breaks[j + 1] as { start: number }).start : text.length;
  let from = before;
  let to = after;
  let clippedStart = false;
  let clippedEnd = false;
  if (start - from > CONTEXT_CHARS) {
    from = start - CONTEXT_CHARS;
    // Start at a word: after the first white space of the clipped stretch.
    const space = text.slice(from, start).search(/\s/);
    if (space >= 0) from += space + 1;
    clippedStart = true;
  }
  if (to - end > CONTEXT_CHARS) {
    to = end + CONTEXT_CHARS;
    const tail = text.slice(end, to);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    if (space > 0) to = end + space;
    clippedEnd = true;
  }
  while (from < start && /\s/.test(text[from] as string)) from++;
  while (to > end && /\s/.test(text[to - 1] as string)) to--;
  // Never half of a character (a cut inside a surrogate pair).
  if (from < start && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to > end && isLowSurrogate(text.charCodeAt(to))) to--;
  return { from, to, clippedStart, clippedEnd, lines };
}

/** The first `n` code units of a text, one fewer when the cut would split a character. */
function wholeCharacters(text: string, n: number): string {
  return text.slice(0, isLowSurrogate(text.charCodeAt(n)) ? n - 1 : n);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The first non-blank lines of a text, each cut to FIRST_LINE_CHARS (with "…"). */
export function firstLines(text: string): string[] {
  const lines: string[] = [];
  let at = 0;
  // Only the start of the text is read: a huge document costs no more than a small one.
  while (lines.length < FIRST_LINES && at < text.length) {
    const next = text.indexOf('\n', at);
    const stop = next < 0 ? text.length : next;
    const line = text.slice(at, Math.min(stop, at + FIRST_LINE_CHARS + 1)).trim();
    if (line !== '') lines.push(stop - at > FIRST_LINE_CHARS ? `${wholeCharacters(line, FIRST_LINE_CHARS).trimEnd()}…` : line);
    at = stop + 1;
  }
  return lines;
}
