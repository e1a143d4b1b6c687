// Money amounts as facts: each mention read with its kind (from the cue words around it), its
// qualifier ("up to", "more than"), its party and counterparty (from the sentence: who pays,
// who receives) and its date (the sentence's own, resolved against the document's date, else
// the document's date); then mentions of one event merged into one entry.
import { SENTENCE_STOP } from '../verify/amount-kinds.js';
import { extractFigures } from '../verify/figures.js';
import type { Corpus } from './corpus.js';
import { isModifier, isSourceOfReport, namesIn } from './corpus.js';
import { AMOUNT_CUES, AMOUNT_KIND_ORDER, NOT_AN_EVENT, QUALIFIER, type AmountKind } from './cues.js';
import { datesIn, type SentenceDate } from './dates.js';
import type { Passage } from './nlp.js';
import { isStatementLike } from './quote.js';

export interface AmountMention {
  passage: Passage;
  /** As written ("$1 billion"), its offset in the passage, value and currency. */
  text: string;
  at: number;
  value: number;
  currency: string;
  kind: AmountKind;
  qualifier?: string;
  party?: string;
  counterparty?: string;
  /** The sentence's own date for the amount, if it gives one. */
  own?: SentenceDate;
  /** The date the event is placed at: its own, else the document's. */
  date?: string;
  /** Its words say it is new money ("a further", "add", "additional"): never a restatement. */
  fresh?: boolean;
}

/** "$55 a share", "€12 per ticket": a price of one unit, not money put in. */
const PER_UNIT = /^\s*(?:a|an|per|each)\s+(?:share|unit|head|ticket|seat|tonne|ton|barrel)\b/i;
/** The same units when the figure reader has taken them into the figure ("$40 a share": per "share"). */
const UNIT = /^(?:share|unit|head|ticket|seat|tonne|ton|barrel)s?$/i;
/** A phrase that opens with "including" or "of which": a part of the amount named before it. */
const PART_OF = /^\W*(?:including|of which|among them|incl\.)\s/i;

const FRESH = /\b(?:new|add(?:s|ed|ing)?|further|additional|another|extra|fresh|second|more)\b/i;

/** Words that stand for an actor named earlier ("the company", "it"). */
const STAND_IN = /^(?:the (?:company|firm|group|carrier|airline|operator|maker|startup|start-up|partners?|parties|two (?:companies|firms|carriers|operators))|it|they)\b/i;
/** A currency sign or code: a passage without one has no money amount (extractFigures is not asked). */
const MONEY_HINT = /[$€£¥]|\b(?:USD|EUR|GBP|JPY|CHF|CNY|CAD|AUD|NZD|INR|SEK|NOK|DKK|PLN|KRW|BRL|MXN|ZAR|SGD|HKD)\b/;
const PREPOSITION_BEFORE = /\b(?:in|at|on|into|to|for|with|from|of|by|across|near|outside|inside|over|under|between|against|about|like)\s+(?:the\s+)?$/i;

/** Every money amount of every statement of the corpus that reads as an investment event. */
export function amountMentions(corpus: Corpus, passages: readonly Passage[]): AmountMention[] {
  const known = knownNames(corpus);
  const mentions: AmountMention[] = [];
  // The passages of the current document read so far: the actors named before are looked up
  // only when an amount's sentence names none (most passages are never asked).
  let docStart = 0;
  const actorsBefore = (i: number): { party?: string; counterparty?: string } => {
    // A stand-in ("the company") refers to an actor of the last few passages: at most eight back, so the cost stays linear.
    for (let k = i - 1; k >= Math.max(docStart, i - 8); k--) {
      const a = actorsOf(passages[k] as Passage, known);
      if (a.party) return a;
    }
    return {};
  };
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i] as Passage;
    if (i > 0 && p.doc.id !== (passages[i - 1] as Passage).doc.id) docStart = i;
    if (!isStatementLike(p) || !MONEY_HINT.test(p.text)) continue;
    const money = moneyIn(p.text);
    if (money.length === 0) continue;
    const sentenceActors = actorsOf(p, known);
    let lastActors: { party?: string; counterparty?: string } | undefined;
    const before = () => (lastActors ??= actorsBefore(i));
    let dates: SentenceDate[] | undefined;
    let previousKind: AmountKind | undefined;
    money.forEach((m, i) => {
      const window = windowOf(p.text, m.at, m.text.length, money[i - 1], money[i + 1]);
      if (NOT_AN_EVENT.test(window) || m.perUnit || PER_UNIT.test(p.text.slice(m.at + m.text.length, m.at + m.text.length + 16))) return;
      // A part of the amount before it ("…, including $2 billion at …") is of its kind.
      const kind = AMOUNT_KIND_ORDER.find((k) => AMOUNT_CUES[k].test(window)) ?? (PART_OF.test(window) ? previousKind : undefined);
      previousKind = kind;
      if (!kind) return;
      dates ??= datesIn(p.text, p.doc.date);
      const own = dateOf(p.text, m.at, dates, (clause) => MONEY_VERB.test(clause));
      const mention: AmountMention = { passage: p, ...m, kind };
      const qualifier = QUALIFIER.exec(p.text.slice(Math.max(0, m.at - 16), m.at))?.[1];
      if (qualifier) mention.qualifier = qualifier.toLowerCase();
      const actors = actorsOfAmount(p, m.at, m.text.length, known);
      // "Last month it promised to invest $1 billion in X, including the Y plant": "it" is the
      // actor of the passages before, not a name the sentence gives after the amount.
      const standIn = actors.party === undefined && opensWithStandIn(clauseBefore(p.text, m.at)) && !candidateNames(p, known).some((n) => n.at < m.at);
      const party = actors.party ?? (standIn ? before().party : undefined) ?? sentenceActors.party ?? before().party;
      if (party) mention.party = party;
      const counterparty = actors.counterparty ?? (actors.party ? undefined : (sentenceActors.counterparty ?? before().counterparty));
      if (counterparty && counterparty !== party) mention.counterparty = counterparty;
      if (own) mention.own = own;
      if (FRESH.test(window)) mention.fresh = true;
      const date = own?.key ?? p.doc.date;
      if (date) mention.date = date;
      mentions.push(mention);
    });
  }
  return mentions;
}

function moneyIn(text: string): { text: string; at: number; value: number; currency: string; perUnit: boolean }[] {
  const found: { text: string; at: number; value: number; currency: string; perUnit: boolean }[] = [];
  let from = 0;
  for (const f of extractFigures(text)) {
    if (f.kind !== 'money') continue;
    const at = text.indexOf(f.text, from);
    if (at < 0 || f.value <= 0) continue;
    from = at + f.text.length;
    found.push({ text: f.text, at, value: f.value, currency: f.currency, perUnit: f.per !== undefined && UNIT.test(f.per) });
  }
  return found;
}

/**
 * The words that say what an amount is: its phrase between commas, cut at the amounts before
 * and after it (each amount has its own cue words).
 */
function windowOf(text: string, at: number, length: number, before?: { at: number; text: string }, after?: { at: number }): string {
  const boundary = new RegExp(`[,;:(—–]|${SENTENCE_STOP.source}`, 'gu');
  let start = 0;
  for (const m of text.slice(0, at).matchAll(boundary)) start = (m.index ?? 0) + m[0].length;
  if (before) start = Math.max(start, before.at + before.text.length);
  const rest = text.slice(at + length);
  const next = rest.search(new RegExp(`[,;:)—–]|${SENTENCE_STOP.source}`, 'u'));
  let end = next < 0 ? text.length : at + length + next;
  if (after) end = Math.min(end, after.at);
  return text.slice(start, end);
}

/** A verb of money or of a deal: a day the clause gives dates its amount only when the clause does such a thing. */
const MONEY_VERB = /\b(?:invest(?:s|ed|ing)?|buy(?:s|ing)?|bought|acquir(?:e|es|ed|ing)|pa(?:y|ys|id|ying)|agree(?:s|d)?|complet(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|sign(?:s|ed|ing)?|rais(?:e|es|ed|ing)|commit(?:s|ted|ting)?|announc(?:e|es|ed|ing)|lend(?:s|ing)?|lent|sell(?:s|ing)?|sold|spen(?:d|ds|t|ding)|inject(?:s|ed|ing)?|fund(?:s|ed|ing)?|tak(?:e|es|en|ing)|took|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|offer(?:s|ed|ing)?|borrow(?:s|ed|ing)?|put(?:s|ting)?|valu(?:e|es|ed|ing)|cut(?:s|ting)?)\b/i;

/**
 * The date nearest the amount in its phrase, else in its clause (not across ":" or ";"). A day
 * outside the phrase dates the amount only when the clause's verb is one of money ("agreed on
 * Monday to buy X for $1 billion"), not when it is another's act on a known deal ("on Friday
 * blocked X's $1 billion purchase").
 */
function dateOf(text: string, at: number, dates: SentenceDate[], moneyClause: (clause: string) => boolean): SentenceDate | undefined {
  if (dates.length === 0) return undefined;
  const clauseStart = Math.max(text.lastIndexOf(';', at), text.lastIndexOf(':', at)) + 1;
  const clauseEndRel = text.slice(at).search(/[;:]/);
  const clauseEnd = clauseEndRel < 0 ? text.length : at + clauseEndRel;
  const inClause = dates.filter((d) => d.at >= clauseStart && d.at < clauseEnd);
  const phraseStart = Math.max(text.lastIndexOf(',', at), clauseStart - 1) + 1;
  const phraseEndRel = text.slice(at).search(/,/);
  const phraseEnd = phraseEndRel < 0 ? clauseEnd : Math.min(clauseEnd, at + phraseEndRel);
  // A day dates what the clause does; it is the amount's only when that is an act of money.
  const money = moneyClause(clauseVerbs(text, clauseStart, clauseEnd, at));
  const inPhrase = inClause.filter((d) => d.at >= phraseStart && d.at < phraseEnd && (money || d.key.length < 10));
  // Outside its phrase, only a day ("said on Tuesday") dates the amount: a month or a year there
  // dates another verb ("a higher figure than the one announced in April").
  const pool = inPhrase.length > 0 ? inPhrase : money ? inClause.filter((d) => d.key.length === 10) : [];
  return [...pool].sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at) || b.key.length - a.key.length)[0];
}

/** The clause's words outside the amount's noun phrase ("X's $1 billion purchase of Y" is a thing named, not done). */
function clauseVerbs(text: string, start: number, end: number, at: number): string {
  const before = text.slice(start, at).replace(/(?:\p{Lu}[\p{L}.&-]*\s?)*['’]s\s*$|\b(?:the|its|their|his|her|this|that)\s*$/u, ' ');
  // After the amount, up to the end of its phrase: ", saying the deal would put …" is another clause.
  const rest = text.slice(at, end);
  const comma = rest.indexOf(',');
  const after = (comma < 0 ? rest : rest.slice(0, comma)).replace(/^\S+(?:\s+(?:million|billion|trillion|bn|m))?\s+[\p{Ll}-]+(?:\s+of\s+(?:\p{Lu}[\p{L}.&-]*\s?)+)?/u, ' ');
  return `${before} ${after}`;
}

/** The words of the amount's clause before it: after the last ";", ":" or sentence stop. */
function clauseBefore(text: string, at: number): string {
  const head = text.slice(0, at);
  return head.slice(Math.max(head.lastIndexOf(';'), head.lastIndexOf(':')) + 1);
}

/** A clause whose subject is a stand-in ("it", "the company"), after a time phrase ("Last month it …"). */
function opensWithStandIn(clause: string): boolean {
  const rest = clause.trim().replace(/^(?:(?:last|this|next|earlier this|later this)\s+(?:week|month|year|quarter|\p{L}+day)|(?:on|in|by|since)\s+\p{L}+(?:\s+\d{1,4})?|\p{L}+\s+ago|meanwhile|separately|also),?\s+/iu, '');
  return STAND_IN.test(rest);
}

// ---------------------------------------------------------------- who pays, who receives

/** Names of the pile that can be a party: organisations used in the pile, longest first. */
function knownNames(corpus: Corpus): Set<string> {
  return corpus.names;
}

/** A name as written in a passage, with its offset; people and datelines left out. */
const candidatesOf = new WeakMap<Passage, { name: string; at: number }[]>();
function candidateNames(p: Passage, known: ReadonlySet<string>): { name: string; at: number }[] {
  let names = candidatesOf.get(p);
  if (!names) {
    names = readCandidates(p, known);
    candidatesOf.set(p, names);
  }
  return names;
}

function readCandidates(p: Passage, known: ReadonlySet<string>): { name: string; at: number }[] {
  return namesIn(p)
    .filter((n) => known.has(n.name) || !n.initial || n.name.includes(' '))
    .filter((n) => !isDateline(p.text, n) && !isListLabel(p.text, n) && !isPerson(p.text, n) && !isSourceOfReport(p.text, n) && !isModifier(p.text, n));
}


/** "VALLEYFORD, 3 June 2024 —": a place in capitals opening a wire story. */
function isDateline(text: string, n: { name: string; at: number }): boolean {
  return n.at < 3 && /^\p{Lu}{3,}$/u.test(n.name) && /^,/.test(text.slice(n.at + n.name.length));
}

/** "Xpeng: in China, …": the label of a list item, not the sentence's subject. */
function isListLabel(text: string, n: { name: string; at: number }): boolean {
  return n.at < 3 && /^\s*:/.test(text.slice(n.at + n.name.length));
}

/** A person: "X said", "chief executive, X", "X, the chief executive", "led by X". */
export function isPerson(text: string, n: { name: string; at: number }): boolean {
  const before = text.slice(Math.max(0, n.at - 40), n.at);
  const after = text.slice(n.at + n.name.length, n.at + n.name.length + 40);
  return (
    /\b(?:chief executive|ceo|cto|cfo|chair(?:man|woman)?|president|founder|director|officer|minister|spokes(?:man|woman|person)|analyst|leader|head|led by)\s*,?\s*$/i.test(before) ||
    /^,?\s+(?:said|told|says|the (?:chief|company's|firm's))\b/i.test(after)
  );
}

/** The subject of the sentence (its first name not after a preposition) and the name after "in", "into", "to" or "for" that follows it. */
function actorsOf(p: Passage, known: ReadonlySet<string>): { party?: string; counterparty?: string } {
  const names = candidateNames(p, known);
  const subject = names.find((n) => !PREPOSITION_BEFORE.test(p.text.slice(Math.max(0, n.at - 12), n.at)));
  if (!subject) return {};
  const object = names.find((n) => n.at > subject.at && n.name !== subject.name && /\b(?:in|into|to|for|with|from)\s+(?:the\s+)?$/i.test(p.text.slice(Math.max(0, n.at - 8), n.at)));
  return object ? { party: subject.name, counterparty: object.name } : { party: subject.name };
}

/**
 * The actors of one amount: "from X"/"by X" after it pays; "X's" before it, or the subject of
 * its clause, pays; "in Y", "into Y", "to Y", "for Y" after it receives.
 */
function actorsOfAmount(p: Passage, at: number, length: number, known: ReadonlySet<string>): { party?: string; counterparty?: string } {
  const text = p.text;
  const after = text.slice(at + length, at + length + 90);
  const result: { party?: string; counterparty?: string } = {};
  const from = /^[^,;:.]*?\b(?:from|by)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}&.'’-]*|of|and)(?:\s+(?:\p{Lu}[\p{L}\p{N}&.'’-]*|of|and))*)/u.exec(after);
  if (from?.[1]) result.party = from[1].replace(/(?:\s+(?:of|and))+$/u, '').replace(/['’]s$/u, '');
  const names = candidateNames(p, known);
  // The receiver follows the amount in its clause ("for $2 billion in November, said it could bid for X": not X).
  const receiver = names.find((n) => n.at > at && n.at < at + length + 60 && !/[,;:]/.test(text.slice(at + length, n.at)) && /\b(?:in|into|to|for)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, n.at - 8), n.at)));
  if (receiver && receiver.name !== result.party) result.counterparty = receiver.name;
  if (result.party) return result;
  // The clause's subject: the first name of the clause before the amount, not after a preposition.
  const clauseStart = Math.max(text.lastIndexOf(';', at), text.lastIndexOf(':', at), text.lastIndexOf(', while', at), text.lastIndexOf(', but', at)) + 1;
  const clause = text.slice(clauseStart, at);
  const subject = names.find((n) => n.at >= clauseStart && n.at < at && !PREPOSITION_BEFORE.test(text.slice(Math.max(0, n.at - 12), n.at)));
  if (subject && !STAND_IN.test(clause.trim())) result.party = subject.name;
  else if (subject && !names.some((n) => n.at >= clauseStart && n.at < subject.at)) result.party = subject.name;
  if (!result.counterparty) {
    const possessed = names.find((n) => n.at >= clauseStart && n.at < at && n !== subject && /\b(?:in|into|to|for)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, n.at - 8), n.at)));
    if (possessed && possessed.name !== result.party) result.counterparty = possessed.name;
  }
  return result;
}

// ---------------------------------------------------------------- one event, one entry

export interface AmountEvent {
  kind: AmountKind;
  amount: string;
  value: number;
  currency: string;
  qualifier?: string;
  party?: string;
  counterparty?: string;
  /** The event's date: its first mention's own date, else its document's. */
  date?: string;
  /** The first mention's own date as written ("in June"), when it gave one. */
  phrase?: string;
  mentions: AmountMention[];
}

/**
 * Mentions of one event merged: same kind, amount and party (names that hold one another are
 * one party), counterparties not in contradiction, and the same month when both give their own
 * date. A mention dated only by its document restates the latest such event before it (a
 * January total repeated in May is the January total); else it is an event of its own.
 */
export function mentionsToEvents(mentions: AmountMention[], canonical: (name: string | undefined) => string | undefined): AmountEvent[] {
  const events: AmountEvent[] = [];
  const byKey = new Map<string, AmountEvent[]>();
  const keyOf = (m: AmountMention) => `${m.kind}|${m.currency}${m.value}|${canonical(m.party) ?? ''}`;
  const own = mentions.filter((m) => m.own);
  const restated = mentions.filter((m) => !m.own);
  for (const m of [...own, ...restated]) {
    const key = keyOf(m);
    const list = byKey.get(key) ?? [];
    const cp = canonical(m.counterparty);
    const compatible = (e: AmountEvent) => cp === undefined || e.counterparty === undefined || canonical(e.counterparty) === cp;
    let event: AmountEvent | undefined;
    if (m.own || m.fresh) event = list.find((e) => compatible(e) && sameMonth(e.date, m.date));
    else event = list.filter((e) => compatible(e) && (e.date === undefined || m.date === undefined || e.date <= m.date)).sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : 1))[0];
    if (!event) {
      event = { kind: m.kind, amount: m.text, value: m.value, currency: m.currency, mentions: [] };
      if (m.qualifier) event.qualifier = m.qualifier;
      const party = canonical(m.party);
      if (party) event.party = party;
      if (cp) event.counterparty = cp;
      if (m.date) event.date = m.date;
      if (m.own) event.phrase = m.own.text;
      list.push(event);
      byKey.set(key, list);
      events.push(event);
    }
    if (!event.counterparty && cp) event.counterparty = cp;
    if (!event.qualifier && m.qualifier) event.qualifier = m.qualifier;
    event.mentions.push(m);
  }
  return events;
}

function sameMonth(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const n = Math.min(a.length, b.length, 7);
  return a.slice(0, n) === b.slice(0, n);
}
