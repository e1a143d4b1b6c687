// Citation numbers in the models given anew (see verify/numbering.ts): every citation node, a
// slide's list, its speaker notes, a chart's. A run of citations becomes sorted, without repeats.
import { blockCites } from './from-markdown.js';
import type { Block, Deck, Inline, Memo, Slide } from './types.js';

/** Citation numbers in the order a reader first meets them in these blocks. */
export function firstUses(blocks: readonly Block[]): number[] {
  return [...new Set(blocks.flatMap(blockCites))];
}

export function deckFirstUses(deck: Deck): number[] {
  return [...new Set(deck.slides.flatMap((s) => firstUses(s.blocks)))];
}

type Renumber = (n: number) => number;

export function renumberDeck(deck: Deck, newNumber: ReadonlyMap<number, number>): Deck {
  const to: Renumber = (n) => newNumber.get(n) ?? n;
  const slides = deck.slides.map((slide): Slide => ({
    ...slide,
    blocks: slide.blocks.map((b) => renumberBlock(b, to)),
    cites: unique(slide.cites.map(to)),
    notes: { ...slide.notes, citations: unique(slide.notes.citations.map(to)) },
  }));
  return { ...deck, slides };
}

export function renumberMemo(memo: Memo, newNumber: ReadonlyMap<number, number>): Memo {
  const to: Renumber = (n) => newNumber.get(n) ?? n;
  return { ...memo, blocks: memo.blocks.map((b) => renumberBlock(b, to)) };
}

function renumberBlock(block: Block, to: Renumber): Block {
  const inl = (items: Inline[]) => renumberInlines(items, to);
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'quote':
      return { ...block, inlines: inl(block.inlines) };
    case 'list':
      return { ...block, items: block.items.map(inl) };
    case 'table':
      return { ...block, header: block.header.map(inl), rows: block.rows.map((r) => r.map(inl)) };
    case 'timeline':
      return { ...block, events: block.events.map((e) => ({ ...e, label: inl(e.label) })) };
    case 'chart':
      return { ...block, cites: unique(block.cites.map(to)), points: block.points.map((p) => (p.cites ? { ...p, cites: unique(p.cites.map(to)).sort((a, b) => a - b) } : p)) };
  }
}

/** Each run of consecutive citations renumbered, sorted, and without repeats. */
export function renumberInlines(items: readonly Inline[], to: Renumber): Inline[] {
  const out: Inline[] = [];
  let run: number[] = [];
  const flush = () => {
    for (const n of [...new Set(run)].sort((a, b) => a - b)) out.push({ type: 'cite', n });
    run = [];
  };
  for (const item of items) {
    if (item.type === 'cite') run.push(to(item.n));
    else {
      flush();
      out.push(item);
    }
  }
  flush();
  return out;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
