// The glyphs of a PDF page that a reader does not see, judged from the page's operator list as
// pdf-play.ts plays it: text rendered invisible (mode 3, unless it lies on an image: that is how
// OCR lays its text over a scan), text with no opacity, under 3 pt, off the page or outside its
// clip, in a hidden layer (optional content), covered by an opaque box or image painted after it
// (a redaction drawn over the text), or whose colour cannot be told from what was painted under
// it (a filled shape, else the white page). The flags are then carried over to the page's text items (getTextContent) by
// aligning their characters: the text content and the operator list come from the same glyphs,
// in the same order.
import { compatible, PagePlayer, type Box, type DrawnRun, type OperatorList, type Ops, type PageContext, type PaintedArea } from './pdf-play.js';
import { MIN_VISIBLE_POINTS, unseenColour, WHITE, type Rgb } from './visibility.js';

/** One glyph of the page, in content order: its text (compatibility forms unfolded) and whether it is seen. */
export interface PlacedGlyph {
  text: string;
  hidden: boolean;
}

/** Every glyph the page shows, in content order, with whether a reader sees it. */
export function pageGlyphs(list: OperatorList, OPS: Ops, page: PageContext): PlacedGlyph[] {
  const player = new PagePlayer(OPS, page).play(list);
  const view = page.view.slice(0, 4) as Box;
  const grid = new AreaGrid(view, player.painted);
  const glyphs: PlacedGlyph[] = [];
  for (const run of player.runs) {
    // The glyphs of one operator share their colours: each thing under them is judged once.
    const verdicts = new Map<PaintedArea | undefined, boolean>();
    for (let i = run.first; i < run.first + run.count; i++) {
      glyphs.push({ text: player.texts[i] as string, hidden: !seen(run, player.xs[i] as number, player.ys[i] as number, view, grid, verdicts) });
    }
  }
  return glyphs;
}

function inside([x0, y0, x1, y1]: Box, x: number, y: number): boolean {
  return x >= x0 - 1 && x <= x1 + 1 && y >= y0 - 1 && y <= y1 + 1;
}

/** Whether a reader sees a glyph of `run` whose origin is (x, y). */
function seen(run: DrawnRun, x: number, y: number, view: Box, grid: AreaGrid, verdicts: Map<PaintedArea | undefined, boolean>): boolean {
  if (run.inHiddenLayer || run.height < MIN_VISIBLE_POINTS) return false;
  if (!inside(view, x, y) || (run.clip && !inside(run.clip, x, y))) return false;
  // Invisible text on an image (drawn before or after it) is the text of the image, as OCR lays
  // it over a scan; anywhere else it is hidden.
  if ((run.mode & 3) === 3) return grid.find(x, y, (p) => p.image) !== undefined;
  // An opaque box or an image painted over it later (a redaction drawn on the text).
  if (grid.find(x, y, (p) => p.covers && p.order > run.order)) return false;
  const below = grid.last(x, y, (p) => p.order < run.order);
  let verdict = verdicts.get(below);
  if (verdict === undefined) verdicts.set(below, (verdict = colourSeen(run, below)));
  return verdict;
}

/** Whether a glyph's colours show on what lies under it: on an image any may; on a filled shape or the white page, the contrast decides. */
function colourSeen(g: DrawnRun, below: PaintedArea | undefined): boolean {
  const background = below === undefined ? WHITE : below.colour;
  const shows = (colour: Rgb, alpha: number) => alpha > 0.05 && (background === undefined || !unseenColour(colour, background));
  const mode = g.mode & 3;
  const filled = mode === 0 || mode === 2;
  const stroked = mode === 1 || mode === 2;
  return (filled && shows(g.fill, g.fillAlpha)) || (stroked && shows(g.stroke, g.strokeAlpha));
}

/** The painted areas of a page by the cells of a grid over it, in painting order: a point's candidates found without a scan of them all. */
class AreaGrid {
  private static readonly N = 16;
  private readonly cells: PaintedArea[][] = Array.from({ length: AreaGrid.N * AreaGrid.N }, () => []);
  constructor(
    private readonly view: Box,
    painted: readonly PaintedArea[],
  ) {
    for (const area of painted) {
      const [c0, r0] = this.cell(area.box[0], area.box[1]);
      const [c1, r1] = this.cell(area.box[2], area.box[3]);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.cells[r * AreaGrid.N + c]?.push(area);
    }
  }

  private cell(x: number, y: number): [number, number] {
    const [x0, y0, x1, y1] = this.view;
    const at = (v: number, lo: number, hi: number) => Math.min(AreaGrid.N - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo || 1)) * AreaGrid.N)));
    return [at(x, x0, x1), at(y, y0, y1)];
  }

  private candidates(x: number, y: number): PaintedArea[] {
    const [c, r] = this.cell(x, y);
    return this.cells[r * AreaGrid.N + c] ?? [];
  }

  /** The first area holding (x, y) that `test` accepts. */
  find(x: number, y: number, test: (area: PaintedArea) => boolean): PaintedArea | undefined {
    return this.candidates(x, y).find((a) => contains(a.box, x, y) && test(a));
  }

  /** The last painted area holding (x, y) that `test` accepts. */
  last(x: number, y: number, test: (area: PaintedArea) => boolean): PaintedArea | undefined {
    const list = this.candidates(x, y);
    for (let i = list.length - 1; i >= 0; i--) {
      const a = list[i] as PaintedArea;
      if (contains(a.box, x, y) && test(a)) return a;
    }
    return undefined;
  }
}

function contains(box: Box, x: number, y: number): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

interface Item {
  str: string;
  dir?: string;
}

/**
 * The text items with the characters of hidden glyphs taken out. Characters are matched in
 * order, white space aside; a character the glyphs do not give (pdfjs adds spaces) keeps the
 * verdict of the one before it. A page whose characters cannot be matched (fewer than nine in
 * ten) is taken as it is.
 */
export function withoutHidden<T extends Item>(items: T[], glyphs: PlacedGlyph[]): T[] {
  if (!glyphs.some((g) => g.hidden)) return items;
  const chars: { char: string; hidden: boolean }[] = [];
  for (const g of glyphs) for (const char of g.text) if (!/\s/u.test(char)) chars.push({ char, hidden: g.hidden });
  let g = 0;
  let matched = 0;
  let total = 0;
  let hidden = false;
  const verdicts = items.map((item) => {
    // Right-to-left text is given in reading order; its glyphs come in the order they were drawn.
    const text = [...compatible(item.str)];
    const order = item.dir === 'rtl' ? [...text.keys()].reverse() : [...text.keys()];
    const flags = new Array<boolean>(text.length).fill(false);
    for (const i of order) {
      const char = text[i] as string;
      if (/\s/u.test(char)) {
        flags[i] = hidden;
        continue;
      }
      total++;
      // The next glyph of this character, a few glyphs on at most (pdfjs may drop or add some).
      for (let at = g; at < Math.min(chars.length, g + 16); at++) {
        if ((chars[at] as { char: string }).char !== char) continue;
        hidden = (chars[at] as { hidden: boolean }).hidden;
        g = at + 1;
        matched++;
        break;
      }
      flags[i] = hidden;
    }
    return { text, flags };
  });
  if (total > 0 && matched < total * 0.9) return items;
  return items.map((item, i) => {
    const { text, flags } = verdicts[i] as { text: string[]; flags: boolean[] };
    if (!flags.includes(true)) return item;
    return { ...item, str: text.map((c, k) => (flags[k] ? (/\s/u.test(c) ? c : ' ') : c)).join('') };
  });
}
