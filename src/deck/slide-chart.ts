// Charts. A history chart (money by date, see slide-history.ts) is drawn with shapes; a bar chart
// of one kind of amount is a native chart, horizontal bars read top to bottom, values labelled,
// the axis saying what is plotted. Other amounts are call-outs beside it (the slide's list items,
// each a short labelled text with its citations), continued on further slides when they do not fit.
import type { Block, ChartBlock, Inline, Slide } from '../model/types.js';
import type { Element, PlacedSlide } from './elements.js';
import { placed, textBox, type Context } from './frame.js';
import { calloutPanel, calloutWidth } from './callouts.js';
import { historySlides } from './slide-history.js';
import { BODY_H, CONTENT_W, GRID, PT, TEXT_INSETS } from './grid.js';
import { inlinesToRuns, textHeight, type Paragraph } from './measure.js';
import { pushAll } from '../common/arrays.js';

/** The call-outs: list items and paragraphs on the slide besides the chart. */
function calloutsOf(slide: Slide): Inline[][] {
  return slide.blocks.flatMap((b: Block) => (b.type === 'list' ? b.items : b.type === 'paragraph' ? [b.inlines] : []));
}

export function chartSlides(slide: Slide, chart: ChartBlock, ctx: Context): PlacedSlide[] {
  const callouts = calloutsOf(slide);
  if (chart.kind === 'history') return historySlides(slide, chart, callouts, ctx);
  const { theme } = ctx;
  const captionSize = 11;
  const caption: Paragraph = {
    runs: inlinesToRuns([{ type: 'text', text: `Amounts as the sources report them; bars: ${chart.measure}` }, ...chart.cites.map((n) => ({ type: 'cite' as const, n }))], {}, theme.colors.accent),
  };
  const captionH = textHeight([caption], captionSize, CONTENT_W * PT, TEXT_INSETS) / PT;
  const chartH = BODY_H - captionH - 0.1;
  const panel = callouts.length > 0 ? calloutPanel(slide, callouts, ctx, chartH, 'Other amounts, not comparable with the bars') : undefined;
  const beside = panel !== undefined && (panel.parts[0]?.items.length ?? 0) > 0;
  const chartW = beside ? CONTENT_W - calloutWidth() - GRID.gap : CONTENT_W;
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
  const parts = panel?.parts ?? [];
  if (panel && parts[0]) {
    pushAll(body, panel.firstElements());
    for (const n of parts[0].cites) if (!cites.includes(n)) cites.push(n);
  }
  const count = Math.max(1, parts.length);
  const out = [placed(slide, 1, count, cites, body, ctx, panel?.size)];
  parts.slice(1).forEach((part, k) => out.push(placed(slide, k + 2, count, part.cites, panel?.restElements(part) ?? [], ctx, panel?.size)));
  return out;
}
