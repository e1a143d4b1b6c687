// Markdown rendered by the templates → the typed Deck and Memo.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { extractFigures } from '../verify/figures.js';
import { statementsOf } from '../verify/verify.js';
import type { LoadedWorkspace } from '../inputs/workspace.js';
import { shownTitle } from '../inputs/shown-title.js';
import { markdownToBlocks } from './markdown-blocks.js';
import { placeLabel } from '../inputs/document.js';
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
} from './types.js';

export function workspaceToMeta(ws: LoadedWorkspace): Meta {
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
  const to = s.memo.to ?? s.audience;
  const from = s.memo.from ?? s.author;
  if (to !== undefined) meta.to = to;
  if (from !== undefined) meta.from = from;
  return meta;
}

export function workspaceToCitationRefs(ws: LoadedWorkspace): CitationRef[] {
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
    const documents = support.get(c.n);
    if (documents !== undefined) ref.support = documents;
    return ref;
  });
}

/** Citation number → how many documents support the statements citing it (the fewest). */
function supportByCitation(ws: LoadedWorkspace): Map<number, number> {
  const out = new Map<number, number>();
  const numbers = ws.verification?.numbersByStatement;
  if (!ws.summary || !numbers) return out;
  const known = new Set(ws.documents.map((d) => d.id));
  for (const s of statementsOf(ws.summary)) {
    const documents = new Set(s.cite.map((c) => c.doc).filter((id) => known.has(id))).size;
    for (const n of numbers.get(s.path.join('.')) ?? []) out.set(n, Math.min(out.get(n) ?? documents, documents));
  }
  return out;
}

const DIRECTIVE = /<!--\s*(layout|subtitle)\s*:\s*([\s\S]*?)-->/g;
const NOTES = /<!--\s*notes\s*:?([\s\S]*?)-->/g;

export function markdownToDeck(markdown: string, ws: LoadedWorkspace, file: string): { deck?: Deck; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const citations = workspaceToCitationRefs(ws);
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  const slides: Slide[] = [];
  for (const chunk of splitSlides(markdown)) {
    let layout = 'bullets' as SlideLayout;
    let subtitle: string | undefined;
    const talking: string[] = [];
    let body = chunk.text.replace(NOTES, (_m, notes: string) => {
      talking.push(...notesToText(notes));
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
      const converted = blocks.map(tableToChart);
      blocks = converted.map((c) => c.block);
      for (const problem of converted.flatMap((c) => c.problems)) diagnostics.push(diagnostic('template-error', problem, { file, line: chunk.line }));
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
  const deck = DeckSchema.parse({ meta: workspaceToMeta(ws), slides, citations });
  return { deck, diagnostics };
}

export function markdownToMemo(markdown: string, ws: LoadedWorkspace): { memo: Memo; diagnostics: Diagnostic[] } {
  const blocks = markdownToBlocks(markdown.replace(/<!--[\s\S]*?-->/g, ''), 'sec');
  const memo = MemoSchema.parse({ meta: workspaceToMeta(ws), blocks, citations: workspaceToCitationRefs(ws) });
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

/** A table's rows (When | Amount | Event) as timeline events. */
function tableToTimeline(block: Block): Block {
  if (block.type !== 'table') return block;
  const events = block.rows.map((row) => {
    const event: { when: string; amount?: string; label: Inline[] } = {
      when: plainText(row[0] ?? []).trim(),
      label: row[row.length - 1] ?? [],
    };
    const amount = row.length >= 3 ? plainText(row[1] ?? []).trim() : '';
    if (amount !== '') event.amount = amount;
    return event;
  });
  return events.length > 0 ? { type: 'timeline', events } : block;
}

/** A table's rows (Label | Amount) as a bar chart, in $ billion. */
function tableToChart(block: Block): { block: Block; problems: string[] } {
  if (block.type !== 'table') return { block, problems: [] };
  const problems: string[] = [];
  const points: { label: string; value: number; display: string }[] = [];
  for (const row of block.rows) {
    const label = plainText(row[0] ?? []).trim();
    const display = plainText(row[1] ?? []).trim();
    const money = extractFigures(display).find((f) => f.kind === 'money');
    if (!money || money.kind !== 'money') {
      problems.push(`chart row "${label}" has no amount of money in its second column`);
      continue;
    }
    points.push({ label, value: money.value / 1e9, display });
  }
  if (points.length === 0) return { block, problems };
  const cites = unique(block.rows.flatMap((r) => r.flatMap(citesOf)));
  return { block: { type: 'chart', kind: 'bar', unit: '$ billion', points, cites }, problems };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
