// The drafted sections put together as a summary: takeaways, title, headlines and asOf, with
// where each item came from, for the comments that tell the curator what to review.
import { AlternativeSchema } from '../inputs/summary-schema.js';
import { ungroundedFigures } from '../verify/figures.js';
import type { AmountKind } from './cues.js';
import { cutKey } from './dates.js';
import type { Corpus } from './corpus.js';
import type { Passage } from './nlp.js';
import { isStatementLike, quoteOf, statementOf, titleOf, type Quote } from './quote.js';
import {
  capitalise,
  draftAlternatives,
  draftFriction,
  draftInvestments,
  draftOutlook,
  type DraftAlternative,
  type DraftConflict,
  type DraftInvestment,
  type DraftItem,
  type DraftTopic,
} from './sections.js';
import { draftConflicts } from './conflicts.js';
import { firstSupported, namingQuote, passagePlaces, supported } from './fit.js';

export type DraftSectionKey = 'takeaways' | 'investment' | 'friction' | 'alternatives' | 'outlook' | 'conflicts';
export const DRAFT_SECTIONS: DraftSectionKey[] = ['takeaways', 'investment', 'friction', 'alternatives', 'outlook', 'conflicts'];

export type Cite = { doc: string; quote: string };

/** One drafted entry of a section: the value written to YAML, and the documents it came from. */
export interface Entry {
  value: Record<string, unknown>;
  /** Every document that supports it (cited or not). */
  docs: string[];
  /** A second comment line (the kind of an amount). */
  note?: string;
}

export interface DraftSummary {
  title: string;
  asOf: string;
  headlines: Partial<Record<DraftSectionKey, string>>;
  sections: Record<DraftSectionKey, Entry[]>;
}

export const LIMITS = { takeaways: 4, investment: 12, friction: 8, alternatives: 14, outlook: 6, conflicts: 5 } as const;

const KIND_LABEL: Record<AmountKind, string> = {
  investment: 'investment of',
  total: 'total of',
  valuation: 'valuation of',
  plan: 'plan of',
  debt: 'loan or note of',
  contingent: 'contingent',
};
/** The draft's amount kinds as the summary names them (a chart compares one kind). */
const SUMMARY_KIND: Record<AmountKind, string> = { investment: 'investment', total: 'cumulative total', valuation: 'valuation', plan: 'commitment', debt: 'debt', contingent: 'contingent' };

const KIND_NOTE: Record<AmountKind, string> = {
  investment: 'amount kind: investment (new money)',
  total: 'amount kind: cumulative total (not new money)',
  valuation: 'amount kind: valuation (not money invested)',
  plan: 'amount kind: plan (announced, not yet spent)',
  debt: 'amount kind: debt (a loan or a note, to be repaid or converted)',
  contingent: 'amount kind: contingent (tied to conditions or milestones)',
};

/** The sections drafted from every passage of the corpus (or of the documents `only` names). */
export function corpusToSections(corpus: Corpus, only?: ReadonlySet<string>): Omit<DraftSummary, 'title' | 'asOf' | 'headlines'> & { raw: RawSections } {
  const scoped: Corpus = only ? { ...corpus, passages: corpus.passages.filter((p) => only.has(p.doc.id)) } : corpus;
  const used = new Set<Passage>();
  const investments = topByThenSorted(draftInvestments(scoped, used), LIMITS.investment);
  const alternatives = fairShare(draftAlternatives(scoped, used).filter(validAlternative), LIMITS.alternatives);
  const friction = draftFriction(scoped, used).slice(0, LIMITS.friction);
  for (const f of friction) for (const q of f.quotes) used.add(q.passage);
  const outlook = draftOutlook(scoped, used).slice(0, LIMITS.outlook);
  const conflicts = draftConflicts(scoped, investments).slice(0, LIMITS.conflicts);
  // A party or pursuer resolved from an earlier sentence ("it", "the company"): cite the sentence that names it.
  let places: ReturnType<typeof passagePlaces> | undefined;
  const named = (item: DraftItem, name: string | undefined): void => {
    if (name === undefined || supported(name, item.quotes.map((q) => q.quote), 'name')) return;
    const naming = namingQuote(scoped, (places ??= passagePlaces(scoped)), item.quotes, name);
    if (naming && !item.quotes.some((q) => q.quote === naming.quote && q.passage.doc.id === naming.passage.doc.id)) item.quotes.push(naming);
  };
  for (const inv of investments) named(inv, inv.party);
  for (const alt of alternatives) {
    named(alt, alt.owner);
    named(alt, alt.maker);
  }
  const raw = { investments, alternatives, friction, outlook, conflicts };
  return {
    raw,
    sections: {
      takeaways: takeawaysOf(scoped, raw),
      investment: investments.map(investmentEntry),
      friction: friction.map(topicEntry),
      alternatives: alternatives.map(alternativeEntry),
      outlook: outlook.map(topicEntry),
      conflicts: conflicts.map(conflictEntry),
    },
  };
}

/**
 * The best `n` alternatives, each pursuer's few best kept first (up to `n` over the number of
 * pursuers, at most three), then the rest by rank: one actor's many options do not crowd out
 * the other's. In the order given.
 */
function fairShare(items: DraftAlternative[], n: number): DraftAlternative[] {
  if (items.length <= n) return items;
  const owners = [...new Set(items.map((a) => a.owner))];
  const each = Math.min(3, Math.floor(n / Math.max(1, owners.length)));
  const taken = new Set<DraftAlternative>();
  const count = new Map<string, number>();
  for (const a of items) {
    const c = count.get(a.owner) ?? 0;
    if (c < each) {
      taken.add(a);
      count.set(a.owner, c + 1);
    }
  }
  for (const a of items) if (taken.size < n) taken.add(a);
  return items.filter((a) => taken.has(a));
}

export interface RawSections {
  investments: DraftInvestment[];
  alternatives: DraftAlternative[];
  friction: DraftTopic[];
  outlook: DraftTopic[];
  conflicts: DraftConflict[];
}

export function corpusToDraft(corpus: Corpus, fallbackDate: string): DraftSummary {
  const { sections, raw } = corpusToSections(corpus);
  const orgs = corpus.organisations.filter((o) => !/\d/.test(o)).slice(0, 2);
  const title = orgs.length === 0 ? 'What the sources report' : `${orgs.join(' and ')}: what the sources report`;
  const dates = corpus.documents.map((d) => d.date).filter((d): d is string => d !== undefined).sort();
  return { title, asOf: dates[dates.length - 1] ?? fallbackDate, headlines: headlinesOf(raw, corpus, sections), sections };
}

/** The best-supported few, shown in time order. */
function topByThenSorted(items: DraftInvestment[], n: number): DraftInvestment[] {
  const keep = new Set([...items].sort((a, b) => b.docs.length - a.docs.length || b.value - a.value).slice(0, n));
  return items.filter((i) => keep.has(i));
}

function cites(quotes: Quote[]): Cite[] {
  return quotes.map((q) => ({ doc: q.passage.doc.id, quote: q.quote }));
}

function first(item: DraftItem): Quote {
  return item.quotes[0] as Quote;
}

function investmentEntry(inv: DraftInvestment): Entry {
  const cite = cites(inv.quotes);
  const when = whenOf(inv, cite);
  const amountText = inv.qualifier ? `${inv.qualifier} ${inv.amount}` : inv.amount;
  const lead = inv.party ? `${inv.party}: ` : '';
  // "valuation past $80 billion", "plan of up to $5 billion": a comparing qualifier takes no "of".
  const kindWords = inv.qualifier && /^(?:past|over|more than|above|under|below)$/.test(inv.qualifier) ? KIND_LABEL[inv.kind].replace(/ of$/, '') : KIND_LABEL[inv.kind];
  // A date the sentence gives but the timeline cannot place (a month of another year than its document's) stays in the label.
  let suffix = '';
  if (when === 'undated' && inv.phrase !== undefined) suffix = ` (${inv.phrase})`;
  else if (inv.phrase !== undefined && /^by\b/i.test(inv.phrase)) suffix = ` (${inv.phrase.charAt(0).toLowerCase()}${inv.phrase.slice(1)})`;
  // The kind's words when the quotes say them, else the amount alone (the outputs print its kind beside it);
  // a hedge the quotes put on it kept ("reported", "planned", "possible"); the party when they name it.
  const forms = [`${kindWords} ${amountText}`, amountText, `reported ${kindWords} ${amountText}`, `reported ${amountText}`, `planned ${amountText}`, `possible ${amountText}`];
  const candidates = [...(lead ? forms.map((f) => `${lead}${f}`) : []), ...forms].map((f) => capitalise(f) + suffix);
  const label = firstSupported(candidates, cite.map((c) => c.quote)) ?? (candidates[0] as string);
  const amount: Record<string, string> = { value: inv.amount, kind: SUMMARY_KIND[inv.kind] };
  if (inv.party) amount.party = inv.party;
  if (inv.counterparty) amount.counterparty = inv.counterparty;
  const parties = inv.party ? `; from ${inv.party}${inv.counterparty ? ` to ${inv.counterparty}` : ''}` : '';
  return {
    value: { when, amount, label, text: statementOf(first(inv).quote), cite },
    docs: inv.docs,
    note: `${KIND_NOTE[inv.kind]}${parties}`,
  };
}

/**
 * When the event happened: its date (the sentence's own, else its document's) at the finest
 * precision the verifier can ground in the quotes or the cited documents' dates: the day, the
 * month, the year; else "undated" (listed beside the timeline, not on it).
 */
function whenOf(inv: DraftInvestment, cite: Cite[]): string {
  if (inv.date === undefined) return 'undated';
  const quotes = cite.map((c) => c.quote);
  const dates = inv.quotes.map((q) => q.passage.doc.date).filter((d): d is string => d !== undefined);
  for (const parts of [3, 2, 1]) {
    const key = cutKey(inv.date, parts);
    if (key.split('-').length !== parts) continue;
    if (ungroundedFigures(key, quotes, dates).length === 0) return key;
  }
  return 'undated';
}

/** Its heading's words or its first quote's opening, whichever its quotes support (in that order). */
function topicTitle(topic: DraftTopic): string {
  const own = titleOf(first(topic).quote);
  const candidates = topic.title === undefined ? [own] : [topic.title, own];
  return firstSupported(candidates, topic.quotes.map((q) => q.quote)) ?? (candidates[0] as string);
}

function topicEntry(topic: DraftTopic): Entry {
  return { value: { title: topicTitle(topic), text: statementOf(first(topic).quote), cite: cites(topic.quotes) }, docs: topic.docs };
}

function alternativeEntry(alt: DraftAlternative): Entry {
  const value: Record<string, unknown> = { name: alt.name, kind: alt.kind };
  if (alt.maker) value.maker = alt.maker;
  Object.assign(value, { pursuedBy: alt.owner, text: statementOf(first(alt).quote), cite: cites(alt.quotes) });
  return { value, docs: alt.docs };
}

/** An alternative the summary's schema accepts as it stands (owner and kind may be restricted). */
function validAlternative(alt: DraftAlternative): boolean {
  return AlternativeSchema.safeParse({ name: alt.name, kind: alt.kind, pursuedBy: alt.owner, text: 'x', cite: [{ doc: 'x', quote: 'x' }] }).success;
}

function conflictEntry(conflict: DraftConflict): Entry {
  const sides = conflict.sides.map((s) => ({ text: statementOf(first(s).quote), cite: cites(s.quotes) }));
  // The topic in words its sides' quotes say, else the plainest question.
  const quotes = sides.flatMap((s) => s.cite.map((c) => c.quote));
  const topic = firstSupported([conflict.topic, ...(conflict.fallbacks ?? []), 'What do the sources say?'], quotes, 'hypothetical') ?? conflict.topic;
  return { value: { topic, sides }, docs: [...new Set(conflict.sides.flatMap((s) => s.docs))].sort() };
}

/** Three to five takeaways: the best-supported item of each section, then the next ones, then documents' leads. */
function takeawaysOf(corpus: Corpus, raw: RawSections): Entry[] {
  const bestInvestment = [...raw.investments].sort((a, b) => b.docs.length - a.docs.length || (a.kind === 'total' ? -1 : 0) - (b.kind === 'total' ? -1 : 0) || b.value - a.value)[0];
  const order: (DraftItem | undefined)[] = [
    raw.friction[0],
    bestInvestment,
    raw.alternatives[0],
    raw.outlook[0],
    raw.conflicts[0]?.sides[0],
    raw.friction[1],
    raw.outlook[1],
    raw.alternatives[1],
  ];
  // Each document's first statement, found in one pass over the passages.
  const leadOf = new Map<string, Passage>();
  for (const p of corpus.passages) if (!leadOf.has(p.doc.id) && isStatementLike(p)) leadOf.set(p.doc.id, p);
  const leads = corpus.documents.flatMap((d) => {
    const p = leadOf.get(d.id);
    return p ? [{ quotes: [quoteOf(p)], docs: [d.id], score: 0 } as DraftItem] : [];
  });
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const item of [...order, ...leads]) {
    if (!item || entries.length >= LIMITS.takeaways) continue;
    const quote = first(item);
    if (seen.has(quote.quote)) continue;
    seen.add(quote.quote);
    entries.push({ value: { text: statementOf(quote.quote), cite: cites(item.quotes) }, docs: item.docs });
  }
  return entries;
}

/** The quotes an entry cites (a conflict's through its sides). */
function entryQuotes(entry: Entry): string[] {
  const v = entry.value as { cite?: Cite[]; sides?: { cite: Cite[] }[] };
  return [...(v.cite ?? []), ...(v.sides ?? []).flatMap((side) => side.cite)].map((c) => c.quote);
}

/**
 * Action titles that state each section's point; figures only from the section's own quotes.
 * Each is the first of its forms that the section's quotes support (the support check reads a
 * headline against every quote of its section); a section none of whose forms they support gets
 * no headline (the outputs print its default heading).
 */
function headlinesOf(raw: RawSections, corpus: Corpus, sections: Record<DraftSectionKey, Entry[]>): Partial<Record<DraftSectionKey, string>> {
  const forms: Partial<Record<DraftSectionKey, (string | undefined)[]>> = {};
  // Lower case for a title inside a sentence, unless it starts with a name ("Acme’s …").
  const lower = (t: string) => (/^\p{Lu}\p{Ll}/u.test(t) && !corpus.names.has((/^[\p{L}\p{N}-]+/u.exec(t)?.[0] ?? '').replace(/['’]s$/u, '')) ? t.charAt(0).toLowerCase() + t.slice(1) : t);
  const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
  const total = raw.investments.filter((i) => i.kind === 'total').sort((a, b) => b.docs.length - a.docs.length || b.value - a.value)[0];
  const invested = raw.investments.filter((i) => i.kind === 'investment').sort((a, b) => b.value - a.value)[0];
  const largest = [...raw.investments].sort((a, b) => b.value - a.value)[0];
  const labelOf = (inv: DraftInvestment | undefined) => (inv ? (sections.investment[raw.investments.indexOf(inv)]?.value.label as string | undefined) : undefined);
  if (total) forms.investment = [`Reported total investment reaches ${total.amount}`, `Reported total of ${total.amount}`, `Planned total of ${total.amount}`, labelOf(total) && `${labelOf(total)}, as reported`];
  else if (invested) forms.investment = [`The largest reported investment is ${invested.amount}`, `Largest reported investment: ${invested.amount}`, labelOf(invested) && `${labelOf(invested)}, as reported`];
  else if (largest) forms.investment = [`Amounts reported range up to ${largest.amount}`, labelOf(largest) && `${labelOf(largest)}, as reported`];
  const frictionTitles = raw.friction.slice(0, 3).map((f) => lower(topicTitle(f)));
  if (frictionTitles.length > 0) {
    const two = list(frictionTitles.slice(0, 2));
    forms.friction = [short(`Friction over ${two}`, `Friction over ${frictionTitles[0]}`), short(capitalise(two), capitalise(frictionTitles[0] as string))];
  }
  const owner = raw.alternatives[0]?.owner;
  const kinds = [...new Set(raw.alternatives.map((a) => a.kind))].slice(0, 3);
  const names = [...new Set(raw.alternatives.filter((a) => a.owner === owner).map((a) => a.name))].slice(0, 2);
  if (owner !== undefined) forms.alternatives = [short(`${owner} weighs ${list(kinds)} alternatives`, `${owner} weighs alternatives`), short(`${owner} weighs ${list(names)}`, `${owner} weighs ${names[0] ?? ''}`)];
  const outlookTitles = raw.outlook.slice(0, 2).map((o) => lower(topicTitle(o)));
  if (outlookTitles.length > 0) forms.outlook = [short(`What may come: ${list(outlookTitles)}`, `What may come: ${outlookTitles[0]}`), short(capitalise(list(outlookTitles)), capitalise(outlookTitles[0] as string))];
  if (raw.conflicts.length > 0) forms.conflicts = [raw.conflicts.length === 1 ? 'The sources disagree on one point' : 'The sources disagree on several points'];
  const actors = corpus.organisations.filter((o) => !/\d/.test(o)).slice(0, 2);
  const main = frictionTitles[0];
  if (main !== undefined) forms.takeaways = [short(`${list(actors)}: the main friction is ${main}`, `The main friction: ${main}`)];
  const h: Partial<Record<DraftSectionKey, string>> = {};
  for (const key of DRAFT_SECTIONS) {
    // A headline's figures must be in its section's quotes; the amounts come from them, but make sure.
    const candidates = (forms[key] ?? []).filter((f) => f !== undefined && (key === 'investment' || !/\d/.test(f)));
    const chosen = firstSupported(candidates, sections[key].flatMap(entryQuotes));
    if (chosen !== undefined) h[key] = chosen;
  }
  return h;
}

/** The first text when it fits a slide title's two lines, else the second. */
function short(text: string, fallback: string): string {
  return text.length <= 64 ? text : fallback.length <= 64 ? fallback : fallback.slice(0, fallback.lastIndexOf(' ', 64));
}

