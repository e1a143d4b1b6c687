// Call-outs: amounts set beside a chart, in a shaded panel. When they do not all fit in the panel,
// as many as fit stay beside the chart and the rest continue on slides of their own, at the same
// type size, in parts as even as fit. Only a call-out too long for a slide on its own is an error.
import { citesOf, plainText, type Inline, type Slide } from '../model/types.js';
import type { Element } from './elements.js';
import { report, textBox, type Context } from './frame.js';
import { BODY_H, CONTENT_W, GRID, PT, TEXT_INSETS } from './grid.js';
import { inlinesToRuns, textHeight, type Paragraph } from './measure.js';
import { paginate, sizesDown } from './paginate.js';

/** The panel beside a chart, in inches. */
export function calloutWidth(): number {
  return Math.min(4.2, CONTENT_W * 0.36);
}

export interface CalloutPart {
  items: Inline[][];
  cites: number[];
}

export interface Callouts {
  size: number;
  /** The first part sits in the panel beside the chart; the others fill slides of their own. */
  parts: CalloutPart[];
  firstElements(): Element[];
  restElements(part: CalloutPart): Element[];
}

const PANEL_INSET = 6 / PT;

export function calloutPanel(slide: Slide, callouts: readonly Inline[][], ctx: Context, panelH: number, heading = 'Other amounts, not on the chart'): Callouts {
  const { theme } = ctx;
  const panelW = calloutWidth();
  const textW = panelW * PT - 12;
  const head = (size: number, more: boolean): Paragraph => ({
    runs: [{ text: more ? `${heading} (continued)` : heading, bold: true, color: theme.colors.muted }],
    spaceAfter: size * 0.5,
  });
  const paragraphs = (items: readonly Inline[][], size: number, more = false): Paragraph[] => [
    head(size, more),
    ...items.map((c) => ({ runs: inlinesToRuns(c, {}, theme.colors.accent), spaceAfter: size * 0.6 })),
  ];
  const inPanel = (items: readonly Inline[][], size: number) => textHeight(paragraphs(items, size), size, textW, TEXT_INSETS) / PT <= panelH - 0.2;
  const onSlide = (items: Inline[][], size: number) => textHeight(paragraphs(items, size, true), size, CONTENT_W * PT, TEXT_INSETS) / PT <= BODY_H;
  const all = [...callouts];
  const sizes = sizesDown(16, Math.min(16, theme.sizes.bodyMin));
  let size = sizes.find((s) => inPanel(all, s));
  let parts: CalloutPart[];
  let restSize: number | undefined;
  const part = (items: Inline[][]): CalloutPart => ({ items, cites: [...new Set(items.flatMap(citesOf))] });
  if (size !== undefined) parts = [part(all)];
  else {
    // As many as fit in the panel at the largest size that holds at least one; the rest on their own slides.
    size = sizesDown(Math.min(14, 16), Math.min(14, theme.sizes.bodyMin)).find((s) => inPanel(all.slice(0, 1), s)) ?? theme.sizes.bodyMin;
    const s = size;
    let held = 0;
    while (held < all.length && inPanel(all.slice(0, held + 1), s)) held++;
    const rest = all.slice(held);
    const pages = paginate(rest, sizesDown(s, Math.min(s, theme.sizes.bodyMin)), onSlide);
    if (!pages.fits) {
      const misfit = pages.misfit ?? rest[0] ?? [];
      report(ctx, 'layout-overflow', `slide "${slide.title}": a call-out does not fit on a slide even at ${pages.size} pt; shorten it in the summary`, { text: plainText(misfit), cites: citesOf(misfit) });
    }
    restSize = pages.size;
    parts = [part(all.slice(0, held)), ...pages.chunks.map(part)];
    report(ctx, 'layout-shrunk', `slide "${slide.title}": its call-outs continue over ${parts.length - 1} more slides at ${pages.size} pt`, { text: slide.title, cites: [] });
  }
  const finalSize = size;
  const continued = restSize ?? size;
  return {
    size: finalSize,
    parts,
    firstElements: () => {
      const first = parts[0] as CalloutPart;
      if (first.items.length === 0) return [];
      const paras = paragraphs(first.items, finalSize);
      const x = GRID.margin + CONTENT_W - panelW;
      const h = Math.min(panelH, textHeight(paras, finalSize, textW, TEXT_INSETS) / PT + 0.3);
      return [
        { kind: 'rect', role: 'callout-panel', x, y: GRID.bodyTop, w: panelW, h, fill: theme.colors.fill },
        textBox('callouts', { x: x + PANEL_INSET, y: GRID.bodyTop + 0.12, w: textW / PT, h: h - 0.2 }, paras, finalSize, ctx),
      ];
    },
    restElements: (p) => [textBox('callouts', { x: GRID.margin, y: GRID.bodyTop, w: CONTENT_W, h: BODY_H }, paragraphs(p.items, continued, true), continued, ctx)],
  };
}
