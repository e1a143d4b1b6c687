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
import { chartSlides } from './slide-chart.js';
import { flowSlides } from './slide-flow.js';
import { tableSlides } from './slide-table.js';
import { timelineSlides } from './slide-timeline.js';
import { titleSlide } from './slide-title.js';
import { maxOf, minOf } from '../common/arrays.js';
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
  const slides = sectionGroups(deck.slides).flatMap((group) => layoutGroup(group, ctx));
  const placed: PlacedDeck = { meta: deck.meta, fonts: { ...theme.fonts }, background: theme.colors.background, slides };
  return { placed, diagnostics: ctx.diagnostics };
}

/** Runs of consecutive slides of one section: the same layout and kicker (one table per pursuer, say). */
function sectionGroups(slides: readonly Slide[]): Slide[][] {
  const groups: Slide[][] = [];
  for (const slide of slides) {
    const last = groups[groups.length - 1]?.[0];
    if (last && slide.layout !== 'title' && last.layout === slide.layout && last.subtitle !== undefined && last.subtitle === slide.subtitle) groups[groups.length - 1]?.push(slide);
    else groups.push([slide]);
  }
  return groups;
}

/**
 * A section's slides in one type size: laid out each on its own, then again at the smallest size
 * any of them took when they differ (a short table after two long ones is not set larger).
 */
function layoutGroup(group: readonly Slide[], ctx: Context): PlacedSlide[] {
  const before = ctx.diagnostics.length;
  const first = group.flatMap((slide) => layoutSlide(slide, ctx));
  const sizes = first.flatMap((p) => (p.fontSize === undefined ? [] : [p.fontSize]));
  if (group.length < 2 || sizes.length < 2 || minOf(sizes) === maxOf(sizes)) return first;
  ctx.diagnostics.length = before;
  return group.flatMap((slide) => layoutSlide(slide, ctx, minOf(sizes)));
}

function layoutSlide(slide: Slide, ctx: Context, cap?: number): PlacedSlide[] {
  if (slide.layout === 'title') return [titleSlide(slide, ctx)];
  const table = slide.blocks.find((b): b is TableBlock => b.type === 'table');
  const timeline = slide.blocks.find((b): b is TimelineBlock => b.type === 'timeline');
  const chart = slide.blocks.find((b): b is ChartBlock => b.type === 'chart');
  const list = slide.blocks.find((b): b is Extract<Block, { type: 'list' }> => b.type === 'list');
  if (timeline) return timelineSlides(slide, timeline, ctx);
  if (chart) return chartSlides(slide, chart, ctx);
  if (slide.layout === 'cards' && list) return cardSlides(slide, list.items, ctx, cap);
  if (table && !list) return tableSlides(slide, table, ctx, cap);
  // What changed is read by the executive in the meeting: it continues rather than shrinks.
  if (slide.layout === 'changes') return flowSlides(slide, ctx, cap, Math.min(ctx.theme.sizes.body, Math.max(ctx.theme.sizes.bodyMin, CHANGES_MIN_SIZE)));
  return flowSlides(slide, ctx, cap);
}

/** The smallest body size of a "What changed" slide, in points, unless the theme's own minimum is larger. */
const CHANGES_MIN_SIZE = 14;
