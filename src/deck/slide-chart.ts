// Bar chart: a native chart of one kind of amount, horizontal bars read top to bottom, values
// labelled, the axis saying what is plotted. Other amounts (other kinds) are call-outs beside it:
// the slide's list items, each a short labelled text with its citations.
import { citesOf, type Block, type ChartBlock, type Inline, type Slide } from '../model/types.js';
import type { Element, PlacedSlide } from './elements.js';
import { fitSize, placed, textBox, type Context } from './frame.js';
import { BODY_H, CONTENT_W, GRID, PT, TEXT_INSETS } from './grid.js';
import { inlinesToRuns, textHeight, type Paragraph } from './measure.js';

/** The call-outs: list items and paragraphs on the slide besides the chart. */
function calloutsOf(slide: Slide): Inline[][] {
  return slide.blocks.flatMap((b: Block) => (b.type === 'list' ? b.items : b.type === 'paragraph' ? [b.inlines] : []));
}

export function chartSlide(slide: Slide, chart: ChartBlock, ctx: Context): PlacedSlide {
  const { theme } = ctx;
  const captionSize = 11;
  const caption: Paragraph = {
    runs: inlinesToRuns([{ type: 'text', text: `Amounts as the sources report them; bars: ${chart.measure}` }, ...chart.cites.map((n) => ({ type: 'cite' as const, n }))], {}, theme.colors.accent),
  };
  const captionH = textHeight([caption], captionSize, CONTENT_W * PT, TEXT_INSETS) / PT;
  const chartH = BODY_H - captionH - 0.1;
  const callouts = calloutsOf(slide);
  const calloutW = callouts.length > 0 ? Math.min(4.2, CONTENT_W * 0.36) : 0;
  const chartW = callouts.length > 0 ? CONTENT_W - calloutW - GRID.gap : CONTENT_W;
  const points = [...chart.points].reverse();
  const body: Element[] = [
    {
      kind: 'chart',
      role: 'chart',
      x: GRID.margin,
      y: GRID.bodyTop,
      w: chartW,
      h: chartH,
      labels: points.map((p) => p.label),
      values: points.map((p) => p.value),
      seriesName: chart.measure,
      unit: chart.measure,
      color: theme.colors.accent,
      fontFace: theme.fonts.body,
      fontSize: 12,
      textColor: theme.colors.text,
      mutedColor: theme.colors.muted,
      gridColor: theme.colors.rule,
    },
    textBox('caption', { x: GRID.margin, y: GRID.bodyBottom - captionH, w: CONTENT_W, h: captionH }, [caption], captionSize, ctx, { color: theme.colors.muted }),
  ];
  const cites = [...chart.cites];
  if (callouts.length > 0) {
    const x = GRID.margin + chartW + GRID.gap;
    const textW = calloutW * PT - 12;
    const paragraphs = (size: number): Paragraph[] => [
      { runs: [{ text: 'Other amounts, not comparable with the bars', bold: true, color: theme.colors.muted }], spaceAfter: size * 0.5 },
      ...callouts.map((c) => ({ runs: inlinesToRuns(c, {}, theme.colors.accent), spaceAfter: size * 0.6 })),
    ];
    const indices = callouts.map((_, k) => k);
    const size = fitSize(
      indices,
      16,
      theme.sizes.bodyMin,
      (_k, s) => textHeight(paragraphs(s), s, textW, TEXT_INSETS) / PT <= chartH,
      `the call-outs on slide "${slide.title}"`,
      ctx,
      (k) => ({ text: callouts[k]?.map((i) => (i.type === 'text' ? i.text : '')).join('') ?? '', cites: citesOf(callouts[k] ?? []) }),
    );
    const h = Math.min(chartH, textHeight(paragraphs(size), size, textW, TEXT_INSETS) / PT + 0.3);
    body.push({ kind: 'rect', role: 'callout-panel', x, y: GRID.bodyTop, w: calloutW, h, fill: theme.colors.fill });
    body.push(textBox('callouts', { x: x + 6 / PT, y: GRID.bodyTop + 0.12, w: textW / PT, h: h - 0.2 }, paragraphs(size), size, ctx));
    for (const c of callouts) for (const n of citesOf(c)) if (!cites.includes(n)) cites.push(n);
  }
  return placed(slide, 1, 1, cites, body, ctx);
}
