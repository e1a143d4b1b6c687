// Summary + verification → the view the templates see. Every string from the summary or the
// sources is escaped for Markdown here, once: text is data and renders literally.
import { isHeadlineTeamView, isTeamView, type Alternative, type Summary, type Citation, type Investment, type SectionKey } from '../inputs/summary-schema.js';
import { byWhen, isUndated, parseWhen } from '../inputs/when.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import { shownTitle } from '../inputs/shown-title.js';
import { amountRole } from '../inputs/amount-roles.js';
import { extractFigures } from '../verify/figures.js';

/** How many ids of uncited documents the sources slide names before it only counts them. */
const UNCITED_IDS_SHOWN = 20;
import { citationKey } from '../verify/verify.js';
import { distinctSources } from '../verify/source-identity.js';

export const CITE_OPEN = '\uE000';
export const CITE_CLOSE = '\uE001';
/** A line break inside a table cell or list item, from the templates' `br` helper. */
export const LINE_BREAK = '\uE002';
/** A hedge marker: MARK_OPEN, a style letter (i italic, b bold, p plain), the words, MARK_CLOSE. */
export const MARK_OPEN = '\uE003';
export const MARK_CLOSE = '\uE004';

/** A statement's citations, as the templates' `cite` helper takes them. */
export class CiteList {
  constructor(readonly numbers: readonly number[]) {}
  toString(): string {
    return citeMarkers(this.numbers);
  }
}

export function citeMarkers(numbers: readonly number[]): string {
  return numbers.map((n) => `${CITE_OPEN}${n}${CITE_CLOSE}`).join('');
}

/** Backslash-escape every ASCII punctuation mark Markdown could read; fold line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\uE000-\uF8FF]/g, '')
    // Any line break (a carriage return too) inside a statement is a space: it stays in its bullet.
    .replace(/\s*[\n\r\u2028\u2029\u0085]\s*/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&=:"]/g, '\\$&');
}

/** A kind as a group heading: as the summary writes it, with a capital first letter. */
export function kindLabel(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** Alternatives grouped by kind, groups in order of first appearance; those without a kind first, unlabelled. */
export function groupByKind<T extends Pick<Alternative, 'kind'>>(items: readonly T[]): { kind: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  if (items.some((a) => a.kind === undefined)) groups.set('', []);
  for (const item of items) {
    const key = item.kind ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups].map(([kind, members]) => ({ kind, items: members }));
}

export const DEFAULT_HEADLINES = {
  takeaways: 'Key takeaways',
  recommendations: 'What we recommend',
  investment: 'Investment history',
  friction: 'Friction points',
  alternatives: 'Alternatives',
  outlook: 'Outlook and scenarios',
  conflicts: 'Where the sources disagree',
  implications: 'What this means for us',
  watch: 'What to watch',
};

export function formatLongDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}

export interface Markers {
  /** After a statement that belongs to a conflict (cites a passage a side of a conflict cites). */
  disputed: string;
  /** After a statement only one document supports. */
  single: string;
  /** How the marker is set: the theme decides. */
  style: 'italic' | 'bold' | 'plain';
  /** The label before a statement that is the team's view (set in capitals); "Our view" when not given. */
  view?: string;
}

export const DEFAULT_MARKERS: Required<Markers> = { disputed: '(disputed)', single: '(1 source)', style: 'italic', view: 'Our view' };

export interface ViewExtras {
  /** The change report of the build (issue: regeneration), already escaped. */
  changes?: unknown;
  /** The hedge markers' wording and look, from the theme. */
  markers?: Markers;
}

/** An amount kind as a reader sees it: the known kinds in words, "commitment" as "commitment or plan". */
export function amountKindLabel(kind: string | undefined): string {
  if (kind === undefined) return 'Amount';
  const k = normalKind(kind);
  return kindLabel(k === 'commitment' ? 'commitment or plan' : k);
}

/** A kind folded for grouping: lower case, single spaces; "plan" and "commitment or plan" are "commitment". */
export function normalKind(kind: string | undefined): string {
  if (kind === undefined) return '';
  const k = kind.trim().toLowerCase().replace(/\s+/g, ' ');
  return k === 'plan' || k === 'commitment or plan' || k === 'commitment/plan' ? 'commitment' : k;
}

/** Alternatives grouped by who pursues them, in order of first appearance; several groups only when several pursuers. */
export function groupByPursuer<T extends { pursuedBy?: string | undefined }>(items: readonly T[]): { pursuedBy: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.pursuedBy ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups].map(([pursuedBy, members]) => ({ pursuedBy, items: members }));
}

/** The reader: who, what they hold, what they decide; empty strings when the summary does not say. */
function readerOf(summary: Summary, e: (text: string) => string): { who: string; holds: string; decides: string } {
  const a = summary.audience;
  return { who: e(a?.who ?? ''), holds: e(a?.holds ?? ''), decides: e(a?.decides ?? '') };
}

/**
 * Each section's label, the deck's kicker: the bottom line and what it means name the reader when
 * the summary does. A label is written into a directive (<!-- subtitle: … -->), read as it is, not
 * as Markdown: no escapes, and nothing that could end the comment.
 */
function labelsFor(summary: Summary): Record<string, string> {
  const labels: Record<string, string> = { ...DEFAULT_HEADLINES };
  const who = summary.audience?.who;
  if (who !== undefined) {
    labels.takeaways = `Bottom line for ${who}`;
    labels.implications = `What it means for ${who}`;
  }
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, directiveText(v)]));
}

/** Text for a directive's value: one line, none of the tool's marker characters, no "--" that could close the comment. */
export function directiveText(text: string): string {
  return text
    .replace(/[\uE000-\uF8FF]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '–')
    .trim();
}

/** An amount as money: its value and currency, when it is one. */
function moneyOf(value: string | undefined): { value: number; currency: string } | undefined {
  if (value === undefined) return undefined;
  const money = extractFigures(value).find((f) => f.kind === 'money');
  return money?.kind === 'money' ? { value: money.value, currency: money.currency } : undefined;
}

/** What the history chart needs of an event. */
interface ChartEvent {
  series: string;
  party: string;
  amount: string;
  whenShown: string;
  dated: boolean;
  money: { value: number; currency: string } | undefined;
  at: number | undefined;
}

/** The series drawn as money: bars of new money and the running total's line. */
const MONEY_SERIES = new Set(['new money', 'total']);
/** Series drawn as markers beside the money. */
const MARKER_SERIES = new Set(['valuation', 'plan']);

/**
 * The history chart: one party's new money (bars) and running total (a line) by date, with
 * valuations and plans in the same currency as markers of their own; drawn when at least two
 * dated amounts of money are in one currency. Everything else is a call-out: undated amounts,
 * other parties' money, other currencies, other kinds, amounts without a kind. Its title states
 * the point, in the amounts' own words: "Acme's investment reached $3 billion by 2024, against
 * $40 billion planned"; a running total dated after the briefing's date (`asOf`) is one the
 * sources expect, not one reached: "… investment to reach $25 billion by 2028".
 */
export function historyChart<T extends ChartEvent>(withAmounts: readonly T[], asOf?: string): { title: string; party: string; currency: string; kindLabel: string; items: T[]; callouts: T[] } | null {
  const money = withAmounts.filter((i) => i.dated && i.money && MONEY_SERIES.has(i.series));
  // The party with the most dated amounts of money (the first to reach it, in time order), and its currency.
  const counts = new Map<string, number>();
  for (const i of money) counts.set(`${i.party}\u0000${i.money?.currency}`, (counts.get(`${i.party}\u0000${i.money?.currency}`) ?? 0) + 1);
  const [key, count] = [...counts].reduce<[string, number] | [undefined, 0]>((best, entry) => (entry[1] > best[1] ? entry : best), [undefined, 0]);
  if (key === undefined || count < 2) return null;
  const [party, currency] = key.split('\u0000') as [string, string];
  const plotted = withAmounts.filter(
    (i) => i.dated && i.money?.currency === currency && ((MONEY_SERIES.has(i.series) && i.party === party) || MARKER_SERIES.has(i.series)),
  );
  const callouts = withAmounts.filter((i) => !plotted.includes(i));
  return { title: chartTitle(plotted, party, parseWhen(asOf)?.at), party, currency, kindLabel: MONEY_SERIES.has(plotted[0]?.series ?? '') ? 'Money' : '', items: plotted, callouts };
}

/** The history chart's action title, from its own amounts and dates (already escaped). */
function chartTitle(items: readonly ChartEvent[], party: string, asOfAt: number | undefined): string {
  const last = <K extends ChartEvent>(list: readonly K[]) => list[list.length - 1];
  const totals = items.filter((i) => i.series === 'total');
  const news = items.filter((i) => i.series === 'new money');
  const whose = party === '' ? '' : `${party}: `;
  let point: string;
  const total = last(totals);
  const ahead = total?.at !== undefined && asOfAt !== undefined && total.at > asOfAt;
  if (total) point = `${whose}investment ${ahead ? 'to reach' : 'reached'} ${total.amount} by ${total.whenShown}`;
  else {
    const first = news[0] as ChartEvent;
    const latest = last(news) as ChartEvent;
    point = `${whose}new money from ${first.amount} in ${first.whenShown} to ${latest.amount} in ${latest.whenShown}`;
  }
  const plan = last(items.filter((i) => i.series === 'plan'));
  const valuation = last(items.filter((i) => i.series === 'valuation'));
  const titled = plan ? `${point}, against ${plan.amount} planned` : valuation ? `${point}; valued at ${valuation.amount} in ${valuation.whenShown}` : point;
  return titled.charAt(0).toUpperCase() + titled.slice(1);
}

/** The template context: a plain object of escaped strings, numbers, arrays and CiteLists. */
export function workspaceToView(ws: VerifiedWorkspace, extras: ViewExtras = {}): Record<string, unknown> {
  const summary = ws.summary as Summary;
  const numbers = ws.verification?.numberOf ?? new Map<string, number>();
  const cite = (list: Citation[]) => new CiteList([...new Set(list.map((c) => numbers.get(citationKey(c))).filter((n): n is number => n !== undefined))]);
  const e = escapeMarkdown;
  // The documents the verifier resolved citations to (as the --json report counts them).
  const citedIds = new Set((ws.verification?.citations ?? []).map((c) => c.doc));
  const citedDocuments = ws.documents.filter((d) => citedIds.has(d.id));
  const uncitedDocuments = ws.documents.filter((d) => !citedIds.has(d.id));
  const documentView = (d: (typeof ws.documents)[number]) => ({ id: e(d.id), title: e(shownTitle(d)), editorTitle: d.titleFrom === 'editor', date: d.date === undefined ? '' : d.dateFrom === 'editor' ? `[${d.date}]` : d.date, file: e(d.name), publisher: e(d.publisher ?? '') });
  const markers = extras.markers ?? DEFAULT_MARKERS;
  // A passage that overlaps one a side of a conflict cites (the verifier says which): any statement citing it is disputed.
  const disputedPassages = ws.verification?.disputedKeys ?? new Set(summary.conflicts.flatMap((c) => c.sides.flatMap((side) => side.cite.map(citationKey))));
  const canonicalOf = ws.verification?.canonicalOf;
  // Not Markdown emphasis: "*(1 source)*" before a citation is no emphasis to CommonMark and
  // would print its asterisks. The marker characters become a styled text run in the model.
  const setMarker = (words: string) => ` ${MARK_OPEN}${markers.style.charAt(0)}${e(words)}${MARK_CLOSE}`;
  /** The hedge a shortened form must keep: "(disputed)", "(1 source)", or nothing. */
  const hedge = (list: Citation[]) => {
    if (list.some((c) => disputedPassages.has(citationKey(c)))) return { mark: setMarker(markers.disputed), disputed: true, singleSource: false };
    // Documents of the same content (one article saved twice) are one source.
    const documents = distinctSources(list, canonicalOf);
    if (documents === 1) return { mark: setMarker(markers.single), disputed: false, singleSource: true };
    return { mark: '', disputed: false, singleSource: false };
  };
  // The team's view is labelled before the statement, in capitals ("OUR VIEW"): a label, not a hedge.
  const viewWords = markers.view ?? DEFAULT_MARKERS.view;
  const viewLabel = `${MARK_OPEN}c${e(viewWords)}${MARK_CLOSE}`;
  const teamView = (item: { view?: boolean | undefined }) => ({ view: isTeamView(item), viewMark: isTeamView(item) ? `${viewLabel} ` : '' });
  const statement = <T extends { text: string; cite: Citation[]; view?: boolean | undefined }>(item: T) => ({ text: e(item.text), cite: cite(item.cite), ...hedge(item.cite), ...teamView(item) });

  const event = (i: Investment) => {
    const when = parseWhen(i.when);
    const amount = i.amount;
    return {
      ...statement(i),
      /** The date as written in the summary (the deck's timeline reads it to place the event). */
      when: isUndated(i.when) ? '' : e(i.when ?? ''),
      /** The date as a reader sees it: "Jan 2023", "2019–2023"; the summary's words when it is not a date. */
      whenShown: isUndated(i.when) ? '' : e(when?.display ?? i.when ?? ''),
      dated: when !== undefined,
      amount: e(amount?.value ?? ''),
      amountKind: e(amount?.kind ?? ''),
      amountKindLabel: e(amountKindLabel(amount?.kind)),
      /** The kind in running text: "cumulative total", "commitment or plan"; empty without a kind. */
      amountKindWords: amount?.kind === undefined ? '' : e(amountKindLabel(amount.kind).toLowerCase()),
      party: e(amount?.party ?? ''),
      label: e(i.label),
      /** The kind folded for grouping (not for display). */
      kindKey: normalKind(amount?.kind),
      /** What the amount is on a chart: new money, total, valuation, plan, other; empty without a kind. */
      series: amountRole(amount?.kind) ?? '',
      /** The amount's value and currency, read as a figure (for charting); absent when it is no money amount. */
      money: moneyOf(amount?.value),
      /** Its place in time, when dated. */
      at: when?.at,
    };
  };
  const events = byWhen(summary.investment, (i) => parseWhen(i.when)).map(event);
  const withAmounts = events.filter((i) => i.amount !== '');
  // Amounts grouped by kind, in order of first appearance in time (those without a kind last).
  const kindGroups = new Map<string, typeof withAmounts>();
  for (const item of [...withAmounts.filter((i) => i.kindKey !== ''), ...withAmounts.filter((i) => i.kindKey === '')]) {
    kindGroups.set(item.kindKey, [...(kindGroups.get(item.kindKey) ?? []), item]);
  }
  const amountsByKind = [...kindGroups].map(([kind, items]) => ({ kind: e(kind), label: e(amountKindLabel(kind === '' ? undefined : kind)), items }));
  const chart = historyChart(withAmounts, summary.asOf);

  const alternatives = summary.alternatives.map((a) => ({
    ...statement(a),
    name: e(a.name),
    kind: a.kind,
    kindLabel: e(kindLabel(a.kind ?? '')),
    maker: e(a.maker ?? ''),
    pursuedBy: e(a.pursuedBy ?? ''),
    /** Whether it is someone else's (made by another than who pursues it): worth saying in prose. */
    otherMaker: a.maker !== undefined && a.maker !== a.pursuedBy,
    /** The older name of pursuedBy, for templates written before it. */
    owner: e(a.pursuedBy ?? ''),
  }));
  const pursuers = groupByPursuer(alternatives);
  const headlines = Object.fromEntries(
    Object.entries(DEFAULT_HEADLINES).map(([k, fallback]) => [k, e(summary.headlines[k as keyof typeof DEFAULT_HEADLINES] ?? fallback)]),
  );
  return {
    title: e(summary.title),
    subtitle: e(summary.subtitle),
    asOf: summary.asOf,
    asOfLong: formatLongDate(summary.asOf),
    author: e(summary.author ?? ''),
    /** Who reads, in one line (as before the audience could say more). */
    audience: e(summary.audience?.who ?? ''),
    /** Who reads, what they hold and what they decide: the reader the answer is for. */
    reader: readerOf(summary, e),
    memo: {
      to: e(summary.memo.to ?? summary.audience?.who ?? ''),
      from: e(summary.memo.from ?? summary.author ?? ''),
      subject: e(summary.memo.subject ?? summary.title),
    },
    headlines,
    /** The bottom line's headline when the summary gives one: the answer, which the memo opens with. */
    answer: e(summary.headlines.takeaways ?? ''),
    /** For a headline that is the team's view: " · Our view" for the slide's kicker, the label for the memo's heading. */
    // What we recommend is the team's view by nature: its kicker and memo heading always say so.
    headlineViews: Object.fromEntries(Object.keys(DEFAULT_HEADLINES).map((k) => [k, isHeadlineTeamView(summary, k as SectionKey) || k === 'recommendations' ? ` · ${e(viewWords)}` : ''])),
    headlineMarks: Object.fromEntries(Object.keys(DEFAULT_HEADLINES).map((k) => [k, isHeadlineTeamView(summary, k as SectionKey) || k === 'recommendations' ? ` ${viewLabel}` : ''])),
    labels: labelsFor(summary),
    /** The words that mark the team's own view (the theme's markers.view): recommendations, likelihoods. */
    ourView: e(viewWords),
    /** The same words inside a sentence: "likely (our view)". */
    ourViewInline: e(viewWords.toLowerCase()),
    takeaways: summary.takeaways.map(statement),
    implications: summary.implications.map((i) => ({ ...statement(i), title: e(i.title) })),
    watch: byWhen(summary.watch, (w) => parseWhen(w.when)).map((w) => ({
      ...statement({ text: w.signpost, cite: w.cite, view: w.view }),
      signpost: e(w.signpost),
      confirms: e(w.confirms ?? ''),
      refutes: e(w.refutes ?? ''),
      when: isUndated(w.when) ? '' : e(w.when ?? ''),
      whenShown: isUndated(w.when) ? '' : e(parseWhen(w.when)?.display ?? w.when ?? ''),
    })),
    /** Every event, dated ones first in time order, then the undated in the summary's order. */
    investment: events,
    /** The dated events, in time order: the timeline. */
    timeline: events.filter((i) => i.dated),
    /** Events without a date: listed beside the timeline, never on it. */
    undated: events.filter((i) => !i.dated),
    investmentWithAmounts: withAmounts,
    amountsByKind,
    /** Whether the amounts are of more than one kind (a table must then say which). */
    amountsMixKinds: amountsByKind.length > 1,
    chart,
    friction: summary.friction.map((f) => ({ ...statement(f), title: e(f.title) })),
    alternatives,
    alternativesByKind: groupByKind(alternatives).map((g) => ({ kind: e(g.kind), label: e(kindLabel(g.kind)), items: g.items })),
    /** Alternatives by whose option they are, each group by kind: one table (one title) per pursuer. */
    alternativesByPursuer: pursuers.map((p) => ({
      pursuedBy: p.pursuedBy,
      byKind: groupByKind(p.items).map((g) => ({ kind: e(g.kind), label: e(kindLabel(g.kind)), items: g.items })),
      haveKind: p.items.some((a) => a.kind !== undefined),
      haveMaker: p.items.some((a) => a.maker !== ''),
    })),
    /** Whether the alternatives are pursued by several parties (a table and a title for each). */
    alternativesSplit: pursuers.length > 1,
    /** Whether any alternative has a kind, a maker, a pursuer: a column no item fills is left out. */
    alternativesHaveKind: summary.alternatives.some((a) => a.kind !== undefined),
    alternativesHaveMaker: summary.alternatives.some((a) => a.maker !== undefined),
    alternativesHavePursuer: summary.alternatives.some((a) => a.pursuedBy !== undefined),
    alternativesHaveOwner: summary.alternatives.some((a) => a.pursuedBy !== undefined),
    outlook: summary.outlook.map((o) => ({ ...statement(o), title: e(o.title), likelihood: e(o.likelihood ?? ''), trigger: e(o.trigger ?? '') })),
    /** Whether any scenario gives a likelihood or a trigger (the deck then sets the outlook as a table). */
    outlookScenarios: summary.outlook.some((o) => o.likelihood !== undefined || o.trigger !== undefined),
    /** What the team recommends: its own view, each with an owner and a date, citing what it rests on. */
    recommendations: summary.recommendations.map((r) => ({
      ...statement(r),
      owner: e(r.owner),
      when: e(r.when),
      whenShown: e(parseWhen(r.when)?.display ?? r.when),
    })),
    conflicts: summary.conflicts.map((c) => ({ topic: e(c.topic), sides: c.sides.map(statement) })),
    /** The documents the summary cites, in id order: what the sources slide lists. */
    documents: citedDocuments.map(documentView),
    /** Every document of the workspace, cited or not. */
    allDocuments: ws.documents.map(documentView),
    /** The documents no statement cites: a count and their ids (the first 20), for one line, not a list of thousands. */
    uncited: {
      count: uncitedDocuments.length,
      total: ws.documents.length,
      ids: uncitedDocuments.slice(0, UNCITED_IDS_SHOWN).map((d) => e(d.id)).join(', '),
      more: Math.max(0, uncitedDocuments.length - UNCITED_IDS_SHOWN),
    },
    /** Whether a title is the editor's (shown in brackets): the sources slide says what brackets mean. */
    editorTitles: citedDocuments.some((d) => d.titleFrom === 'editor' || d.titleFrom === 'lead'),
    /** Whether a date is the editor's (shown in brackets): the document gives none of its own. */
    editorDates: citedDocuments.some((d) => d.dateFrom === 'editor'),
    changes: extras.changes ?? null,
  };
}
