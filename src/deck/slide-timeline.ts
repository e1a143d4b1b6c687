// Timeline: native shapes, left to right, each event at its place in time on an axis with year
// ticks (a gap of five years is five times one of a year). Labels alternate above and below the
// axis, pushed apart where events crowd and tied to their marker by a leader line. An amount's
// marker and words say what it is: new money, a running total, a valuation, a plan. Up to twelve
// events a slide; more continue on further slides, each a period of time. Events without a date
// are listed under the axis, or on slides of their own when they do not fit there.
import { citesOf, plainText, type Block, type Inline, type Slide, type TimelineBlock, type TimelineEvent } from '../model/types.js';
import { amountRole, type AmountRole } from '../inputs/amount-roles.js';
import { amountMark, LEGEND_H, legendRow, tickYears } from './amount-marks.js';
import type { Element, PlacedSlide } from './elements.js';
import { finite, placed, reportFit, textBox, type Context } from './frame.js';
import { BODY_H, CONTENT_W, GRID, PT, TEXT_INSETS } from './grid.js';
import { inlinesToRuns, textHeight, type Paragraph, type Run } from './measure.js';
import { paginate, sizesDown } from './paginate.js';
import { flowPages } from './slide-flow.js';
import { maxOf, minOf, pushAll } from '../common/arrays.js';

/** At most this many events on one slide: six above the axis, six below. */
export const MAX_EVENTS = 12;
/** Horizontal space between two labels of one side of the axis, in inches. */
const LABEL_GAP = 0.12;
/** The leader between the axis and a label, at its shortest, in inches. */
const LEAD = 0.22;
/** The band under the axis that holds the year labels, in inches. */
const TICK_BAND = 0.32;
const TICK_SIZE = 10;
/** Undated events share the slide with the axis when they take no more than this share of the body. */
const UNDATED_SHARE = 0.36;
const UNDATED_GAP = 0.2;

/** The width of each event's label when a part holds `count` events (half of them on each side). */
export function labelWidth(count: number): number {
  const perSide = Math.max(1, Math.ceil(count / 2));
  return Math.min(2.9, Math.max(1.6, CONTENT_W / perSide - LABEL_GAP));
}

interface SetEvent {
  event: TimelineEvent;
  role: AmountRole | undefined;
  when: Run[];
  amount: Run[];
  label: Run[];
  cites: number[];
}

function setEvent(event: TimelineEvent, ctx: Context): SetEvent {
  const { colors } = ctx.theme;
  const role = event.amount ? amountRole(event.kind) : undefined;
  const amount: Run[] = [];
  if (event.amount) {
    const plotted = role === 'new money' || role === 'total';
    amount.push({ text: event.amount, bold: true, ...(plotted || role === undefined ? {} : { color: colors.muted }) });
    // New money is the plain case; every other kind says what it is, so that a valuation never reads as money put in.
    if (event.kind && role !== 'new money') amount.push({ text: ` ${event.kind}`, color: colors.muted });
  }
  return {
    event,
    role,
    when: [{ text: event.when, bold: true, color: colors.accent }],
    amount,
    label: inlinesToRuns(event.label, {}, colors.accent),
    cites: citesOf(event.label),
  };
}

function eventParagraphs(e: SetEvent, size: number): Paragraph[] {
  const gap = Math.round(size * 0.15);
  const out: Paragraph[] = [{ runs: e.when, align: 'center', spaceAfter: gap }];
  if (e.amount.length > 0) out.push({ runs: e.amount, align: 'center', spaceAfter: gap });
  out.push({ runs: e.label, align: 'center' });
  return out;
}

function eventHeight(e: SetEvent, size: number, width: number): number {
  return finite(textHeight(eventParagraphs(e, size), size, width * PT, TEXT_INSETS), BODY_H * PT) / PT;
}

/** How a part's events stand around the axis at one size: heights of each side, and the whole. */
function stack(events: readonly SetEvent[], size: number): { above: number; below: number; total: number } {
  const width = labelWidth(events.length);
  const heights = events.map((e) => eventHeight(e, size, width));
  const above = Math.max(0, maxOf(heights.filter((_, i) => i % 2 === 0), 0));
  const below = Math.max(0, maxOf(heights.filter((_, i) => i % 2 === 1), 0));
  return { above, below, total: above + LEAD + TICK_BAND + (below > 0 ? LEAD + below : 0) };
}

export function timelineSlides(slide: Slide, timeline: TimelineBlock, ctx: Context): PlacedSlide[] {
  const { theme } = ctx;
  const events = timeline.events.map((e) => setEvent(e, ctx));
  const roles = [...new Set(events.flatMap((e) => (e.role ? [e.role] : [])))];
  const legendH = roles.length > 1 ? LEGEND_H : 0;
  const preferred = Math.min(16, theme.sizes.body);
  const fits = (chunk: SetEvent[], size: number) => chunk.length <= MAX_EVENTS && stack(chunk, size).total <= BODY_H - legendH;
  const pages = paginate(events, sizesDown(preferred, Math.min(preferred, theme.sizes.bodyMin)), fits);
  reportFit(slide, pages, preferred, ctx, (e) => ({ text: plainText(e.event.label), cites: e.cites }));
  // Events without a date: under the axis of the last part when they fit there (the axis set a
  // little smaller if that makes room), else on parts of their own.
  const others = slide.blocks.filter((b) => b.type === 'paragraph' || b.type === 'list');
  const leadIn = others.filter((b) => b.type === 'paragraph');
  const listed = others.filter((b) => b.type === 'list');
  const last = pages.chunks[pages.chunks.length - 1] ?? [];
  let size = pages.size;
  let under: ReturnType<typeof undatedUnder>;
  if (others.length > 0) {
    for (const s of pages.fits ? sizesDown(pages.size, Math.min(pages.size, theme.sizes.bodyMin)) : [pages.size]) {
      under = undatedUnder(others, last, s, legendH, ctx);
      if (under) {
        size = s;
        break;
      }
    }
  }
  const undatedParts = others.length > 0 && !under ? flowPages(slide, listed, ctx, { width: CONTENT_W, height: BODY_H }, preferred, leadIn) : undefined;
  const count = pages.chunks.length + (undatedParts?.parts.length ?? 0);

  const periods = pages.chunks.length > 1;
  const out = pages.chunks.map((chunk, k) => {
    const isLast = k === pages.chunks.length - 1;
    const room = BODY_H - legendH - (isLast && under ? under.height + UNDATED_GAP : 0);
    const body = axisElements(chunk, size, room, ctx);
    if (legendH > 0) pushAll(body, legendRow(roles, GRID.margin, GRID.bodyTop + room, 'timeline-legend', ctx));
    const cites = [...new Set(chunk.flatMap((e) => e.cites))];
    if (isLast && under) {
      body.push({ kind: 'line', role: 'undated-rule', x: GRID.margin, y: GRID.bodyBottom - under.height - UNDATED_GAP / 2, w: CONTENT_W, h: 0, line: { color: theme.colors.rule, width: 0.75 } });
      body.push(textBox('timeline-undated', { x: GRID.margin, y: GRID.bodyBottom - under.height, w: CONTENT_W, h: under.height }, under.paragraphs, under.size, ctx));
      for (const n of under.cites) if (!cites.includes(n)) cites.push(n);
    }
    // Continued over several slides, each part is a period: its kicker says which.
    const part = periods ? { ...slide, subtitle: `${slide.subtitle ? `${slide.subtitle} · ` : ''}${periodOf(chunk)}` } : slide;
    return placed(part, k + 1, count, cites, body, ctx, size);
  });
  for (const [k, part] of (undatedParts?.parts ?? []).entries()) {
    const body = textBox('timeline-undated', { x: GRID.margin, y: GRID.bodyTop, w: CONTENT_W, h: BODY_H }, part.paragraphs, undatedParts?.size ?? size, ctx);
    out.push(placed(slide, pages.chunks.length + k + 1, count, part.cites, [body], ctx, undatedParts?.size));
  }
  return out;
}

/** The undated events as one text under the axis, when they take at most UNDATED_SHARE of the body and leave the axis room. */
function undatedUnder(others: readonly Block[], last: readonly SetEvent[], size: number, legendH: number, ctx: Context): { paragraphs: Paragraph[]; height: number; size: number; cites: number[] } | undefined {
  const { theme } = ctx;
  const paragraphsAt = (s: number): Paragraph[] =>
    others.flatMap((b) =>
      b.type === 'paragraph'
        ? [{ runs: inlinesToRuns(b.inlines, {}, theme.colors.accent), spaceAfter: s * 0.3 }]
        : b.type === 'list'
          ? b.items.map((item: Inline[]) => ({ runs: inlinesToRuns(item, {}, theme.colors.accent), bullet: true, spaceAfter: s * 0.2 }))
          : [],
    );
  const axis = last.length > 0 ? stack(last, size).total : 0;
  for (const s of sizesDown(Math.min(14, size), Math.min(size, theme.sizes.bodyMin))) {
    const paragraphs = paragraphsAt(s);
    const height = textHeight(paragraphs, s, CONTENT_W * PT, TEXT_INSETS) / PT;
    if (height <= BODY_H * UNDATED_SHARE && axis + legendH + height + UNDATED_GAP <= BODY_H) {
      const cites = others.flatMap((b) => (b.type === 'paragraph' ? citesOf(b.inlines) : b.type === 'list' ? b.items.flatMap(citesOf) : []));
      return { paragraphs, height, size: s, cites: [...new Set(cites)] };
    }
  }
  return undefined;
}

/** "2019–2024": the years a part covers. */
function periodOf(chunk: readonly SetEvent[]): string {
  const dated = chunk.filter((e) => e.event.from !== undefined && e.event.to !== undefined);
  if (dated.length === 0) return `${chunk[0]?.event.when ?? ''}–${chunk[chunk.length - 1]?.event.when ?? ''}`;
  const first = Math.floor(minOf(dated.map((e) => e.event.from as number)));
  const last = Math.ceil(maxOf(dated.map((e) => e.event.to as number))) - 1;
  return first === last ? String(first) : `${first}–${last}`;
}

/** The time axis of a part, in fractional years: whole years around its events; undefined when an event has no date. */
export function axisSpan(chunk: readonly Pick<TimelineEvent, 'from' | 'to'>[]): { t0: number; t1: number } | undefined {
  if (chunk.length === 0 || chunk.some((e) => e.from === undefined || e.to === undefined)) return undefined;
  const t0 = Math.floor(minOf(chunk.map((e) => e.from as number)));
  const t1 = Math.max(t0 + 1, Math.ceil(maxOf(chunk.map((e) => e.to as number)) - 1e-9));
  return { t0, t1 };
}

/** Where each event's marker sits, in inches from the slide's left: at its place in time, else evenly spaced. */
export function markerPositions(chunk: readonly Pick<TimelineEvent, 'at' | 'from' | 'to'>[], width: number): number[] {
  const left = GRID.margin + width / 2;
  const right = GRID.margin + CONTENT_W - width / 2;
  const span = axisSpan(chunk);
  if (!span) return chunk.map((_, i) => (chunk.length === 1 ? (left + right) / 2 : left + ((right - left) * i) / (chunk.length - 1)));
  return chunk.map((e) => left + (((e.at as number) - span.t0) / (span.t1 - span.t0)) * (right - left));
}

/** Each label's centre on its side of the axis: as near its marker as the labels before and after it allow. */
export function labelCentres(markers: readonly number[], width: number): number[] {
  const lo = GRID.margin + width / 2;
  const hi = GRID.margin + CONTENT_W - width / 2;
  const step = width + LABEL_GAP;
  const c = markers.map((x) => Math.min(hi, Math.max(lo, x)));
  for (let i = 1; i < c.length; i++) c[i] = Math.max(c[i] as number, (c[i - 1] as number) + step);
  if (c.length > 0) c[c.length - 1] = Math.min(c[c.length - 1] as number, hi);
  for (let i = c.length - 2; i >= 0; i--) c[i] = Math.min(c[i] as number, (c[i + 1] as number) - step);
  return c;
}

/** The axis, its year ticks, each event's marker, leader and label, in `room` inches from the body's top. */
function axisElements(chunk: readonly SetEvent[], size: number, room: number, ctx: Context): Element[] {
  const { theme } = ctx;
  const width = labelWidth(chunk.length);
  const { above, total } = stack(chunk, size);
  const top = GRID.bodyTop + Math.max(0, (room - total) / 2);
  const axisY = top + above + LEAD;
  const body: Element[] = [{ kind: 'line', role: 'timeline-axis', x: GRID.margin, y: axisY, w: CONTENT_W, h: 0, line: { color: theme.colors.rule, width: 2 } }];
  const events = chunk.map((e) => e.event);
  const span = axisSpan(events);
  const onAxis = markerPositions(events, width);
  // Markers on one date stand side by side; each label and leader goes to its own.
  const markers = spreadMarkers(onAxis);
  if (span) pushAll(body, tickElements(span, width, axisY, ctx));
  // A period (a range of dates) is a bar along the axis under its marker.
  chunk.forEach((e, i) => {
    if (!span || !e.event.when.includes('–')) return;
    const x0 = onAxis[i] as number;
    const scale = (CONTENT_W - width) / (span.t1 - span.t0);
    const from = x0 - ((e.event.at as number) - (e.event.from as number)) * scale;
    const to = x0 + ((e.event.to as number) - (e.event.at as number)) * scale;
    body.push({ kind: 'rect', role: 'timeline-period', x: from, y: axisY - 0.05, w: Math.max(0.05, to - from), h: 0.1, fill: theme.colors.accent });
  });
  // Each side's labels as near their markers as their neighbours allow; drawn in time order.
  const centreOf = new Map<number, number>();
  for (const side of [0, 1]) {
    const indices = chunk.map((_, i) => i).filter((i) => i % 2 === side);
    labelCentres(indices.map((i) => markers[i] as number), width).forEach((c, k) => centreOf.set(indices[k] as number, c));
  }
  chunk.forEach((e, i) => {
    const side = i % 2;
    const x = markers[i] as number;
    const c = centreOf.get(i) as number;
    const h = eventHeight(e, size, width);
    const y = side === 0 ? axisY - LEAD - h : axisY + TICK_BAND + LEAD;
    // The leader meets the label's near edge at the point nearest its marker.
    const anchor = Math.min(c + width / 2 - 0.1, Math.max(c - width / 2 + 0.1, x));
    const fromY = side === 0 ? axisY - 0.12 : axisY + 0.12;
    const toY = side === 0 ? axisY - LEAD : axisY + TICK_BAND + LEAD;
    body.push({ kind: 'line', role: 'timeline-leader', x: Math.min(x, anchor), y: Math.min(fromY, toY), w: Math.abs(anchor - x), h: Math.abs(toY - fromY), flipH: (anchor < x) !== (side === 0), line: { color: theme.colors.rule, width: 1 } });
    body.push(textBox('timeline-event', { x: c - width / 2, y, w: width, h }, eventParagraphs(e, size), size, ctx, { valign: side === 0 ? 'bottom' : 'top' }));
  });
  chunk.forEach((e, i) => body.push(amountMark(e.role, markers[i] as number, axisY, 'timeline-marker', ctx)));
  return body;
}

/** Markers on one date side by side (a marker's width apart, centred on the date) rather than one on top of another. */
export function spreadMarkers(markers: readonly number[]): number[] {
  const out = [...markers];
  const groups = new Map<number, number[]>();
  markers.forEach((x, i) => {
    const key = Math.round(x * 20);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.forEach((i, k) => (out[i] = (markers[i] as number) + (k - (members.length - 1) / 2) * 0.28));
  }
  return out;
}

/** Year ticks under the axis: every year, or every 2, 5 or 10 on a long axis. */
function tickElements(span: { t0: number; t1: number }, width: number, axisY: number, ctx: Context): Element[] {
  const { theme } = ctx;
  const scale = (CONTENT_W - width) / (span.t1 - span.t0);
  const out: Element[] = [];
  for (const year of tickYears(span.t0, span.t1)) {
    const x = GRID.margin + width / 2 + (year - span.t0) * scale;
    out.push({ kind: 'line', role: 'timeline-tick', x, y: axisY - 0.06, w: 0, h: 0.12, line: { color: theme.colors.muted, width: 1 } });
    out.push(textBox('timeline-year', { x: x - 0.3, y: axisY + 0.07, w: 0.6, h: TICK_BAND - 0.08 }, [{ runs: [{ text: String(year) }], align: 'center' }], TICK_SIZE, ctx, { color: theme.colors.muted }));
  }
  return out;
}
