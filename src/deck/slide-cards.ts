// Cards: a bold lead-in becomes the card's heading.
import { citesOf, plainText, type Inline, type Slide } from '../model/types.js';
import type { Element, PlacedSlide } from './elements.js';
import { finite, placed, reportFit, textBox, type Context } from './frame.js';
import { BODY_H, CARD_INSETS, CONTENT_W, GRID, MAX_CARDS, PT } from './grid.js';
import { inlinesToRuns, textHeight, type Paragraph, type Run } from './measure.js';
import { paginate, sizesDown } from './paginate.js';
import { isSparse, sparseSize } from './sparse.js';
import { maxOf } from '../common/arrays.js';

interface Card {
  heading: Inline[];
  body: Inline[];
}

export function itemToCard(item: readonly Inline[]): Card {
  let k = 0;
  while (k < item.length && item[k]?.type === 'text' && (item[k] as { bold?: boolean }).bold) k++;
  const heading = item.slice(0, k).map((i) => ({ ...i }));
  const body = item.slice(k).map((i) => ({ ...i }));
  const lastHeading = heading[heading.length - 1];
  if (lastHeading?.type === 'text') lastHeading.text = lastHeading.text.replace(/[\s:.–—-]+$/, '');
  const firstBody = body[0];
  if (heading.length > 0 && firstBody?.type === 'text') firstBody.text = firstBody.text.replace(/^[\s:.–—-]+/, '');
  return { heading, body };
}

/** A card's runs, built once, and its paragraphs per size (the gap under the heading grows with it). */
interface SetCard {
  heading: Run[];
  body: Run[];
  bySize: Map<number, Paragraph[]>;
}

function setCard(card: Card, citeColor: string): SetCard {
  return { heading: inlinesToRuns(card.heading, { bold: true }, citeColor), body: inlinesToRuns(card.body, {}, citeColor), bySize: new Map() };
}

function cardParagraphs(card: SetCard, size: number): Paragraph[] {
  let paras = card.bySize.get(size);
  if (!paras) {
    paras = [];
    if (card.heading.length > 0) paras.push({ runs: card.heading, spaceAfter: Math.round(size * 0.45) });
    paras.push({ runs: card.body });
    card.bySize.set(size, paras);
  }
  return paras;
}

function cardGrid(count: number): { cols: number; rows: number } {
  const cols = count <= 3 ? count : Math.ceil(count / 2);
  return { cols, rows: Math.ceil(count / cols) };
}

const CARD_BAR = 0.06;

function cardHeight(cards: readonly SetCard[], size: number, cardW: number): number {
  return maxOf(cards.map((c) => finite(textHeight(cardParagraphs(c, size), size, cardW * PT, CARD_INSETS), BODY_H * PT))) / PT;
}

export function cardSlides(slide: Slide, items: Inline[][], ctx: Context): PlacedSlide[] {
  const { theme } = ctx;
  const cards = items.map(itemToCard);
  const set = new Map(cards.map((c) => [c, setCard(c, theme.colors.accent)]));
  const setOf = (c: Card) => set.get(c) as SetCard;
  const preferred = Math.min(16, theme.sizes.body);
  const geometry = (chunk: Card[], size: number) => {
    const { cols, rows } = cardGrid(chunk.length);
    const cardW = (CONTENT_W - GRID.gap * (cols - 1)) / cols;
    const cardH = cardHeight(chunk.map(setOf), size, cardW);
    return { cols, rows, cardW, cardH, total: rows * (cardH + CARD_BAR) + (rows - 1) * GRID.gap };
  };
  const fits = (chunk: Card[], size: number) => chunk.length <= MAX_CARDS && geometry(chunk, size).total <= BODY_H;
  const pages = paginate(cards, sizesDown(preferred, Math.min(preferred, theme.sizes.bodyMin)), fits);
  reportFit(slide, pages, preferred, ctx, (c) => ({ text: `${plainText(c.heading)} ${plainText(c.body)}`.trim(), cites: [...citesOf(c.heading), ...citesOf(c.body)] }));
  return pages.chunks.map((chunk, k) => {
    // A part with few cards uses the space: larger type, and cards as tall as the body.
    const sparse = isSparse(geometry(chunk, pages.size).total);
    const size = sparse ? sparseSize(pages.size, (s) => geometry(chunk, s).total) : pages.size;
    let g = geometry(chunk, size);
    if (sparse) g = { ...g, cardH: Math.max(g.cardH, (BODY_H - (g.rows - 1) * GRID.gap) / g.rows - CARD_BAR), total: BODY_H };
    const body: Element[] = [];
    chunk.forEach((card, i) => {
      const col = i % g.cols;
      const row = Math.floor(i / g.cols);
      const x = GRID.margin + col * (g.cardW + GRID.gap);
      const y = GRID.bodyTop + row * (g.cardH + CARD_BAR + GRID.gap);
      body.push({ kind: 'rect', role: 'card-bar', x, y, w: g.cardW, h: CARD_BAR, fill: theme.colors.accent });
      body.push(
        textBox('card', { x, y: y + CARD_BAR, w: g.cardW, h: g.cardH }, cardParagraphs(setOf(card), size), size, ctx, {
          insets: CARD_INSETS,
          fill: theme.colors.fill,
        }),
      );
    });
    const cites = [...new Set(chunk.flatMap((c) => [...citesOf(c.heading), ...citesOf(c.body)]))];
    return placed(slide, k + 1, pages.chunks.length, cites, body, ctx, size);
  });
}
