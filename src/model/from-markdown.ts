// Markdown rendered by the templates → the typed Deck and Memo.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { currencyShown, extractFigures } from '../verify/figures.js';
import { statementsOf } from '../verify/verify.js';
import { distinctSources } from '../verify/source-identity.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import { shownTitle } from '../inputs/shown-title.js';
import { markdownToBlocks } from './markdown-blocks.js';
import { placeLabel } from '../inputs/document.js';
import { parseWhen } from '../inputs/when.js';
import { amountKindLabel, normalKind } from '../template/view.js';
import { PARSE_ONCE } from '../diagnostics/zod-once.js';
import {
  citesOf,
  DeckSchema,
  MemoSchema,
  plainText,
  SLIDE_LAYOUTS,
  type Block,
  type CitationRef,
  type Deck,
  type Inline,
  type Memo,
  type Meta,
  type Slide,
  type SlideLayout,
  type TimelineEvent,
  type ChartPoint,
  type TableBlock,
} from './types.js';
import { AMOUNT_ROLES, amountRole } from '../inputs/amount-roles.js';
import { pushAll, maxOf } from '../common/arrays.js';

export function workspaceToMeta(ws: VerifiedWorkspace): Meta {
  const s = ws.summary;
  if (!s) throw new Error('workspaceToMeta needs a loaded summary');
  const meta: Meta = {
    title: s.title,
    subtitle: s.subtitle,
    asOf: s.asOf,
    subject: s.memo.subject ?? s.title,
    keywords: ['briefing', ...s.alternatives.map((a) => a.name)].slice(0, 12),
  };
  if (s.author !== undefined) meta.author = s.author;
  const to = s.memo.to ?? s.audience?.who;
  const from = s.memo.from ?? s.author;
  if (to !== undefined) meta.to = to;
  if (from !== undefined) meta.from = from;
  return meta;
}

export function workspaceToCitationRefs(ws: VerifiedWorkspace): CitationRef[] {
  const docs = new Map(ws.documents.map((d) => [d.id, d]));
  const support = supportByCitation(ws);
  return (ws.verification?.citations ?? []).map((c) => {
    const doc = docs.get(c.doc);
    const ref: CitationRef = {
      n: c.n,
      doc: c.doc,
      docTitle: doc ? shownTitle(doc) : c.doc,
      file: doc?.name ?? c.doc,
      // A passage that runs over several lines of its file reads as one line in a reference.
      quote: (c.passage ?? c.quote).replace(/\s+/g, ' '),
      line: c.line ?? 1,
      place: placeLabel(doc?.format, c.page !== undefined ? { line: c.line ?? 1, page: c.page } : { line: c.line ?? 1 }),
    };
    if (doc?.date !== undefined) ref.docDate = doc.date;
    if (doc?.dateFrom === 'editor') ref.docDateFromEditor = true;
    const documents = support.get(c.n);
    if (documents !== undefined) ref.support = documents;
    return ref;
  });
}

/** Citation number → how many documents support the statements citing it (the fewest). */
function supportByCitation(ws: VerifiedWorkspace): Map<number, number> {
  const out = new Map<number, number>();
  const numbers = ws.verification?.numbersByStatement;
  if (!ws.summary || !numbers) return out;
  const known = new Set(ws.documents.map((d) => d.id));
  for (const s of statementsOf(ws.summary)) {
    const documents = distinctSources(s.cite, ws.verification?.canonicalOf, known);
    for (const n of numbers.get(s.path.join('.')) ?? []) out.set(n, Math.min(out.get(n) ?? documents, documents));
  }
  return out;
}

const DIRECTIVE = /<!--\s*(layout|subtitle)\s*:\s*([\s\S]*?)-->/g;
const NOTES = /<!--\s*notes\s*:?([\s\S]*?)-->/g;

export function markdownToDeck(markdown: string, ws: VerifiedWorkspace, file: string, templateSource?: string): { deck?: Deck; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const citations = workspaceToCitationRefs(ws);
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  const slides: Slide[] = [];
  let charts = 0;
  for (const chunk of splitSlides(markdown)) {
    let layout = 'bullets' as SlideLayout;
    let subtitle: string | undefined;
    const talking: string[] = [];
    let body = chunk.text.replace(NOTES, (_m, notes: string) => {
      pushAll(talking, notesToText(notes));
      return '';
    });
    body = body.replace(DIRECTIVE, (_m, key: string, value: string) => {
      const v = value.trim();
      if (key === 'layout') {
        if ((SLIDE_LAYOUTS as readonly string[]).includes(v)) layout = v as SlideLayout;
        else diagnostics.push(diagnostic('template-error', `unknown slide layout "${v}" (layouts: ${SLIDE_LAYOUTS.join(', ')})`, { file, line: chunk.line }));
      } else subtitle = v;
      return '';
    });
    if (body.trim() === '') continue;
    let blocks = markdownToBlocks(body, `s${slides.length + 1}`);
    const titleIndex = blocks.findIndex((b) => b.type === 'heading');
    let title = '';
    if (titleIndex >= 0) {
      title = plainText((blocks[titleIndex] as Extract<Block, { type: 'heading' }>).inlines).trim();
      blocks = blocks.filter((_, k) => k !== titleIndex);
    }
    if (layout === 'timeline') blocks = blocks.map(tableToTimeline);
    if (layout === 'chart') {
      const converted = blocks.map((b) => tableToChart(b, ws));
      blocks = converted.map((c) => c.block);
      const line = chartTemplateLine(templateSource, charts++) ?? chunk.line;
      for (const problem of converted.flatMap((c) => c.problems)) diagnostics.push(diagnostic(problem.rule, problem.message, { file, line }));
    }
    const cites = unique(blocks.flatMap(blockCites));
    const sources = unique(cites.map((n) => byNumber.get(n)?.doc ?? '').filter((d) => d !== '')).sort();
    const slide: Slide = { layout, title, blocks, notes: { talkingPoints: talking, citations: cites }, cites, sources };
    if (subtitle !== undefined) slide.subtitle = subtitle;
    slides.push(slide);
  }
  if (slides.length === 0) {
    diagnostics.push(diagnostic('template-error', 'the deck template produced no slides', { file }));
    return { diagnostics };
  }
  const deck = DeckSchema.parse({ meta: workspaceToMeta(ws), slides, citations }, PARSE_ONCE);
  return { deck, diagnostics };
}

export function markdownToMemo(markdown: string, ws: VerifiedWorkspace): { memo: Memo; diagnostics: Diagnostic[] } {
  const blocks = markdownToBlocks(markdown.replace(/<!--[\s\S]*?-->/g, ''), 'sec');
  const memo = MemoSchema.parse({ meta: workspaceToMeta(ws), blocks, citations: workspaceToCitationRefs(ws) }, PARSE_ONCE);
  return { memo, diagnostics: [] };
}

function splitSlides(markdown: string): { text: string; line: number }[] {
  const chunks: { text: string; line: number }[] = [];
  let current: string[] = [];
  let start = 1;
  markdown.split('\n').forEach((line, k) => {
    if (/^---\s*$/.test(line)) {
      chunks.push({ text: current.join('\n'), line: start });
      current = [];
      start = k + 2;
    } else current.push(line);
  });
  chunks.push({ text: current.join('\n'), line: start });
  return chunks;
}

function notesToText(notes: string): string[] {
  return markdownToBlocks(notes).flatMap((b) => {
    if (b.type === 'list') return b.items.map((item) => `• ${inlineText(item)}`);
    if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote') return [inlineText(b.inlines)];
    return [];
  });
}

function inlineText(items: Inline[]): string {
  return items.map((i) => (i.type === 'text' ? i.text : i.type === 'cite' ? `[${i.n}]` : ' ')).join('');
}

export function blockCites(block: Block): number[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'quote':
      return citesOf(block.inlines);
    case 'list':
      return block.items.flatMap(citesOf);
    case 'table':
      return [...block.header.flatMap(citesOf), ...block.rows.flatMap((r) => r.flatMap(citesOf))];
    case 'timeline':
      return block.events.flatMap((e) => citesOf(e.label));
    case 'chart':
      return block.cites;
  }
}

/**
 * A table's rows as timeline events: the first column is when, the last the event; between them
 * the columns headed "Amount" and "Kind" (without headings: the second column is the amount).
 */
function tableToTimeline(block: Block): Block {
  if (block.type !== 'table') return block;
  const headed = (name: string) => block.header.findIndex((h, k) => k > 0 && k < block.header.length - 1 && plainText(h).trim().toLowerCase() === name);
  const amountColumn = headed('amount') >= 0 ? headed('amount') : block.header.length >= 3 ? 1 : -1;
  const kindColumn = headed('kind');
  const events = block.rows.map((row) => {
    const written = plainText(row[0] ?? []).trim();
    const when = parseWhen(written);
    const event: TimelineEvent = { when: when?.display ?? written, label: row[row.length - 1] ?? [] };
    if (when) Object.assign(event, { at: when.at, from: when.from, to: when.to });
    const amount = amountColumn >= 0 ? plainText(row[amountColumn] ?? []).trim() : '';
    if (amount !== '') event.amount = amount;
    const kind = kindColumn >= 0 ? plainText(row[kindColumn] ?? []).trim() : '';
    if (kind !== '') event.kind = kind;
    return event;
  });
  return events.length > 0 ? { type: 'timeline', events } : block;
}

/** The line of the deck template that starts its `n`-th chart slide (0-based), when it can be found. */
function chartTemplateLine(source: string | undefined, n: number): number | undefined {
  if (source === undefined) return undefined;
  const lines = source.split('\n');
  let seen = -1;
  for (let k = 0; k < lines.length; k++) {
    if (!/<!--\s*layout\s*:\s*chart\s*-->/.test(lines[k] as string)) continue;
    if (++seen < n) continue;
    // The chart's table: its first row after the directive.
    for (let j = k + 1; j < lines.length; j++) if ((lines[j] as string).trim().startsWith('|')) return j + 1;
    return k + 1;
  }
  return undefined;
}

const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1, ''],
];

type ChartProblem = { rule: 'template-error' | 'chart-mixed-kinds'; message: string };

/**
 * A table's rows as a chart. With columns headed When and Series (When | Series | Event | Amount),
 * a history chart: each row a dated amount in its series (new money, total, valuation, plan); a
 * row whose amount is of another kind than its series says is an error. Else (Label | … | Amount)
 * a bar chart of one kind of amount: a row's kind is the kind of the summary's amount its citations
 * come from, and rows of several kinds are an error. A chart compares like with like.
 */
function tableToChart(block: Block, ws: VerifiedWorkspace): { block: Block; problems: ChartProblem[] } {
  if (block.type !== 'table') return { block, problems: [] };
  const column = (name: string) => block.header.findIndex((h) => plainText(h).trim().toLowerCase() === name);
  if (column('when') >= 0 && column('series') >= 0) return tableToHistory(block, ws, column('when'), column('series'));
  const problems: ChartProblem[] = [];
  const rows: { label: string; display: string; value: number; currency: string; kind: string | undefined }[] = [];
  const kindOfRow = rowKinds(ws);
  for (const row of block.rows) {
    const label = plainText(row[0] ?? []).trim();
    const money = moneyCell(row[row.length - 1] ?? []);
    if (!money) {
      problems.push({ rule: 'template-error', message: `chart row "${label}" has no amount of money in its last column` });
      continue;
    }
    rows.push({ label, display: money.display, value: money.value, currency: money.currency, kind: kindOfRow(row.flatMap(citesOf), row.map(plainText).join(' ')) });
  }
  if (rows.length === 0) return { block, problems };
  const kinds = [...new Set(rows.map((r) => r.kind ?? ''))];
  if (kinds.length > 1) {
    const listed = kinds.map((k) => (k === '' ? 'no kind' : `"${k}"`)).join(', ');
    const byKind = rows.map((r) => `${r.label}: ${r.kind ?? 'no kind'}`).join('; ');
    problems.push({ rule: 'chart-mixed-kinds', message: `a chart compares like with like, but this one mixes amounts of ${kinds.length} kinds (${listed}): ${byKind}; chart one kind and show the others as call-outs` });
  }
  const currencies = [...new Set(rows.map((r) => r.currency))];
  if (currencies.length > 1) problems.push({ rule: 'chart-mixed-kinds', message: `a chart's amounts must share one currency, but this one mixes ${currencies.join(', ')}` });
  const { scale, unit } = scaleOf(rows.map((r) => r.value), currencies[0]);
  const kind = kinds.length === 1 && kinds[0] !== '' ? kinds[0] : undefined;
  const measure = kind ? `${amountKindLabel(kind)}, ${unit}` : `Amount, ${unit}`;
  const points = rows.map((r) => ({ label: r.label, value: r.value / scale, display: r.display }));
  const cites = unique(block.rows.flatMap((r) => r.flatMap(citesOf)));
  return { block: { type: 'chart', kind: 'bar', unit, measure, points, cites }, problems };
}

/** The amount of money in a table cell: its value, currency and text. */
function moneyCell(cell: readonly Inline[]): { value: number; currency: string; display: string } | undefined {
  const display = plainText(cell).trim();
  const money = extractFigures(display).find((f) => f.kind === 'money');
  // The currency as an axis shows it: "$" for USD, a code for the others.
  return money?.kind === 'money' ? { value: money.value, currency: currencyShown(money.currency), display } : undefined;
}

/** The scale the largest value is read in ("$ billion"), and its divisor. */
function scaleOf(values: readonly number[], currency: string | undefined): { scale: number; unit: string } {
  const max = maxOf(values);
  const [scale, word] = SCALES.find(([s]) => max >= s) ?? [1, ''];
  return { scale, unit: `${currency ?? '$'}${word === '' ? '' : ` ${word}`}`.trim() };
}

/**
 * The kind of the amount whose statement a row shows (undefined without citations, "" for none):
 * the statement with exactly the row's citations (by its label when several have them), else one
 * citing them all.
 */
function rowKinds(ws: VerifiedWorkspace): (cites: number[], text: string) => string | undefined {
  const amounts = amountStatements(ws);
  return (cites, text) => {
    if (cites.length === 0) return undefined;
    const set = [...new Set(cites)].sort((a, b) => a - b).join(',');
    const exact = amounts.filter((a) => [...new Set(a.numbers)].sort((x, y) => x - y).join(',') === set);
    const pick = exact.length > 1 ? (exact.find((a) => text.includes(a.label)) ?? exact[0]) : exact[0];
    return (pick ?? amounts.find((a) => cites.every((n) => a.numbers.includes(n))))?.kind;
  };
}

/** A history chart: dated amounts by series, one currency; a row's series must be its amount's. */
function tableToHistory(block: TableBlock, ws: VerifiedWorkspace, whenColumn: number, seriesColumn: number): { block: Block; problems: ChartProblem[] } {
  const problems: ChartProblem[] = [];
  const kindOfRow = rowKinds(ws);
  const labelColumn = block.header.findIndex((_, k) => k !== whenColumn && k !== seriesColumn && k < block.header.length - 1);
  const points: (ChartPoint & { currency: string })[] = [];
  for (const row of block.rows) {
    const labelCell = row[labelColumn] ?? [];
    const label = plainText(labelCell).trim();
    const money = moneyCell(row[row.length - 1] ?? []);
    const when = parseWhen(plainText(row[whenColumn] ?? []).trim());
    const series = plainText(row[seriesColumn] ?? []).trim().toLowerCase();
    if (!money) {
      problems.push({ rule: 'template-error', message: `chart row "${label}" has no amount of money in its last column` });
      continue;
    }
    if (!when) {
      problems.push({ rule: 'template-error', message: `chart row "${label}" has no date in its When column (a history chart places every amount in time)` });
      continue;
    }
    if (!(AMOUNT_ROLES as readonly string[]).includes(series) || series === 'other') {
      problems.push({ rule: 'template-error', message: `chart row "${label}": series "${series}" is not one of new money, total, valuation, plan` });
      continue;
    }
    const cites = row.flatMap(citesOf);
    const kind = kindOfRow(cites, row.map(plainText).join(' '));
    const role = amountRole(kind === '' ? undefined : kind);
    if (kind !== undefined && role !== series) {
      problems.push({ rule: 'chart-mixed-kinds', message: `chart row "${label}" is in the series "${series}", but its amount is ${kind === '' ? 'of no kind' : `a ${kind}`}${role ? ` (series "${role}")` : ''}: a series holds one kind of amount` });
    }
    // The amount as the chart prints it: its cell, hedge marker kept, citations apart.
    const amountCell = (row[row.length - 1] ?? []).filter((i) => i.type !== 'cite');
    points.push({ label, value: money.value, display: money.display, currency: money.currency, when: when.display, at: when.at, from: when.from, to: when.to, series: series as ChartPoint['series'] & string, inlines: amountCell, cites: unique(cites) });
  }
  if (points.length === 0) return { block, problems };
  const currencies = [...new Set(points.map((p) => p.currency))];
  if (currencies.length > 1) problems.push({ rule: 'chart-mixed-kinds', message: `a chart's amounts must share one currency, but this one mixes ${currencies.join(', ')}` });
  const money = points.filter((p) => p.series === 'new money' || p.series === 'total');
  const { scale, unit } = scaleOf((money.length > 0 ? money : points).map((p) => p.value), currencies[0]);
  const chartPoints = points.map(({ currency: _currency, ...p }) => ({ ...p, value: p.value / scale }));
  const cites = unique(block.rows.flatMap((r) => r.flatMap(citesOf)));
  return { block: { type: 'chart', kind: 'history', unit, measure: `Amounts, ${unit}`, points: chartPoints, cites }, problems };
}

/** The summary's amounts: each one's kind ("" when it has none) and its statement's citation numbers. */
function amountStatements(ws: VerifiedWorkspace): { kind: string; label: string; numbers: number[] }[] {
  return (ws.summary?.investment ?? []).flatMap((item, i) =>
    item.amount === undefined ? [] : [{ kind: normalKind(item.amount.kind), label: item.label, numbers: ws.verification?.numbersByStatement.get(`investment.${i}`) ?? [] }],
  );
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
