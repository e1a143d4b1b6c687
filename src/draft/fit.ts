// The draft under the support check (verify/support.ts): a drafted field the draft composes (a
// headline, a title, an amount's label, a name resolved from an earlier sentence) is written
// only in a form its quotes support, so that a fresh draft passes `check` without support-*
// warnings. The check is the verifier's own function: the draft and `check` cannot disagree.
import { supportOf, type SupportMode } from '../verify/support.js';
import type { Corpus } from './corpus.js';
import type { Passage } from './nlp.js';
import { quoteOf, type Quote } from './quote.js';

/** Whether the support check finds nothing against `text` read against `quotes`. */
export function supported(text: string, quotes: readonly string[], mode: SupportMode = 'statement'): boolean {
  return quotes.length > 0 && supportOf(text, quotes, mode).findings.length === 0;
}

/** The first candidate its quotes support (candidates left undefined or empty are skipped). */
export function firstSupported(candidates: readonly (string | undefined)[], quotes: readonly string[], mode: SupportMode = 'statement'): string | undefined {
  const seen = new Set<string>();
  for (const c of candidates) {
    if (c === undefined || c === '' || seen.has(c)) continue;
    seen.add(c);
    if (supported(c, quotes, mode)) return c;
  }
  return undefined;
}

/** How far back in its document a name resolved from an earlier sentence is looked for (as amounts.ts resolves "it"). */
const LOOK_BACK = 8;

/** Each passage's place in the corpus, for walking back from a quote. */
export function passagePlaces(corpus: Corpus): Map<Passage, number> {
  const places = new Map<Passage, number>();
  corpus.passages.forEach((p, i) => places.set(p, i));
  return places;
}

/**
 * A quote that names `name` for an item whose quotes do not (the sentence said "it" or "the
 * company", resolved from an earlier one): the nearest passage before its first quote, in the
 * same document, whose quote the support check accepts as naming it. Undefined when none does.
 */
export function namingQuote(corpus: Corpus, places: ReadonlyMap<Passage, number>, quotes: readonly Quote[], name: string): Quote | undefined {
  const start = quotes[0]?.passage;
  const at = start === undefined ? undefined : places.get(start);
  if (start === undefined || at === undefined) return undefined;
  const firstWord = name.split(/\s+/)[0] ?? name;
  for (let k = at - 1; k >= Math.max(0, at - LOOK_BACK); k--) {
    const p = corpus.passages[k] as Passage;
    if (p.doc.id !== start.doc.id) break;
    const found = p.text.indexOf(firstWord);
    if (found < 0) continue;
    const quote = quoteOf(p, found);
    if (supported(name, [quote.quote], 'name')) return quote;
  }
  return undefined;
}
