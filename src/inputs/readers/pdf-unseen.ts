// The glyphs of a PDF page that a reader does not see, found by playing the page's operator list
// (pdfjs's getOperatorList) as a renderer would, without drawing: text rendered invisible (mode
// 3, unless it lies on an image: that is how OCR lays its text over a scan), text with no
// opacity, text under 3 pt, text off the page, text in a hidden layer (optional content), and
// text whose colour cannot be told from what was painted under it (a filled shape, else the
// white page). The flags are then carried over to the page's text items (getTextContent) by
// aligning their characters: the text content and the operator list come from the same glyphs,
// in the same order.
import { MIN_VISIBLE_POINTS, unseenColour, WHITE, type Rgb } from './visibility.js';

/** The operator numbers this module plays (pdfjs's OPS). */
export type Ops = Record<string, number>;

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface PageContext {
  /** The page's box as pdfjs gives it ([x0, y0, x1, y1], the crop box). */
  view: number[];
  /** The font matrix of a font the operator list names (1/1000 of an em when unknown). */
  fontMatrix(name: string): number[] | undefined;
  /** Whether an optional content group (a layer) is shown. */
  isVisible(group: unknown): boolean;
}

/** One glyph of the page, in content order: its text (compatibility forms unfolded) and whether it is seen. */
export interface PlacedGlyph {
  text: string;
  hidden: boolean;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = n as Matrix;
  return [m[0] * a + m[2] * b, m[1] * a + m[3] * b, m[0] * c + m[2] * d, m[1] * c + m[3] * d, m[0] * e + m[2] * f + m[4], m[1] * e + m[3] * f + m[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** What was painted: a box on the page, and its colour (undefined for an image: any colours). */
interface Painted {
  box: [number, number, number, number];
  colour?: Rgb;
}

interface GraphicsState {
  ctm: Matrix;
  fill: Rgb;
  stroke: Rgb;
  fillAlpha: number;
  strokeAlpha: number;
  mode: number;
  font: string;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
}

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

const IMAGE_OPS = ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintSolidColorImageMask', 'paintImageXObjectRepeat', 'paintImageMaskXObjectRepeat', 'paintInlineImageXObjectGroup', 'paintImageMaskXObjectGroup'];
const FILL_OPS = ['fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'];

/** Every glyph the page shows, in content order, with whether a reader sees it. */
export function pageGlyphs(list: OperatorList, OPS: Ops, page: PageContext): PlacedGlyph[] {
  const glyphs: PlacedGlyph[] = [];
  const painted: Painted[] = [];
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: IDENTITY, fill: [0, 0, 0], stroke: [0, 0, 0], fillAlpha: 1, strokeAlpha: 1, mode: 0, font: '', size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0 };
  // The text line matrix, and how far along the line the next glyph is (text space units).
  let line: Matrix = IDENTITY;
  let advance = 0;
  let path: [number, number, number, number] | undefined;
  const layers: boolean[] = [];
  const names = new Map<number, string>(Object.entries(OPS).map(([name, n]) => [n, name]));
  const imageOps = new Set(IMAGE_OPS.map((n) => OPS[n]));
  const fillOps = new Set(FILL_OPS.map((n) => OPS[n]));
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const box = (m: Matrix, b: readonly number[]): [number, number, number, number] => {
    const corners = [apply(m, b[0] as number, b[1] as number), apply(m, b[2] as number, b[1] as number), apply(m, b[0] as number, b[3] as number), apply(m, b[2] as number, b[3] as number)];
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };
  /** The last thing painted under (x, y) before now. */
  const under = (x: number, y: number): Painted | undefined => {
    for (let i = painted.length - 1; i >= 0; i--) {
      const p = painted[i] as Painted;
      if (x >= p.box[0] && x <= p.box[2] && y >= p.box[1] && y <= p.box[3]) return p;
    }
    return undefined;
  };
  const seen = (x: number, y: number, height: number): boolean => {
    if (layers.includes(false) || height < MIN_VISIBLE_POINTS) return false;
    if (x < x0 - 1 || x > x1 + 1 || y < y0 - 1 || y > y1 + 1) return false;
    const below = under(x, y);
    const mode = state.mode & 3;
    // Invisible text on an image is the text of the image (OCR); anywhere else it is hidden.
    if (mode === 3) return below !== undefined && below.colour === undefined;
    // On an image any colour may show; on a filled shape or the white page, the colours decide.
    const background = below === undefined ? WHITE : below.colour;
    const shows = (colour: Rgb, alpha: number) => alpha > 0.05 && (background === undefined || !unseenColour(colour, background));
    const filled = mode === 0 || mode === 2;
    const stroked = mode === 1 || mode === 2;
    return (filled && shows(state.fill, state.fillAlpha)) || (stroked && shows(state.stroke, state.strokeAlpha));
  };
  list.fnArray.forEach((fn, k) => {
    const args = (list.argsArray[k] ?? []) as unknown[];
    switch (names.get(fn)) {
      case 'save':
      case 'beginGroup':
        stack.push({ ...state });
        break;
      case 'restore':
      case 'endGroup':
      case 'paintFormXObjectEnd':
        state = stack.pop() ?? state;
        break;
      case 'paintFormXObjectBegin':
        stack.push({ ...state });
        if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) state.ctm = multiply(state.ctm, Array.from(args[0] as ArrayLike<number>));
        break;
      case 'transform':
        state.ctm = multiply(state.ctm, args as number[]);
        break;
      case 'setFillRGBColor':
        state.fill = numbers(args, 3) as unknown as Rgb;
        break;
      case 'setStrokeRGBColor':
        state.stroke = numbers(args, 3) as unknown as Rgb;
        break;
      case 'setGState':
        for (const [key, value] of (args[0] ?? []) as [string, unknown][]) {
          if (key === 'ca' && typeof value === 'number') state.fillAlpha = value;
          if (key === 'CA' && typeof value === 'number') state.strokeAlpha = value;
          if (key === 'Font' && Array.isArray(value)) {
            state.font = String(value[0]);
            state.size = Number(value[1]) || 0;
          }
        }
        break;
      case 'setTextRenderingMode':
        state.mode = Number(args[0]) || 0;
        break;
      case 'setFont':
        state.font = String(args[0]);
        state.size = Number(args[1]) || 0;
        break;
      case 'setCharSpacing':
        state.charSpacing = Number(args[0]) || 0;
        break;
      case 'setWordSpacing':
        state.wordSpacing = Number(args[0]) || 0;
        break;
      case 'setHScale':
        state.hScale = (Number(args[0]) || 100) / 100;
        break;
      case 'setLeading':
        state.leading = Number(args[0]) || 0;
        break;
      case 'beginText':
        line = IDENTITY;
        advance = 0;
        break;
      case 'setTextMatrix':
        line = numbers(args, 6) as Matrix;
        advance = 0;
        break;
      case 'moveText':
        line = multiply(line, [1, 0, 0, 1, Number(args[0]) || 0, Number(args[1]) || 0]);
        advance = 0;
        break;
      case 'setLeadingMoveText':
        state.leading = -(Number(args[1]) || 0);
        line = multiply(line, [1, 0, 0, 1, Number(args[0]) || 0, Number(args[1]) || 0]);
        advance = 0;
        break;
      case 'nextLine':
        line = multiply(line, [1, 0, 0, 1, 0, -state.leading]);
        advance = 0;
        break;
      case 'showText':
      case 'showSpacedText': {
        const fontMatrix = page.fontMatrix(state.font) ?? [0.001, 0, 0, 0.001, 0, 0];
        const text = multiply(state.ctm, line);
        // The glyphs' height on the page, in points: the font size through both matrices.
        const height = Math.abs(state.size) * Math.hypot(text[2], text[3]) * (Math.abs(fontMatrix[3] as number) * 1000 || 1);
        for (const glyph of (args[0] ?? []) as (Glyph | number)[]) {
          if (typeof glyph === 'number') {
            advance -= (glyph / 1000) * state.size * state.hScale;
            continue;
          }
          const [x, y] = apply(text, advance, 0);
          const unicode = (glyph.unicode ?? '').normalize('NFKC');
          if (unicode !== '') glyphs.push({ text: unicode, hidden: !seen(x, y, height) });
          advance += ((glyph.width ?? 0) * state.size * (fontMatrix[0] as number) + state.charSpacing + (glyph.isSpace ? state.wordSpacing : 0)) * state.hScale;
        }
        break;
      }
      case 'constructPath': {
        const minMax = args[2] as ArrayLike<number> | undefined;
        if (minMax && minMax.length >= 4 && Number.isFinite(minMax[0])) path = box(state.ctm, Array.from(minMax));
        break;
      }
      case 'beginMarkedContentProps':
        layers.push(args[0] === 'OC' ? page.isVisible(args[1]) : true);
        break;
      case 'beginMarkedContent':
        layers.push(true);
        break;
      case 'endMarkedContent':
        layers.pop();
        break;
      default:
        if (fillOps.has(fn)) {
          if (path && state.fillAlpha > 0.05 && !layers.includes(false)) painted.push({ box: path, colour: state.fill });
          path = undefined;
        } else if (imageOps.has(fn)) {
          if (!layers.includes(false)) painted.push({ box: box(state.ctm, [0, 0, 1, 1]) });
        } else if (fn === OPS.shadingFill) {
          painted.push({ box: [x0, y0, x1, y1] });
        } else if (fn === OPS.endPath || fn === OPS.stroke || fn === OPS.closeStroke) {
          path = undefined;
        }
        break;
    }
  });
  return glyphs;
}

/** The first `n` numbers of an operator's arguments, given flat (`[r, g, b]`) or as one array (`[[r, g, b]]`). */
function numbers(args: unknown, n: number): number[] {
  const flat = Array.from(args as ArrayLike<unknown>);
  const list = typeof flat[0] === 'number' ? flat : Array.from((flat[0] ?? []) as ArrayLike<unknown>);
  return Array.from({ length: n }, (_, i) => Number(list[i]) || 0);
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
    const text = [...item.str.normalize('NFKC')];
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
