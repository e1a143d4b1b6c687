// Bullets and anything else that flows: paragraphs, lists, quotes, headings.
import { citesOf, type Block, type Inline, type Slide } from '../model/types.js';
import type { PlacedSlide } from './elements.js';
import { placed, reportFit, textBox, type Context } from './frame.js';
import { BODY_H, CONTENT_W, GRID, PT, TEXT_INSETS } from './grid.js';
import { inlinesToRuns, runsText, textHeight, type Paragraph } from './measure.js';
import { paginate, sizesDown } from './paginate.js';

function blocksToParagraphs(blocks: readonly Block[], size: number): { paragraphs: Paragraph[]; cites: number[] }[] {
  const out: { paragraphs: Paragraph[]; cites: number[] }[] = [];
  const gap = Math.round(size * 0.7);
  for (const b of blocks) {
    if (b.type === 'list') {
      for (const item of b.items) out.push({ paragraphs: [{ runs: inlinesToRuns(item), bullet: true, spaceAfter: gap }], cites: citesOf(item) });
    } else if (b.type === 'paragraph' || b.type === 'quote') {
      out.push({ paragraphs: [{ runs: inlinesToRuns(b.inlines, b.type === 'quote' ? { italic: true } : {}), spaceAfter: gap }], cites: citesOf(b.inlines) });
    } else if (b.type === 'heading') {
      out.push({ paragraphs: [{ runs: inlinesToRuns(b.inlines, { bold: true }), spaceAfter: Math.round(gap / 2) }], cites: citesOf(b.inlines) });
    } else if (b.type === 'table') {
      for (const row of b.rows) {
        const inl = row.flatMap((cell, k) => (k === 0 ? cell : [{ type: 'text', text: ' · ' } as Inline, ...cell]));
        out.push({ paragraphs: [{ runs: inlinesToRuns(inl), bullet: true, spaceAfter: gap }], cites: citesOf(inl) });
      }
    }
  }
  return out;
}

export function flowSlides(slide: Slide, ctx: Context): PlacedSlide[] {
  const { theme } = ctx;
  const items = blocksToParagraphs(slide.blocks, theme.sizes.body).map((_, k) => k);
  const at = (size: number) => blocksToParagraphs(slide.blocks, size);
  const fits = (chunk: number[], size: number) => {
    const all = at(size);
    const paras = chunk.flatMap((k) => all[k]?.paragraphs ?? []);
    return textHeight(paras, size, CONTENT_W * PT, TEXT_INSETS) <= BODY_H * PT;
  };
  const pages = paginate(items, sizesDown(theme.sizes.body, theme.sizes.bodyMin), fits);
  const first = at(theme.sizes.body);
  reportFit(slide, pages, theme.sizes.body, ctx, (k) => ({ text: (first[k]?.paragraphs ?? []).map((p) => runsText(p.runs)).join(' '), cites: first[k]?.cites ?? [] }));
  const all = at(pages.size);
  return pages.chunks.map((chunk, k) => {
    const paragraphs = chunk.flatMap((i) => all[i]?.paragraphs ?? []);
    const cites = [...new Set(chunk.flatMap((i) => all[i]?.cites ?? []))];
    const body = textBox('body', { x: GRID.margin, y: GRID.bodyTop, w: CONTENT_W, h: BODY_H }, paragraphs, pages.size, ctx);
    return placed(slide, k + 1, pages.chunks.length, cites, [body], ctx, pages.size);
  });
}
