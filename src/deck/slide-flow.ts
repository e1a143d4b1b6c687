// Bullets and anything else that flows: paragraphs, lists, quotes, headings.
import { citesOf, type Block, type Inline, type Slide } from '../model/types.js';
import type { PlacedSlide } from './elements.js';
import { placed, reportFit, textBox, type Context } from './frame.js';
import { BODY_H, CONTENT_W, GRID, PT, TEXT_INSETS } from './grid.js';
import { inlinesToRuns, runsText, textHeight, type Paragraph, type Run } from './measure.js';
import { paginate, sizesDown } from './paginate.js';

/** One item of a flowing slide: its runs (built once), how it is set, and its citations. */
interface FlowItem {
  runs: Run[];
  set: 'bullet' | 'paragraph' | 'heading';
  cites: number[];
}

function flowItems(blocks: readonly Block[], citeColor: string): FlowItem[] {
  const out: FlowItem[] = [];
  const runs = (inlines: readonly Inline[], base: Omit<Run, 'text'> = {}) => inlinesToRuns(inlines, base, citeColor);
  for (const b of blocks) {
    if (b.type === 'list') {
      for (const item of b.items) out.push({ runs: runs(item), set: 'bullet', cites: citesOf(item) });
    } else if (b.type === 'paragraph' || b.type === 'quote') {
      out.push({ runs: runs(b.inlines, b.type === 'quote' ? { italic: true } : {}), set: 'paragraph', cites: citesOf(b.inlines) });
    } else if (b.type === 'heading') {
      out.push({ runs: runs(b.inlines, { bold: true }), set: 'heading', cites: citesOf(b.inlines) });
    } else if (b.type === 'table') {
      for (const row of b.rows) {
        const inl = row.flatMap((cell, k) => (k === 0 ? cell : [{ type: 'text', text: ' · ' } as Inline, ...cell]));
        out.push({ runs: runs(inl), set: 'bullet', cites: citesOf(inl) });
      }
    }
  }
  return out;
}

/** The items as paragraphs at `size`: the gap after each grows with the size. */
function paragraphsAt(items: readonly FlowItem[], size: number): Paragraph[] {
  const gap = Math.round(size * 0.7);
  return items.map((item) =>
    item.set === 'bullet'
      ? { runs: item.runs, bullet: true, spaceAfter: gap }
      : { runs: item.runs, spaceAfter: item.set === 'heading' ? Math.round(gap / 2) : gap },
  );
}

/** `minSize`: the smallest body size before the slide continues on another (default: the theme's bodyMin). */
export function flowSlides(slide: Slide, ctx: Context, minSize = ctx.theme.sizes.bodyMin): PlacedSlide[] {
  const { theme } = ctx;
  const flow = flowItems(slide.blocks, theme.colors.accent);
  const items = flow.map((_, k) => k);
  const bySize = new Map<number, Paragraph[]>();
  const at = (size: number) => {
    let paragraphs = bySize.get(size);
    if (!paragraphs) {
      paragraphs = paragraphsAt(flow, size);
      bySize.set(size, paragraphs);
    }
    return paragraphs;
  };
  const fits = (chunk: number[], size: number) => {
    const all = at(size);
    const paras = chunk.flatMap((k) => all[k] ?? []);
    return textHeight(paras, size, CONTENT_W * PT, TEXT_INSETS) <= BODY_H * PT;
  };
  const pages = paginate(items, sizesDown(theme.sizes.body, minSize), fits);
  reportFit(slide, pages, theme.sizes.body, ctx, (k) => ({ text: runsText(flow[k]?.runs ?? []), cites: flow[k]?.cites ?? [] }));
  const all = at(pages.size);
  return pages.chunks.map((chunk, k) => {
    const paragraphs = chunk.flatMap((i) => all[i] ?? []);
    const cites = [...new Set(chunk.flatMap((i) => flow[i]?.cites ?? []))];
    const body = textBox('body', { x: GRID.margin, y: GRID.bodyTop, w: CONTENT_W, h: BODY_H }, paragraphs, pages.size, ctx);
    return placed(slide, k + 1, pages.chunks.length, cites, [body], ctx, pages.size);
  });
}
