// The history chart, drawn with native shapes: money by date on an axis proportional to time. New
// money is a bar at its date, the running total a step line through its reported values;
// valuations and plans are markers of their own (a diamond, a dashed ring) with their words, never
// bars of the money's series. A marker far above the money (a plan fifty times the investment)
// sits at the top of the plot, "off scale", rather than flattening the bars. Amounts that are not
// on the chart are call-outs beside it, continued on further slides when they do not fit.
import type { ChartBlock, ChartPoint, Inline, Slide } from '../model/types.js';
import type { AmountRole } from '../inputs/amount-roles.js';
import { boxOf, type Element, type PlacedSlide } from './elements.js';
import { placed, textBox, type Context } from './frame.js';
import { BODY_H, CONTENT_W, GRID, PT, TEXT_INSETS } from './grid.js';
import { inlinesToRuns, naturalWidth, textHeight, type Paragraph, type Run } from './measure.js';
import { amountMark, LEGEND_H, legendRow, tickYears } from './amount-marks.js';
import { axisSpan } from './slide-timeline.js';
import { calloutPanel, calloutWidth, type Callouts } from './callouts.js';
import { maxOf, pushAll } from '../common/arrays.js';

const LABEL_SIZE = 11;
const AXIS_SIZE = 10;
const YEAR_BAND = 0.32;
/** A marker more than this many times the largest amount of money is drawn off scale. */
export const OFF_SCALE = 20;

/** A round step for a value axis up to `max`: 1, 2, 2.5 or 5 times a power of ten, four to six steps. */
export function niceStep(max: number): number {
  if (!(max > 0)) return 1;
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) as number;
  return step;
}

/** A number as an axis label: at most two decimals, no trailing zeros. */
function axisNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

interface Scale {
  /** The top of the value axis (a whole number of steps) and the step. */
  top: number;
  step: number;
  /** Markers above the top: drawn at it, "off scale". */
  offScale: Set<ChartPoint>;
}

/** The value axis: to the largest amount, or to the money's when a marker dwarfs it (that marker then off scale). */
export function valueScale(points: readonly ChartPoint[]): Scale {
  const money = points.filter((p) => p.series === 'new money' || p.series === 'total').map((p) => p.value);
  const all = points.map((p) => p.value);
  const moneyMax = Math.max(0, maxOf(money, 0));
  const allMax = Math.max(0, maxOf(all, 0));
  const reach = moneyMax > 0 && allMax > OFF_SCALE * moneyMax ? moneyMax * 1.15 : allMax * 1.08;
  const step = niceStep(reach);
  const top = Math.max(step, Math.ceil(reach / step - 1e-9) * step);
  return { top, step, offScale: new Set(points.filter((p) => p.value > top + 1e-9)) };
}

/** The words a marker or a point carries after its amount. */
const SERIES_WORDS: Record<AmountRole, string> = { 'new money': '', total: 'in all', valuation: 'valuation', plan: 'planned', other: '' };

export function historySlides(slide: Slide, chart: ChartBlock, callouts: Inline[][], ctx: Context): PlacedSlide[] {
  const { theme } = ctx;
  const panel: Callouts | undefined = callouts.length > 0 ? calloutPanel(slide, callouts, ctx, BODY_H) : undefined;
  const chartW = panel && (panel.parts[0]?.items.length ?? 0) > 0 ? CONTENT_W - calloutWidth() - GRID.gap : CONTENT_W;
  const captionSize = 11;
  const caption: Paragraph = {
    runs: inlinesToRuns([{ type: 'text', text: `Amounts as the sources report them, ${chart.unit}; new money as bars, the running total as a line, valuations and plans as markers` }, ...chart.cites.map((n) => ({ type: 'cite' as const, n }))], {}, theme.colors.accent),
  };
  const captionH = textHeight([caption], captionSize, chartW * PT, TEXT_INSETS) / PT;
  const series = [...new Set(chart.points.flatMap((p) => (p.series ? [p.series] : [])))];
  const plotTop = GRID.bodyTop + 0.45;
  const plotBottom = GRID.bodyBottom - captionH - 0.08 - LEGEND_H - YEAR_BAND;
  const yLabelW = 0.7;
  const plotX0 = GRID.margin + yLabelW;
  const plotX1 = GRID.margin + chartW - 0.1;
  const scale = valueScale(chart.points);
  const y = (v: number) => plotBottom - (Math.min(v, scale.top) / scale.top) * (plotBottom - plotTop);
  const span = axisSpan(chart.points) ?? { t0: 0, t1: 1 };
  const pad = 0.55;
  const x = (t: number) => plotX0 + pad + ((t - span.t0) / (span.t1 - span.t0)) * (plotX1 - plotX0 - 2 * pad);
  const body: Element[] = [];
  const muted = theme.colors.muted;

  // The value axis: gridlines at round steps, labelled at the left, the unit above.
  for (let v = 0; v <= scale.top + 1e-9; v += scale.step) {
    body.push({ kind: 'line', role: 'chart-grid', x: plotX0, y: y(v), w: plotX1 - plotX0, h: 0, line: { color: theme.colors.rule, width: v === 0 ? 1.25 : 0.75 } });
    body.push(textBox('chart-value-axis', { x: GRID.margin, y: y(v) - 0.12, w: yLabelW - 0.08, h: 0.24 }, [{ runs: [{ text: axisNumber(v) }], align: 'right' }], AXIS_SIZE, ctx, { color: muted }));
  }
  body.push(textBox('chart-unit', { x: GRID.margin, y: GRID.bodyTop, w: 3, h: 0.26 }, [{ runs: [{ text: chart.unit }] }], AXIS_SIZE, ctx, { color: muted }));
  // The time axis: a label for every year (or every 2, 5, 10 on a long one).
  for (const year of tickYears(span.t0, span.t1)) {
    body.push({ kind: 'line', role: 'chart-tick', x: x(year), y: plotBottom, w: 0, h: 0.08, line: { color: muted, width: 1 } });
    body.push(textBox('chart-year', { x: x(year) - 0.3, y: plotBottom + 0.08, w: 0.6, h: YEAR_BAND - 0.08 }, [{ runs: [{ text: String(year) }], align: 'center' }], AXIS_SIZE, ctx, { color: muted }));
  }

  // Everything a label must not cover: bars, markers, the total's line, other labels.
  const taken: Box[] = [];
  const label = (role: string, point: ChartPoint, cx: number, cy: number) => {
    const words = point.series ? SERIES_WORDS[point.series] : '';
    const runs: Run[] = inlinesToRuns(point.inlines ?? [{ type: 'text', text: point.display }], {}, theme.colors.accent).map((r, k) => (k === 0 ? { ...r, bold: true } : r));
    if (words) runs.push({ text: ` ${words}`, color: muted });
    if (scale.offScale.has(point)) runs.push({ text: ' (off scale)', color: muted, italic: true });
    const w = Math.min(2.6, naturalWidth(runs, LABEL_SIZE) / PT + 0.1);
    const h = textHeight([{ runs }], LABEL_SIZE, w * PT, TEXT_INSETS) / PT;
    const inPlot = (b: Box): Box => ({ ...b, x: Math.min(plotX1 - b.w, Math.max(plotX0, b.x)), y: Math.min(plotBottom - b.h - 0.02, Math.max(GRID.bodyTop + 0.28, b.y)) });
    // Above the point, to its right, to its left, below it; then ever higher above it.
    const candidates: Box[] = [
      { x: cx - w / 2, y: cy - h - 0.06, w, h },
      { x: cx + 0.16, y: cy - h / 2, w, h },
      { x: cx - 0.16 - w, y: cy - h / 2, w, h },
      { x: cx - w / 2, y: cy + 0.1, w, h },
      ...Array.from({ length: 12 }, (_, k) => [-1, 0, 1].map((side) => ({ x: cx - w / 2 + side * (w / 2 + 0.2), y: cy - h - 0.06 - (k + 1) * (h + 0.03), w, h }))).flat(),
    ].map(inPlot);
    // A crowd of amounts on one date may leave no free place: the label is left out (the amount
    // is in the speaker notes and the memo) rather than printed over another.
    const box = candidates.find((b) => !taken.some((t) => overlaps(t, b)));
    if (!box) return;
    taken.push(box);
    body.push(textBox(role, box, [{ runs, align: 'center' }], LABEL_SIZE, ctx));
  };

  const labelled: (() => void)[] = [];
  // New money: bars at their dates; two on one date stand side by side.
  const bars = chart.points.filter((p) => p.series === 'new money');
  const xs = [...new Set(bars.map((p) => x(p.at ?? 0)))].sort((a, b) => a - b);
  const closest = xs.slice(1).reduce((m, v, k) => Math.min(m, v - (xs[k] as number)), Infinity);
  const barW = Math.min(0.6, Math.max(0.16, Number.isFinite(closest) ? closest * 0.6 : 0.6));
  bars.forEach((p) => {
    const same = bars.filter((q) => x(q.at ?? 0) === x(p.at ?? 0));
    const k = same.indexOf(p);
    const w = barW / same.length;
    const bx = x(p.at ?? 0) - barW / 2 + k * w;
    const bar = { x: bx, y: y(p.value), w, h: Math.max(0.01, plotBottom - y(p.value)) };
    body.push({ kind: 'rect', role: 'chart-bar', ...bar, fill: theme.colors.accent });
    taken.push(bar);
    labelled.push(() => label('chart-bar-label', p, bx + w / 2, y(p.value)));
  });
  // The running total: a step through its reported values, each marked and labelled.
  const totals = chart.points.filter((p) => p.series === 'total').sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  totals.forEach((p, k) => {
    const next = totals[k + 1];
    if (next) {
      const x0 = x(p.at ?? 0);
      const x1 = x(next.at ?? 0);
      const flat = { x: x0, y: y(p.value), w: x1 - x0, h: 0 };
      const rise = { x: x1, y: Math.min(y(p.value), y(next.value)), w: 0, h: Math.abs(y(next.value) - y(p.value)) };
      body.push({ kind: 'line', role: 'chart-total', ...flat, line: { color: theme.colors.text, width: 2.25 } });
      body.push({ kind: 'line', role: 'chart-total', ...rise, line: { color: theme.colors.text, width: 2.25 } });
      taken.push({ ...flat, y: flat.y - 0.03, h: 0.06 }, { ...rise, x: rise.x - 0.03, w: 0.06 });
    }
  });
  totals.forEach((p) => {
    const marker = amountMark('total', x(p.at ?? 0), y(p.value), 'chart-marker', ctx);
    body.push(marker);
    taken.push(boxOf(marker));
    labelled.push(() => label('chart-total-label', p, x(p.at ?? 0), y(p.value)));
  });
  // Valuations and plans: markers of their own kind, with their words.
  for (const p of chart.points.filter((q) => q.series === 'valuation' || q.series === 'plan')) {
    const off = scale.offScale.has(p);
    const my = off ? plotTop : y(p.value);
    const marker = amountMark(p.series, x(p.at ?? 0), my, 'chart-marker', ctx);
    body.push(marker);
    taken.push(boxOf(marker));
    if (off) body.push({ kind: 'line', role: 'chart-off-scale', x: x(p.at ?? 0), y: my - 0.3, w: 0, h: 0.18, line: { color: muted, width: 1.5, dash: true } });
    labelled.push(() => label('chart-marker-label', p, x(p.at ?? 0), my));
  }
  // Labels after every mark is down, so that none covers a mark drawn after it.
  for (const place of labelled) place();

  // What each mark means, under the time axis: only the series drawn; new money is a bar here.
  const barSwatch = (role: AmountRole, cx: number, cy: number): Element =>
    role === 'new money' ? { kind: 'rect', role: 'chart-legend-marker', x: cx - 0.1, y: cy - 0.07, w: 0.2, h: 0.14, fill: theme.colors.accent } : amountMark(role, cx, cy, 'chart-legend-marker', ctx);
  pushAll(body, legendRow(series, GRID.margin + yLabelW, plotBottom + YEAR_BAND, 'chart-legend', ctx, barSwatch));
  body.push(textBox('caption', { x: GRID.margin, y: GRID.bodyBottom - captionH, w: chartW, h: captionH }, [caption], captionSize, ctx, { color: muted }));

  const cites = [...chart.cites];
  const parts = panel?.parts ?? [];
  const count = Math.max(1, parts.length);
  if (panel && parts[0]) {
    pushAll(body, panel.firstElements());
    for (const n of parts[0].cites) if (!cites.includes(n)) cites.push(n);
  }
  const out = [placed(slide, 1, count, cites, body, ctx, panel?.size)];
  parts.slice(1).forEach((part, k) => out.push(placed(slide, k + 2, count, part.cites, panel?.restElements(part) ?? [], ctx, panel?.size)));
  return out;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlaps(a: Box, b: Box): boolean {
  return Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1e-3 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1e-3;
}
