// Drafting each section from the passages: candidates by cue words, grouped across documents,
// ranked by how many documents support them.
import { amountMentions, isPerson, mentionsToEvents, type AmountEvent } from './amounts.js';
import { contentStems, isModifier, isSourceOfReport, namesIn, type Corpus } from './corpus.js';
import {
  ALTERNATIVE_CUES,
  ALTERNATIVE_KIND_CUES,
  FORWARD,
  FRICTION_CUES,
  GENERIC_NOUNS,
  OUTLOOK_CUES,
} from './cues.js';
import type { Passage } from './nlp.js';
import { isStatementLike, quoteOf, titleOf, type Quote } from './quote.js';
import { listedItems, passagesUnderHeading, type StructureKind } from './structure.js';
import { compareCodePoints } from '../common/file-hashes.js';

/** A drafted statement: what it says and the quotes (one per document) that support it. */
export interface DraftItem {
  quotes: Quote[];
  /** Every document that supports it, also those beyond the cited few. */
  docs: string[];
  score: number;
}

/** An investment event (amounts.ts) with the quotes that state it. */
export interface DraftInvestment extends DraftItem, Omit<AmountEvent, 'mentions' | 'date'> {
  /** The event's date key (YYYY, YYYY-MM or YYYY-MM-DD): the sentence's own, else its document's. */
  date?: string;
  year?: string;
}

export interface DraftTopic extends DraftItem {
  /** The words the group shares, most telling first (surface forms). */
  terms: string[];
  /** A title a person would write: a lead-in, or the opening words of its statement. */
  title?: string;
}

export interface DraftAlternative extends DraftItem {
  name: string;
  owner: string;
  kind: string;
  /** Who makes it: the owner for its own build, else the named company itself or its possessor. */
  maker?: string;
}

export interface DraftConflict {
  topic: string;
  /** Plainer topics, in order, for when its quotes do not support the words of the first (fit.ts). */
  fallbacks?: string[];
  sides: DraftItem[];
}

/** How many documents a drafted item cites at most (the others are named in its comment). */
export const MAX_CITED = 4;

// ---------------------------------------------------------------- investment

/**
 * Money amounts as events: each with its kind, party, counterparty and date (amounts.ts); one
 * entry per event, citing every document that states it; only events of the main actors (a
 * party or counterparty among the pile's most used names).
 */
export function draftInvestments(corpus: Corpus, used: Set<Passage>): DraftInvestment[] {
  const canonical = canonicalName(corpus);
  const main = new Set(corpus.organisations.filter((o) => !/\d/.test(o)).slice(0, 3).map((o) => canonical(o)));
  const events = mentionsToEvents(amountMentions(corpus, corpus.passages), canonical).filter(
    (e) => e.party !== undefined && (main.has(e.party) || (e.counterparty !== undefined && main.has(e.counterparty))),
  );
  const drafted: DraftInvestment[] = [];
  for (const e of events) {
    const item: DraftInvestment = { kind: e.kind, amount: e.amount, value: e.value, currency: e.currency, quotes: [], docs: [], score: 0 };
    for (const key of ['qualifier', 'party', 'counterparty', 'date', 'phrase'] as const) if (e[key] !== undefined) item[key] = e[key];
    if (e.date) item.year = e.date.slice(0, 4);
    for (const m of e.mentions) {
      const quote = quoteOf(m.passage, m.at);
      if (!quote.quote.includes(m.text)) continue;
      addSupport(item, quote);
      used.add(m.passage);
    }
    if (item.quotes.length > 0) drafted.push(item);
  }
  return drafted.sort(byDateThenSupport);
}

function byDateThenSupport(a: DraftInvestment, b: DraftInvestment): number {
  return compareCodePoints(a.date ?? '9999', b.date ?? '9999') || b.docs.length - a.docs.length || a.value - b.value || compareCodePoints(a.kind, b.kind);
}

/**
 * One spelling per actor: a name that holds or is held by a more used name of the pile, as
 * whole words ("Volkswagen Group" and "Volkswagen"), is written as the more used one.
 */
export function canonicalName(corpus: Corpus): (name: string | undefined) => string | undefined {
  const ranked = corpus.organisations;
  const rank = new Map(ranked.map((o, i) => [o, i]));
  const cache = new Map<string, string>();
  const wordsOf = (s: string) => ` ${s.toLowerCase()} `;
  return (name) => {
    if (name === undefined) return undefined;
    let known = cache.get(name);
    if (known === undefined) {
      known = name;
      const own = rank.get(name) ?? Infinity;
      for (const o of ranked.slice(0, 30)) {
        if ((rank.get(o) ?? Infinity) >= own) break;
        if (wordsOf(o).includes(wordsOf(name)) || wordsOf(name).includes(wordsOf(o))) {
          known = o;
          break;
        }
      }
      cache.set(name, known);
    }
    return known;
  };
}

// ---------------------------------------------------------------- friction, outlook

/** Statements carrying `cue`, grouped by shared words across documents, best supported first. */
export function draftTopics(corpus: Corpus, cue: RegExp, used: Set<Passage>, accept: (p: Passage) => boolean = () => true, labelled: DraftTopic[] = []): DraftTopic[] {
  const candidates = corpus.passages.filter((p) => !used.has(p) && isStatementLike(p) && cue.test(p.text) && accept(p));
  // A passage that names a labelled topic's first word ("transparency") from another document supports it.
  const keyOf = (t: DraftTopic) => {
    const head = (t.title ?? '').split(/\s+/).find((w) => w.length > 3 && !/^(?:the|this|that|over|with|from|into)$/i.test(w));
    if (head === undefined) return undefined;
    const lower = head.toLowerCase();
    // The stem wink gave the word where the topic's passage (or its heading) writes it.
    return t.quotes[0]?.passage.tokens.find((k) => k.lower === lower)?.stem ?? lower;
  };
  const keyed = labelled.map((t) => ({ t, key: keyOf(t) })).filter((x): x is { t: DraftTopic; key: string } => x.key !== undefined);
  const rest: Passage[] = [];
  for (const p of candidates) {
    const stems = new Set(p.tokens.map((t) => t.stem));
    const home = keyed.find((x) => stems.has(x.key));
    if (home) {
      // From its own document it is the same point again: absorbed; from another, support.
      if (!home.t.docs.includes(p.doc.id)) addSupport(home.t, quoteOf(p), cueCount(p.text, cue));
      used.add(p);
    } else rest.push(p);
  }
  const groups = groupPassages(corpus, rest, (p) => cueCount(p.text, cue));
  return groups.map((g) => ({ ...g, terms: telling(corpus, g.quotes.map((q) => q.passage)) }));
}

export function draftFriction(corpus: Corpus, used: Set<Passage>): DraftTopic[] {
  const listed = draftListed(corpus, 'friction', used);
  const rest = draftTopics(corpus, FRICTION_CUES, used, () => true, listed);
  return [...listed, ...rest.filter((t) => !listed.includes(t))];
}

/**
 * Items a heading or an introducing line announces ("three major friction points:"): each its
 * own item, titled by its lead-in or heading. Ranked before the items found by cue words alone.
 */
function draftListed(corpus: Corpus, kind: StructureKind, used: Set<Passage>): DraftTopic[] {
  const topics: DraftTopic[] = [];
  for (const item of listedItems(corpus)) {
    // Items that only illustrate one point ("This divide manifests in:") are left to the cue words.
    if (item.kind !== kind || !item.separate || used.has(item.passage)) continue;
    used.add(item.passage);
    topics.push({ quotes: [quoteOf(item.passage)], docs: [item.passage.doc.id], score: 100, terms: [], title: item.label ?? titleOf(item.passage.text) });
  }
  return topics;
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
    .map((p) => ({ p, s: strength(p), stems: new Set(contentStems(p)), nouns: new Set(p.tokens.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN').map((t) => t.stem)) }))
    .filter((c) => c.stems.size >= 2)
    .sort((a, b) => b.s - a.s || compareDocOrder(a.p, b.p));
  const groups: Group[] = [];
  const byStem = new Map<string, Group[]>();
  for (const c of ordered) {
    // Looked up and registered through the stems that are not everywhere (at most 12, rarest first).
    const rare = [...c.stems].filter((x) => corpus.idf(x) > 1).sort((x, y) => corpus.idf(y) - corpus.idf(x) || (x < y ? -1 : 1)).slice(0, 12);
    let best: Group | undefined;
    let bestScore = 0.2;
    for (const stem of rare) {
      for (const g of byStem.get(stem) ?? []) {
        // Two rare words in common make one point too (short sentences share few words); a
        // passage of a document already in the group restates its point and is absorbed.
        const score = Math.max(jaccard(c.stems, g.stems), sharedRare(corpus, c.nouns, g.stems) >= 2 ? 0.21 : 0);
        if (score >= bestScore) {
          best = g;
          bestScore = score + 1e-9;
        }
      }
    }
    if (!best) {
      // "It dropped the plan after …": who acted, the passage before says; such a passage supports a point, never opens one.
      if (ACTOR_BEFORE.test(c.p.text)) continue;
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

/** A passage whose subject is a pronoun that acts ("It dropped", "They sued"), not an "it" of "it is likely". */
const ACTOR_BEFORE = /^\W*(?:it|they|he|she)\s+(?!(?:is|was|are|were|has been|had been|would|could|may|might|will|remains?|seems?|appears?|looks?)\b|['’])/i;

function sharedRare(corpus: Corpus, a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x) && corpus.idf(x) > 1 && !GENERIC_NOUNS.has(x)) shared++;
  return shared;
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
  const main = actors.slice(0, 2);
  const groups = new Map<string, DraftAlternative>();
  const add = (key: string, make: () => DraftAlternative, quote: Quote, score: number) => {
    let group = groups.get(key);
    if (!group) {
      group = make();
      groups.set(key, group);
    }
    addSupport(group, quote, score);
  };
  // Items listed under an alternatives heading: the lead-in names the option; whose it is, the heading says.
  for (const item of listedItems(corpus)) {
    // Only a lead-in names an option (a heading's words name the section); an amount's passage may name one too.
    if (item.kind !== 'alternatives' || item.label === undefined || item.label === item.intro.text.trim() || item.intro.text.includes(item.label)) continue;
    const owner = main.find((m) => item.intro.text.includes(m)) ?? namesIn(item.passage).map((n) => n.name).find((n) => main.includes(n) && n !== item.label);
    if (!owner || main.includes(item.label as string)) continue;
    const name = item.label as string;
    const kind = kindNear(item.passage.text, 0);
    add(name.toLowerCase(), () => ({ name, owner, kind, maker: kind === 'own build' ? owner : name, quotes: [], docs: [], score: 0 }), quoteOf(item.passage), 100);
    used.add(item.passage);
  }
  // The main actor a document spoke of last: whose option an unnamed sentence states ("The creation of custom chips …").
  let recent: { doc: string; actor: string } | undefined;
  const canonical = canonicalName(corpus);
  const asSubject = (p: Passage, n: { at: number }) => isSubjectName(p, n.at);
  // Under a heading of options, every sentence may name one: no cue word needed.
  const underHeading = passagesUnderHeading(corpus, 'alternatives');
  const common = commonWords(corpus);
  for (const p of corpus.passages) {
    const spoken = namesIn(p).find((n) => main.includes(n.name) && asSubject(p, n))?.name;
    const before = recent?.doc === p.doc.id ? recent.actor : undefined;
    if (spoken) recent = { doc: p.doc.id, actor: spoken };
    if (used.has(p) || !isStatementLike(p)) continue;
    const option = optionIn(p, main);
    if (option) {
      // Not marked used: the same sentence may state a friction ("if talks fail, the unions plan a strike").
      add(option.name.toLowerCase(), () => ({ name: option.name, owner: option.owner, kind: option.kind, quotes: [], docs: [], score: 0 }), quoteOf(p, option.at), 1);
      continue;
    }
    const listed = underHeading.has(p);
    if (!listed && !ALTERNATIVE_CUES.test(p.text)) continue;
    const names = namesIn(p).filter((n) => corpus.names.has(n.name) && !isPerson(p.text, n) && !isPlace(p.text, n) && !isModifier(p.text, n) && !isSourceOfReport(p.text, n) && !common(n.name));
    // The owner: the main actor the sentence names first (its subject, most often).
    // A sentence about "the company" or "the tech giant" is about the actor spoken of before; else
    // the first main actor it names as a subject (not "compete with X", "reliance on X").
    const standIn = /^\W*(?:the (?:company|firm|group|tech giant|software giant|carrier|airline|operator|startup|start-up)|it)\b/i.test(p.text.replace(/^(?:however|meanwhile|instead|in turn|despite this),?\s+/i, ''));
    const subject = names.find((n) => actors.includes(n.name) && asSubject(p, n))?.name;
    let owner = (standIn ? before : undefined) ?? subject ?? before;
    if (!owner) continue;
    // Under a heading of options, another company that wants a main actor ("X remains interested
    // in buying Acme") is an option of that main actor.
    if (listed && subject !== undefined && !main.includes(subject)) {
      const wanted = names.find((n) => main.includes(n.name) && n.at > (names.find((x) => x.name === subject)?.at ?? 0));
      if (wanted && /\b(?:buy(?:ing)?|acquir(?:e|ing)|bid(?:ding)? for|offer for|merg(?:e|ing) with|partner(?:ing)? with|invest(?:ing)? in)\s+(?:the\s+)?$/i.test(p.text.slice(Math.max(0, wanted.at - 20), wanted.at))) {
        add(subject.toLowerCase(), () => ({ name: subject, owner: wanted.name, kind: 'partner', maker: subject, quotes: [], docs: [], score: 0 }), quoteOf(p, 0), 1);
        used.add(p);
        continue;
      }
    }
    // The main actors are who the alternatives are for and against, not alternatives themselves.
    const candidates = [...namedThings(p), ...names, ...optionPhrases(p.text, names.length > 1)];
    const named = candidates
      .map((n) => withFollowers(p.text, n))
      .filter((n) => n.name !== owner && !main.some((m) => n.name === m || m.includes(n.name) || n.name.includes(m)))
      .filter((n) => !isPossessor(p.text, n, candidates) && !ownedBy(p.text, n, main) && !isOwnProduct(corpus, n.name, main) && !isUnitOf(p.text, n) && !isItsProduct(p.text, n))
      .sort((a, b) => a.at - b.at);
    const seen = new Set<string>();
    for (const n of named) {
      // Part of a hyphenated name ("Kestrel-Voice 2"): not a name of its own.
      if (/[-‑]$/.test(p.text.slice(0, n.at)) || /^[-‑]\p{L}/u.test(p.text.slice(n.at + n.name.length))) continue;
      // The first word after a lead-in ("New ecosystem: Emergence of …") is capitalised, not a name.
      if (/:\s+$/.test(p.text.slice(Math.max(0, n.at - 3), n.at)) && !corpus.organisations.slice(0, 30).includes(n.name)) continue;
      // Unnamed options ("its own infrastructure capabilities") are one per owner and head noun.
      const key = /^own /i.test(n.name) ? `${owner}|own ${n.name.split(' ').pop()?.toLowerCase()}` : /^open[- ]/i.test(n.name) ? `${owner}|open models` : (canonical(n.name) ?? n.name).toLowerCase();
      // A variant of a model name already drafted ("K-7-preview" of "K-7") is that option.
      const lower = n.name.toLowerCase();
      const variant = [...groups.keys()].find((k) => (/\d/.test(k) && lower.startsWith(`${k}-`)) || (/\d/.test(lower) && k.startsWith(`${lower}-`)));
      if (seen.has(key) || seen.size >= 4) continue;
      seen.add(key);
      const kind = kindNear(p.text, n.at);
      add(variant ?? key, () => ({ name: n.name, owner, kind, maker: makerOf(p.text, n, owner, kind, corpus), quotes: [], docs: [], score: 0 }), quoteOf(p, n.at), cueCount(p.text, ALTERNATIVE_CUES));
    }
    if (seen.size > 0) used.add(p);
  }
  // An unnamed own build ("Own AI models") says less than a named one of the same owner: left out when there is one.
  const namedOwn = new Set([...groups.values()].filter((g) => g.kind === 'own build' && !/^own /i.test(g.name)).map((g) => g.owner));
  return [...groups.values()]
    .filter((g) => !(/^own /i.test(g.name) && namedOwn.has(g.owner)))
    .sort((a, b) => b.score - a.score || b.docs.length - a.docs.length || compareCodePoints(a.name, b.name));
}

const AFTER_PREPOSITION = /\b(?:with|against|on|from|to|than|over|of|in|into|for|like|as)\s+(?:the\s+)?$/i;
const JOINED = /(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)$/;

/**
 * Whether the name at `at` can be the subject of its passage: not after a preposition ("compete
 * with X"), nor joined by "and", "or" or a comma to a name that is ("providers like X and Y": Y
 * is in the phrase of "like" too).
 */
function isSubjectName(p: Passage, at: number): boolean {
  const names = namesIn(p);
  for (let here = at; ; ) {
    if (AFTER_PREPOSITION.test(p.text.slice(Math.max(0, here - 12), here))) return false;
    const joined = JOINED.exec(p.text.slice(Math.max(0, here - 8), here));
    const end = here - (joined?.[0].length ?? 0);
    const previous = joined ? names.find((m) => m.at + m.name.length === end && m.at < here) : undefined;
    if (!previous) return true;
    here = previous.at;
  }
}

/**
 * One-word "names" that are common words: capitalised only where any word may be (a sentence's
 * first word, a heading in title case: "Exploring Alternative AI Models and Partnerships"), never
 * mid-sentence in a statement, and written in lower case elsewhere in the pile ("partnerships").
 */
export function commonWords(corpus: Corpus): (name: string) => boolean {
  // Read from the pile only when first asked of a one-word name (most names asked have several words or none is asked).
  let inProse: Set<string> | undefined;
  let lower: Set<string> | undefined;
  const read = () => {
    inProse = new Set<string>();
    lower = new Set<string>();
    for (const p of corpus.passages) {
      if (!isStatementLike(p)) continue;
      for (const n of namesIn(p)) if (!n.initial) inProse.add(n.name);
      for (const t of p.tokens) if (t.value === t.lower) lower.add(t.lower);
    }
  };
  return (name) => {
    if (/\s/u.test(name)) return false;
    if (!inProse || !lower) read();
    return !inProse?.has(name) && (lower?.has(name.toLowerCase()) ?? false);
  };
}

/** Options a sentence names without a proper name: "its own infrastructure capabilities", "open models"; an own build named in apposition ("its own regional subsidiary, Nordwind Connect") by its name. */
function optionPhrases(text: string, named: boolean): { name: string; at: number }[] {
  const found: { name: string; at: number }[] = [];
  const apposition = /\b(?:its|their) own [^,.;]{0,50}, ((?:\p{Lu}[\p{L}\p{N}-]*)(?: \p{Lu}[\p{L}\p{N}-]*){0,3})/u.exec(text);
  if (apposition?.[1]) found.push({ name: apposition[1], at: (apposition.index ?? 0) + apposition[0].length - apposition[1].length });
  else if (!named) {
    const own = /\b(?:its|their) own ((?:[\p{L}-]+ ){0,2}(?:models?|infrastructure(?: capabilities)?|chips?|systems?|fleet|network|platform|subsidiary|capabilities))\b/iu.exec(text);
    if (own?.[1]) found.push({ name: `Own ${own[1]}`, at: own.index ?? 0 });
  }
  const open = /\b(open[- ](?:weight|source) (?:AI )?(?:models?|alternatives|platforms))\b/iu.exec(text);
  if (open?.[1]) found.push({ name: open[1].charAt(0).toUpperCase() + open[1].slice(1), at: open.index ?? 0 });
  return found;
}

/** A unit of a main actor that uses options ("business units like GitHub"), not an option. */
function isUnitOf(text: string, n: { at: number }): boolean {
  return /\b(?:business )?units? (?:like|such as)\s+$/i.test(text.slice(Math.max(0, n.at - 30), n.at));
}

/** A name with the capitalised words and the short number written right after it ("Big" of "Big River 2"). */
function withFollowers(text: string, n: { name: string; at: number }): { name: string; at: number } {
  const m = /^(?:\s(?:\p{Lu}[\p{L}\p{N}-]*|\d{1,3}\b(?![.,]\d)))+/u.exec(text.slice(n.at + n.name.length));
  return m ? { name: n.name + m[0], at: n.at } : n;
}

/** What the owner already makes ("its low-carbon Brandname steel"): possessed by "its" or "their" without "own". */
function isItsProduct(text: string, n: { at: number }): boolean {
  return /\b(?:its|their)\s+(?!own\b)(?:[\p{Ll}-]+\s+){0,2}$/u.test(text.slice(Math.max(0, n.at - 40), n.at));
}

/** A place: after "to", "in", "across", "out of", "near" or a compass word ("routes to southern Europe"). */
function isPlace(text: string, n: { at: number }): boolean {
  return /\b(?:to|in|across|throughout|within|out of|near)\s+(?:(?:southern|northern|eastern|western|central|the)\s+)?$/i.test(text.slice(Math.max(0, n.at - 24), n.at));
}

/** A main actor's own product ("Acme's Widget" somewhere in the pile): what the alternatives replace, not one of them. */
const ownProducts = new WeakMap<Corpus, Set<string>>();
function isOwnProduct(corpus: Corpus, name: string, main: readonly string[]): boolean {
  let set = ownProducts.get(corpus);
  if (!set) {
    set = new Set();
    const pattern = new RegExp(`(?:${main.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})['’]s\\s+((?:\\p{Lu}[\\p{L}\\p{N}-]*\\s?)+)`, 'gu');
    for (const p of corpus.passages) {
      if (!/['’]s\s+\p{Lu}/u.test(p.text)) continue;
      for (const m of p.text.matchAll(pattern)) if (m[1]) set.add(m[1].trim());
    }
    ownProducts.set(corpus, set);
  }
  return set.has(name);
}

/** Who makes a named option: the owner for its own build; "X's N" and "X-developed N" name X; else the name itself. */
function makerOf(text: string, n: { name: string; at: number }, owner: string, kind: string, corpus: Corpus): string | undefined {
  if (kind === 'own build') return owner;
  // A partner is a company: it makes what it offers. A product (a model, a chip) is made by its
  // possessor when the sentence names one ("Acme-developed Widget"); else the maker is left for the curator.
  if (kind === 'partner' && corpus.names.has(n.name) && !/\d/.test(n.name)) return n.name;
  const before = text.slice(Math.max(0, n.at - 40), n.at);
  const possessor = /((?:\p{Lu}[\p{L}\p{N}&.-]*\s?)+)(?:['’]s\s+|-developed\s+|-built\s+)(?:\p{Ll}+\s+)?$/u.exec(before)?.[1]?.trim();
  if (possessor && corpus.names.has(possessor)) return possessor;
  return undefined;
}

/**
 * An option stated as what an actor offers, could or would do ("The parties have offered to sell
 * the Eastbank line", "the authority could run the line itself", "X would keep its offer open"):
 * the option named by its verb phrase, pursued by the clause's subject.
 */
const OPTION = /\b(?:ha(?:ve|s) offered to|offered to|(?:could|would) (?=\p{L}+ (?:\S+ ){0,4}(?:itself|themselves|instead|open|alone)\b)|would (?=run |keep |sell |buy |build |use ))(?<phrase>(?:\S+ ?){2,6})/iu;
function optionIn(p: Passage, main: readonly string[]): { name: string; owner: string; kind: string; at: number } | undefined {
  if (!/\b(?:offered|could|would)\b/i.test(p.text)) return undefined;
  const m = OPTION.exec(p.text);
  if (!m?.groups?.phrase) return undefined;
  const at = m.index ?? 0;
  const phrase = m.groups.phrase.split(/\s+(?:to|on|if|as|until|for|because|while|with)\s+|[,;.]/)[0]?.trim() ?? '';
  if (phrase.split(/\s+/).length < 2) return undefined;
  // The subject: the words before the verb, in the clause ("If talks fail, the operators would …").
  const head = p.text.slice(0, at);
  const clause = head.slice(Math.max(head.lastIndexOf(','), head.lastIndexOf(':'), head.lastIndexOf(';')) + 1);
  const subject = clause.replace(/\b(?:has|have|had|is|are|was|were|said|says|will)\b.*$/i, '').trim();
  // A pronoun, or the source of a report ("people familiar with the matter said: …"), pursues nothing.
  if (subject === '' || /^(?:it|they|he|she|we|this|that)$/i.test(subject) || /\b(?:familiar with|sources?|analysts?|reports?|according)\b/i.test(subject)) return undefined;
  const owner = main.find((x) => subject.includes(x)) ?? subject.replace(/^the\s+/i, '');
  return { name: phrase.charAt(0).toUpperCase() + phrase.slice(1), owner: owner.charAt(0).toUpperCase() + owner.slice(1), kind: /\bsell|dispos|remed/i.test(phrase) ? 'remedy' : 'option', at };
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
