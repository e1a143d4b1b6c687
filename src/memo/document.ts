// Memo → pdfmake document definition. Pure and synchronous: no fonts are loaded here.
// Citations become superscript links to their reference ('ref-N'); the text node that first
// cites a reference carries an anchor ('cite-N-1') that the reference links back to.
import type { Content, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { plainText, type Block, type CitationRef, type Inline, type Memo } from '../model/types.js';
import { formatLongDate } from '../template/view.js';
import { citeGroups, GROUP_SEPARATOR, RANGE_DASH } from '../verify/numbering.js';
import { BODY_SIZE, COLORS, MARGINS, PAGE, SERIF, SERIF_LEADING, TABLE_LAYOUT, withStylesInline } from './style.js';
import { pushAll, maxOf } from '../common/arrays.js';
import { compareCodePoints } from '../common/file-hashes.js';

export interface MemoDocumentOptions {
  date: Date;
  pdfa: boolean;
}

export const REFERENCES_ID = 'references';
export const refId = (n: number) => `ref-${n}`;
export const firstCiteId = (n: number) => `cite-${n}-1`;

type Node = Content & Record<string, unknown>;
type TextNode = ContentText & { id?: string; headlineLevel?: number };

/** Tracks where each citation is first used, so that its reference can link back there. */
class Anchors {
  /** Citation number → id of the text node that first cites it. */
  readonly firstUse = new Map<number, string>();

  /** Give `node` an anchor if it is the first to cite any of `cites`; a node holds one id. */
  attach(node: TextNode, cites: readonly number[]): void {
    const fresh = cites.filter((n) => !this.firstUse.has(n));
    if (fresh.length === 0) return;
    node.id ??= firstCiteId(fresh[0] as number);
    for (const n of fresh) this.firstUse.set(n, node.id);
  }
}

export function memoToDocDefinition(memo: Memo, options: MemoDocumentOptions): TDocumentDefinitions {
  const anchors = new Anchors();
  const known = new Set(memo.citations.map((c) => c.n));
  const body = blocksToContent(memo.blocks, anchors, known);
  const references = referencesToContent(memo.citations, anchors);
  const subject = memo.meta.subject;
  const asOf = longDate(memo.meta.asOf);
  const doc: TDocumentDefinitions & Record<string, unknown> = {
    pageSize: { width: PAGE.width, height: PAGE.height },
    pageMargins: [MARGINS.left, MARGINS.top, MARGINS.right, MARGINS.bottom],
    language: 'en',
    compress: true,
    info: {
      title: memo.meta.title,
      author: memo.meta.author ?? memo.meta.from ?? '',
      subject,
      keywords: memo.meta.keywords.join(', '),
      creator: 'briefing',
      producer: 'briefing (pdfmake)',
      creationDate: options.date,
      modDate: options.date,
    },
    defaultStyle: { font: SERIF, fontSize: BODY_SIZE, lineHeight: SERIF_LEADING, color: COLORS.text },
    content: withStylesInline([...memoHeader(memo, asOf), ...body, ...references]),
    header: (currentPage: number) => withStylesInline(runningHeader(currentPage, subject, asOf)),
    footer: (currentPage: number, pageCount: number) =>
      withStylesInline({
        text: `Page ${currentPage} of ${pageCount}`,
        style: 'running',
        alignment: 'right',
        margin: [MARGINS.left, 18, MARGINS.right, 0],
      }),
  };
  if (options.pdfa) {
    doc.version = '1.7';
    doc.subset = 'PDF/A-2b';
  }
  return doc;
}

function longDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatLongDate(iso) : iso;
}

function memoHeader(memo: Memo, asOf: string): Content[] {
  const field = (name: string, value: string): TableCell[] => [
    { text: name.toUpperCase(), style: 'memoFieldName', margin: [0, 1.5, 0, 0] },
    { text: value, style: 'memoFieldValue', bold: name === 'Subject' },
  ];
  const rows: TableCell[][] = [];
  if (memo.meta.to) rows.push(field('To', memo.meta.to));
  if (memo.meta.from) rows.push(field('From', memo.meta.from));
  rows.push(field('Date', asOf));
  rows.push(field('Subject', memo.meta.subject));
  return [
    { text: 'MEMORANDUM', style: 'memoTitle' },
    {
      table: { widths: [62, '*'], body: rows },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
    },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: PAGE.width - MARGINS.left - MARGINS.right, y2: 0, lineWidth: 1.2, lineColor: COLORS.accent }], margin: [0, 7, 0, 3] },
  ];
}

function runningHeader(currentPage: number, subject: string, asOf: string): Content | null {
  if (currentPage === 1) return null;
  const width = PAGE.width - MARGINS.left - MARGINS.right;
  return {
    margin: [MARGINS.left, 26, MARGINS.right, 0],
    stack: [
      { columns: [{ text: subject, width: '*' }, { text: asOf, width: 'auto', alignment: 'right' }], columnGap: 12, style: 'running' },
      { canvas: [{ type: 'line', x1: 0, y1: 3, x2: width, y2: 3, lineWidth: 0.5, lineColor: COLORS.hairline }] },
    ],
  };
}

function blocksToContent(blocks: readonly Block[], anchors: Anchors, known: Set<number>): Content[] {
  const out: Content[] = [];
  let section: string | undefined;
  for (const block of blocks) {
    if (block.type === 'heading') {
      const node = headingToContent(block, block.level > 2 ? section : undefined, anchors, known);
      if (block.level <= 2) section = block.id;
      out.push(node);
    } else out.push(blockToContent(block, anchors, known));
  }
  return keepHeadingsWithNext(out);
}

/** Longest table kept whole with the heading above it; a longer one keeps its first rows. */
const KEEP_WHOLE = 8;
/** Longest list kept whole with the heading above it; a longer one keeps its first item only. */
const KEEP_WHOLE_LIST = 2;

/**
 * Never leave a heading or a run-in label alone at the foot of a page: each goes into one
 * unbreakable stack with what follows it (the whole of a short block, the first item of a long
 * list). pdfmake moves an unbreakable stack to the next page in one layout pass; its
 * pageBreakBefore hook would lay the whole document out again for every heading it moves.
 */
function keepHeadingsWithNext(nodes: Content[]): Content[] {
  const out: Content[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const group: Content[] = [];
    while (k < nodes.length && isKeptWithNext(nodes[k] as Node)) group.push(nodes[k++] as Content);
    if (group.length === 0) {
      out.push(nodes[k] as Content);
      continue;
    }
    const next = nodes[k] as Node | undefined;
    if (next === undefined) {
      pushAll(out, group);
      break;
    }
    const list = (next.ul ?? next.ol) as Content[] | undefined;
    if (list && list.length > KEEP_WHOLE_LIST) {
      const key = next.ul ? 'ul' : 'ol';
      group.push({ ...(next as object), [key]: list.slice(0, 1), margin: [0, 0, 0, 0] } as unknown as Content);
      out.push({ stack: group, unbreakable: true } as Content);
      out.push({ ...(next as object), [key]: list.slice(1), ...(key === 'ol' ? { start: 2 } : {}) } as Content);
    } else if (next.table && (next.table as { body: unknown[] }).body.length > KEEP_WHOLE + 1) {
      out.push({ stack: group, unbreakable: true } as Content, next as Content);
    } else {
      group.push(next as Content);
      out.push({ stack: group, unbreakable: true } as Content);
    }
  }
  return out;
}

function isKeptWithNext(node: Node): boolean {
  return node.headlineLevel !== undefined;
}

function headingToContent(block: Extract<Block, { type: 'heading' }>, parent: string | undefined, anchors: Anchors, known: Set<number>): Content {
  const style = block.level <= 2 ? 'h2' : block.level === 3 ? 'h3' : 'h4';
  const inlines = inlinesToText(block.inlines, known);
  const node: TextNode & Record<string, unknown> = {
    text: inlines.text,
    style,
    id: block.id,
    headlineLevel: block.level,
    outline: true,
    outlineText: plainText(block.inlines).trim(),
  };
  if (parent !== undefined) node.outlineParentId = parent;
  anchors.attach(node, inlines.cites);
  return node;
}

function blockToContent(block: Exclude<Block, { type: 'heading' }>, anchors: Anchors, known: Set<number>): Content {
  switch (block.type) {
    case 'paragraph': {
      const inlines = inlinesToText(block.inlines, known);
      const node: TextNode = { text: inlines.text, style: isRunInLabel(block.inlines) ? 'label' : 'paragraph' };
      // A paragraph that is one bold phrase labels what follows: keep it with it, like a heading.
      if (isRunInLabel(block.inlines)) node.headlineLevel = 5;
      anchors.attach(node, inlines.cites);
      return node;
    }
    case 'quote': {
      const inlines = inlinesToText(block.inlines, known);
      const node: TextNode = { text: inlines.text, style: 'quote' };
      anchors.attach(node, inlines.cites);
      return node;
    }
    case 'list': {
      const items = block.items.map((item) => {
        const inlines = inlinesToText(item, known);
        const node: TextNode = { text: inlines.text, style: 'listItem' };
        anchors.attach(node, inlines.cites);
        return node;
      });
      return (block.ordered ? { ol: items, style: 'list' } : { ul: items, style: 'list', markerColor: COLORS.muted }) as Content;
    }
    case 'table':
      return tableToContent(block.header, block.rows, block.align, anchors, known);
    case 'timeline':
      return tableToContent(
        [[{ type: 'text', text: 'When' }], [{ type: 'text', text: 'Amount' }], [{ type: 'text', text: 'Event' }]],
        block.events.map((e) => [[{ type: 'text', text: e.when }], [{ type: 'text', text: e.amount ?? '' }], e.label]),
        ['left', 'left', 'left'],
        anchors,
        known,
      );
    case 'chart':
      return tableToContent(
        [[{ type: 'text', text: '' }], [{ type: 'text', text: block.unit }]],
        block.points.map((p) => [[{ type: 'text', text: p.label }], [{ type: 'text', text: p.display }]]),
        ['left', 'right'],
        anchors,
        known,
      );
  }
}

function isRunInLabel(inlines: readonly Inline[]): boolean {
  const texts = inlines.filter((i) => !(i.type === 'text' && i.text.trim() === ''));
  return texts.length > 0 && texts.every((i) => i.type === 'text' && i.bold === true);
}

function tableToContent(
  header: Inline[][],
  rows: Inline[][][],
  align: readonly ('left' | 'center' | 'right')[],
  anchors: Anchors,
  known: Set<number>,
): Content {
  const columns = Math.max(header.length, maxOf(rows.map((r) => r.length)));
  const cell = (inlines: Inline[] | undefined, column: number, isHeader: boolean): TableCell => {
    const converted = inlinesToText(inlines ?? [], known);
    const node: TextNode = { text: converted.text, alignment: align[column] ?? 'left' };
    if (isHeader) node.style = 'tableHeader';
    anchors.attach(node, converted.cites);
    return node;
  };
  const widths = Array.from({ length: columns }, (_, k) => (k === columns - 1 ? '*' : 'auto'));
  return {
    style: 'table',
    // A short table moves whole to the next page rather than split; a long one repeats its header.
    unbreakable: rows.length <= 8,
    table: {
      headerRows: 1,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths,
      body: [
        Array.from({ length: columns }, (_, k) => cell(header[k], k, true)),
        ...rows.map((row) => Array.from({ length: columns }, (_, k) => cell(row[k], k, false))),
      ],
    },
    layout: TABLE_LAYOUT,
  } as Content;
}

/**
 * Inlines → pdfmake text runs. A run of citations becomes one superscript group, sorted, with
 * runs of three or more as a range ("15–17, 20"); each number printed links to its reference.
 */
function inlinesToText(inlines: readonly Inline[], known: Set<number>): { text: Node[]; cites: number[] } {
  const text: Node[] = [];
  const cites: number[] = [];
  let run: number[] = [];
  const sup = (t: string): Node => ({ text: t, sup: true, style: 'cite' }) as Node;
  const number = (n: number): Node => {
    const node = sup(String(n));
    if (known.has(n)) node.linkToDestination = refId(n);
    return node;
  };
  const flush = () => {
    citeGroups(run).forEach((g, k) => {
      if (k > 0) text.push(sup(GROUP_SEPARATOR));
      // A range is one node that never wraps ("22–25" would break after the dash); it links to its first number.
      const node = number(g.first);
      if (g.last !== g.first) Object.assign(node, { text: `${g.first}${RANGE_DASH}${g.last}`, noWrap: true });
      text.push(node);
    });
    pushAll(cites, run);
    run = [];
  };
  for (const inline of inlines) {
    if (inline.type === 'cite') {
      run.push(inline.n);
      continue;
    }
    flush();
    if (inline.type === 'text') {
      const node: Node = { text: inline.text } as Node;
      if (inline.bold) node.bold = true;
      if (inline.italic) node.italics = true;
      text.push(node);
    } else text.push({ text: '\n' } as Node);
  }
  flush();
  return { text, cites };
}

function referencesToContent(citations: readonly CitationRef[], anchors: Anchors): Content[] {
  if (citations.length === 0) return [];
  const sorted = [...citations].sort((a, b) => a.n - b.n);
  const entries = sorted.map((c) => referenceEntry(c, anchors.firstUse.get(c.n)));
  const bracketed = sorted.some((c) => c.docTitle.startsWith('['));
  const bracketedDate = sorted.some((c) => c.docDateFromEditor === true);
  const intro = [
    'Each number in the text links to its passage below, quoted exactly as the source writes it, with its document and line (a PDF’s page). ',
    '“1 source” means the statement citing it rests on that one document; “3 sources”, on three. ↑ leads back to where the passage is first cited.',
    bracketed && bracketedDate
      ? ' A title or date in brackets is the editor’s: the document gives none of its own.'
      : bracketed
        ? ' A title in brackets is the editor’s: the document gives none of its own.'
        : bracketedDate
          ? ' A date in brackets is the editor’s: the document gives none of its own.'
          : '',
  ].join('');
  return [
    {
      text: 'References',
      style: 'h2',
      id: REFERENCES_ID,
      headlineLevel: 2,
      outline: true,
      outlineText: 'References',
      pageBreak: 'before',
    } as Content,
    { text: intro, style: 'refIntro' },
    sourcesTable(sorted),
    ...entries,
  ];
}

/** The documents the references cite, once each: id, title, date, file. */
function sourcesTable(citations: readonly CitationRef[]): Content {
  const docs = new Map<string, CitationRef>();
  for (const c of citations) if (!docs.has(c.doc)) docs.set(c.doc, c);
  const rows = [...docs.values()]
    .sort((a, b) => compareCodePoints(a.doc, b.doc))
    .map((c): TableCell[] => [{ text: c.doc, bold: true }, { text: c.docTitle }, { text: c.docDate ? (c.docDateFromEditor ? `[${longDate(c.docDate)}]` : longDate(c.docDate)) : 'n.d.', noWrap: true }, { text: c.file, color: COLORS.muted }]);
  const header: TableCell[] = ['Document', 'Title', 'Date', 'File'].map((t) => ({ text: t, style: 'tableHeader' }));
  return {
    style: 'refSources',
    table: { headerRows: 1, widths: ['auto', '*', 'auto', 'auto'], body: [header, ...rows] },
    layout: { ...TABLE_LAYOUT, paddingTop: () => 1.5, paddingBottom: () => 1.5, paddingLeft: (i: number) => (i === 0 ? 3 : 5), paddingRight: () => 3 },
  } as Content;
}

/** One reference: its number in the margin, the passage, and one line: document, place, support, the way back. */
function referenceEntry(c: CitationRef, backTo: string | undefined): Content {
  const details: Node[] = [{ text: c.doc, bold: true } as Node, { text: `, ${c.place}` } as Node];
  if (c.support !== undefined) {
    const support: Node = { text: ` · ${c.support} ${c.support === 1 ? 'source' : 'sources'}` } as Node;
    if (c.support === 1) support.style = 'refSingle';
    details.push(support);
  }
  const quote: Node[] = [{ text: `“${c.quote}” ` } as Node];
  const back: Content[] =
    backTo === undefined
      ? []
      : [
          // pdfmake resolves a page reference only when it is a node of its own.
          { width: 'auto', text: '↑ p.', linkToDestination: backTo, color: COLORS.accent, noWrap: true, style: 'refSource' },
          // Wide enough for pdfmake's placeholder ("00000") until the page number replaces it.
          { width: 20, pageReference: backTo, color: COLORS.accent, noWrap: true, style: 'refSource' },
        ] as unknown as Content[];
  return {
    columns: [
      { width: 20, text: String(c.n), id: refId(c.n), style: 'refNumber', alignment: 'right' },
      {
        width: '*',
        stack: [
          { text: quote, style: 'refQuote' },
          { columns: [{ width: '*', text: details, style: 'refSource' }, ...back], columnGap: 3 },
        ],
      },
    ],
    columnGap: 6,
    // The number hangs in the margin; quotes align with the text column.
    margin: [-26, 0, 0, 3.5],
    unbreakable: true,
  } as Content;
}
