// The deck layout pass: every slide of the model → positioned elements on a fixed grid.
// Text is measured with real font metrics; body text shrinks within the theme's limits and,
// when it still does not fit, the slide is split into continuation slides ("(2/2)"), tables
// repeating their header. Nothing here touches pptxgenjs.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Block, ChartBlock, Deck, Slide, TableBlock, TimelineBlock } from '../model/types.js';
import { formatLongDate } from '../template/view.js';
import type { Theme } from '../inputs/theme.js';
import type { PlacedDeck, PlacedSlide } from './elements.js';
import type { Context, Locate } from './frame.js';
import { cardSlides } from './slide-cards.js';
import { chartSlide } from './slide-chart.js';
import { flowSlides } from './slide-flow.js';
import { tableSlides } from './slide-table.js';
import { timelineSlides } from './slide-timeline.js';
import { titleSlide } from './slide-title.js';
export type { Locate, Subject } from './frame.js';
export { GRID } from './grid.js';
export { itemToCard } from './slide-cards.js';
export { columnWidths } from './slide-table.js';

export interface LayoutResult {
  placed: PlacedDeck;
  /** Overflows (errors) and shrunk or continued slides (info), placed by `locate`. */
  diagnostics: Diagnostic[];
}

/**
 * The layout stage: the deck model and the theme → every slide placed, and what did not fit.
 * `locate` says where the user fixes a problem (the summary or a template line); by default, nowhere.
 */
export function layoutDeck(deck: Deck, theme: Theme, locate: Locate = () => ({})): LayoutResult {
  const ctx: Context = {
    deck,
    theme,
    byNumber: new Map(deck.citations.map((c) => [c.n, c])),
    footer: `${deck.meta.title} · ${formatLongDate(deck.meta.asOf)}`,
    locate,
    diagnostics: [],
  };
  const slides = deck.slides.flatMap((slide) => layoutSlide(slide, ctx));
  const placed: PlacedDeck = { meta: deck.meta, fonts: { ...theme.fonts }, background: theme.colors.background, slides };
  return { placed, diagnostics: ctx.diagnostics };
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
  // What changed is read by the executive in the meeting: it continues rather than shrinks.
  if (slide.layout === 'changes') return flowSlides(slide, ctx, Math.min(ctx.theme.sizes.body, Math.max(ctx.theme.sizes.bodyMin, CHANGES_MIN_SIZE)));
  return flowSlides(slide, ctx);
}

/** The smallest body size of a "What changed" slide, in points, unless the theme's own minimum is larger. */
const CHANGES_MIN_SIZE = 14;
