// Summary + verification → the view the templates see. Every string from the summary or the
// sources is escaped for Markdown here, once: text is data and renders literally.
import type { Alternative, Summary, Citation } from '../inputs/summary-schema.js';
import type { LoadedWorkspace } from '../inputs/workspace.js';
import { citationKey } from '../verify/verify.js';

export const CITE_OPEN = '\uE000';
export const CITE_CLOSE = '\uE001';
/** A line break inside a table cell or list item, from the templates' `br` helper. */
export const LINE_BREAK = '\uE002';

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

const DEFAULT_HEADLINES = {
  takeaways: 'Key takeaways',
  investment: 'Investment history',
  friction: 'Friction points',
  alternatives: 'Alternatives',
  outlook: 'Outlook and scenarios',
  conflicts: 'Where the sources disagree',
};

export function formatLongDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}

export interface ViewExtras {
  /** The change report of the build (issue: regeneration), already escaped. */
  changes?: unknown;
}

/** The template context: a plain object of escaped strings, numbers, arrays and CiteLists. */
export function workspaceToView(ws: LoadedWorkspace, extras: ViewExtras = {}): Record<string, unknown> {
  const summary = ws.summary as Summary;
  const numbers = new Map<string, number>();
  for (const c of ws.verification?.citations ?? []) numbers.set(citationKey(c), c.n);
  const cite = (list: Citation[]) => new CiteList(list.map((c) => numbers.get(citationKey(c))).filter((n): n is number => n !== undefined));
  const e = escapeMarkdown;
  const statement = <T extends { text: string; cite: Citation[] }>(item: T) => ({ text: e(item.text), cite: cite(item.cite) });
  const alternatives = summary.alternatives.map((a) => ({
    ...statement(a),
    name: e(a.name),
    kind: a.kind,
    kindLabel: e(kindLabel(a.kind ?? '')),
    owner: e(a.owner ?? ''),
  }));
  const headlines = Object.fromEntries(
    Object.entries(DEFAULT_HEADLINES).map(([k, fallback]) => [k, e(summary.headlines[k as keyof typeof DEFAULT_HEADLINES] ?? fallback)]),
  );
  return {
    title: e(summary.title),
    subtitle: e(summary.subtitle),
    asOf: summary.asOf,
    asOfLong: formatLongDate(summary.asOf),
    author: e(summary.author ?? ''),
    audience: e(summary.audience ?? ''),
    memo: {
      to: e(summary.memo.to ?? summary.audience ?? ''),
      from: e(summary.memo.from ?? summary.author ?? ''),
      subject: e(summary.memo.subject ?? summary.title),
    },
    headlines,
    labels: Object.fromEntries(Object.entries(DEFAULT_HEADLINES).map(([k, v]) => [k, e(v)])),
    takeaways: summary.takeaways.map(statement),
    investment: summary.investment.map((i) => ({ ...statement(i), when: e(i.when), amount: e(i.amount ?? ''), label: e(i.label) })),
    investmentWithAmounts: summary.investment
      .filter((i) => i.amount !== undefined)
      .map((i) => ({ ...statement(i), when: e(i.when), amount: e(i.amount ?? ''), label: e(i.label) })),
    friction: summary.friction.map((f) => ({ ...statement(f), title: e(f.title) })),
    alternatives,
    alternativesByKind: groupByKind(alternatives).map((g) => ({ kind: e(g.kind), label: e(kindLabel(g.kind)), items: g.items })),
    /** Whether any alternative has a kind, an owner: a column no item fills is left out. */
    alternativesHaveKind: summary.alternatives.some((a) => a.kind !== undefined),
    alternativesHaveOwner: summary.alternatives.some((a) => a.owner !== undefined),
    outlook: summary.outlook.map((o) => ({ ...statement(o), title: e(o.title) })),
    conflicts: summary.conflicts.map((c) => ({ topic: e(c.topic), sides: c.sides.map(statement) })),
    documents: ws.documents.map((d) => ({ id: e(d.id), title: e(d.title), date: d.date ?? '', file: e(d.name), publisher: e(d.publisher ?? '') })),
    changes: extras.changes ?? null,
  };
}
