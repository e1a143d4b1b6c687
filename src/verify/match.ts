// Finding a quote in a document, and the closest passage when it is not there.
import { distance } from 'fastest-levenshtein';
import type { SourceDocument } from '../inputs/sources.js';
import { foldText, lineAndColumn, type FoldedText } from '../inputs/source-text.js';

export interface Match {
  /** Offsets in the document's normalised text. */
  start: number;
  end: number;
  line: number;
  column: number;
  /** The passage as the document writes it. */
  passage: string;
}

const foldCache = new WeakMap<SourceDocument, FoldedText>();

export function foldedDocument(doc: SourceDocument): FoldedText {
  let folded = foldCache.get(doc);
  if (!folded) {
    folded = foldText(doc.text);
    foldCache.set(doc, folded);
  }
  return folded;
}

/** A quote folded as the documents are; composed to NFC first, as sources are on read. */
export function foldQuote(quote: string): string {
  return foldText(quote.normalize('NFC')).folded;
}

/** The first occurrence of the quote in the document, after folding both. */
export function findQuote(doc: SourceDocument, quote: string): Match | undefined {
  const needle = foldQuote(quote);
  if (needle === '') return undefined;
  const hay = foldedDocument(doc);
  const at = hay.folded.indexOf(needle);
  if (at < 0) return undefined;
  return matchAt(doc, hay, at, at + needle.length);
}

function matchAt(doc: SourceDocument, hay: FoldedText, from: number, to: number): Match {
  const start = hay.origin[from] as number;
  const end = (hay.origin[to - 1] as number) + 1;
  const { line, column } = lineAndColumn(doc.text, start);
  return { start, end, line, column, passage: doc.text.slice(start, end) };
}

export interface ClosestPassage extends Match {
  /** 0..1, how much of the quote the passage shares (1 = identical after folding). */
  similarity: number;
}

/**
 * The passage of the document closest to the quote: a window of about as many words,
 * scored by edit distance. Used to tell the user where a quote that was not found went.
 */
export function closestPassage(doc: SourceDocument, quote: string): ClosestPassage | undefined {
  const needle = foldQuote(quote);
  const hay = foldedDocument(doc);
  if (needle === '' || hay.folded === '') return undefined;
  const wordStarts: number[] = [0];
  for (let i = 0; i < hay.folded.length; i++) if (hay.folded[i] === ' ') wordStarts.push(i + 1);
  const wordEnds = wordStarts.slice(1).map((s) => s - 1);
  wordEnds.push(hay.folded.length);
  const words = Math.max(1, needle.split(' ').length);
  let best: { from: number; to: number; cost: number } | undefined;
  for (let w = 0; w < wordStarts.length; w++) {
    for (const span of [words - 1, words, words + 1]) {
      if (span < 1 || w + span - 1 >= wordEnds.length) continue;
      const from = wordStarts[w] as number;
      const to = wordEnds[w + span - 1] as number;
      const cost = distance(needle, hay.folded.slice(from, to));
      if (!best || cost < best.cost) best = { from, to, cost };
    }
  }
  // A quote longer than the whole document is closest to the whole document.
  best ??= { from: 0, to: hay.folded.length, cost: distance(needle, hay.folded) };
  // A window ends at a word's end, which may carry a comma or colon that the quote did not ask for.
  while (best.to > best.from + 1 && /[,;:]/.test(hay.folded[best.to - 1] as string) && !needle.endsWith(hay.folded[best.to - 1] as string)) best.to--;
  const match = matchAt(doc, hay, best.from, best.to);
  return { ...match, similarity: 1 - best.cost / Math.max(needle.length, best.to - best.from) };
}
