// Finding a quote in a document, and the closest passage when it is not there.
import { distance } from 'fastest-levenshtein';
import type { SourceDocument } from '../inputs/sources.js';
import { columnOf, foldedOnly, foldText, type FoldedText } from '../inputs/source-text.js';
import { placeOf } from '../inputs/document.js';
import { WeighedMap } from '../cache/weighed-map.js';
import { extractFigures } from './figures.js';

export interface Match {
  /** Offsets in the document's normalised text. */
  start: number;
  end: number;
  /** Line of the file (for .docx the paragraph) and, for a PDF, the page; column in the text. */
  line: number;
  page?: number;
  column: number;
  /** The passage as the document writes it. */
  passage: string;
}

/**
 * Folded documents by their text, for the process: a build folds each document once, and a watch
 * session verifies the same documents after every edit of the summary. Bounded by the characters
 * held (the folded text and its map take about ten bytes a character).
 */
const foldedByText = new WeighedMap<string, FoldedText>(8_000_000);
/** And by document, for the life of the document: a document too large for the map is folded once all the same. */
const foldedByDocument = new WeakMap<SourceDocument, FoldedText>();

export function foldedDocument(doc: SourceDocument): FoldedText {
  let folded = foldedByDocument.get(doc);
  if (!folded) {
    folded = foldedByText.getOrMake(doc.text, () => doc.text.length, () => foldText(doc.text));
    foldedByDocument.set(doc, folded);
  }
  return folded;
}

/** A quote folded as the documents are; composed to NFC first, as sources are on read. */
export function foldQuote(quote: string): string {
  return foldedOnly(quote.normalize('NFC'));
}

/**
 * The first occurrence of the quote in the document, after folding both, that starts and ends on
 * a word boundary of the document (see `onWordBoundaries`): "profitable" is not in "unprofitable",
 * "5 percent" not in "15 percent" or "1.5 percent".
 */
export function findQuote(doc: SourceDocument, quote: string): Match | undefined {
  const found = occurrences(doc, quote);
  return found.onBoundaries;
}

/** Where a quote occurs only inside words: the first such occurrence, with the word it cuts. */
export interface InsideWord extends Match {
  /** The whole word (or number, or figure) of the document the quote starts or ends inside. */
  word: string;
  /** Which end of the quote is inside it. */
  side: 'start' | 'end';
  /** Set when what the quote cuts is a figure of the document ("$4" of "$4 billion"): its offsets in the document's text. */
  figure?: { start: number; end: number };
}

/** The first occurrence on word boundaries, else the first one inside a word (to say so). */
export function occurrences(doc: SourceDocument, quote: string): { onBoundaries?: Match; insideWord?: InsideWord } {
  const needle = foldQuote(quote);
  if (needle === '') return {};
  const hay = foldedDocument(doc);
  let insideWord: InsideWord | undefined;
  for (let at = hay.folded.indexOf(needle); at >= 0; at = hay.folded.indexOf(needle, at + 1)) {
    const match = matchAt(doc, hay, at, at + needle.length);
    const cut = cutWord(doc.text, match.start, match.end) ?? cutFigure(doc.text, match.start, match.end);
    if (cut === undefined) return { onBoundaries: match };
    insideWord ??= { ...match, ...cut };
  }
  return insideWord ? { insideWord } : {};
}

/** A letter, a mark or a digit of any script: what words and numbers are made of. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Characters that join two word characters into one word: "non-profit", "Acme's", "1.5", "1,500". */
const JOINER = /['\u2019\u02BC.,\-\u2010\u2011\u00B7]/u;
/** A sign that belongs to the number after it: "-5%" is not "5%". */
const SIGN = /[-\u2212\u2010\u2011+\u00B1]/u;

/**
 * Whether text[start, end) cuts a word or a number of `text` at either end; the word cut and the
 * end, or undefined when both ends lie on word boundaries. An end is inside a word when the
 * passage's character there is a word character and the next one outside it is a word character,
 * or a joiner followed by one ("un|profitable", "1|5 percent", "1.|5", "non-|profit", "Acme'|s");
 * a number's sign belongs to it ("-|5%").
 */
export function cutWord(text: string, start: number, end: number): { word: string; side: 'start' | 'end' } | undefined {
  const isWord = (i: number) => i >= 0 && i < text.length && WORD_CHAR.test(text[i] as string);
  const isJoiner = (i: number) => i >= 0 && i < text.length && JOINER.test(text[i] as string);
  if (isWord(start)) {
    const before = start - 1;
    const cut = isWord(before) || (isJoiner(before) && isWord(before - 1)) || (/\p{N}/u.test(text[start] as string) && before >= 0 && SIGN.test(text[before] as string) && !isWord(before - 1));
    if (cut) return { word: wordAround(text, start), side: 'start' };
  }
  const last = end - 1;
  if (isWord(last)) {
    const cut = isWord(end) || (isJoiner(end) && isWord(end + 1));
    if (cut) return { word: wordAround(text, last), side: 'end' };
  }
  return undefined;
}

/** How far around a quote's ends the document is read for the figures it may cut. */
const FIGURE_CONTEXT = 160;

/**
 * Whether text[start, end) cuts a figure of `text` in two: a figure the document states, read
 * in its own words around the quote, that begins inside the passage and ends after it, or
 * begins before it and ends inside it ("Acme paid $4" of "Acme paid $4 billion", "1,5 million"
 * quoted from "5 million"). Its scale, currency or decimals would be lost, and the quote would
 * ground a figure the document does not state. Dates are left to the date rules (a quote may
 * end at "in May" of "in May 2024": the statement's date is grounded at its own precision).
 */
export function cutFigure(text: string, start: number, end: number): { word: string; side: 'start' | 'end'; figure: { start: number; end: number } } | undefined {
  if (!/\p{N}/u.test(text.slice(Math.max(0, start - 40), Math.min(text.length, end + 40)))) return undefined;
  for (const [side, at] of [['start', start], ['end', end]] as const) {
    const from = Math.max(0, at - FIGURE_CONTEXT);
    const window = text.slice(from, Math.min(text.length, at + FIGURE_CONTEXT));
    for (const f of extractFigures(window)) {
      if (f.kind === 'date' || f.quoteOnly) continue;
      const figure = { start: from + f.start, end: from + f.end };
      if (figure.start < at && at < figure.end && figure.start < end && figure.end > start) return { word: text.slice(figure.start, figure.end), side, figure };
    }
  }
  return undefined;
}

/** The run of word characters and inner joiners around offset `at`. */
function wordAround(text: string, at: number): string {
  const inWord = (i: number) => WORD_CHAR.test(text[i] ?? ' ') || (JOINER.test(text[i] ?? ' ') && WORD_CHAR.test(text[i - 1] ?? ' ') && WORD_CHAR.test(text[i + 1] ?? ' ')) || (SIGN.test(text[i] ?? ' ') && /\p{N}/u.test(text[i + 1] ?? ' ') && !WORD_CHAR.test(text[i - 1] ?? ' '));
  let from = at;
  while (from > 0 && inWord(from - 1)) from--;
  let to = at + 1;
  while (to < text.length && inWord(to)) to++;
  return text.slice(from, to);
}

function matchAt(doc: SourceDocument, hay: FoldedText, from: number, to: number): Match {
  const start = hay.origin[from] as number;
  const end = (hay.origin[to - 1] as number) + 1;
  const column = columnOf(doc.text, start);
  const place = placeOf(doc, start);
  const match: Match = { start, end, line: place.line, column, passage: doc.text.slice(start, end) };
  if (place.page !== undefined) match.page = place.page;
  return match;
}

export interface ClosestPassage extends Match {
  /** 0..1, how much of the quote the passage shares (1 = identical after folding). */
  similarity: number;
}

/** Word boundaries of a document's folded text, and where each word occurs. */
interface WordIndex {
  starts: number[];
  ends: number[];
  byWord: Map<string, number[]>;
}

const wordIndexCache = new WeakMap<SourceDocument, WordIndex>();

function wordIndex(doc: SourceDocument, folded: string): WordIndex {
  let index = wordIndexCache.get(doc);
  if (index) return index;
  const starts: number[] = [0];
  for (let i = folded.indexOf(' '); i >= 0; i = folded.indexOf(' ', i + 1)) starts.push(i + 1);
  const ends = starts.slice(1).map((s) => s - 1);
  ends.push(folded.length);
  const byWord = new Map<string, number[]>();
  starts.forEach((s, w) => {
    const word = folded.slice(s, ends[w]);
    const list = byWord.get(word);
    if (list) list.push(w);
    else byWord.set(word, [w]);
  });
  index = { starts, ends, byWord };
  wordIndexCache.set(doc, index);
  return index;
}

/** Below this many character comparisons, every window is scored; above, only anchored ones. */
const EXHAUSTIVE_BUDGET = 4_000_000;

/**
 * The passage of the document closest to the quote: a window of about as many words, scored by
 * edit distance. In a small document every window is scored. In a large one the quote's rarest
 * words vote for where it would start (anchors), and only windows around the best few
 * starts are scored, so the cost stays bounded (well under a second for a 1 MB document and a
 * 2,000-character quote). Used to tell the user where a quote that was not found went.
 */
export function closestPassage(doc: SourceDocument, quote: string): ClosestPassage | undefined {
  const needle = foldQuote(quote);
  const hay = foldedDocument(doc);
  if (needle === '' || hay.folded === '') return undefined;
  const index = wordIndex(doc, hay.folded);
  const { starts: wordStarts, ends: wordEnds } = index;
  const needleWords = needle.split(' ');
  const words = Math.max(1, needleWords.length);
  let best: { from: number; to: number; cost: number } | undefined;
  const score = (w: number) => {
    for (const span of [words - 1, words, words + 1]) {
      if (w < 0 || span < 1 || w + span - 1 >= wordEnds.length) continue;
      const from = wordStarts[w] as number;
      const to = wordEnds[w + span - 1] as number;
      const cost = distance(needle, hay.folded.slice(from, to));
      if (!best || cost < best.cost || (cost === best.cost && from < best.from)) best = { from, to, cost };
    }
  };
  if (wordStarts.length * needle.length <= EXHAUSTIVE_BUDGET) {
    for (let w = 0; w < wordStarts.length; w++) score(w);
  } else {
    for (const start of anchoredStarts(index, needleWords)) for (let w = start - 2; w <= start + 2; w++) score(w);
  }
  // A quote longer than the whole document is closest to the whole document.
  const found = best ?? { from: 0, to: hay.folded.length, cost: distance(needle, hay.folded) };
  // A window ends at a word's end, which may carry a comma or colon that the quote did not ask for.
  while (found.to > found.from + 1 && /[,;:]/.test(hay.folded[found.to - 1] as string) && !needle.endsWith(hay.folded[found.to - 1] as string)) found.to--;
  const match = matchAt(doc, hay, found.from, found.to);
  return { ...match, similarity: 1 - found.cost / Math.max(needle.length, found.to - found.from) };
}

/**
 * Where the quote would start if its rarest words are where the document has them: each
 * occurrence of one of the quote's 24 rarest words votes for a start; the 8 starts with most
 * votes are returned. With no word in common, evenly spaced starts.
 */
function anchoredStarts(index: WordIndex, needleWords: string[]): number[] {
  const positions = needleWords
    .map((word, i) => ({ i, at: index.byWord.get(word) ?? [] }))
    .filter((w) => w.at.length > 0)
    .sort((a, b) => a.at.length - b.at.length || a.i - b.i)
    .slice(0, 24);
  const votes = new Map<number, number>();
  for (const { i, at } of positions) for (const p of at.slice(0, 5000)) votes.set(p - i, (votes.get(p - i) ?? 0) + 1);
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([start]) => start);
  const chosen: number[] = [];
  for (const start of ranked) {
    if (chosen.length >= 8) break;
    if (!chosen.some((c) => Math.abs(c - start) <= 2)) chosen.push(start);
  }
  if (chosen.length > 0) return chosen;
  const step = Math.max(1, Math.floor(index.starts.length / 64));
  const even: number[] = [];
  for (let w = 0; w < index.starts.length; w += step) even.push(w);
  return even;
}

/** The offset in the document's folded text of an offset in its text (the first folded character at or after it). */
export function foldedOffset(doc: SourceDocument, offset: number): number {
  const { origin } = foldedDocument(doc);
  let lo = 0;
  let hi = origin.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((origin[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
