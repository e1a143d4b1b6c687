// Bar chart: a native chart, horizontal bars read top to bottom, values labelled.
import type { ChartBlock, Slide } from '../model/types.js';
import type { Element, PlacedSlide } from './elements.js';
import { placed, textBox, type Context } from './frame.js';
import { BODY_H, CONTENT_W, GRID, PT, TEXT_INSETS } from './grid.js';
import { inlinesToRuns, textHeight, type Paragraph } from './measure.js';

export function chartSlide(slide: Slide, chart: ChartBlock, ctx: Context): PlacedSlide {
  const { theme } = ctx;
  const captionSize = 11;
  const caption: Paragraph = { runs: inlinesToRuns([{ type: 'text', text: `Amounts as the sources report them, in ${chart.unit}` }, ...chart.cites.map((n) => ({ type: 'cite' as const, n }))], {}, theme.colors.accent) };
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
