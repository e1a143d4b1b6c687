// The frame every content slide shares: kicker, action title, source line, footer, number;
// and the context and fit reports the slide kinds share.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CitationRef, Deck, Slide } from '../model/types.js';
import type { Theme } from '../inputs/theme.js';
import { SLIDE_W, type Element, type PlacedSlide, type TextElement } from './elements.js';
import { CONTENT_W, GRID, PT, TEXT_INSETS } from './grid.js';
import { countLines, lineHeightOf, type Paragraph, type Run } from './measure.js';
import { sizesDown } from './paginate.js';

export interface Context {
  deck: Deck;
  theme: Theme;
  byNumber: Map<number, CitationRef>;
  footer: string;
  diagnostics: Diagnostic[];
}

export function reportFit(slide: Slide, pages: { size: number; chunks: unknown[][]; fits: boolean }, preferred: number, ctx: Context): void {
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

export function textBox(role: string, box: { x: number; y: number; w: number; h: number }, paragraphs: Paragraph[], size: number, ctx: Context, extra: Partial<TextElement> = {}): TextElement {
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

export function placed(slide: Slide, index: number, count: number, cites: number[], body: Element[], ctx: Context, fontSize?: number): PlacedSlide {
  const part = partSlide(slide, index, count, cites, ctx, fontSize);
  const title = partTitle(slide, index, count);
  return { slide: part, title, elements: [...frame(part, title, ctx), ...body], notes: notesFor(slide, cites) };
}

export function fitSize(max: number, min: number, ok: (size: number) => boolean, what: string, ctx: Context): number {
  for (const s of sizesDown(max, min)) if (ok(s)) return s;
  ctx.diagnostics.push(diagnostic('layout-overflow', `${what} does not fit even at ${min} pt; shorten it in the summary`));
  return min;
}

/** A measured height, or `fallback` when the text cannot fit at all (already reported). */
export function finite(h: number, fallback: number): number {
  return Number.isFinite(h) ? h : fallback;
}
