// Drafting each section from the passages: candidates by cue words, grouped across documents,
// ranked by how many documents support them.
import { extractFigures } from '../verify/figures.js';
import { contentStems, namesIn, type Corpus } from './corpus.js';
import {
  ALTERNATIVE_CUES,
  ALTERNATIVE_KIND_CUES,
  AMOUNT_CUES,
  AMOUNT_KIND_ORDER,
  FORWARD,
  FRICTION_CUES,
  GENERIC_NOUNS,
  OUTLOOK_CUES,
  type AmountKind,
} from './cues.js';
import type { Passage } from './nlp.js';
import { isStatementLike, quoteOf, type Quote } from './quote.js';

/** A drafted statement: what it says and the quotes (one per document) that support it. */
export interface DraftItem {
  quotes: Quote[];
  /** Every document that supports it, also those beyond the cited few. */
  docs: string[];
  score: number;
}

export interface DraftInvestment extends DraftItem {
  kind: AmountKind;
  amount: string;
  value: number;
  currency: string;
  /** A date the quote itself gives ("late 2022"), or undefined. */
  when?: string;
  year?: string;
}

export interface DraftTopic extends DraftItem {
  /** The words the group shares, most telling first (surface forms). */
  terms: string[];
}

export interface DraftAlternative extends DraftItem {
  name: string;
  owner: string;
  kind: string;
}

export interface DraftConflict {
  topic: string;
  sides: DraftItem[];
}

/** How many documents a drafted item cites at most (the others are named in its comment). */
export const MAX_CITED = 4;

const YEAR = /\b(?:19|20)\d{2}\b/;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const DATE_AROUND = new RegExp(`\\b(?:(?:early|mid|late|end of|in|since)[- ])?(?:(?:${MONTHS}|q[1-4]|h[12])[ ,]+)?(?:19|20)\\d{2}\\b`, 'gi');

// ---------------------------------------------------------------- investment

/** Money amounts with the kind their sentence gives them, merged when several documents state the same amount. */
export function draftInvestments(corpus: Corpus, used: Set<Passage>): DraftInvestment[] {
  const groups = new Map<string, DraftInvestment>();
  for (const p of corpus.passages) {
    if (!isStatementLike(p)) continue;
    const money = moneyIn(p.text);
    if (money.length === 0) continue;
    for (const m of money.slice(0, 2)) {
      // The cue words of the amount's own phrase (between commas) decide; else those of its clause.
      const phrase = phraseAround(p.text, m.at);
      const clause = clauseAround(p.text, m.at);
      const kind = AMOUNT_KIND_ORDER.find((k) => AMOUNT_CUES[k].test(phrase)) ?? AMOUNT_KIND_ORDER.find((k) => AMOUNT_CUES[k].test(clause));
      if (!kind) continue;
      const when = dateNear(p, m.at);
      const year = when?.match(YEAR)?.[0];
      const key = `${kind}|${m.currency}${m.value}|${year ?? ''}`;
      const quote = quoteOf(p, m.at);
      if (!quote.quote.includes(m.text)) continue;
      let group = groups.get(key);
      if (!group) {
        group = { kind, amount: m.text, value: m.value, currency: m.currency, quotes: [], docs: [], score: 0 };
        if (when !== undefined) group.when = when;
        if (year !== undefined) group.year = year;
        groups.set(key, group);
      }
      addSupport(group, quote);
      used.add(p);
    }
  }
  return [...groups.values()].sort(byYearThenSupport);
}

function byYearThenSupport(a: DraftInvestment, b: DraftInvestment): number {
  return (a.year ?? '9999').localeCompare(b.year ?? '9999') || b.docs.length - a.docs.length || a.value - b.value || a.kind.localeCompare(b.kind);
}

export function moneyIn(text: string): { text: string; at: number; value: number; currency: string }[] {
  const found: { text: string; at: number; value: number; currency: string }[] = [];
  for (const f of extractFigures(text)) {
    if (f.kind !== 'money') continue;
    if (f.value > 0 && f.high === undefined && !f.vague) found.push({ text: f.text, at: f.start, value: f.value, currency: f.currency });
  }
  return found;
}

/** The words between the commas around offset `at`. */
function phraseAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(',', at), text.lastIndexOf(';', at), text.lastIndexOf('. ', at)) + 1;
  const rest = text.slice(at).search(/[,;]|\. /);
  return text.slice(start, rest < 0 ? text.length : at + rest);
}

/** The clause of `text` around offset `at`, for reading the cue words that qualify an amount. */
function clauseAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf(';'), before.lastIndexOf('. '), before.lastIndexOf(', while'), before.lastIndexOf(', but')) + 1;
  const rest = text.slice(at);
  const ends = [rest.indexOf(';'), rest.indexOf(', while'), rest.indexOf(', but'), rest.indexOf('. ')].filter((i) => i >= 0);
  const end = ends.length > 0 ? at + Math.min(...ends) : text.length;
  return text.slice(start, end);
}

/** The date closest to an amount: one the model recognised, else a year written near it. */
function dateNear(p: Passage, at: number): string | undefined {
  const candidates = [...p.dates.filter((d) => YEAR.test(d.text) || new RegExp(`\\b(?:${MONTHS})\\b`, 'i').test(d.text))];
  for (const m of p.text.matchAll(DATE_AROUND)) candidates.push({ text: m[0], at: m.index ?? 0 });
  const clean = candidates
    .map((c) => ({ text: c.text.replace(/^(?:in|since)\s+/i, '').replace(/[\s,]+$/, ''), at: c.at }))
    .filter((c) => c.text !== '' && !/^(?:the|this|that|last|next)\b/i.test(c.text));
  clean.sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at) || b.text.length - a.text.length);
  const best = clean[0];
  if (!best) return undefined;
  return best.text.charAt(0).toUpperCase() + best.text.slice(1);
}

// ---------------------------------------------------------------- friction, outlook

/** Statements carrying `cue`, grouped by shared words across documents, best supported first. */
export function draftTopics(corpus: Corpus, cue: RegExp, used: Set<Passage>, accept: (p: Passage) => boolean = () => true): DraftTopic[] {
  const candidates = corpus.passages.filter((p) => !used.has(p) && isStatementLike(p) && cue.test(p.text) && accept(p));
  const groups = groupPassages(corpus, candidates, (p) => cueCount(p.text, cue));
  return groups.map((g) => ({ ...g, terms: telling(corpus, g.quotes.map((q) => q.passage)) }));
}

export function draftFriction(corpus: Corpus, used: Set<Passage>): DraftTopic[] {
  return draftTopics(corpus, FRICTION_CUES, used);
}

export function draftOutlook(corpus: Corpus, used: Set<Passage>): DraftTopic[] {
  // A strong forward word ("could", "expected") is enough; "will" and "would" alone need a second cue.
  return draftTopics(corpus, OUTLOOK_CUES, used, (p) => FORWARD.test(p.text) || cueCount(p.text, OUTLOOK_CUES) >= 2);
}

const globalCues = new Map<RegExp, RegExp>();
function cueCount(text: string, cue: RegExp): number {
  let global = globalCues.get(cue);
  if (!global) {
    global = new RegExp(cue.source, 'gi');
    globalCues.set(cue, global);
  }
  return [...text.matchAll(global)].length;
}

interface Group extends DraftItem {
  stems: Set<string>;
}

/**
 * Greedy grouping: passages in order of cue strength join the group they share most words with
 * (Jaccard ≥ 0.25 over content stems), looked up through their three rarest stems only, so
 * the cost grows with the number of passages, not its square.
 */
function groupPassages(corpus: Corpus, passages: Passage[], strength: (p: Passage) => number): DraftItem[] {
  const ordered = passages
    .map((p) => ({ p, s: strength(p), stems: new Set(contentStems(p)) }))
    .filter((c) => c.stems.size >= 2)
    .sort((a, b) => b.s - a.s || compareDocOrder(a.p, b.p));
  const groups: Group[] = [];
  const byStem = new Map<string, Group[]>();
  for (const c of ordered) {
    const rare = [...c.stems].sort((x, y) => corpus.idf(y) - corpus.idf(x) || (x < y ? -1 : 1)).slice(0, 3);
    let best: Group | undefined;
    let bestScore = 0.25;
    for (const stem of rare) {
      for (const g of byStem.get(stem) ?? []) {
        if (g.docs.includes(c.p.doc.id)) continue;
        const score = jaccard(c.stems, g.stems);
        if (score >= bestScore) {
          best = g;
          bestScore = score + 1e-9;
        }
      }
    }
    if (!best) {
      best = { quotes: [], docs: [], score: 0, stems: c.stems };
      groups.push(best);
      for (const stem of rare) byStem.set(stem, [...(byStem.get(stem) ?? []), best].slice(-20));
    }
    addSupport(best, quoteOf(c.p), c.s);
  }
  return groups
    .sort((a, b) => b.docs.length - a.docs.length || b.score - a.score || compareDocOrder(firstPassage(a), firstPassage(b)))
    .map(({ quotes, docs, score }) => ({ quotes, docs, score }));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The words that say what a group is about: frequent in it, rare in the pile; no figures, no names of the main actors. */
function telling(corpus: Corpus, passages: Passage[]): string[] {
  const main = new Set(corpus.organisations.slice(0, 3).map((o) => o.toLowerCase()));
  const weight = new Map<string, { surface: string; w: number; first: number }>();
  passages.forEach((p, k) => {
    p.tokens.forEach((t, i) => {
      if (t.pos !== 'NOUN' || t.lower.length < 4 || /\d/.test(t.value) || main.has(t.lower) || GENERIC_NOUNS.has(t.lower) || isCueWord(t.lower)) return;
      const entry = weight.get(t.stem) ?? { surface: t.lower, w: 0, first: k * 1000 + i };
      entry.w += corpus.idf(t.stem);
      weight.set(t.stem, entry);
    });
  });
  return [...weight.values()].sort((a, b) => b.w - a.w || a.first - b.first).map((e) => e.surface).slice(0, 3);
}

/** A word that only says which section a sentence belongs to ("friction", "concerns"). */
const CUE_WORD = [FRICTION_CUES, OUTLOOK_CUES, ALTERNATIVE_CUES].map((cue) => new RegExp(`^(?:${cue.source.replace(/^\\b/, '')})`, 'i'));
function isCueWord(word: string): boolean {
  return CUE_WORD.some((cue) => cue.test(word));
}

// ---------------------------------------------------------------- alternatives

/** Named alternatives (a model, a partner, a supplier) with their owner and kind, merged by name. */
export function draftAlternatives(corpus: Corpus, used: Set<Passage>): DraftAlternative[] {
  const actors = corpus.organisations.slice(0, 6);
  const groups = new Map<string, DraftAlternative>();
  for (const p of corpus.passages) {
    if (used.has(p) || !isStatementLike(p) || !ALTERNATIVE_CUES.test(p.text)) continue;
    const names = namesIn(p).filter((n) => corpus.names.has(n.name));
    // The owner: the main actor the sentence names first (its subject, most often).
    const owner = names.find((n) => actors.includes(n.name))?.name;
    if (!owner) continue;
    // The main actors are who the alternatives are for and against, not alternatives themselves.
    const main = actors.slice(0, 2);
    const candidates = [...namedThings(p), ...names];
    const named = candidates
      .filter((n) => n.name !== owner && !main.some((m) => n.name === m || m.includes(n.name) || n.name.includes(m)))
      .filter((n) => !isPossessor(p.text, n, candidates) && !ownedBy(p.text, n, main.filter((m) => m !== owner)))
      .sort((a, b) => a.at - b.at);
    const seen = new Set<string>();
    for (const n of named) {
      const key = n.name.toLowerCase();
      if (seen.has(key) || seen.size >= 4) continue;
      seen.add(key);
      let group = groups.get(key);
      if (!group) {
        group = { name: n.name, owner, kind: kindNear(p.text, n.at), quotes: [], docs: [], score: 0 };
        groups.set(key, group);
      }
      addSupport(group, quoteOf(p, n.at), cueCount(p.text, ALTERNATIVE_CUES));
    }
    if (seen.size > 0) used.add(p);
  }
  return [...groups.values()].sort((a, b) => b.docs.length - a.docs.length || b.score - a.score || a.name.localeCompare(b.name));
}

/**
 * A name that owns the next one ("Jan Novak's Veltra", "Halvard's Kestrel line"): the option is what is
 * owned, not its owner, who is a person or a parent company more often than an alternative.
 */
function isPossessor(text: string, n: { name: string; at: number }, names: readonly { name: string; at: number }[]): boolean {
  const after = /^['’]s\s+/u.exec(text.slice(n.at + n.name.length));
  if (!after) return false;
  const next = n.at + n.name.length + after[0].length;
  return names.some((m) => m.at === next);
}

/** Whether one of `owners` possesses the name ("the rival's product" is what is replaced, not an option). */
function ownedBy(text: string, n: { at: number }, owners: readonly string[]): boolean {
  const before = text.slice(Math.max(0, n.at - 60), n.at);
  return owners.some((o) => new RegExp(`${o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['’]s\\s+$`, 'u').test(before));
}

/** The kind whose cue is written closest to the name; "partner" when none is. */
function kindNear(text: string, at: number): string {
  let best = { kind: 'partner', distance: Infinity };
  for (const { kind, cue } of ALTERNATIVE_KIND_CUES) {
    for (const m of text.matchAll(new RegExp(cue.source, 'gi'))) {
      const d = Math.abs((m.index ?? 0) - at);
      if (d < best.distance) best = { kind, distance: d };
    }
  }
  return best.kind;
}

/** Words written with letters and digits ("A220", "X-7"): product and model names. */
function namedThings(p: Passage): { name: string; at: number }[] {
  const found: { name: string; at: number }[] = [];
  for (const m of p.text.matchAll(/\b\p{L}[\p{L}]*[-‑]?\d[\p{L}\p{N}-]*\b/gu)) found.push({ name: m[0], at: m.index ?? 0 });
  return found;
}

// ---------------------------------------------------------------- shared

export function addSupport(item: DraftItem, quote: Quote, score = 1): void {
  const id = quote.passage.doc.id;
  // docs stays sorted: find the place by bisection (an item may gather thousands of documents).
  let low = 0;
  let high = item.docs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((item.docs[mid] as string) < id) low = mid + 1;
    else high = mid;
  }
  if (item.docs[low] === id) return;
  item.docs.splice(low, 0, id);
  item.score += score;
  if (item.quotes.length < MAX_CITED) item.quotes.push(quote);
  item.quotes.sort((a, b) => compareDocOrder(a.passage, b.passage));
}

function firstPassage(item: DraftItem): Passage {
  return (item.quotes[0] as Quote).passage;
}

export function compareDocOrder(a: Passage, b: Passage): number {
  return a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : a.start - b.start;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
