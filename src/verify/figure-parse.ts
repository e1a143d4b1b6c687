// Reading figures out of prose as values: money with its currency and scale, shares, percentage
// points, counts with their unit nouns, multiples, ranks, dates at the precision written, and
// words written with digits. Numbers in words ("five billion dollars", "forty percent", "a dozen",
// "two-thirds", "one in five", "twice") are read like numbers in digits.
//
// Decisions (docs/checks.md, "each figure in a statement is stated by one of its quotes as a value"):
// - "one", "a" and "an" alone are no figure ("one article says"); with a scale, a percentage or a
//   fraction they are ("one billion", "one percent", "one in five", "a third of").
// - A scale abbreviation needs a word boundary: "$5bn", "$5B"; a single letter only attached to the
//   digits and not followed by "-" or "&" and a letter ("a $5 T-shirt" is $5, "$100 M&A" is $100).
// - A four-digit number from 1800 to 2199 written without a separator is a year; it is also the
//   number itself for grounding a count ("2000 employees").
// - A rank in digits ("3rd") is a figure; a rank in words ("the third round") is a word the support
//   rule checks, and in a quote it grounds the rank in digits ("third party", "first-hand", "at
//   first", "a second" of time are no ranks). "both" in a quote states two.
// - An explicit sign ("−5%", "-$2 million", "+3%") is part of the value; ".5%" is 0.5%.
// - The readers: dates (figure-dates.ts), amounts and words that state a figure (figure-amounts.ts,
//   with the numbers of figure-numbers.ts), and words written with digits (below).
// - A range is "X-Y", "X–Y", "between X and Y", or "X to Y" where X has no unit of its own
//   ("10 to 20 percent"); "from X to Y" and "2% to 51%" are two figures. A range of dates is its two ends.
// - Vague quantities ("tens of billions", "hundreds of jobs", "dozens of") are ranges marked vague.
import { CURRENCY_ABBREVIATIONS, CURRENCY_CODES, CURRENCY_SIGNS, MONTH_NAMES, MULTIPLE_WORDS, ORDINALS, QUALIFIERS, SIGN_QUALIFIERS, TENS, UNITS, VAGUE_PLURALS } from './figure-lexicon.js';
import type { Figure } from './figure-model.js';
import { readQuantity, readWordFigure } from './figure-amounts.js';
import { DASHES, FigureCursor, isYearNumber } from './figure-cursor.js';
import { readDate, YEAR_PREFIXES } from './figure-dates.js';
import { NUMERIC_SUFFIXES } from './figure-numbers.js';
import { foldFigureText, tokenize, type Token } from './figure-tokens.js';

/** Words a figure may start with (lower case); any other word starts one only with a digit or a "$" joined to it. */
const TRIGGER_WORDS: ReadonlySet<string> = new Set([
  ...MONTH_NAMES.keys(),
  ...ORDINALS.keys(),
  ...UNITS.keys(),
  ...TENS.keys(),
  ...MULTIPLE_WORDS.keys(),
  ...VAGUE_PLURALS.keys(),
  ...QUALIFIERS.map(([words]) => words[0] as string),
  'a',
  'an',
  'half',
  'both',
  'tens',
]);

/** Every figure of the text, each read by the first reader that takes its first token. */
function read(c: FigureCursor): void {
  for (let i = 0; i < c.n; ) i = skippable(c, i) ? i + 1 : (group(c, i) ?? readDate(c, i) ?? readQuantity(c, i) ?? readWordFigure(c, i) ?? i + 1);
}

/** A token no figure starts with: a sign that is no currency, a word that is no number, month, qualifier or currency, and has no digit joined to it. */
function skippable(c: FigureCursor, i: number): boolean {
  const t = c.tokens[i] as Token;
  if (t.kind === 'num') return false;
  if (t.kind === 'sign') return !CURRENCY_SIGNS.has(t.text) && !SIGN_QUALIFIERS.has(t.text) && t.text !== '\u00B1';
  if (TRIGGER_WORDS.has(t.lower) || (t.text.length === 3 && CURRENCY_CODES.has(t.text)) || CURRENCY_ABBREVIATIONS.has(t.text) || t.text === 'Q' || t.text === 'H') return false;
  const next = c.tokens[i + 1];
  return next === undefined || next.space;
}

/** The end (exclusive) of the run of letters and digits starting at `i`, joined directly or by "-" or ".". */
function groupEnd(c: FigureCursor, i: number): number {
  let j = i + 1;
  while (j < c.n) {
    const t = c.tokens[j] as Token;
    if (t.kind !== 'sign' && !t.space) j++;
    else if (t.kind === 'sign' && (DASHES.has(t.text) || t.text === '.') && !t.space && c.tokens[j + 1]?.kind !== 'sign' && c.tokens[j + 1] !== undefined && !(c.tokens[j + 1] as Token).space) j += 2;
    else break;
  }
  return j;
}

/** Whether token i continues the run of letters and digits before it ("4" of "RX-4"). */
function continuesRun(c: FigureCursor, i: number): boolean {
  const t = c.tokens[i] as Token;
  const prev = c.tokens[i - 1];
  if (!prev || t.space) return false;
  if (prev.kind !== 'sign') return true;
  return (DASHES.has(prev.text) || prev.text === '.') && !prev.space && c.tokens[i - 2] !== undefined && c.tokens[i - 2]?.kind !== 'sign';
}

/** A word written with digits that is no number ("RX-1", "XR-4o", "5G", "COVID-19"): one token figure. */
function group(c: FigureCursor, i: number): number | undefined {
  const first = c.tokens[i] as Token;
  if (first.kind === 'sign' || continuesRun(c, i)) return undefined;
  const end = groupEnd(c, i);
  const run = c.tokens.slice(i, end);
  if (!run.some((t) => t.kind === 'num') || !run.some((t) => t.kind === 'word')) return undefined;
  if (numericRun(run)) return undefined;
  const last = run[run.length - 1] as Token;
  c.push({ kind: 'token', key: compactKey(c.folded.slice(first.start, last.end)), start: first.start, end: last.end });
  return end;
}

/** Whether a run of letters and digits is a number with its suffix or prefix ("5bn", "3rd", "Q3", "20-year", "mid-2023"). */
function numericRun(run: Token[]): boolean {
  for (let k = 0; k < run.length; k++) {
    const t = run[k] as Token;
    if (t.kind !== 'word') continue;
    const before = run[k - 1];
    const after = run[k + 1];
    const quarterOrHalf = (t.lower === 'q' || t.lower === 'h') && t.text === t.text.toUpperCase();
    // A letter touching digits.
    if (before?.kind === 'num' && !t.space) {
      if (NUMERIC_SUFFIXES.has(t.lower)) continue;
      if (quarterOrHalf && before.value >= 1 && before.value <= 4 && !before.separated) continue;
      return false;
    }
    if (after?.kind === 'num' && !after.space) {
      if (quarterOrHalf && after.value >= 1 && after.value <= 4 && !after.separated) continue;
      // "USD5bn": a currency code joined to its amount.
      if (k === 0 && t.text.length === 3 && CURRENCY_CODES.has(t.text)) continue;
      return false;
    }
    // Joined by a hyphen or a dot.
    if (before?.kind === 'sign') {
      const num = run[k - 2];
      // "5-billion-dollar", "3-per-cent", "20-year-old": lower-case words joined to a number's compound.
      if (before.text !== '.' && run[0]?.kind === 'num' && num?.kind === 'word' && t.text === t.lower) continue;
      if (before.text === '.' || num?.kind !== 'num') return false;
      // "20-year", "13.75-billion", "3-fold": a lower-case word after a number.
      if (t.text !== t.lower || t.text.length < 2) {
        if (!(quarterOrHalf && isYearNumber(num))) return false;
      }
      continue;
    }
    if (after?.kind === 'sign') {
      const num = run[k + 2];
      if (after.text === '.' || num?.kind !== 'num') continue;
      if (YEAR_PREFIXES.has(t.lower) && isYearNumber(num)) continue;
      return false;
    }
  }
  return true;
}

export function compactKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Every figure of a text, in order, with its place in the text as written. */
export function parseFigures(written: string): Figure[] {
  const folded = foldFigureText(written);
  const origin = folded.origin;
  const toWritten = origin ? (offset: number) => origin[offset] ?? written.length : (offset: number) => offset;
  const c = new FigureCursor(tokenize(folded.text), folded.text, toWritten, written);
  read(c);
  const figures = c.figures;
  // Figures are found in the order of the text; a pair read together ("from 49 to 51 percent") too.
  for (let k = 1; k < figures.length; k++) if ((figures[k] as Figure).start < (figures[k - 1] as Figure).start) return figures.sort((a, b) => a.start - b.start);
  return figures;
}
