// Cards: a bold lead-in becomes the card's heading. A part is set as a grid of cards; a part with
// few cards whose grid would leave them half empty is set in fewer columns, or as bands (one card
// a row, its heading at the left), whichever holds the largest type with the least empty space.
import { citesOf, plainText, type Inline, type Slide } from '../model/types.js';
import { sum, type Element, type PlacedSlide } from './elements.js';
import { finite, placed, reportFit, textBox, type Context } from './frame.js';
import { BODY_H, CARD_INSETS, CONTENT_W, GRID, MAX_CARDS, PT } from './grid.js';
import { inlinesToRuns, textHeight, type Paragraph, type Run } from './measure.js';
import { paginate, sizesDown } from './paginate.js';
import { commonSize, growthLimit, isSparse, SPARSE_TARGET } from './sparse.js';
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

/** How a part's cards are arranged: a grid of `cols` columns, or bands (one card a row, heading at the left). */
export interface Arrangement {
  kind: 'grid' | 'bands';
  cols: number;
}

/** The grid a part of `count` cards is paginated with: up to three in a row, more in two rows. */
export function defaultArrangement(count: number): Arrangement {
  return { kind: 'grid', cols: count <= 3 ? count : Math.ceil(count / 2) };
}

/** The arrangements a part may take: its default grid, a grid of one column fewer, and bands for up to five cards. */
export function arrangementsFor(count: number): Arrangement[] {
  const first = defaultArrangement(count);
  const out = [first];
  if (first.cols > 2) out.push({ kind: 'grid', cols: first.cols - 1 });
  if (count >= 2 && count <= 5) out.push({ kind: 'bands', cols: 1 });
  return out;
}

const CARD_BAR = 0.06;
/** The space between bands, in inches (less than between the columns of a grid: bands read as one list). */
const BAND_GAP = 0.14;
/** A band's heading column, as a share of the content width. */
const BAND_HEADING_SHARE = 0.27;

/** Where each card of a part goes at one size, and how tall the part is. */
interface Geometry {
  arrangement: Arrangement;
  /** Space added between rows (or bands) beyond the usual gap, in inches: what a sparse part's rows may not take. */
  extraGap: number;
  /** Each row's height (the tallest card in it), bar excluded, in inches. */
  rowH: number[];
  /** Each card's own content height, in inches. */
  contentH: number[];
  cardW: number;
  total: number;
}

function geometryOf(cards: readonly SetCard[], size: number, arrangement: Arrangement): Geometry {
  if (arrangement.kind === 'bands') {
    const headingW = CONTENT_W * BAND_HEADING_SHARE;
    const bodyW = CONTENT_W - headingW;
    const contentH = cards.map((c) => {
      const heading = c.heading.length > 0 ? textHeight([{ runs: c.heading }], size, headingW * PT, CARD_INSETS) : 0;
      const body = textHeight([{ runs: c.body }], size, bodyW * PT, CARD_INSETS);
      return finite(Math.max(heading, body), BODY_H * PT) / PT;
    });
    const total = sum(contentH) + cards.length * CARD_BAR + (cards.length - 1) * BAND_GAP;
    return { arrangement, rowH: contentH, contentH, cardW: CONTENT_W, total, extraGap: 0 };
  }
  const { cols } = arrangement;
  const cardW = (CONTENT_W - GRID.gap * (cols - 1)) / cols;
  const contentH = cards.map((c) => finite(textHeight(cardParagraphs(c, size), size, cardW * PT, CARD_INSETS), BODY_H * PT) / PT);
  const rows = Math.ceil(cards.length / cols);
  const rowH = Array.from({ length: rows }, (_, r) => maxOf(contentH.slice(r * cols, (r + 1) * cols)));
  return { arrangement, rowH, contentH, cardW, total: sum(rowH) + rows * CARD_BAR + (rows - 1) * GRID.gap, extraGap: 0 };
}

/** A row may grow to this many times its content's height: no card of it more than a third empty for that. */
const MOST_STRETCH = 1.5;

/**
 * A sparse part grown to fill the body. One row takes the whole body; several grow in proportion
 * to their content, each at most MOST_STRETCH times it, and what is left goes between them: the
 * part still spans the body, and no row is stretched into a half-empty card.
 */
function stretched(g: Geometry): Geometry {
  const spare = BODY_H - g.total;
  if (spare <= 0) return g;
  if (g.rowH.length === 1) return { ...g, rowH: [(g.rowH[0] as number) + spare], total: BODY_H };
  const content = sum(g.rowH);
  const factor = Math.min(MOST_STRETCH, (content + spare) / content);
  const rowH = g.rowH.map((h) => h * factor);
  const extraGap = (spare - (factor - 1) * content) / (g.rowH.length - 1);
  return { ...g, rowH, total: BODY_H, extraGap };
}

/** The share of its card the emptiest card leaves blank. */
export function emptiestShare(g: Geometry): number {
  return maxOf(
    g.contentH.map((h, i) => {
      const row = g.arrangement.kind === 'bands' ? i : Math.floor(i / g.arrangement.cols);
      const cardH = g.rowH[row] as number;
      return cardH > 0 ? 1 - h / cardH : 0;
    }),
  );
}

/** The largest size from `size` up to `max` at which the part fits in `limit` inches; undefined when not even `size` does. */
function largestFitting(cards: readonly SetCard[], arrangement: Arrangement, size: number, max: number, limit: number): number | undefined {
  if (geometryOf(cards, size, arrangement).total > limit + 1e-9) return undefined;
  let best = size;
  for (let s = size + 1; s <= max; s++) {
    if (geometryOf(cards, s, arrangement).total > limit + 1e-9) break;
    best = s;
  }
  return best;
}

/** A card whose text fills less than this share of it reads as half empty. */
export const MOSTLY_EMPTY = 1 / 3;

/**
 * How one part is set at `size` (or larger, up to `max`, when it is sparse): among the
 * arrangements whose emptiest card is less than a third blank (else among all), the one that
 * holds the largest type, then leaves its emptiest card the least blank.
 */
function bestArrangement(cards: readonly SetCard[], size: number, max: number, sparse: boolean): { arrangement: Arrangement; size: number } {
  const first = defaultArrangement(cards.length);
  if (!sparse) return { arrangement: first, size };
  const options: { arrangement: Arrangement; size: number; empty: number }[] = [];
  for (const arrangement of arrangementsFor(cards.length)) {
    // A sparse part grows until it fills SPARSE_TARGET of the body; the type never falls below `size`.
    const s = largestFitting(cards, arrangement, size, max, SPARSE_TARGET * BODY_H) ?? (geometryOf(cards, size, arrangement).total <= BODY_H ? size : undefined);
    if (s !== undefined) options.push({ arrangement, size: s, empty: emptiestShare(stretched(geometryOf(cards, s, arrangement))) });
  }
  const full = options.filter((o) => o.empty < MOSTLY_EMPTY);
  const pool = full.length > 0 ? full : options;
  const best = pool.reduce<(typeof pool)[number] | undefined>((a, o) => (!a || o.size > a.size || (o.size === a.size && o.empty < a.empty - 1e-9) ? o : a), undefined);
  return best ?? { arrangement: first, size };
}

export function cardSlides(slide: Slide, items: Inline[][], ctx: Context, cap?: number): PlacedSlide[] {
  const { theme } = ctx;
  const cards = items.map(itemToCard);
  const set = new Map(cards.map((c) => [c, setCard(c, theme.colors.accent)]));
  const setOf = (c: Card) => set.get(c) as SetCard;
  const preferred = Math.min(16, theme.sizes.body, cap ?? Infinity);
  const fits = (chunk: Card[], size: number) => chunk.length <= MAX_CARDS && geometryOf(chunk.map(setOf), size, defaultArrangement(chunk.length)).total <= BODY_H;
  const pages = paginate(cards, sizesDown(preferred, Math.min(preferred, theme.sizes.bodyMin)), fits);
  reportFit(slide, pages, preferred, ctx, (c) => ({ text: `${plainText(c.heading)} ${plainText(c.body)}`.trim(), cites: [...citesOf(c.heading), ...citesOf(c.body)] }));
  const max = growthLimit(pages.size, cap);
  // Each part's best arrangement and size; continued parts share one size, the smallest of them.
  const sparseAt = (cardsOf: readonly SetCard[]) => isSparse(geometryOf(cardsOf, pages.size, defaultArrangement(cardsOf.length)).total);
  const chosen = pages.chunks.map((chunk) => bestArrangement(chunk.map(setOf), pages.size, max, sparseAt(chunk.map(setOf))));
  const size = commonSize(chosen.map((c) => c.size));
  return pages.chunks.map((chunk, k) => {
    const setCards = chunk.map(setOf);
    // At the shared size a part may hold another arrangement better: choose again.
    // A part that was sparse at the size it was paginated at fills the body (its type has grown).
    const sparse = sparseAt(setCards);
    const { arrangement } = bestArrangement(setCards, size, size, sparse);
    const natural = geometryOf(setCards, size, arrangement);
    const g = sparse ? stretched(natural) : natural;
    const body = arrangement.kind === 'bands' ? bandElements(setCards, g, size, ctx) : gridElements(setCards, g, size, ctx);
    const cites = [...new Set(chunk.flatMap((c) => [...citesOf(c.heading), ...citesOf(c.body)]))];
    return placed(slide, k + 1, pages.chunks.length, cites, body, ctx, size);
  });
}

function gridElements(cards: readonly SetCard[], g: Geometry, size: number, ctx: Context): Element[] {
  const { theme } = ctx;
  const body: Element[] = [];
  const { cols } = g.arrangement;
  let y = GRID.bodyTop;
  g.rowH.forEach((rowH, row) => {
    cards.slice(row * cols, (row + 1) * cols).forEach((card, col) => {
      const x = GRID.margin + col * (g.cardW + GRID.gap);
      body.push({ kind: 'rect', role: 'card-bar', x, y, w: g.cardW, h: CARD_BAR, fill: theme.colors.accent });
      body.push(textBox('card', { x, y: y + CARD_BAR, w: g.cardW, h: rowH }, cardParagraphs(card, size), size, ctx, { insets: CARD_INSETS, fill: theme.colors.fill }));
    });
    y += rowH + CARD_BAR + GRID.gap + g.extraGap;
  });
  return body;
}

/** Bands: a filled band per card, its heading in a column at the left, its text beside it. */
function bandElements(cards: readonly SetCard[], g: Geometry, size: number, ctx: Context): Element[] {
  const { theme } = ctx;
  const body: Element[] = [];
  const headingW = CONTENT_W * BAND_HEADING_SHARE;
  let y = GRID.bodyTop;
  cards.forEach((card, i) => {
    const h = g.rowH[i] as number;
    body.push({ kind: 'rect', role: 'card-bar', x: GRID.margin, y, w: CONTENT_W, h: CARD_BAR, fill: theme.colors.accent });
    body.push({ kind: 'rect', role: 'card-band', x: GRID.margin, y: y + CARD_BAR, w: CONTENT_W, h, fill: theme.colors.fill });
    if (card.heading.length > 0) body.push(textBox('card-heading', { x: GRID.margin, y: y + CARD_BAR, w: headingW, h }, [{ runs: card.heading }], size, ctx, { insets: CARD_INSETS }));
    body.push(textBox('card', { x: GRID.margin + headingW, y: y + CARD_BAR, w: CONTENT_W - headingW, h }, [{ runs: card.body }], size, ctx, { insets: CARD_INSETS }));
    y += h + CARD_BAR + BAND_GAP + g.extraGap;
  });
  return body;
}
