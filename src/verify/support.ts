// Support: a statement says what its quotes say. A pure function from a statement's text and the
// texts of its verified quotes to a serialisable result: which of its words the quotes cover,
// which they do not, the hedges and negations on each side, and one finding per kind of
// problem (support-words, -hedge, -negation, -modality, -roles, -scope). Numerals and number
// words are left to the figure rule (figures.ts), which grounds them by value.
import { CLOSING_WORDS, CONDITIONS, hedgesOf, mayFrame, isHedgeWord, isNegationWord, isScopeWord, isStatementAttribution, kindsDisagree, negationsOf, type Cue, type HedgeKind, type Negation } from './support-cues.js';
import { ATTRIBUTION_WORDS, equivalenceGroups, groupKey, isFunctionWord, isNumberWord, stemOf, tokenize, tokenText, type Token } from './support-lexicon.js';
import { figureSpans } from './figures.js';
import { QUALIFIERS, SCALE_ABBREVIATIONS } from './figure-lexicon.js';
import { AMOUNT_QUALIFIERS, stageChanges } from './support-modality.js';
import { swappedRoles, type RoleText } from './support-roles.js';
import { scopeShifts, type ScopeText } from './support-scope.js';
import { givenAsPast, isPastWord, pastCuesOf, type PastCue } from './support-tense.js';
import { pushAll } from '../common/arrays.js';

export const SUPPORT_RULES = ['support-words', 'support-hedge', 'support-negation', 'support-modality', 'support-roles', 'support-scope'] as const;
export type SupportRule = (typeof SUPPORT_RULES)[number];

export interface SupportFinding {
  rule: SupportRule;
  /** What is wrong, for the person curating (the verifier adds where). */
  message: string;
  /** The statement's words at fault (or the quotes' hedge or negation it dropped). */
  words: string[];
}

export interface SupportResult {
  /** Content words and names of the statement that its quotes say (in a form or an equivalent). */
  covered: string[];
  /** Content words and names that none of its quotes says. */
  uncovered: string[];
  hedges: { quotes: string[]; statement: string[] };
  negations: { quotes: string[]; statement: string[] };
  findings: SupportFinding[];
}

/**
 * Which checks a field gets: a statement of fact all of them; a name (an alternative's maker, an
 * amount's party) its words; a hypothetical (a signpost's confirms/refutes, a conflict's topic)
 * its words, roles and scope, since it states no fact to hedge or negate.
 */
export type SupportMode = 'statement' | 'name' | 'hypothetical';

interface Analysed {
  tokens: Token[];
  /** Lemma keys of each token (empty for punctuation, figures). */
  keys: string[][];
  hedges: Cue[];
  negations: Negation[];
  /** For each token a hedge reaches, the hedges (a quote's; see cueReach). */
  reached: Map<number, Cue[]>;
  /** For each token a negation negates, the negation. */
  negated: Map<number, Negation>;
  /** Tokens that are part of a negation ("stopped" of "stopped offering", "yet" of "has yet to"): no content words. */
  negationCues: Set<number>;
  /** The number each figure token starts with. */
  numbers: Map<number, string>;
  /** The past states it gives ("once led", "the former chief"). */
  past: PastCue[];
}

const analysedCache = new Map<string, Analysed>();

/** A text's tokens and keys, kept by text for the process (a quote is often cited many times). */
function analyse(text: string): Analysed {
  let analysed = analysedCache.get(text);
  if (analysed) return analysed;
  const { tokens, hedges, negations, reached, negated, negationCues, past } = cuesOfText(text);
  const groups = equivalenceGroups(tokens);
  const keys = tokens.map((t) => {
    if (t.punct || t.digit) return [];
    const own = new Set<string>([stemOf(t.lower)]);
    if (t.lower.includes('-')) own.add(stemOf(t.lower.replace(/-/g, '')));
    if (t.acronym) own.add(t.text.replace(/[^\p{L}]/gu, '').toLowerCase());
    for (const g of groups.get(t.index) ?? []) own.add(groupKey(g));
    return [...own];
  });
  const numbers = new Map(tokens.filter((t) => t.digit).map((t) => [t.index, leadingNumber(t.text)]));
  analysed = { tokens, keys, hedges, negations, reached, negated, negationCues, numbers, past };
  if (analysedCache.size > 20_000) analysedCache.clear();
  analysedCache.set(text, analysed);
  return analysed;
}

type TextCues = Pick<Analysed, 'tokens' | 'hedges' | 'negations' | 'reached' | 'negated' | 'negationCues' | 'past'>;

/** A text's tokens (its figures marked) and its cues: what its hedges reach, what its negations negate, its past states. */
function cuesOfText(text: string): TextCues {
  const tokens = tokenize(text);
  // The words of a figure ("5 million dollars", "150 pct", "five billion") are the figure rule's.
  const spans = /\p{N}/u.test(text) || NUMBER_WORD.test(text) ? figureSpans(tokenText(text)) : [];
  if (spans.length > 0) for (const t of tokens) if (spans.some((s) => t.start >= s.start && t.start < s.end)) t.figure = true;
  const hedges = hedgesOf(tokens);
  const negations = negationsOf(tokens);
  const reached = new Map<number, Cue[]>();
  const names = new Set(tokens.filter((t) => isNameToken(t, NO_NAMES)).map((t) => t.index));
  for (const cue of hedges) for (const i of cueReach(tokens, cue, names)) pushTo(reached, i, cue);
  const negated = new Map<number, Negation>();
  for (const n of negations) {
    // A denied clause: every content word of it ("denied that it would buy Beta": "buy").
    if (n.clause) {
      for (const i of n.clause) if (isContent(tokens[i] as Token) && !negated.has(i)) negated.set(i, n);
    } else for (const t of negatedBy(tokens, n.at)) negated.set(t.index, n);
  }
  return { tokens, hedges, negations, reached, negated, negationCues: new Set(negations.flatMap((n) => n.tokens)), past: pastCuesOf(tokens) };
}

const sentenceCache = new Map<string, TextCues>();

/** The cues of a quote's sentence (no keys: its words outside the quote cover nothing), kept by text. */
function sentenceCues(text: string): TextCues {
  let cues = sentenceCache.get(text);
  if (!cues) {
    cues = cuesOfText(text);
    if (sentenceCache.size > 20_000) sentenceCache.clear();
    sentenceCache.set(text, cues);
  }
  return cues;
}

const NO_NAMES: ReadonlySet<string> = new Set();

const framedCache = new Map<string, Analysed>();

/**
 * A quote read in its frame: what the rest of its sentence hedges, conditions, denies or puts in the
 * past of the quote's own words ("Acme will buy Beta" of "Acme will buy Beta, said no one at the
 * firm."), and the clause hedges of its list's lead-in ("Industry experts predict several possible
 * scenarios:"), added to the quote's own. Its tokens stay the quote's: only they cover a statement.
 */
function framedQuote(text: string, frame: QuoteFrame): Analysed {
  const key = JSON.stringify([text, frame.before, frame.after, frame.leadIn ?? null]);
  let framed = framedCache.get(key);
  if (framed) return framed;
  const own = analyse(text);
  let reached: Map<number, Cue[]> | undefined;
  let negated: Map<number, Negation> | undefined;
  const past: PastCue[] = [];
  const reach = (i: number, cue: Cue) => {
    reached ??= new Map([...own.reached].map(([k, v]) => [k, [...v]]));
    pushTo(reached, i, cue);
  };
  const n = own.tokens.length;
  // Only a frame with a word that may deny, condition, hedge or date the quote is read (most say none).
  if (n > 0 && (mayFrame(frame.before) || mayFrame(frame.after))) {
    const sentence = sentenceCues(frame.before + text + frame.after);
    const offset = tokenize(frame.before).length;
    const inQuote = (i: number) => i >= offset && i < offset + n;
    // The quote's words where the sentence has them (a word cut in two at its edge: no frame).
    if (own.tokens.every((t, k) => sentence.tokens[offset + k]?.lower === t.lower)) {
      for (const [i, cues] of sentence.reached) {
        if (!inQuote(i)) continue;
        // A cue of the frame, or one the quote cuts ("… rejected [the claim that …"): the quote's own cues are its own already.
        // Conditions, questions, tentative and planned words change what the quote says; an attribution around it only
        // says who reports it, which the article's every sentence does (a quote that holds one keeps it).
        for (const cue of cues) if (cue.kind !== 'attribution' && !(inQuote(cue.start) && inQuote(cue.end - 1))) reach(i - offset, cue);
      }
      for (const [i, negation] of sentence.negated) {
        if (!inQuote(i) || own.negated.has(i - offset) || negation.tokens.every(inQuote)) continue;
        negated ??= new Map(own.negated);
        negated.set(i - offset, negation);
      }
      for (const cue of sentence.past) {
        if (inQuote(cue.at)) continue;
        const targets = cue.targets.filter(inQuote).map((i) => i - offset);
        if (targets.length > 0) past.push({ ...cue, at: -1, targets });
      }
    }
  }
  if (frame.leadIn !== undefined) {
    const lead = analyse(frame.leadIn);
    const clauses = new Set(lead.tokens.filter((t) => !t.punct).map((t) => t.segment));
    // Its tentative clause hedges ("predict", "scenarios"): an attribution of a whole list ("Sources reveal three points:") is the article's way of reporting, not a hypothesis.
    if (clauses.size === 1) for (const cue of lead.hedges) if (cue.reach === 'clause' && cue.kind !== 'attribution') for (const t of own.tokens) reach(t.index, cue);
  }
  framed = { ...own, reached: reached ?? own.reached, negated: negated ?? own.negated, past: past.length > 0 ? [...own.past, ...past] : own.past };
  if (framedCache.size > 20_000) framedCache.clear();
  framedCache.set(key, framed);
  return framed;
}

/** A number written in words (which the figure rule reads as a figure): only then are figure spans looked for in a text without digits. */
const NUMBER_WORD = /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|quarter|twice|double|triple|percent)\b/i;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A token that carries content: not punctuation, a figure, a function word, a number word or a cue. */
function isContent(token: Token): boolean {
  if (token.punct || token.digit || token.figure) return false;
  const lower = token.lower;
  if (lower.length < 2 && !token.acronym) return false;
  // A scale written short ("bn", "mln") is a number word, as "billion" is.
  if (isFunctionWord(lower) || isNumberWord(lower) || SCALE_ABBREVIATIONS.has(lower) || ATTRIBUTION_WORDS.has(lower)) return false;
  if (isHedgeWord(lower) || isNegationWord(lower) || isScopeWord(lower) || isPastWord(lower)) return false;
  return true;
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** A month written with a day or a year ("April 2024", "2 June"): a date, which the figure rule grounds. */
function isDatePart(tokens: readonly Token[], token: Token): boolean {
  if (!MONTHS.has(token.lower) || !token.capital) return false;
  const next = tokens[token.index + 1];
  const previous = tokens[token.index - 1];
  return (next?.digit ?? false) || (previous?.digit ?? false);
}

/** The figure rule's qualifiers ("below", "less than", "roughly") by each of their words. */
const QUALIFIER_PHRASES = new Map<string, (readonly string[])[]>();
for (const [words] of QUALIFIERS) for (const w of words) pushTo(QUALIFIER_PHRASES, w, words);

/** A word of a qualifier just before a figure ("below $5 million"): the figure rule grounds it by its kind ("below" is "less than"). */
function isFigureQualifier(tokens: readonly Token[], token: Token): boolean {
  for (const words of QUALIFIER_PHRASES.get(token.lower) ?? []) {
    const start = token.index - words.indexOf(token.lower);
    if (start < 0 || !words.every((w, k) => tokens[start + k]?.lower === w)) continue;
    const next = tokens[start + words.length];
    if (next !== undefined && (next.digit || next.figure === true)) return true;
  }
  return false;
}

/** A token written as a name: a capital inside a sentence, a capital after the first letter (eBay, NetSuite), an acronym. */
function isNameToken(token: Token, namesSeen: ReadonlySet<string>): boolean {
  if (token.punct || token.digit || isFunctionWord(token.lower)) return false;
  if (/^\p{Ll}.*\p{Lu}/u.test(token.text) || token.acronym) return true;
  if (!token.capital) return false;
  return !token.initial || namesSeen.has(token.lower);
}

interface Occurrence {
  quote: number;
  token: number;
}

/** What the quotes offer: each key with where it occurs, and their stems for derived forms. */
interface QuoteIndex {
  quotes: Analysed[];
  /** The document of each quote, when known. */
  sources: readonly (string | undefined)[];
  byKey: Map<string, Occurrence[]>;
  stems: Map<string, Occurrence[]>;
  /** The stems, sorted: those that start with a given stem are one run of it. */
  sortedStems?: string[];
  /** Where each number is written (figure tokens by their leading number). */
  numbers: Map<string, Occurrence[]>;
  /** Words the quotes write with a capital inside a sentence (names), and every word they write with a capital. */
  names?: Set<string>;
  capitals?: Set<string>;
  /** The quotes' acronyms by their letters (see acronymOf). */
  acronyms?: Map<string, Occurrence[]>;
  /** What each quote's hedges reach, framing quotes applied (see `framed`). */
  reached?: Map<number, Cue[]>[];
}

/** Whether some run of the quotes' words has the acronym's letters as initials ("IPO": initial public offering), function words counted or not. */
function spelledByInitials(acronym: string, index: QuoteIndex): boolean {
  for (const q of index.quotes) {
    const words = q.tokens.filter((t) => !t.punct && !t.digit);
    for (const list of [words, words.filter((t) => !isFunctionWord(t.lower))]) {
      for (let i = 0; i + acronym.length <= list.length; i++) {
        if (list.slice(i, i + acronym.length).every((t, k) => t.lower.charAt(0) === acronym.charAt(k))) return true;
      }
    }
  }
  return false;
}

const indexCache = new Map<string, QuoteIndex>();

/** The index of a list of quotes, kept for the process: the fields of one item, and a section's headline, share theirs. */
function indexQuotes(given: readonly SupportQuote[]): QuoteIndex {
  const quotes = given.map((q) => (typeof q === 'string' ? q : q.text));
  const sources = given.map((q) => (typeof q === 'string' ? undefined : q.source));
  const frames = given.map((q) => (typeof q === 'string' ? undefined : q.frame));
  const framedKey = frames.some((f) => f !== undefined) ? `\u0001${JSON.stringify(frames)}` : '';
  const key = `${quotes.join('\u0000')}\u0001${sources.join('\u0000')}${framedKey}`;
  let index = indexCache.get(key);
  if (!index) {
    index = buildIndex(quotes, sources, frames);
    if (indexCache.size > 2_000) indexCache.clear();
    indexCache.set(key, index);
  }
  return index;
}

function buildIndex(quotes: readonly string[], sources: readonly (string | undefined)[], frames: readonly (QuoteFrame | undefined)[]): QuoteIndex {
  const index: QuoteIndex = { quotes: [], sources, byKey: new Map(), stems: new Map(), numbers: new Map() };
  const add = pushTo<string, Occurrence>;
  quotes.forEach((text, q) => {
    const frame = frames[q];
    const analysed = frame === undefined ? analyse(text) : framedQuote(text, frame);
    index.quotes.push(analysed);
    analysed.tokens.forEach((t, i) => {
      const at = { quote: q, token: i };
      for (const key of analysed.keys[i] ?? []) add(index.byKey, key, at);
      // "Acme-backed" says "Acme"; "long-haul" says "long" and "haul".
      if (t.lower.includes('-')) for (const part of t.lower.split('-')) if (part !== '') add(index.byKey, stemOf(part), at);
      if (!t.punct && !t.digit) add(index.stems, stemOf(t.lower), at);
      const number = analysed.numbers.get(i);
      if (number !== undefined) add(index.numbers, number, at);
    });
  });
  return index;
}

/** Where the quotes say a statement's token: by key, by a derived form (a shared stem of 5+ letters), as initials. */
function occurrencesOf(token: Token, keys: readonly string[], index: QuoteIndex): Occurrence[] | undefined {
  const found = new Set<Occurrence>();
  for (const key of keys) for (const at of index.byKey.get(key) ?? []) found.add(at);
  const stem = stemOf(token.lower);
  const addAll = (other: string) => {
    for (const o of index.stems.get(other) ?? []) found.add(o);
  };
  // A shared stem of five letters or more: "rival" and "rivalry" (stems "rival", "rivalri").
  if (stem.length >= 5) {
    index.sortedStems ??= [...index.stems.keys()].sort();
    const sorted = index.sortedStems;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) < stem) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(stem); i++) addAll(sorted[i] as string);
    for (let length = 5; length < stem.length; length++) addAll(stem.slice(0, length));
  }
  // A noun of agent or action on one side, its verb on the other: "merger" and "merging" (stems "merger", "merg").
  if (found.size === 0 && stem.length >= 4) {
    for (const suffix of DERIVED) {
      addAll(stem + suffix);
      if (stem.endsWith(suffix) && stem.length - suffix.length >= 4) addAll(stem.slice(0, -suffix.length));
    }
  }
  if (found.size > 0) return [...found];
  if (token.lower.includes('-')) {
    const parts = token.lower.split('-').filter((p) => p !== '' && !isFunctionWord(p));
    const each = parts.map((p) => index.byKey.get(stemOf(p)));
    if (parts.length > 0 && each.every((o) => o !== undefined)) return each.flat() as Occurrence[];
  }
  const letters = acronymLetters(token);
  if (letters !== undefined && spelledByInitials(letters, index)) return [];
  return undefined;
}

/** The letters of a word written as an acronym ("IPO", "U.S.", "MoU": two capitals or more, at most six letters), lower case; else undefined. */
function acronymLetters(token: Token): string | undefined {
  if (token.punct || token.digit) return undefined;
  const letters = token.text.replace(/['’]s$/, '').replace(/[^\p{L}]/gu, '');
  if (token.acronym) return letters.toLowerCase();
  if (letters.length > 6 || (letters.match(/\p{Lu}/gu)?.length ?? 0) < 2 || !/^\p{Lu}/u.test(letters)) return undefined;
  return letters.toLowerCase();
}

/**
 * Where the quotes write as an acronym a run of the statement's words that holds a token ("AI"
 * for "artificial intelligence", "MoU" for "memorandum of understanding"): the acronym's
 * occurrences; else undefined. The run's words are counted with or without function words, and
 * are written alike (all in lower case, or all with a capital).
 */
function acronymOf(token: Token, own: Analysed, index: QuoteIndex): Occurrence[] | undefined {
  index.acronyms ??= acronymsOf(index);
  if (index.acronyms.size === 0) return undefined;
  const words = own.tokens.filter((t) => !t.punct && !t.digit);
  for (const list of [words, words.filter((t) => !isFunctionWord(t.lower))]) {
    const at = list.indexOf(token);
    if (at < 0) continue;
    for (const [letters, occurrences] of index.acronyms) {
      for (let i = Math.max(0, at - letters.length + 1); i <= at && i + letters.length <= list.length; i++) {
        const run = list.slice(i, i + letters.length);
        // Written alike: all in lower case or all with capitals ("sued Bolt" does not spell "SB").
        if (!run.every((t) => t.capital) && run.some((t) => t.capital && !t.initial)) continue;
        if (run.every((t, k) => t.lower.charAt(0) === letters.charAt(k))) return occurrences;
      }
    }
  }
  return undefined;
}

/** The quotes' acronyms (two letters or more) by their letters. */
function acronymsOf(index: QuoteIndex): Map<string, Occurrence[]> {
  const found = new Map<string, Occurrence[]>();
  index.quotes.forEach((q, quote) => {
    for (const t of q.tokens) {
      const letters = acronymLetters(t);
      if (letters !== undefined && letters.length >= 2) pushTo(found, letters, { quote, token: t.index });
    }
  });
  return found;
}

/** Endings that make a noun of a verb (or the reverse), once the stemmer has left them. */
const DERIVED = ['er', 'or', 'ion', 'ment', 'al', 'ance', 'ence'];

/** The number a figure token starts with ("13.75B" → "13.75"), to find it again in the quotes. */
function leadingNumber(text: string): string {
  return /^\p{N}+(?:[.,]\p{N}+)*/u.exec(text)?.[0]?.replace(/,/g, '') ?? text;
}

/** Where the quotes write the same number as a figure of the statement (for the hedge on it). */
function figureOccurrences(token: Token, index: QuoteIndex): Occurrence[] {
  return index.numbers.get(leadingNumber(token.text)) ?? [];
}

/** The quote that shares most of the statement's words: the one a message shows. */
function closestQuote(quotes: readonly string[], occurrences: readonly (Occurrence[] | undefined)[]): string | undefined {
  if (quotes.length === 0) return undefined;
  const counts = quotes.map(() => 0);
  for (const list of occurrences) for (const o of list ?? []) counts[o.quote] = (counts[o.quote] ?? 0) + 1;
  let best = 0;
  counts.forEach((c, i) => {
    if (c > (counts[best] ?? 0)) best = i;
  });
  return quotes[best];
}

function shown(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function quoted(words: readonly string[]): string {
  return words.map((w) => `"${w}"`).join(', ');
}

/** How many content words a hedge that reaches forward covers: the verb and its object ("could end … talks"). */
const REACH_WORDS = 2;

/** Tokens within a hedge's reach: its clause, or the next two content words of its clause (names aside) and the figures among them. */
function cueReach(tokens: readonly Token[], cue: Cue, names: ReadonlySet<number>): number[] {
  const cueToken = tokens[cue.start] as Token;
  if (cue.reach === 'clause' && CONDITIONS.has(cue.text.toLowerCase())) return conditionReach(tokens, cue);
  if (cue.reach === 'clause') return tokens.filter((t) => t.segment === cueToken.segment).map((t) => t.index);
  const reach: number[] = [];
  let words = 0;
  for (let i = cue.end; i < tokens.length && words < REACH_WORDS; i++) {
    const t = tokens[i] as Token;
    // A comma ends what a hedge word reaches: "…, and it has no plans to do so, a spokesperson said".
    if (t.segment !== cueToken.segment || (t.punct && t.text !== '’' && t.text !== "'")) break;
    // A figure in reach is hedged too ("a reported $13.75 billion"), and does not count as a word.
    if (t.digit) reach.push(i);
    else if (isContent(t) && !names.has(i)) {
      reach.push(i);
      words++;
    }
  }
  return reach;
}

/** Words from which a main clause says what is, will or would be: a condition hedges it from there on (not its subject, and not a past). */
const MAIN_CLAUSE_VERBS = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'shall', 'should', 'must', 'is', 'are', 'am', 'has', 'have', 'does', 'do', "won't", "wouldn't", "can't", "couldn't", "isn't", "aren't", "doesn't", "don't", 'won’t', 'wouldn’t', 'can’t', 'couldn’t', 'isn’t', 'aren’t', 'doesn’t', 'don’t']);

/**
 * What a condition reaches: its own clause ("if regulators approve"), and its main clause from the
 * first modal or auxiliary of the present on ("Acme [will buy Beta]"), before or after it. The
 * main clause's subject is who the claim is about, and a main clause in the past ("The deal closed,
 * on condition that …") is no hypothesis.
 */
function conditionReach(tokens: readonly Token[], cue: Cue): number[] {
  const segment = (tokens[cue.start] as Token).segment;
  let first = cue.start;
  while (first > 0 && (tokens[first - 1] as Token).segment === segment) first--;
  let last = cue.end - 1;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).segment === segment) last++;
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
  const leading = tokens.slice(first, cue.start).every((t) => t.punct);
  let condition: number[];
  let main: number[];
  if (leading) {
    let comma = -1;
    for (let k = cue.end; k <= last; k++) if ((tokens[k] as Token).text === ',') {
      comma = k;
      break;
    }
    if (comma < 0) return range(first, last);
    condition = range(cue.start, comma - 1);
    main = range(comma + 1, last);
  } else {
    condition = range(cue.start, last);
    main = range(first, cue.start - 1);
  }
  const from = main.findIndex((k) => MAIN_CLAUSE_VERBS.has((tokens[k] as Token).lower));
  return from < 0 ? condition : [...condition, ...main.slice(from)];
}

/**
 * What each quote's hedges reach, with framing quotes applied: a quote that is one hedged clause
 * ("Industry experts predict several possible scenarios") hedges every quote cited with it
 * ("Acquisition: Acme makes a full buyout offer").
 */
function framed(index: QuoteIndex): Map<number, Cue[]>[] {
  const frames = index.quotes.map((q) => {
    const segments = new Set(q.tokens.map((t) => t.segment));
    const words = q.tokens.filter((t) => !t.punct).length;
    return segments.size === 1 && words <= FRAME_WORDS ? q.hedges.filter((c) => c.reach === 'clause') : [];
  });
  if (frames.every((f) => f.length === 0)) return index.quotes.map((q) => q.reached);
  return index.quotes.map((q, i) => {
    const source = index.sources[i];
    // A frame hedges the passages of its own document (all of them when the sources are not known).
    const around = frames.filter((_, k) => k !== i && (source === undefined || index.sources[k] === undefined || index.sources[k] === source)).flat();
    if (around.length === 0) return q.reached;
    const map = new Map(q.reached);
    for (const t of q.tokens) map.set(t.index, [...(map.get(t.index) ?? []), ...around]);
    return map;
  });
}

/** A framing quote is one clause of at most this many words: a lead-in ("Sources close to both companies reveal three friction points"), not a report. */
const FRAME_WORDS = 15;

interface StatementWord {
  token: Token;
  occurrences: Occurrence[];
}

/** A quote: its text, the document it comes from when known (a framing quote hedges only its own document's), and its frame there. */
export type SupportQuote = string | { text: string; source?: string | undefined; frame?: QuoteFrame | undefined };

/**
 * What frames a quote in its document (quote-frame.ts): the rest of its sentence, and the lead-in of
 * the list it is an item of. Their hedges, conditions and denials reach the quote's words.
 */
export interface QuoteFrame {
  before: string;
  after: string;
  leadIn?: string | undefined;
}

/** The support of a statement by the texts of its (verified) quotes. */
export function supportOf(statement: string, given: readonly SupportQuote[], mode: SupportMode = 'statement'): SupportResult {
  const own = analyse(statement);
  const index = indexQuotes(given);
  const quotes = given.map((q) => (typeof q === 'string' ? q : q.text));
  // A capital inside a sentence marks a name; so does one the statement and a quote both write (a name that opens both).
  // (What the quotes give is computed once for their list: the fields of an item, a section's headline, share it.)
  if (!index.names || !index.capitals) {
    index.names = new Set(index.quotes.flatMap((q) => q.tokens.filter((t) => t.capital && !t.initial && !t.punct).map((t) => t.lower)));
    index.capitals = new Set(index.quotes.flatMap((q) => q.tokens.filter((t) => t.capital && !t.punct).map(asWritten)));
  }
  const namesSeen = new Set<string>(index.names);
  for (const t of own.tokens) if (t.capital && !t.punct && (!t.initial || (index.capitals.has(asWritten(t)) && !isFunctionWord(t.lower)))) namesSeen.add(t.lower);
  const ownHedges = own.hedges;
  const ownNegations = own.negations;
  index.reached ??= framed(index);
  const hedged = { cues: index.quotes.map((q) => q.hedges), reached: index.reached };
  const quoteNegations = index.quotes.map((q) => q.negations);
  const result: SupportResult = {
    covered: [],
    uncovered: [],
    hedges: { quotes: unique(hedged.cues.flat().map((c) => c.text)), statement: unique([...ownHedges.map((c) => c.text), ...own.tokens.filter(isStatementAttribution).map((t) => t.text)]) },
    negations: { quotes: unique(quoteNegations.flat().map((n) => n.text)), statement: unique(ownNegations.map((n) => n.text)) },
    findings: [],
  };
  const words: StatementWord[] = [];
  const uncovered: Token[] = [];
  // A word written twice is looked up once.
  const seen = new Map<string, Occurrence[] | undefined>();
  for (const token of own.tokens) {
    if (!isContent(token) || isDatePart(own.tokens, token) || own.negationCues.has(token.index) || isFigureQualifier(own.tokens, token)) continue;
    const key = `${token.text}\u0000${token.lower}`;
    let occurrences = seen.has(key) ? seen.get(key) : occurrencesOf(token, own.keys[token.index] ?? [], index);
    seen.set(key, occurrences);
    occurrences ??= acronymOf(token, own, index);
    if (occurrences === undefined) uncovered.push(token);
    else words.push({ token, occurrences });
  }
  result.covered = unique(words.map((w) => w.token.text));
  const closest = closestQuote(quotes, [...seen.values()]);
  const closestNote = closest === undefined ? '' : `; closest quote: "${shown(closest)}"`;

  // Modality first: a closing word ("agreed") against talks is a change of modality, not a word the quotes lack.
  const modality = mode === 'statement' ? modalityFinding(own, words, uncovered, index, hedged.reached, (t) => isNameToken(t, namesSeen)) : undefined;
  const modalityWords = new Set(modality?.tokens ?? []);
  const scopeWords = own.tokens.filter((t) => !t.punct && isScopeWord(t.lower) && !quotesSay(t, own, index));
  // A word its quotes say with a negating prefix ("changed" against "unchanged") is a negation flipped, not a word they lack.
  const flips = mode === 'statement' ? prefixFlips(uncovered, index) : [];
  const flipped = new Set(flips.map((f) => f.token.index));
  const unsaid = uncovered.filter((t) => !modalityWords.has(t.index) && !flipped.has(t.index));
  result.uncovered = unique(unsaid.map((t) => t.text));
  if (unsaid.length > 0) {
    const list = unique(unsaid.map((t) => t.text));
    result.findings.push({ rule: 'support-words', words: list, message: `says ${quoted(list)}, which none of its quotes says${closestNote}` });
  }
  if (mode !== 'name' && scopeWords.length > 0) {
    const list = unique(scopeWords.map((t) => t.text));
    result.findings.push({ rule: 'support-scope', words: list, message: `widens its quotes with ${quoted(list)}, which none of them says${closestNote}` });
  } else if (mode !== 'name') {
    // A word of scope the quotes write, but of another noun, as a rank among others, or only in a place the statement drops.
    const shift = scopeShifts(scopeText(own), index.quotes.map(scopeText), (t) => isScopeWord(t.lower), (t) => isNameToken(t, namesSeen), (t) => isNumberWord(t.lower))[0];
    if (shift) result.findings.push({ rule: 'support-scope', words: [shift.word], message: `${shift.message}${closestNote}` });
  }
  if (mode === 'statement') {
    const figures = own.tokens.filter((t) => t.digit).map((token) => ({ token, occurrences: figureOccurrences(token, index) }));
    const hedge = hedgeFinding(own, [...words, ...figures], hedged.reached, ownHedges, modalityWords, namesSeen, modality !== undefined);
    if (hedge) result.findings.push({ rule: 'support-hedge', words: hedge.words, message: `states as fact what its quotes hedge with ${quoted(hedge.cues)} (${quoted(hedge.words)}); keep the hedge, or mark the item as the team's view (view: true)${closestNote}` });
    if (modality) result.findings.push({ rule: 'support-modality', words: modality.words, message: `gives as ${modality.settled ? 'settled' : 'done'} (${quoted(modality.words)}) what its quotes give as ${quoted(modality.cues)}${closestNote}` });
    else {
      const tense = tenseFinding(own, words, index, (t) => isNameToken(t, namesSeen));
      if (tense) result.findings.push({ rule: 'support-modality', words: tense.words, message: `gives as current (${quoted(tense.words)}) what its quotes give as past (${quoted(tense.cues)})${closestNote}` });
    }
    const negation = negationFinding(own, words, index) ?? (flips[0] && { words: [flips[0].token.text, flips[0].quoted], message: `says "${flips[0].token.text}" where its quotes say "${flips[0].quoted}"` });
    if (negation) result.findings.push({ rule: 'support-negation', words: negation.words, message: `${negation.message}${closestNote}` });
  }
  if (mode !== 'name') {
    const roles = swappedRoles(roleText(own), index.quotes.map(roleText), (t) => isNameToken(t, namesSeen));
    if (roles) result.findings.push({ rule: 'support-roles', words: roles.words, message: `says ${roles.statement} where its quotes say ${roles.quote}${closestNote}` });
  }
  return result;
}

/** A text as the roles check reads it: its tokens, and the keys of its content words. */
function roleText(text: Analysed): RoleText {
  let read = roleTexts.get(text);
  if (!read) {
    read = { tokens: text.tokens, keys: text.tokens.map((t) => (isContent(t) ? (text.keys[t.index] ?? []) : [])) };
    roleTexts.set(text, read);
  }
  return read;
}

const roleTexts = new WeakMap<Analysed, RoleText>();

/** A text as the scope check reads it: its tokens, every token's keys, and which carry content. */
function scopeText(text: Analysed): ScopeText {
  let read = scopeTexts.get(text);
  if (!read) {
    read = { tokens: text.tokens, keys: text.keys, content: text.tokens.map(isContent) };
    scopeTexts.set(text, read);
  }
  return read;
}

const scopeTexts = new WeakMap<Analysed, ScopeText>();

/** A word as written, without a possessive ending ("Harbourline's" is "Harbourline"). */
function asWritten(t: Token): string {
  return t.text.replace(/['’]s?$/, '');
}

/** Whether the quotes write a word of scope themselves (any form of it). */
function quotesSay(token: Token, own: Analysed, index: QuoteIndex): boolean {
  return (own.keys[token.index] ?? []).some((k) => index.byKey.has(k));
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

const NOT_STATEMENT_HEDGES = new Set(['will', 'talks', 'negotiations']);
/** Modals that keep a clause hypothetical. */
const CONDITIONAL_MODALS = new Set(['would', 'could', 'might', 'may', 'should']);

/**
 * A hedge dropped: a content word of the statement that the quotes say only where a hedge
 * reaches, in a clause of the statement without a hedge of its kind (an attribution is kept by
 * any hedge or attribution; "could", "considering" or "plans to" only by a tentative or planned word).
 */
function hedgeFinding(own: Analysed, words: readonly StatementWord[], reached: readonly Map<number, Cue[]>[], ownHedges: readonly Cue[], skip: ReadonlySet<number>, namesSeen: ReadonlySet<string>, skipPlans: boolean): { words: string[]; cues: string[] } | undefined {
  const segmentKinds = new Map<number, Set<HedgeKind>>();
  for (const cue of ownHedges) {
    // "will" in a statement states a future as certain, and "talks" there are a topic: they keep no hedge.
    if (NOT_STATEMENT_HEDGES.has(cue.text.toLowerCase())) continue;
    const segment = (own.tokens[cue.start] as Token).segment;
    const kinds = segmentKinds.get(segment) ?? new Set();
    kinds.add(cue.kind);
    segmentKinds.set(segment, kinds);
  }
  for (const t of own.tokens) {
    if (!isStatementAttribution(t)) continue;
    const kinds = segmentKinds.get(t.segment) ?? new Set();
    kinds.add('attribution');
    segmentKinds.set(t.segment, kinds);
  }
  // "will", "talks", "negotiations" keep no hedge of their own, but a clause that writes one keeps the quotes' same word.
  const sameCueSegments = new Map<string, Set<number>>();
  for (const c of ownHedges) {
    const text = c.text.toLowerCase();
    if (!NOT_STATEMENT_HEDGES.has(text)) continue;
    const segments = sameCueSegments.get(text) ?? new Set<number>();
    segments.add((own.tokens[c.start] as Token).segment);
    sameCueSegments.set(text, segments);
  }
  const conditionalSegments = new Set(own.tokens.filter((t) => CONDITIONAL_MODALS.has(t.lower)).map((t) => t.segment));
  const faulty: string[] = [];
  const cues: string[] = [];
  // The hedges on every occurrence of a word, or undefined when one occurrence is unhedged (once per distinct word).
  const hedgesOn = new Map<Occurrence[], Cue[] | undefined>();
  const hedgesOfAll = (occurrences: Occurrence[]): Cue[] | undefined => {
    if (hedgesOn.has(occurrences)) return hedgesOn.get(occurrences);
    const all: Cue[] = [];
    let everywhere = true;
    for (const o of occurrences) {
      const on = reached[o.quote]?.get(o.token)?.filter((c) => !(skipPlans && c.kind === 'plan'));
      if (!on || on.length === 0) {
        everywhere = false;
        break;
      }
      pushAll(all, on);
    }
    const result = everywhere ? unique(all.map((c) => c.text)).map((text) => all.find((c) => c.text === text) as Cue) : undefined;
    hedgesOn.set(occurrences, result);
    return result;
  };
  for (const word of words) {
    // Names are who the clause is about; its claim is in the other words (and figures).
    if (skip.has(word.token.index) || word.occurrences.length === 0 || isNameToken(word.token, namesSeen)) continue;
    let all = hedgesOfAll(word.occurrences);
    if (!all) continue;
    // A statement that says "will" (or "talks") where its quotes say it keeps their modality.
    all = all.filter((c) => !sameCueSegments.get(c.text.toLowerCase())?.has(word.token.segment));
    if (all.length === 0) continue;
    const needTentative = all.some((c) => c.kind !== 'attribution');
    const kinds = segmentKinds.get(word.token.segment) ?? new Set<HedgeKind>();
    // A condition dropped by a clause that says "would" ("he would block the deal" of "he would block the deal if …") is still no fact.
    const conditionKept = all.every((c) => CONDITIONS.has(c.text.toLowerCase())) && conditionalSegments.has(word.token.segment);
    const kept = conditionKept || (needTentative ? kinds.has('tentative') || kinds.has('plan') : kinds.size > 0);
    if (kept) continue;
    faulty.push(word.token.text);
    pushAll(cues, all.map((c) => c.text));
  }
  return faulty.length === 0 ? undefined : { words: unique(faulty), cues: unique(cues) };
}

/**
 * A plan or talks given as done: the statement gives a verb further along than every quote that
 * says it (support-modality.ts: "invested" where they say "plans to invest", "will contribute"
 * where they say "would contribute" under a proposal, "formed" where they say "to form"); or it
 * writes a word that closes a deal ("agreed", "signed") where its quotes speak of talks or plans;
 * or an "up to" amount without its "up to".
 */
function modalityFinding(own: Analysed, words: readonly StatementWord[], uncovered: readonly Token[], index: QuoteIndex, reached: readonly Map<number, Cue[]>[], isName: (t: Token) => boolean): { words: string[]; cues: string[]; tokens: number[]; settled: boolean } | undefined {
  const changes = stageChanges(own.tokens, own.reached, new Set(own.negated.keys()), words, index.quotes.map((q, i) => ({ tokens: q.tokens, reached: reached[i] })), isName);
  const faulty: Token[] = changes.map((c) => c.token);
  const cues: string[] = changes.map((c) => c.quoted);
  const planCues = index.quotes.flatMap((q) => q.hedges.filter((c) => c.kind === 'plan' && !AMOUNT_QUALIFIERS.has(c.text.toLowerCase())));
  if (planCues.length > 0) {
    for (const t of uncovered) {
      if (!CLOSING_WORDS.has(t.lower) || (own.reached.get(t.index) ?? []).some((c) => c.kind !== 'attribution' && !AMOUNT_QUALIFIERS.has(c.text.toLowerCase()))) continue;
      faulty.push(t);
      pushAll(cues, planCues.map((c) => c.text));
    }
  }
  // "up to $5 billion" said as "$5 billion".
  for (const q of index.quotes) {
    q.tokens.forEach((t, i) => {
      if (t.lower !== 'up' || q.tokens[i + 1]?.lower !== 'to') return;
      const amount = q.tokens.slice(i + 2, i + 4).find((n) => n.digit);
      if (!amount) return;
      const said = own.tokens.find((o) => o.digit && o.text === amount.text);
      if (!said) return;
      const before = own.tokens.slice(Math.max(0, said.index - 3), said.index).map((o) => o.lower).join(' ');
      if (/\b(?:up to|as much as|at most|maximum of|no more than)\b/.test(before)) return;
      faulty.push(said);
      cues.push('up to');
    });
  }
  if (faulty.length === 0) return undefined;
  const settled = changes.length > 0 && changes.length === faulty.length && changes.every((c) => c.stage === 2);
  return { words: unique(faulty.map((t) => t.text)), cues: unique(cues), tokens: faulty.map((t) => t.index), settled };
}

/**
 * A past state given as current: a word of the statement that every quote saying it puts in the
 * past ("once led", "previously owned", "the former chief"), which the statement writes neither in
 * the quotes' own form of a verb ("led") nor as past ("employed", "was chief").
 */
function tenseFinding(own: Analysed, words: readonly StatementWord[], index: QuoteIndex, isName: (t: Token) => boolean): { words: string[]; cues: string[] } | undefined {
  if (index.quotes.every((q) => q.past.length === 0)) return undefined;
  const faulty: string[] = [];
  const cues: string[] = [];
  for (const word of words) {
    if (word.occurrences.length === 0 || isName(word.token) || own.negated.has(word.token.index)) continue;
    const found: PastCue[] = [];
    for (const o of word.occurrences) {
      const cue = index.quotes[o.quote]?.past.find((c) => c.targets.includes(o.token));
      if (!cue) break;
      // The quotes' own form of the verb after "once" is its past form.
      if (cue.adverb && index.quotes[o.quote]?.tokens[o.token]?.lower === word.token.lower) break;
      found.push(cue);
    }
    if (found.length < word.occurrences.length || givenAsPast(own.tokens, word.token.index)) continue;
    faulty.push(word.token.text);
    pushAll(cues, found.map((c) => c.text));
  }
  return faulty.length === 0 ? undefined : { words: unique(faulty), cues: unique(cues) };
}

/** The first content words after a negation, names aside: what it negates. */
function negatedBy(tokens: readonly Token[], at: number): Token[] {
  const out: Token[] = [];
  for (let i = at + 1; i < tokens.length && i <= at + 5 && out.length < 1; i++) {
    const t = tokens[i] as Token;
    if (t.punct && t.text !== ',') break;
    if (isContent(t) && !t.capital) out.push(t);
  }
  return out;
}

/**
 * A negation flipped: the statement negates a word its quotes say without a negation, or says
 * without one a word its quotes negate, or the two negate it differently ("no longer" against
 * "not yet").
 */
function negationFinding(own: Analysed, words: readonly StatementWord[], index: QuoteIndex): { words: string[]; message: string } | undefined {
  const segmentNegations = (q: number, token: number): Negation[] => {
    const quote = index.quotes[q] as Analysed;
    const segment = (quote.tokens[token] as Token).segment;
    return quote.negations.filter((n) => (quote.tokens[n.at] as Token).segment === segment);
  };
  const byIndex = new Map(words.map((w) => [w.token.index, w]));
  // The statement denies a clause whose words its quotes say undenied ("denied that it had approached" against "did not deny that it had approached").
  for (const n of own.negations) {
    for (const i of n.clause ?? []) {
      const word = byIndex.get(i);
      if (!word || word.occurrences.length === 0 || word.token.capital) continue;
      if (word.occurrences.some((o) => index.quotes[o.quote]?.negated.has(o.token))) continue;
      return { words: [n.text, word.token.text], message: `says "${n.text} … ${word.token.text}" where its quotes say "${word.token.text}" without a denial` };
    }
  }
  // The statement negates what the quotes affirm, or negates it otherwise.
  for (const n of own.negations) {
    for (const t of negatedBy(own.tokens, n.at)) {
      const word = byIndex.get(t.index);
      if (!word || word.occurrences.length === 0) continue;
      const theirs = word.occurrences.map((o) => {
        const list = segmentNegations(o.quote, o.token);
        // Negated by its frame (the rest of its sentence): the negation is outside the quote's tokens.
        const framedBy = index.quotes[o.quote]?.negated.get(o.token);
        return framedBy && !list.includes(framedBy) ? [...list, framedBy] : list;
      });
      if (theirs.every((list) => list.length === 0)) return { words: [n.text, t.text], message: `says "${n.text} ${t.text}" where its quotes say "${t.text}" without a negation` };
      const other = theirs.flat().find((m) => kindsDisagree(n.kind, m.kind));
      if (other && theirs.every((list) => list.length === 0 || list.every((m) => kindsDisagree(n.kind, m.kind)))) {
        return { words: [n.text, t.text], message: `says "${n.text} ${t.text}" where its quotes say "${other.text} ${t.text}"` };
      }
    }
  }
  // The statement affirms what the quotes negate.
  const ownNegatedSegments = new Set(own.negations.map((n) => (own.tokens[n.at] as Token).segment));
  const checked = new Set<Occurrence[]>();
  for (const word of words) {
    if (ownNegatedSegments.has(word.token.segment) || word.occurrences.length === 0 || checked.has(word.occurrences)) continue;
    checked.add(word.occurrences);
    const first = word.occurrences[0] as Occurrence;
    const cue = word.occurrences.every((o) => index.quotes[o.quote]?.negated.has(o.token)) ? index.quotes[first.quote]?.negated.get(first.token)?.text : undefined;
    if (cue === undefined) continue;
    return { words: [cue, word.token.text], message: `says "${word.token.text}" where its quotes say "${cue} … ${word.token.text}": it drops the negation` };
  }
  return undefined;
}

/** Prefixes that negate the word they open ("unchanged", "non-binding"). */
const NEGATING_PREFIXES = ['un', 'non-', 'non'];

/**
 * A word of the statement that its quotes say with the opposite prefix: "changed" where they say
 * "unchanged", "unwilling" where they say "willing". Not a word they lack: a negation flipped.
 */
function prefixFlips(uncovered: readonly Token[], index: QuoteIndex): { token: Token; quoted: string }[] {
  const flips: { token: Token; quoted: string }[] = [];
  const written = (stem: string): string | undefined => {
    const at = index.stems.get(stem)?.[0];
    return at === undefined ? undefined : index.quotes[at.quote]?.tokens[at.token]?.text;
  };
  for (const token of uncovered) {
    if (token.lower.length < 4 || token.capital) continue;
    let quoted: string | undefined;
    for (const prefix of NEGATING_PREFIXES) {
      if (quoted !== undefined) break;
      const base = token.lower.startsWith(prefix) ? token.lower.slice(prefix.length) : undefined;
      if (base !== undefined && base.length >= 4) quoted = written(stemOf(base));
      quoted ??= written(stemOf(prefix + token.lower));
    }
    if (quoted !== undefined) flips.push({ token, quoted });
  }
  return flips;
}
