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

/** Flowing blocks paginated: each part's paragraphs and citations, at one size for all parts. */
export interface FlowPages {
  parts: { paragraphs: Paragraph[]; cites: number[] }[];
  size: number;
}

/**
 * `blocks` set at the largest size from `preferred` down to `minSize` (default: the theme's
 * bodyMin) that fits them in the fewest boxes `width` × `height` (inches), parts as even as fit;
 * what does not fit even alone is reported.
 */
export function flowPages(slide: Slide, blocks: readonly Block[], ctx: Context, box: { width: number; height: number }, preferred: number, repeated: readonly Block[] = [], minSize = ctx.theme.sizes.bodyMin): FlowPages {
  const { theme } = ctx;
  // Blocks repeated at the head of every part (a lead-in to a list continued over several) come first.
  const lead = flowItems(repeated, theme.colors.accent);
  const flow = [...lead, ...flowItems(blocks, theme.colors.accent)];
  const heads = lead.map((_, k) => k);
  const items = flow.map((_, k) => k).slice(lead.length);
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
    const paras = [...heads, ...chunk].flatMap((k) => all[k] ?? []);
    return textHeight(paras, size, box.width * PT, TEXT_INSETS) <= box.height * PT;
  };
  const pages = paginate(items, sizesDown(preferred, Math.min(preferred, minSize)), fits);
  reportFit(slide, pages, preferred, ctx, (k) => ({ text: runsText(flow[k]?.runs ?? []), cites: flow[k]?.cites ?? [] }));
  const all = at(pages.size);
  return {
    size: pages.size,
    parts: pages.chunks.map((chunk) => ({ paragraphs: [...heads, ...chunk].flatMap((i) => all[i] ?? []), cites: [...new Set([...heads, ...chunk].flatMap((i) => flow[i]?.cites ?? []))] })),
  };
}

/** `cap`: the largest body size (a section set as one); `minSize`: the smallest before the slide continues on another. */
export function flowSlides(slide: Slide, ctx: Context, cap?: number, minSize = ctx.theme.sizes.bodyMin): PlacedSlide[] {
  const preferred = Math.min(ctx.theme.sizes.body, cap ?? Infinity);
  const { parts, size } = flowPages(slide, slide.blocks, ctx, { width: CONTENT_W, height: BODY_H }, preferred, [], minSize);
  return parts.map((part, k) => {
    const body = textBox('body', { x: GRID.margin, y: GRID.bodyTop, w: CONTENT_W, h: BODY_H }, part.paragraphs, size, ctx);
    return placed(slide, k + 1, parts.length, part.cites, [body], ctx, size);
  });
}
