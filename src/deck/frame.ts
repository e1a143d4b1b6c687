// The frame every content slide shares: kicker, action title, source line, footer, number;
// and the context and fit reports the slide kinds share.
import { diagnostic, type Diagnostic, type Position, type RuleId } from '../diagnostics/diagnostic.js';
import type { CitationRef, Deck, Slide } from '../model/types.js';
import type { Theme } from '../inputs/theme.js';
import { SLIDE_W, type Element, type PlacedNotes, type PlacedSlide, type TextElement } from './elements.js';
import { CONTENT_W, GRID, PT, TEXT_INSETS } from './grid.js';
import { countLines, lineHeightOf, type Paragraph, type Run } from './measure.js';
import { sizesDown, type Pages } from './paginate.js';

/** What a layout problem is about, so the caller can place it in the file the user should edit. */
export interface Subject {
  /** The text that does not fit (a title, an item), as printed. */
  text: string;
  /** The citations of that text: they lead back to the statement in the summary. */
  cites: readonly number[];
}

/** Where a problem about `subject` is to be fixed: a position in the summary or a template. */
export type Locate = (subject: Subject) => Position;

export interface Context {
  deck: Deck;
  theme: Theme;
  byNumber: Map<number, CitationRef>;
  footer: string;
  locate: Locate;
  diagnostics: Diagnostic[];
}

export function report(ctx: Context, rule: RuleId, message: string, subject: Subject): void {
  const at = ctx.locate(subject);
  // Text the deck template writes itself is shortened there, not in the summary.
  const fixed = at.file?.endsWith('.hbs') ? message.replace('shorten it in the summary', 'shorten it in the template, which writes it') : message;
  ctx.diagnostics.push(diagnostic(rule, fixed, at));
}

/** Reports how a slide's items were fitted; `subjectOf` names the item that does not fit. */
export function reportFit<T>(slide: Slide, pages: Pages<T>, preferred: number, ctx: Context, subjectOf: (item: T) => Subject): void {
  const whole = { text: slide.title, cites: [] };
  if (!pages.fits) {
    const subject = pages.misfit !== undefined ? subjectOf(pages.misfit) : whole;
    report(ctx, 'layout-overflow', `slide "${slide.title}": an item does not fit on a slide even at ${pages.size} pt; shorten it in the summary`, subject);
  } else if (pages.chunks.length > 1) {
    report(ctx, 'layout-shrunk', `slide "${slide.title}" continues over ${pages.chunks.length} slides at ${pages.size} pt`, whole);
  } else if (pages.size < preferred) {
    report(ctx, 'layout-shrunk', `slide "${slide.title}": text set at ${pages.size} pt to fit`, whole);
  }
}

function partTitle(slide: Slide, index: number, count: number): string {
  return count > 1 ? `${slide.title} (${index}/${count})` : slide.title;
}

/** The documents the citations come from, sorted. */
export function sourcesOf(cites: readonly number[], ctx: Context): string[] {
  return [...new Set(cites.map((n) => ctx.byNumber.get(n)?.doc ?? '').filter((d) => d !== ''))].sort();
}

/** Talking points, then the passages of the slide's citations that are on this part. */
export function notesFor(slide: Slide, cites: readonly number[], ctx: Context): PlacedNotes {
  const keep = new Set(cites);
  const citations = slide.notes.citations.filter((n) => keep.has(n)).flatMap((n) => ctx.byNumber.get(n) ?? []);
  return { talkingPoints: [...slide.notes.talkingPoints], citations };
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

function frame(slide: Slide, sources: readonly string[], title: string, ctx: Context): Element[] {
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
    report(ctx, 'layout-overflow', `slide title "${title}" needs more than two lines even at ${titleSize} pt; shorten it`, { text: slide.title, cites: [] });
  }
  elements.push(
    textBox('title', { x: GRID.margin, y: GRID.titleY, w: CONTENT_W, h: titleMaxH }, [{ runs: titleRuns }], titleSize, ctx, { fontFace: theme.fonts.heading }),
  );
  if (sources.length > 0) {
    elements.push(
      textBox('source-line', { x: GRID.margin, y: GRID.sourceY, w: CONTENT_W, h: GRID.sourceH }, [{ runs: [{ text: `Sources: ${sources.join(', ')}` }] }], theme.sizes.footer + 1, ctx, {
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
  const title = partTitle(slide, index, count);
  const sources = sourcesOf(cites, ctx);
  const out: PlacedSlide = { layout: slide.layout, title, cites, sources, elements: [...frame(slide, sources, title, ctx), ...body], notes: notesFor(slide, cites, ctx) };
  if (count > 1) out.part = { index, count };
  if (fontSize !== undefined) out.fontSize = fontSize;
  return out;
}

/** The largest size from `max` down to `min` at which every item is `ok`; reports the first item that never is. */
export function fitSize<T>(items: readonly T[], max: number, min: number, ok: (item: T, size: number) => boolean, what: string, ctx: Context, subjectOf: (item: T) => Subject): number {
  for (const s of sizesDown(max, min)) if (items.every((item) => ok(item, s))) return s;
  const misfit = items.find((item) => !ok(item, min));
  const subject = misfit !== undefined ? subjectOf(misfit) : { text: what, cites: [] };
  report(ctx, 'layout-overflow', `${what} does not fit even at ${min} pt; shorten it in the summary`, subject);
  return min;
}

/** A measured height, or `fallback` when the text cannot fit at all (already reported). */
export function finite(h: number, fallback: number): number {
  return Number.isFinite(h) ? h : fallback;
}
