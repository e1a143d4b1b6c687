// Timeline: native shapes, left to right in time order. Dated events sit at their place in time
// (kept apart by at least a label's width); events without a date are text under the axis.
import { citesOf, plainText, type Inline, type Slide, type TimelineBlock } from '../model/types.js';
import type { Element, PlacedSlide } from './elements.js';
import { finite, fitSize, placed, report, textBox, type Context } from './frame.js';
import { BODY_H, CONTENT_W, GRID, MAX_EVENTS, PT, TEXT_INSETS } from './grid.js';
import { countLines, inlinesToRuns, lineHeightOf, textHeight, type Run } from './measure.js';
import { balanced } from './paginate.js';
import { maxOf } from '../common/arrays.js';

export function timelineSlides(slide: Slide, timeline: TimelineBlock, ctx: Context): PlacedSlide[] {
  const { theme } = ctx;
  const events = timeline.events;
  const count = Math.ceil(events.length / MAX_EVENTS);
  const chunks = balanced(events, count);
  if (chunks.length > 1) report(ctx, 'layout-shrunk', `slide "${slide.title}" continues over ${chunks.length} slides`, { text: slide.title, cites: [] });
  const perSlide = maxOf(chunks.map((c) => c.length));
  const proportional = events.every((e) => e.at !== undefined);
  // Evenly spaced columns fill the width; placed in time, labels are narrower so that the gaps can differ.
  const colW = proportional && perSlide > 1 ? Math.min(CONTENT_W / perSlide, 2.7) : CONTENT_W / perSlide;
  const textW = (colW - 0.1) * PT;
  // Undated events and any other text: under the axis, across the slide.
  const others = slide.blocks.filter((b) => b.type === 'paragraph' || b.type === 'list');
  const otherParagraphs = (size: number) =>
    others.flatMap((b) =>
      b.type === 'paragraph'
        ? [{ runs: inlinesToRuns(b.inlines, {}, theme.colors.accent), spaceAfter: size * 0.3 }]
        : b.type === 'list'
          ? b.items.map((item: Inline[]) => ({ runs: inlinesToRuns(item, {}, theme.colors.accent), bullet: true, spaceAfter: size * 0.2 }))
          : [],
    );
  const otherSize = others.length === 0 ? 0 : fitSize([0], 14, theme.sizes.bodyMin, (_k, s) => textHeight(otherParagraphs(s), s, CONTENT_W * PT, TEXT_INSETS) / PT <= BODY_H * 0.4, `the undated events on slide "${slide.title}"`, ctx, () => ({ text: slide.title, cites: [] }));
  const otherH = others.length === 0 ? 0 : textHeight(otherParagraphs(otherSize), otherSize, CONTENT_W * PT, TEXT_INSETS) / PT;
  const axisH = BODY_H - (otherH > 0 ? otherH + 0.25 : 0);
  const whenRuns = events.map((e) => [{ text: e.when, bold: true }] as Run[]);
  const amountRuns = events.map((e) => (e.amount ? ([{ text: e.amount, bold: true }] as Run[]) : []));
  const labelRuns = events.map((e) => inlinesToRuns(e.label, {}, theme.colors.accent));
  const where = `a timeline entry on slide "${slide.title}"`;
  const indices = events.map((_, e) => e);
  const subject = (e: number) => ({ text: plainText(events[e]?.label ?? []), cites: citesOf(events[e]?.label ?? []) });
  const whenSize = fitSize(indices, 16, 11, (e, s) => countLines(whenRuns[e] ?? [], s, textW) <= 2, where, ctx, subject);
  const amountSize = fitSize(indices, 22, 12, (e, s) => (amountRuns[e]?.length ?? 0) === 0 || countLines(amountRuns[e] ?? [], s, textW) <= 1, where, ctx, subject);
  const labelSize = fitSize(indices, 16, theme.sizes.bodyMin, (e, s) => countLines(labelRuns[e] ?? [], s, textW) <= 4, where, ctx, subject);
  const hasAmounts = amountRuns.some((r) => r.length > 0);
  const whenH = textHeight([{ runs: [{ text: 'X' }] }, { runs: [{ text: 'X' }] }], whenSize, textW, TEXT_INSETS) / PT;
  const amountH = hasAmounts ? textHeight([{ runs: [{ text: 'X' }] }], amountSize, textW, TEXT_INSETS) / PT : 0;
  const labelH = maxOf(labelRuns.map((r) => finite(textHeight([{ runs: r }], labelSize, textW, TEXT_INSETS), 4 * lineHeightOf(labelSize)))) / PT;
  const marker = 0.24;
  const groupH = whenH + 0.08 + amountH + 0.3 + marker + 0.3 + labelH;
  const top = GRID.bodyTop + Math.max(0, (axisH - groupH) / 2 - (otherH > 0 ? 0 : 0.2));
  const lineY = top + whenH + 0.08 + amountH + 0.3 + marker / 2;
  let offset = 0;
  return chunks.map((chunk, k) => {
    const body: Element[] = [
      { kind: 'line', role: 'timeline-axis', x: GRID.margin, y: lineY, w: CONTENT_W, h: 0, line: { color: theme.colors.rule, width: 2 } },
    ];
    const centres = centresOf(chunk.map((ev) => ev.at), colW);
    chunk.forEach((_, i) => {
      const e = offset + i;
      const cx = GRID.margin + (centres[i] as number);
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
    if (others.length > 0 && k === chunks.length - 1) {
      body.push({ kind: 'line', role: 'undated-rule', x: GRID.margin, y: GRID.bodyBottom - otherH - 0.12, w: CONTENT_W, h: 0, line: { color: theme.colors.rule, width: 0.75 } });
      body.push(textBox('timeline-undated', { x: GRID.margin, y: GRID.bodyBottom - otherH, w: CONTENT_W, h: otherH }, otherParagraphs(otherSize), otherSize, ctx));
      for (const b of others) for (const n of b.type === 'paragraph' ? citesOf(b.inlines) : b.type === 'list' ? b.items.flatMap(citesOf) : []) if (!cites.includes(n)) cites.push(n);
    }
    return placed(slide, k + 1, chunks.length, cites, body, ctx, labelSize);
  });
}

/**
 * Centres of the events' columns, in inches from the left margin: at their place in time when
 * every event has one, at least a column apart; else evenly spaced.
 */
export function centresOf(at: readonly (number | undefined)[], colW: number, width: number = CONTENT_W): number[] {
  const n = at.length;
  const even = at.map((_, i) => (width / n) * (i + 0.5));
  if (n < 2 || at.some((a) => a === undefined)) return even;
  const times = at as number[];
  const first = times[0] as number;
  const last = times[n - 1] as number;
  if (last <= first || n * colW > width) return even;
  const lo = colW / 2;
  const hi = width - colW / 2;
  const x = times.map((t) => lo + ((t - first) / (last - first)) * (hi - lo));
  for (let i = 1; i < n; i++) x[i] = Math.max(x[i] as number, (x[i - 1] as number) + colW);
  x[n - 1] = Math.min(x[n - 1] as number, hi);
  for (let i = n - 2; i >= 0; i--) x[i] = Math.min(x[i] as number, (x[i + 1] as number) - colW);
  return x;
}
