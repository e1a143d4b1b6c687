// The frame of a quote in its document: the rest of its sentence ("Acme will buy Beta" of "Acme
// will buy Beta, said no one at the firm.") and, for an item of a list, the list's lead-in
// ("Industry experts predict several possible scenarios:"). A quote cut before the words that deny,
// hedge or condition it says less than its sentence: the support check reads those words too
// (support.ts), though only the quote's own words cover a statement's.
import type { QuoteFrame } from './support.js';

/** The most characters of a sentence read on each side of a quote (a sentence longer than that is read in part). */
const SIDE = 300;
/** A line that is an item of a list: a number, a letter or a bullet first. */
const LIST_ITEM = /^\s*(?:\d{1,3}[.)]|[a-z][.)]|[-*•–—])\s+\S/u;
/** How many lines back a list's lead-in is looked for (its items and blank lines between). */
const LEAD_IN_LINES = 40;
/** How many characters before a list item its lead-in is looked for in. */
const LEAD_IN_WINDOW = 8_000;

/** The frame of the passage at [start, end) of a document's text; undefined when the quote is its whole sentence and no list item. */
export function quoteFrame(text: string, start: number, end: number): QuoteFrame | undefined {
  let from = start;
  while (from > 0 && start - from < SIDE) {
    const c = text.charAt(from - 1);
    if (c === '\n' || (/\s/.test(c) && /[.!?]/.test(text.charAt(from - 2)))) break;
    from--;
  }
  let to = end;
  // A quote that ends its sentence has nothing after it.
  const ended = /[.!?]/.test(text.charAt(end - 1));
  while (!ended && to < text.length && to - end < SIDE) {
    const c = text.charAt(to);
    if (c === '\n') break;
    to++;
    if (/[.!?]/.test(c) && (to >= text.length || /\s/.test(text.charAt(to)))) break;
  }
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  const leadIn = leadInOf(text, start);
  if (before.trim() === '' && /^[\s.!?"”’)]*$/.test(after) && leadIn === undefined) return undefined;
  return leadIn === undefined ? { before, after } : { before, after, leadIn };
}

/** The lead-in of the list whose item holds `at`: the first line before its items that ends with a colon. */
function leadInOf(text: string, at: number): string | undefined {
  // Within bounds, whatever the document's lines: an item's number opens its line, a few hundred characters before the quote at most.
  const from = Math.max(0, at - SIDE);
  const newline = text.slice(from, at).lastIndexOf('\n');
  if (newline < 0 && from > 0) return undefined;
  const lineStart = newline < 0 ? 0 : from + newline + 1;
  if (!LIST_ITEM.test(text.slice(lineStart, lineStart + 16))) return undefined;
  const window = text.slice(Math.max(0, lineStart - LEAD_IN_WINDOW), lineStart);
  const lines = window.split('\n');
  // The first line of a cut window may be cut too: not read.
  if (lineStart > LEAD_IN_WINDOW) lines.shift();
  for (let k = lines.length - 1, seen = 0; k >= 0 && seen < LEAD_IN_LINES; k--, seen++) {
    const line = lines[k] as string;
    if (line.trim() === '' || LIST_ITEM.test(line)) continue;
    // Its last sentence: "The plant has three lines. They are:" leads in with "They are:".
    const trimmed = line.trim().split(/(?<=[.!?])\s+/).pop() ?? '';
    return trimmed.endsWith(':') && trimmed.length <= SIDE ? trimmed : undefined;
  }
  return undefined;
}
