// Title slide.
import type { Slide } from '../model/types.js';
import { SLIDE_H, SLIDE_W, type Element, type PlacedSlide } from './elements.js';
import { notesFor, textBox, type Context } from './frame.js';
import { PT, TEXT_INSETS } from './grid.js';
import { countLines, inlinesToRuns, textHeight, type Run } from './measure.js';
import { sizesDown } from './paginate.js';

export function titleSlide(slide: Slide, ctx: Context): PlacedSlide {
  const { theme } = ctx;
  const x = 1.1;
  const w = SLIDE_W - x - 1.1;
  const elements: Element[] = [{ kind: 'rect', role: 'accent-band', x: 0, y: 0, w: 0.22, h: SLIDE_H, fill: theme.colors.accent }];
  if (theme.logoImage) {
    // Fit the logo inside a 2.4 × 0.7 in box, keeping its proportions, against the left margin.
    const box = { w: 2.4, h: 0.7 };
    const scale = Math.min(box.w / theme.logoImage.width, box.h / theme.logoImage.height);
    const w = theme.logoImage.width * scale;
    const h = theme.logoImage.height * scale;
    elements.push({ kind: 'image', role: 'logo', x, y: 0.7 + (box.h - h) / 2, w, h, data: theme.logoImage.data });
  }
  const titleRuns: Run[] = [{ text: slide.title, bold: true }];
  let titleSize = 28;
  for (const s of sizesDown(40, 28)) {
    if (countLines(titleRuns, s, w * PT) <= 2) {
      titleSize = s;
      break;
    }
  }
  const titleH = 2.1;
  const titleY = 1.5;
  elements.push(
    textBox('title', { x, y: titleY, w, h: titleH }, [{ runs: titleRuns }], titleSize, ctx, { fontFace: theme.fonts.heading, valign: 'bottom' }),
  );
  const ruleY = titleY + titleH + 0.2;
  elements.push({ kind: 'line', role: 'title-rule', x, y: ruleY, w: 1.4, h: 0, line: { color: theme.colors.accent, width: 3 } });
  const paragraphs = slide.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.inlines] : []));
  const [first, ...rest] = paragraphs;
  let y = ruleY + 0.3;
  if (first) {
    const size = 22;
    const paras = [{ runs: inlinesToRuns(first, {}, theme.colors.accent) }];
    const h = textHeight(paras, size, w * PT, TEXT_INSETS) / PT;
    elements.push(textBox('subtitle', { x, y, w, h }, paras, size, ctx, { color: theme.colors.text }));
    y += h + 0.15;
  }
  if (rest.length > 0) {
    const size = 14;
    const paras = rest.map((inl) => ({ runs: inlinesToRuns(inl, {}, theme.colors.accent), spaceAfter: 4 }));
    const h = textHeight(paras, size, w * PT, TEXT_INSETS) / PT;
    elements.push(textBox('meta', { x, y, w, h }, paras, size, ctx, { color: theme.colors.muted }));
  }
  return { layout: slide.layout, title: slide.title, cites: slide.cites, sources: slide.sources, elements, notes: notesFor(slide, slide.cites, ctx) };
}
