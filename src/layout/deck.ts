// The deck layout pass: every slide of the model → positioned elements on a fixed grid.
// Text is measured with real font metrics; body text shrinks within the theme's limits and,
// when it still does not fit, the slide is split into continuation slides ("(2/2)"), tables
// repeating their header. Nothing here touches pptxgenjs.
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { citesOf, plainText, type Block, type CitationRef, type Deck, type Inline, type Slide, type TableBlock, type TimelineBlock, type ChartBlock } from '../model/types.js';
import { formatLongDate } from '../render/view.js';
import type { Theme } from '../theme.js';
import { SLIDE_H, SLIDE_W, sum, type Element, type PlacedSlide, type TableCell, type TextElement } from './elements.js';
import { countLines, inlinesToRuns, lineHeightOf, longestWord, naturalWidth, textHeight, type Insets, type Paragraph, type Run } from './text.js';

/** The grid, in inches. */
export const GRID = {
  margin: 0.6,
  kickerY: 0.42,
  kickerH: 0.3,
  titleY: 0.72,
  bodyTop: 1.95,
  bodyBottom: 6.5,
  sourceY: 6.6,
  sourceH: 0.26,
  ruleY: 6.95,
  footerY: 7.0,
  footerH: 0.3,
  gap: 0.25,
} as const;

const CONTENT_W = SLIDE_W - 2 * GRID.margin;
const BODY_H = GRID.bodyBottom - GRID.bodyTop;
const PT = 72;
const TEXT_INSETS: Insets = { left: 0, right: 0, top: 2, bottom: 2 };
const CELL_INSETS_IN: Insets = { left: 0.08, right: 0.08, top: 0.05, bottom: 0.05 };
const CARD_INSETS: Insets = { left: 10, right: 10, top: 9, bottom: 9 };
const TABLE_MAX = 14;
const MAX_CARDS = 8;
const MAX_EVENTS = 7;

export interface LayoutResult {
  slides: PlacedSlide[];
  diagnostics: Diagnostic[];
}

interface Context {
  deck: Deck;
  theme: Theme;
  byNumber: Map<number, CitationRef>;
  footer: string;
  diagnostics: Diagnostic[];
}

export function layoutDeck(deck: Deck, theme: Theme): LayoutResult {
  const ctx: Context = {
    deck,
    theme,
    byNumber: new Map(deck.citations.map((c) => [c.n, c])),
    footer: `${deck.meta.title} · ${formatLongDate(deck.meta.asOf)}`,
    diagnostics: [],
  };
  const slides = deck.slides.flatMap((slide) => layoutSlide(slide, ctx));
  for (const slide of slides) colourCitations(slide.elements, theme.colors.accent);
  return { slides, diagnostics: ctx.diagnostics };
}

/** Citation superscripts take the accent colour. */
function colourCitations(elements: Element[], accent: string): void {
  const paint = (paragraphs: Paragraph[]) => {
    for (const p of paragraphs) for (const r of p.runs) if (r.superscript && !r.color) r.color = accent;
  };
  for (const e of elements) {
    if (e.kind === 'text') paint(e.paragraphs);
    else if (e.kind === 'table') for (const row of e.rows) for (const cell of row) paint(cell.paragraphs);
  }
}

function layoutSlide(slide: Slide, ctx: Context): PlacedSlide[] {
  if (slide.layout === 'title') return [titleSlide(slide, ctx)];
  const table = slide.blocks.find((b): b is TableBlock => b.type === 'table');
  const timeline = slide.blocks.find((b): b is TimelineBlock => b.type === 'timeline');
  const chart = slide.blocks.find((b): b is ChartBlock => b.type === 'chart');
  const list = slide.blocks.find((b): b is Extract<Block, { type: 'list' }> => b.type === 'list');
  if (timeline) return timelineSlides(slide, timeline, ctx);
  if (chart) return [chartSlide(slide, chart, ctx)];
  if (slide.layout === 'cards' && list) return cardSlides(slide, list.items, ctx);
  if (table && !list) return tableSlides(slide, table, ctx);
  return flowSlides(slide, ctx);
}

// ---------------------------------------------------------------------------------------------
// Pagination: the fewest parts, then the largest size.

function sizesDown(max: number, min: number): number[] {
  const sizes: number[] = [];
  for (let s = max; s >= min - 1e-9; s -= 1) sizes.push(s);
  if (sizes.length === 0) sizes.push(min);
  return sizes;
}

function balanced<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let k = 0; k < parts; k++) {
    const size = Math.ceil((items.length - start) / (parts - k));
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out.filter((c) => c.length > 0);
}

function greedy<T>(items: readonly T[], size: number, fits: (chunk: T[], size: number) => boolean): T[][] | undefined {
  const out: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (current.length > 0 && fits([...current, item], size)) current.push(item);
    else if (current.length > 0) {
      out.push(current);
      current = [item];
    } else current = [item];
    if (!fits(current, size)) return undefined;
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface Pages<T> {
  chunks: T[][];
  size: number;
  /** False when even one item alone does not fit at the smallest size. */
  fits: boolean;
}

function paginate<T>(items: readonly T[], sizes: readonly number[], fits: (chunk: T[], size: number) => boolean): Pages<T> {
  for (let parts = 1; parts <= Math.max(1, items.length); parts++) {
    for (const size of sizes) {
      const even = balanced(items, parts);
      if (even.every((c) => fits(c, size))) return { chunks: even, size, fits: true };
      const packed = greedy(items, size, fits);
      if (packed && packed.length <= parts) return { chunks: packed, size, fits: true };
    }
  }
  const smallest = sizes[sizes.length - 1] as number;
  return { chunks: items.map((i) => [i]), size: smallest, fits: false };
}

function reportFit(slide: Slide, pages: { size: number; chunks: unknown[][]; fits: boolean }, preferred: number, ctx: Context): void {
  if (!pages.fits) {
    ctx.diagnostics.push(
      diagnostic('layout-overflow', `slide "${slide.title}": an item does not fit on a slide even at ${pages.size} pt; shorten it in the summary`),
    );
  } else if (pages.chunks.length > 1) {
    ctx.diagnostics.push(diagnostic('layout-shrunk', `slide "${slide.title}" continues over ${pages.chunks.length} slides at ${pages.size} pt`));
  } else if (pages.size < preferred) {
    ctx.diagnostics.push(diagnostic('layout-shrunk', `slide "${slide.title}": text set at ${pages.size} pt to fit`));
  }
}

// ---------------------------------------------------------------------------------------------
// The frame every content slide shares: kicker, action title, source line, footer, number.

function partTitle(slide: Slide, index: number, count: number): string {
  return count > 1 ? `${slide.title} (${index}/${count})` : slide.title;
}

function partSlide(slide: Slide, index: number, count: number, cites: number[], ctx: Context, fontSize?: number): Slide {
  const sources = [...new Set(cites.map((n) => ctx.byNumber.get(n)?.doc ?? '').filter((d) => d !== ''))].sort();
  const out: Slide = { ...slide, cites, sources };
  if (count > 1) out.part = { index, count };
  if (fontSize !== undefined) out.fit = { fontSize };
  return out;
}

/** Talking points, then the quotes of the citations that are on this part. */
function notesFor(slide: Slide, cites: readonly number[]): string {
  const keep = new Set(cites);
  const lines: string[] = [];
  let inSources = false;
  for (const line of slide.notes) {
    if (line === 'Sources on this slide:') inSources = true;
    const cite = /^\[(\d+)\]/.exec(line);
    if (inSources && cite && !keep.has(Number(cite[1]))) continue;
    lines.push(line);
  }
  return lines.join('\n');
}

function textBox(role: string, box: { x: number; y: number; w: number; h: number }, paragraphs: Paragraph[], size: number, ctx: Context, extra: Partial<TextElement> = {}): TextElement {
  return {
    kind: 'text',
    role,
    ...box,
    paragraphs,
    fontSize: size,
    fontFace: ctx.theme.fonts.body,
    color: ctx.theme.colors.text,
    lineHeight: lineHeightOf(size),
    insets: TEXT_INSETS,
    valign: 'top',
    ...extra,
  };
}

function frame(slide: Slide, title: string, ctx: Context): Element[] {
  const { theme } = ctx;
  const elements: Element[] = [];
  if (slide.subtitle) {
    elements.push(
      textBox('kicker', { x: GRID.margin, y: GRID.kickerY, w: CONTENT_W, h: GRID.kickerH }, [{ runs: [{ text: slide.subtitle.toUpperCase() }] }], theme.sizes.kicker, ctx, {
        color: theme.colors.accent,
        bold: true,
        fontFace: theme.fonts.heading,
      }),
    );
  }
  const titleRuns: Run[] = [{ text: title, bold: true }];
  const titleMaxH = (2 * lineHeightOf(theme.sizes.title) + TEXT_INSETS.top + TEXT_INSETS.bottom) / PT;
  let titleSize = theme.sizes.titleMin;
  for (const s of sizesDown(theme.sizes.title, theme.sizes.titleMin)) {
    if (countLines(titleRuns, s, CONTENT_W * PT) <= 2) {
      titleSize = s;
      break;
    }
  }
  if (countLines(titleRuns, titleSize, CONTENT_W * PT) > 2) {
    ctx.diagnostics.push(diagnostic('layout-overflow', `slide title "${title}" needs more than two lines even at ${titleSize} pt; shorten it`));
  }
  elements.push(
    textBox('title', { x: GRID.margin, y: GRID.titleY, w: CONTENT_W, h: titleMaxH }, [{ runs: titleRuns }], titleSize, ctx, { fontFace: theme.fonts.heading }),
  );
  if (slide.sources.length > 0) {
    elements.push(
      textBox('source-line', { x: GRID.margin, y: GRID.sourceY, w: CONTENT_W, h: GRID.sourceH }, [{ runs: [{ text: `Sources: ${slide.sources.join(', ')}` }] }], theme.sizes.footer + 1, ctx, {
        color: theme.colors.muted,
      }),
    );
  }
  elements.push({ kind: 'line', role: 'footer-rule', x: GRID.margin, y: GRID.ruleY, w: CONTENT_W, h: 0, line: { color: theme.colors.rule, width: 0.75 } });
  elements.push(
    textBox('footer', { x: GRID.margin, y: GRID.footerY, w: CONTENT_W - 1.2, h: GRID.footerH }, [{ runs: [{ text: ctx.footer }] }], theme.sizes.footer, ctx, {
      color: theme.colors.muted,
    }),
  );
  elements.push(
    textBox('slide-number', { x: SLIDE_W - GRID.margin - 1.0, y: GRID.footerY, w: 1.0, h: GRID.footerH }, [{ runs: [{ text: '' }], align: 'right' }], theme.sizes.footer, ctx, {
      color: theme.colors.muted,
      slideNumber: true,
    }),
  );
  return elements;
}

function placed(slide: Slide, index: number, count: number, cites: number[], body: Element[], ctx: Context, fontSize?: number): PlacedSlide {
  const part = partSlide(slide, index, count, cites, ctx, fontSize);
  const title = partTitle(slide, index, count);
  return { slide: part, title, elements: [...frame(part, title, ctx), ...body], notes: notesFor(slide, cites) };
}

// ---------------------------------------------------------------------------------------------
// Title slide.

function titleSlide(slide: Slide, ctx: Context): PlacedSlide {
  const { theme } = ctx;
  const x = 1.1;
  const w = SLIDE_W - x - 1.1;
  const elements: Element[] = [{ kind: 'rect', role: 'accent-band', x: 0, y: 0, w: 0.22, h: SLIDE_H, fill: theme.colors.accent }];
  if (theme.logoImage) {
    // Fit the logo inside a 2.4 × 0.7 in box, keeping its proportions, against the left margin.
    const box = { w: 2.4, h: 0.7 };
    const scale = Math.min(box.w / theme.logoImage.width, box.h / theme.logoImage.height);
    const w = theme.logoImage.width * scale;
    const h = theme.logoImage.height * scale;
    elements.push({ kind: 'image', role: 'logo', x, y: 0.7 + (box.h - h) / 2, w, h, data: theme.logoImage.data });
  }
  const titleRuns: Run[] = [{ text: slide.title, bold: true }];
  let titleSize = 28;
  for (const s of sizesDown(40, 28)) {
    if (countLines(titleRuns, s, w * PT) <= 2) {
      titleSize = s;
      break;
    }
  }
  const titleH = 2.1;
  const titleY = 1.5;
  elements.push(
    textBox('title', { x, y: titleY, w, h: titleH }, [{ runs: titleRuns }], titleSize, ctx, { fontFace: theme.fonts.heading, valign: 'bottom' }),
  );
  const ruleY = titleY + titleH + 0.2;
  elements.push({ kind: 'line', role: 'title-rule', x, y: ruleY, w: 1.4, h: 0, line: { color: theme.colors.accent, width: 3 } });
  const paragraphs = slide.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.inlines] : []));
  const [first, ...rest] = paragraphs;
  let y = ruleY + 0.3;
  if (first) {
    const size = 22;
    const paras = [{ runs: inlinesToRuns(first) }];
    const h = textHeight(paras, size, w * PT, TEXT_INSETS) / PT;
    elements.push(textBox('subtitle', { x, y, w, h }, paras, size, ctx, { color: theme.colors.text }));
    y += h + 0.15;
  }
  if (rest.length > 0) {
    const size = 14;
    const paras = rest.map((inl) => ({ runs: inlinesToRuns(inl), spaceAfter: 4 }));
    const h = textHeight(paras, size, w * PT, TEXT_INSETS) / PT;
    elements.push(textBox('meta', { x, y, w, h }, paras, size, ctx, { color: theme.colors.muted }));
  }
  const out: Slide = { ...slide };
  return { slide: out, title: slide.title, elements, notes: slide.notes.join('\n') };
}

// ---------------------------------------------------------------------------------------------
// Bullets and anything else that flows: paragraphs, lists, quotes, headings.

function blocksToParagraphs(blocks: readonly Block[], size: number): { paragraphs: Paragraph[]; cites: number[] }[] {
  const out: { paragraphs: Paragraph[]; cites: number[] }[] = [];
  const gap = Math.round(size * 0.7);
  for (const b of blocks) {
    if (b.type === 'list') {
      for (const item of b.items) out.push({ paragraphs: [{ runs: inlinesToRuns(item), bullet: true, spaceAfter: gap }], cites: citesOf(item) });
    } else if (b.type === 'paragraph' || b.type === 'quote') {
      out.push({ paragraphs: [{ runs: inlinesToRuns(b.inlines, b.type === 'quote' ? { italic: true } : {}), spaceAfter: gap }], cites: citesOf(b.inlines) });
    } else if (b.type === 'heading') {
      out.push({ paragraphs: [{ runs: inlinesToRuns(b.inlines, { bold: true }), spaceAfter: Math.round(gap / 2) }], cites: citesOf(b.inlines) });
    } else if (b.type === 'table') {
      for (const row of b.rows) {
        const inl = row.flatMap((cell, k) => (k === 0 ? cell : [{ type: 'text', text: ' · ' } as Inline, ...cell]));
        out.push({ paragraphs: [{ runs: inlinesToRuns(inl), bullet: true, spaceAfter: gap }], cites: citesOf(inl) });
      }
    }
  }
  return out;
}

function flowSlides(slide: Slide, ctx: Context): PlacedSlide[] {
  const { theme } = ctx;
  const items = blocksToParagraphs(slide.blocks, theme.sizes.body).map((_, k) => k);
  const at = (size: number) => blocksToParagraphs(slide.blocks, size);
  const fits = (chunk: number[], size: number) => {
    const all = at(size);
    const paras = chunk.flatMap((k) => all[k]?.paragraphs ?? []);
    return textHeight(paras, size, CONTENT_W * PT, TEXT_INSETS) <= BODY_H * PT;
  };
  const pages = paginate(items, sizesDown(theme.sizes.body, theme.sizes.bodyMin), fits);
  reportFit(slide, pages, theme.sizes.body, ctx);
  const all = at(pages.size);
  return pages.chunks.map((chunk, k) => {
    const paragraphs = chunk.flatMap((i) => all[i]?.paragraphs ?? []);
    const cites = [...new Set(chunk.flatMap((i) => all[i]?.cites ?? []))];
    const body = textBox('body', { x: GRID.margin, y: GRID.bodyTop, w: CONTENT_W, h: BODY_H }, paragraphs, pages.size, ctx);
    return placed(slide, k + 1, pages.chunks.length, cites, [body], ctx, pages.size);
  });
}

// ---------------------------------------------------------------------------------------------
// Cards: a bold lead-in becomes the card's heading.

interface Card {
  heading: Inline[];
  body: Inline[];
}

export function itemToCard(item: readonly Inline[]): Card {
  let k = 0;
  while (k < item.length && item[k]?.type === 'text' && (item[k] as { bold?: boolean }).bold) k++;
  const heading = item.slice(0, k).map((i) => ({ ...i }));
  const body = item.slice(k).map((i) => ({ ...i }));
  const lastHeading = heading[heading.length - 1];
  if (lastHeading?.type === 'text') lastHeading.text = lastHeading.text.replace(/[\s:.–—-]+$/, '');
  const firstBody = body[0];
  if (heading.length > 0 && firstBody?.type === 'text') firstBody.text = firstBody.text.replace(/^[\s:.–—-]+/, '');
  return { heading, body };
}

function cardParagraphs(card: Card, size: number): Paragraph[] {
  const paras: Paragraph[] = [];
  if (card.heading.length > 0) paras.push({ runs: inlinesToRuns(card.heading, { bold: true }), spaceAfter: Math.round(size * 0.45) });
  paras.push({ runs: inlinesToRuns(card.body) });
  return paras;
}

function cardGrid(count: number): { cols: number; rows: number } {
  const cols = count <= 3 ? count : Math.ceil(count / 2);
  return { cols, rows: Math.ceil(count / cols) };
}

const CARD_BAR = 0.06;

function cardHeight(cards: readonly Card[], size: number, cardW: number): number {
  return Math.max(...cards.map((c) => finite(textHeight(cardParagraphs(c, size), size, cardW * PT, CARD_INSETS), BODY_H * PT))) / PT;
}

function cardSlides(slide: Slide, items: Inline[][], ctx: Context): PlacedSlide[] {
  const { theme } = ctx;
  const cards = items.map(itemToCard);
  const preferred = Math.min(16, theme.sizes.body);
  const geometry = (chunk: Card[], size: number) => {
    const { cols, rows } = cardGrid(chunk.length);
    const cardW = (CONTENT_W - GRID.gap * (cols - 1)) / cols;
    const cardH = cardHeight(chunk, size, cardW);
    return { cols, rows, cardW, cardH, total: rows * (cardH + CARD_BAR) + (rows - 1) * GRID.gap };
  };
  const fits = (chunk: Card[], size: number) => chunk.length <= MAX_CARDS && geometry(chunk, size).total <= BODY_H;
  const pages = paginate(cards, sizesDown(preferred, Math.min(preferred, theme.sizes.bodyMin)), fits);
  reportFit(slide, pages, preferred, ctx);
  const size = pages.size;
  return pages.chunks.map((chunk, k) => {
    const g = geometry(chunk, size);
    const body: Element[] = [];
    chunk.forEach((card, i) => {
      const col = i % g.cols;
      const row = Math.floor(i / g.cols);
      const x = GRID.margin + col * (g.cardW + GRID.gap);
      const y = GRID.bodyTop + row * (g.cardH + CARD_BAR + GRID.gap);
      body.push({ kind: 'rect', role: 'card-bar', x, y, w: g.cardW, h: CARD_BAR, fill: theme.colors.accent });
      body.push(
        textBox('card', { x, y: y + CARD_BAR, w: g.cardW, h: g.cardH }, cardParagraphs(card, size), size, ctx, {
          insets: CARD_INSETS,
          fill: theme.colors.fill,
        }),
      );
    });
    const cites = [...new Set(chunk.flatMap((c) => [...citesOf(c.heading), ...citesOf(c.body)]))];
    return placed(slide, k + 1, pages.chunks.length, cites, body, ctx, size);
  });
}

// ---------------------------------------------------------------------------------------------
// Tables: widths from content, a shaded header repeated on every part, rules only between
// groups (a blank first cell means "same group as the row above"), no vertical rules.

const cellInsetsPt: Insets = {
  left: CELL_INSETS_IN.left * PT,
  right: CELL_INSETS_IN.right * PT,
  top: CELL_INSETS_IN.top * PT,
  bottom: CELL_INSETS_IN.bottom * PT,
};

function cellRuns(cell: readonly Inline[], header: boolean): Run[] {
  return inlinesToRuns(cell, header ? { bold: true } : {});
}

/** Column widths in inches: the HTML automatic table algorithm, on measured text. */
export function columnWidths(rows: readonly (readonly Run[][])[], size: number, width: number): number[] {
  const cols = Math.max(...rows.map((r) => r.length));
  const pad = cellInsetsPt.left + cellInsetsPt.right;
  const maxW: number[] = [];
  const minW: number[] = [];
  for (let c = 0; c < cols; c++) {
    const cells = rows.map((r) => r[c] ?? []);
    maxW.push(Math.max(...cells.map((runs) => naturalWidth(runs, size))) + pad + 1);
    minW.push(Math.max(...cells.map((runs) => longestWord(runs, size))) + pad + 1);
  }
  const total = width * PT;
  let widths: number[];
  if (sum(maxW) <= total) {
    const extra = total - sum(maxW);
    widths = maxW.map((w) => w + (extra * w) / sum(maxW));
  } else if (sum(minW) <= total) {
    const spare = total - sum(minW);
    const stretch = maxW.map((w, c) => w - (minW[c] as number));
    widths = minW.map((w, c) => w + (spare * (stretch[c] as number)) / sum(stretch));
  } else widths = minW.map((w) => (w * total) / sum(minW));
  return widths.map((w) => w / PT);
}

function rowHeight(cells: readonly Run[][], colW: readonly number[], size: number): number {
  return Math.max(...cells.map((runs, c) => finite(textHeight([{ runs }], size, (colW[c] ?? 1) * PT, cellInsetsPt), BODY_H * PT))) / PT;
}

function tableSlides(slide: Slide, table: TableBlock, ctx: Context): PlacedSlide[] {
  const { theme } = ctx;
  const header = table.header.map((c) => cellRuns(c, true));
  // The group each row belongs to, and its label when a part starts inside a group.
  const groupLabel: Inline[][] = [];
  const startsGroup: boolean[] = [];
  table.rows.forEach((row, r) => {
    const first = row[0] ?? [];
    const blank = plainText(first).trim() === '' && r > 0;
    startsGroup.push(!blank);
    groupLabel.push(blank ? (groupLabel[r - 1] ?? []) : first);
  });
  const rowsOf = (chunk: number[]): Inline[][][] =>
    chunk.map((r, k) => {
      const row = table.rows[r] ?? [];
      return k === 0 && !startsGroup[r] ? [groupLabel[r] ?? [], ...row.slice(1)] : row;
    });
  const allRuns = [header, ...table.rows.map((row) => row.map((c) => cellRuns(c, false)))];
  const widthsCache = new Map<number, number[]>();
  const widthsAt = (size: number) => {
    let w = widthsCache.get(size);
    if (!w) {
      w = columnWidths(allRuns, size, CONTENT_W);
      widthsCache.set(size, w);
    }
    return w;
  };
  const heights = (chunk: number[], size: number) => {
    const colW = widthsAt(size);
    return [rowHeight(header, colW, size), ...rowsOf(chunk).map((row) => rowHeight(row.map((c) => cellRuns(c, false)), colW, size))];
  };
  const fits = (chunk: number[], size: number) => sum(heights(chunk, size)) <= BODY_H;
  const preferred = Math.min(TABLE_MAX, theme.sizes.body);
  const pages = paginate(
    table.rows.map((_, r) => r),
    sizesDown(preferred, Math.min(preferred, theme.sizes.bodyMin)),
    fits,
  );
  reportFit(slide, pages, preferred, ctx);
  const size = pages.size;
  const colW = widthsAt(size);
  return pages.chunks.map((chunk, k) => {
    const rows = rowsOf(chunk);
    const rowH = heights(chunk, size);
    const headerCells: TableCell[] = table.header.map((c) => ({
      paragraphs: [{ runs: cellRuns(c, true), align: 'left' }],
      bold: true,
      fill: theme.colors.fill,
      ruleBelow: { color: theme.colors.accent, width: 1.5 },
    }));
    const bodyCells: TableCell[][] = rows.map((row, i) => {
      const r = chunk[i] as number;
      const next = chunk[i + 1];
      const endsGroup = next === undefined || startsGroup[next];
      return row.map((c, col) => {
        const cell: TableCell = { paragraphs: [{ runs: cellRuns(c, false), align: table.align[col] ?? 'left' }] };
        if (endsGroup) cell.ruleBelow = { color: theme.colors.rule, width: 0.75 };
        if (col === 0 && !startsGroup[r] && i > 0) cell.paragraphs = [{ runs: [] }];
        return cell;
      });
    });
    const element: Element = {
      kind: 'table',
      role: 'table',
      x: GRID.margin,
      y: GRID.bodyTop,
      colW,
      rowH,
      rows: [headerCells, ...bodyCells],
      fontSize: size,
      fontFace: theme.fonts.body,
      color: theme.colors.text,
      lineHeight: lineHeightOf(size),
      cellInsets: CELL_INSETS_IN,
    };
    const cites = [...new Set(rows.flatMap((row) => row.flatMap((c) => citesOf(c))))];
    return placed(slide, k + 1, pages.chunks.length, cites, [element], ctx, size);
  });
}

// ---------------------------------------------------------------------------------------------
// Timeline: native shapes, left to right, evenly spaced.

function fitSize(max: number, min: number, ok: (size: number) => boolean, what: string, ctx: Context): number {
  for (const s of sizesDown(max, min)) if (ok(s)) return s;
  ctx.diagnostics.push(diagnostic('layout-overflow', `${what} does not fit even at ${min} pt; shorten it in the summary`));
  return min;
}

/** A measured height, or `fallback` when the text cannot fit at all (already reported). */
function finite(h: number, fallback: number): number {
  return Number.isFinite(h) ? h : fallback;
}

function timelineSlides(slide: Slide, timeline: TimelineBlock, ctx: Context): PlacedSlide[] {
  const { theme } = ctx;
  const events = timeline.events;
  const count = Math.ceil(events.length / MAX_EVENTS);
  const chunks = balanced(events, count);
  if (chunks.length > 1) ctx.diagnostics.push(diagnostic('layout-shrunk', `slide "${slide.title}" continues over ${chunks.length} slides`));
  const perSlide = Math.max(...chunks.map((c) => c.length));
  const colW = CONTENT_W / perSlide;
  const textW = (colW - 0.1) * PT;
  const whenRuns = events.map((e) => [{ text: e.when, bold: true }] as Run[]);
  const amountRuns = events.map((e) => (e.amount ? ([{ text: e.amount, bold: true }] as Run[]) : []));
  const labelRuns = events.map((e) => inlinesToRuns(e.label));
  const where = `a timeline entry on slide "${slide.title}"`;
  const whenSize = fitSize(16, 11, (s) => whenRuns.every((r) => countLines(r, s, textW) <= 2), where, ctx);
  const amountSize = fitSize(22, 12, (s) => amountRuns.every((r) => r.length === 0 || countLines(r, s, textW) <= 1), where, ctx);
  const labelSize = fitSize(16, theme.sizes.bodyMin, (s) => labelRuns.every((r) => countLines(r, s, textW) <= 4), where, ctx);
  const hasAmounts = amountRuns.some((r) => r.length > 0);
  const whenH = textHeight([{ runs: [{ text: 'X' }] }, { runs: [{ text: 'X' }] }], whenSize, textW, TEXT_INSETS) / PT;
  const amountH = hasAmounts ? textHeight([{ runs: [{ text: 'X' }] }], amountSize, textW, TEXT_INSETS) / PT : 0;
  const labelH = Math.max(...labelRuns.map((r) => finite(textHeight([{ runs: r }], labelSize, textW, TEXT_INSETS), 4 * lineHeightOf(labelSize)))) / PT;
  const marker = 0.24;
  const groupH = whenH + 0.08 + amountH + 0.3 + marker + 0.3 + labelH;
  const top = GRID.bodyTop + Math.max(0, (BODY_H - groupH) / 2 - 0.2);
  const lineY = top + whenH + 0.08 + amountH + 0.3 + marker / 2;
  let offset = 0;
  return chunks.map((chunk, k) => {
    const body: Element[] = [
      { kind: 'line', role: 'timeline-axis', x: GRID.margin, y: lineY, w: CONTENT_W, h: 0, line: { color: theme.colors.rule, width: 2 } },
    ];
    chunk.forEach((_, i) => {
      const e = offset + i;
      const cx = GRID.margin + colW * (i + 0.5);
      const x = cx - textW / PT / 2;
      const w = textW / PT;
      body.push(
        textBox('timeline-when', { x, y: top, w, h: whenH }, [{ runs: whenRuns[e] ?? [], align: 'center' }], whenSize, ctx, {
          color: theme.colors.accent,
          valign: 'bottom',
        }),
      );
      if (hasAmounts && (amountRuns[e]?.length ?? 0) > 0) {
        body.push(textBox('timeline-amount', { x, y: top + whenH + 0.08, w, h: amountH }, [{ runs: amountRuns[e] ?? [], align: 'center' }], amountSize, ctx));
      }
      body.push({ kind: 'ellipse', role: 'timeline-marker', x: cx - marker / 2, y: lineY - marker / 2, w: marker, h: marker, fill: theme.colors.accent, line: { color: theme.colors.background, width: 2 } });
      body.push(textBox('timeline-label', { x, y: lineY + marker / 2 + 0.3, w, h: labelH }, [{ runs: labelRuns[e] ?? [], align: 'center' }], labelSize, ctx));
    });
    offset += chunk.length;
    const cites = [...new Set(chunk.flatMap((ev) => citesOf(ev.label)))];
    return placed(slide, k + 1, chunks.length, cites, body, ctx, labelSize);
  });
}

// ---------------------------------------------------------------------------------------------
// Bar chart: a native chart, horizontal bars read top to bottom, values labelled.

function chartSlide(slide: Slide, chart: ChartBlock, ctx: Context): PlacedSlide {
  const { theme } = ctx;
  const captionSize = 11;
  const caption: Paragraph = { runs: inlinesToRuns([{ type: 'text', text: `Amounts as the sources report them, in ${chart.unit}` }, ...chart.cites.map((n) => ({ type: 'cite' as const, n }))]) };
  const captionH = textHeight([caption], captionSize, CONTENT_W * PT, TEXT_INSETS) / PT;
  const chartH = BODY_H - captionH - 0.1;
  const points = [...chart.points].reverse();
  const body: Element[] = [
    {
      kind: 'chart',
      role: 'chart',
      x: GRID.margin,
      y: GRID.bodyTop,
      w: CONTENT_W,
      h: chartH,
      labels: points.map((p) => p.label),
      values: points.map((p) => p.value),
      seriesName: `Reported amount (${chart.unit})`,
      unit: chart.unit,
      color: theme.colors.accent,
      fontFace: theme.fonts.body,
      fontSize: 12,
      textColor: theme.colors.text,
      mutedColor: theme.colors.muted,
      gridColor: theme.colors.rule,
    },
    textBox('caption', { x: GRID.margin, y: GRID.bodyBottom - captionH, w: CONTENT_W, h: captionH }, [caption], captionSize, ctx, { color: theme.colors.muted }),
  ];
  return placed(slide, 1, 1, chart.cites, body, ctx);
}
