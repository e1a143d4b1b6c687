// From a passage to a quote and a statement: the statement is the quoted text itself, so it can
// carry no figure its quote lacks.
import { MIN_QUOTE_LENGTH } from '../verify/verify.js';
import { foldQuote } from '../verify/match.js';
import type { Passage } from './nlp.js';

/** Longest quote a drafted statement keeps: about two lines of a slide's card. */
export const MAX_QUOTE = 240;

export interface Quote {
  passage: Passage;
  /** Verbatim text of the passage (possibly a run of its clauses). */
  quote: string;
}

/** What isStatementLike said of each passage: every section asks it of every passage. */
const statementLike = new WeakMap<Passage, boolean>();

/** A passage worth quoting: a sentence or a list item, not a heading or a stray fragment. */
export function isStatementLike(p: Passage): boolean {
  let known = statementLike.get(p);
  if (known === undefined) {
    known = judgeStatementLike(p);
    statementLike.set(p, known);
  }
  return known;
}

function judgeStatementLike(p: Passage): boolean {
  const text = p.text.trim();
  const words = p.tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.value)).length;
  if (words < 5 || foldQuote(text).length < MIN_QUOTE_LENGTH) return false;
  // A question asks; a line in title case is a heading. A sentence with a full stop is a
  // heading only when every long word is capitalised: names make many capitals in a sentence
  // ("Orion Holdings agreed last December to buy Vega Systems for $4 billion.").
  if (/\?["'”’)]?$/.test(text)) return false;
  if (/[.!]["'”’)]?$/.test(text)) return !isTitleCase(p, 1);
  if (isTitleCase(p, 0.6)) return false;
  // "Safety protocols: different standards for deployment": a list item that states something.
  return /^[^:]{3,60}: \S/.test(text) && words >= 6;
}

function isTitleCase(p: Passage, share: number): boolean {
  const long = p.tokens.filter((t) => /^\p{L}{4,}/u.test(t.value));
  if (long.length < 3) return false;
  return long.filter((t) => /^\p{Lu}/u.test(t.value)).length >= share * long.length;
}

/**
 * The passage, or when it is long, the run of its clauses around `focus` (an offset in the
 * passage) that fits MAX_QUOTE. Clauses end at ";", ":", dashes and ", " before a conjunction.
 */
export function quoteOf(p: Passage, focus = 0): Quote {
  // A line that introduces a list is quoted without its colon.
  const text = p.text.trim().replace(/\s*:$/, '');
  const lead = p.text.indexOf(text);
  if (text.length <= MAX_QUOTE) return { passage: p, quote: text };
  const cuts = [0];
  for (const m of text.matchAll(/(?:[;:]|\s[—–-]|,(?= (?:and|but|while|which|as|with|although|though|after|before|because|since|amid|including|bringing|making)\b))\s+/g)) {
    cuts.push((m.index ?? 0) + m[0].length);
  }
  cuts.push(text.length);
  const at = Math.max(0, Math.min(text.length - 1, focus - lead));
  let i = cuts.findIndex((c, k) => c <= at && at < (cuts[k + 1] ?? Infinity));
  if (i < 0) i = 0;
  let from = cuts[i] as number;
  let to = cuts[i + 1] as number;
  // Grow by whole clauses, forwards first, while the quote stays short enough.
  for (let grew = true; grew; ) {
    grew = false;
    const nextTo = cuts[cuts.indexOf(to) + 1];
    if (nextTo !== undefined && nextTo - from <= MAX_QUOTE) {
      to = nextTo;
      grew = true;
      continue;
    }
    const prevFrom = cuts[cuts.indexOf(from) - 1];
    if (prevFrom !== undefined && to - prevFrom <= MAX_QUOTE) {
      from = prevFrom;
      grew = true;
    }
  }
  let quote = text.slice(from, to).replace(/[\s;:,—–-]+$/u, '');
  if (quote.length > MAX_QUOTE) {
    // One clause longer than the limit: cut at a word, keeping the focus inside.
    const start = Math.max(0, Math.min(at - from - 40, quote.length - MAX_QUOTE));
    const window = quote.slice(start, start + MAX_QUOTE);
    const first = start === 0 ? 0 : window.indexOf(' ') + 1;
    const last = window.lastIndexOf(' ');
    quote = window.slice(first, last > first ? last : window.length).replace(/[\s;:,—–-]+$/u, '');
    // Not ending on a word that leads into what was cut ("within the").
    quote = quote.replace(/(?:\s+(?:the|a|an|of|to|in|on|at|for|with|and|or|but|by|from|as|its|their|his|her|that|which|beyond|within|into))+$/iu, '');
  }
  return { passage: p, quote };
}

/** The statement a quote makes: its own words, with a capital first letter and a full stop. */
export function statementOf(quote: string): string {
  let text = quote.trim().replace(/\s+/g, ' ').replace(/\s*:$/, '');
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (!/[.!?]["'”’)]?$/.test(text)) text += '.';
  return text;
}

const DISCOURSE = /^(?:however|meanwhile|but|and|still|yet|despite this|in addition|also|separately|instead|indeed|moreover|in turn|for its part|at the same time),?\s+/i;
const TRAILING_FUNCTION = /(?:\s+(?:has|have|had|is|are|was|were|be|been|will|would|could|may|might|can|the|a|an|of|in|on|at|to|and|or|for|with|that|which|who|how|its|their|by|from|as|over|than))+$/iu;

/**
 * A short title a person would write for a statement: its lead-in when it has one ("Talent
 * wars: …"), else the opening words of its first clause, at most seven, not ending on a word
 * that leads into what was cut.
 */
export function titleOf(text: string): string {
  const plain = text.trim().replace(/^\s*(?:[-•*–]|\d{1,2}[.)])\s+/u, '');
  const lead = /^([^:.!?]{2,60}?):\s+\S/u.exec(plain)?.[1];
  if (lead !== undefined && lead.split(/\s+/).length <= 7) return capitalise(lead.trim());
  const clause = plain.replace(DISCOURSE, '').split(/[,;:(]|\s[—–-]\s/u)[0] ?? plain;
  const words = clause.trim().split(/\s+/).slice(0, 7).join(' ');
  const cut = words.replace(/[.!?"'”’]+$/u, '').replace(TRAILING_FUNCTION, '');
  return capitalise(cut === '' ? words : cut);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
