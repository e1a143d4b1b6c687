// Timeline: native shapes, left to right, evenly spaced.
import { citesOf, plainText, type Slide, type TimelineBlock } from '../model/types.js';
import type { Element, PlacedSlide } from './elements.js';
import { finite, fitSize, placed, report, textBox, type Context } from './frame.js';
import { BODY_H, CONTENT_W, GRID, MAX_EVENTS, PT, TEXT_INSETS } from './grid.js';
import { countLines, inlinesToRuns, lineHeightOf, textHeight, type Run } from './measure.js';
import { balanced } from './paginate.js';

export function timelineSlides(slide: Slide, timeline: TimelineBlock, ctx: Context): PlacedSlide[] {
  const { theme } = ctx;
  const events = timeline.events;
  const count = Math.ceil(events.length / MAX_EVENTS);
  const chunks = balanced(events, count);
  if (chunks.length > 1) report(ctx, 'layout-shrunk', `slide "${slide.title}" continues over ${chunks.length} slides`, { text: slide.title, cites: [] });
  const perSlide = Math.max(...chunks.map((c) => c.length));
  const colW = CONTENT_W / perSlide;
  const textW = (colW - 0.1) * PT;
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
