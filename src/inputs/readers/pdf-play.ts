// A PDF page's operator list (pdfjs's getOperatorList) played as a renderer would, without
// drawing: the graphics and text state followed through every operator, so that each glyph is
// known with its place on the page, its colour, opacity, size and rendering mode, the clip and
// the layer it is drawn in, and each shape and image with its box, colour and place in the order
// of painting. pdf-unseen.ts judges from these what a reader sees.
import { maxOf, minOf } from '../../common/arrays.js';
import type { Rgb } from './visibility.js';

/** The operator numbers (pdfjs's OPS). */
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

export type Box = [number, number, number, number];

/**
 * The glyphs one text operator drew, and the state it drew them in; the glyphs themselves (text
 * and origin on the page, in points) are in the player's `texts`, `xs` and `ys`, from `first`.
 */
export interface DrawnRun {
  first: number;
  count: number;
  /** Its place in the order of painting (the operator's index). */
  order: number;
  height: number;
  /** Rendering mode 0–7 (3 and 7: invisible). */
  mode: number;
  fill: Rgb;
  stroke: Rgb;
  fillAlpha: number;
  strokeAlpha: number;
  /** Drawn in a layer that is off. */
  inHiddenLayer: boolean;
  /** The clip it was drawn in (the box of the clipping paths), if any. */
  clip?: Box;
}

/** A shape or image as painted. */
export interface PaintedArea {
  box: Box;
  order: number;
  /** Its fill colour; undefined for an image or a shading: any colours. */
  colour?: Rgb;
  /** An image (a scan's text may lie on it, invisible). */
  image: boolean;
  /** Whether it hides what lies under it: an image, or an opaque rectangle in the normal blend mode. */
  covers: boolean;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = n as Matrix;
  return [m[0] * a + m[2] * b, m[1] * a + m[3] * b, m[0] * c + m[2] * d, m[1] * c + m[3] * d, m[0] * e + m[2] * f + m[4], m[1] * e + m[3] * f + m[5]];
}

/** The box on the page of a box in the space of `m`. */
function boxThrough(m: Matrix, b: ArrayLike<number>): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [b[0], b[1]],
    [b[2], b[1]],
    [b[0], b[3]],
    [b[2], b[3]],
  ] as [number, number][]) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return [minOf(xs), minOf(ys), maxOf(xs), maxOf(ys)];
}

function intersect(a: Box | undefined, b: Box): Box {
  if (!a) return b;
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

/** The first `n` numbers of an operator's arguments, given flat (`[r, g, b]`) or as one array (`[[r, g, b]]`). */
function numbers(args: unknown, n: number): number[] {
  const flat = Array.from(args as ArrayLike<unknown>);
  const list = typeof flat[0] === 'number' ? flat : Array.from((flat[0] ?? []) as ArrayLike<unknown>);
  return Array.from({ length: n }, (_, i) => Number(list[i]) || 0);
}

/** Text with its compatibility forms unfolded (NFKC: "ﬁ" → "fi"), as pdfjs gives text items; ASCII as it is. */
export function compatible(text: string): string {
  return /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKC');
}

/** The graphics state a `q` saves and a `Q` restores (text state included, as PDF has it). */
interface GraphicsState {
  ctm: Matrix;
  clip?: Box;
  fill: Rgb;
  stroke: Rgb;
  fillAlpha: number;
  strokeAlpha: number;
  normalBlend: boolean;
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
const PATH_ENDS = ['endPath', 'stroke', 'closeStroke'];

/** Plays one page's operators; `glyphs` and `painted` hold what was drawn, in order. */
export class PagePlayer {
  readonly runs: DrawnRun[] = [];
  readonly texts: string[] = [];
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  readonly painted: PaintedArea[] = [];
  private state: GraphicsState = { ctm: IDENTITY, fill: [0, 0, 0], stroke: [0, 0, 0], fillAlpha: 1, strokeAlpha: 1, normalBlend: true, mode: 0, font: '', size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0 };
  private readonly saved: GraphicsState[] = [];
  /** The text line matrix, and how far along the line the next glyph is (text space units). */
  private line: Matrix = IDENTITY;
  private advance = 0;
  /** The current path's box, whether it is one rectangle, and a clip it will set when it ends. */
  private path: { box: Box; rectangle: boolean } | undefined;
  private clipping = false;
  private readonly layers: boolean[] = [];
  private readonly names: Map<number, string>;
  private readonly kinds: Map<number, 'image' | 'fill' | 'end'>;

  constructor(
    private readonly OPS: Ops,
    private readonly page: PageContext,
  ) {
    this.names = new Map(Object.entries(OPS).map(([name, n]) => [n, name]));
    this.kinds = new Map<number, 'image' | 'fill' | 'end'>([
      ...IMAGE_OPS.map((n) => [OPS[n] as number, 'image'] as const),
      ...FILL_OPS.map((n) => [OPS[n] as number, 'fill'] as const),
      ...PATH_ENDS.map((n) => [OPS[n] as number, 'end'] as const),
    ]);
  }

  play(list: OperatorList): this {
    list.fnArray.forEach((fn, order) => this.operator(fn, (list.argsArray[order] ?? []) as unknown[], order));
    return this;
  }

  private get hiddenLayer(): boolean {
    return this.layers.includes(false);
  }

  private operator(fn: number, args: unknown[], order: number): void {
    const s = this.state;
    switch (this.names.get(fn)) {
      case 'save':
      case 'beginGroup':
        this.saved.push({ ...s });
        return;
      case 'restore':
      case 'endGroup':
      case 'paintFormXObjectEnd':
        this.state = this.saved.pop() ?? s;
        return;
      case 'paintFormXObjectBegin': {
        this.saved.push({ ...s });
        const matrix = args[0];
        if (Array.isArray(matrix) || ArrayBuffer.isView(matrix)) s.ctm = multiply(s.ctm, Array.from(matrix as ArrayLike<number>));
        // A form draws nothing outside its box.
        const bbox = args[1] as ArrayLike<number> | null | undefined;
        if (bbox && bbox.length >= 4) s.clip = intersect(s.clip, boxThrough(s.ctm, bbox));
        return;
      }
      case 'transform':
        s.ctm = multiply(s.ctm, numbers(args, 6));
        return;
      case 'setFillRGBColor':
        s.fill = numbers(args, 3) as unknown as Rgb;
        return;
      case 'setStrokeRGBColor':
        s.stroke = numbers(args, 3) as unknown as Rgb;
        return;
      case 'setGState':
        this.graphicsState((args[0] ?? []) as [string, unknown][]);
        return;
      case 'setTextRenderingMode':
        s.mode = Number(args[0]) || 0;
        return;
      case 'setFont':
        s.font = String(args[0]);
        s.size = Number(args[1]) || 0;
        return;
      case 'setCharSpacing':
        s.charSpacing = Number(args[0]) || 0;
        return;
      case 'setWordSpacing':
        s.wordSpacing = Number(args[0]) || 0;
        return;
      case 'setHScale':
        s.hScale = (Number(args[0]) || 100) / 100;
        return;
      case 'setLeading':
        s.leading = Number(args[0]) || 0;
        return;
      case 'beginText':
        this.moveLine(IDENTITY);
        return;
      case 'setTextMatrix':
        this.moveLine(numbers(args, 6) as Matrix);
        return;
      case 'moveText':
        this.moveLine(multiply(this.line, [1, 0, 0, 1, Number(args[0]) || 0, Number(args[1]) || 0]));
        return;
      case 'setLeadingMoveText':
        s.leading = -(Number(args[1]) || 0);
        this.moveLine(multiply(this.line, [1, 0, 0, 1, Number(args[0]) || 0, Number(args[1]) || 0]));
        return;
      case 'nextLine':
        this.moveLine(multiply(this.line, [1, 0, 0, 1, 0, -s.leading]));
        return;
      case 'showText':
      case 'showSpacedText':
        this.showText((args[0] ?? []) as (Glyph | number)[], order);
        return;
      case 'constructPath':
        this.constructPath(args);
        return;
      case 'clip':
      case 'eoClip':
        this.clipping = true;
        return;
      case 'beginMarkedContentProps':
        this.layers.push(args[0] === 'OC' ? this.page.isVisible(args[1]) : true);
        return;
      case 'beginMarkedContent':
        this.layers.push(true);
        return;
      case 'endMarkedContent':
        this.layers.pop();
        return;
      case 'shadingFill':
        if (!this.hiddenLayer) this.painted.push({ box: s.clip ?? (this.page.view.slice(0, 4) as Box), order, image: false, covers: false });
        return;
      default:
        this.paint(this.kinds.get(fn), order);
    }
  }

  private graphicsState(entries: [string, unknown][]): void {
    const s = this.state;
    for (const [key, value] of entries) {
      if (key === 'ca' && typeof value === 'number') s.fillAlpha = value;
      else if (key === 'CA' && typeof value === 'number') s.strokeAlpha = value;
      else if (key === 'BM') s.normalBlend = value === undefined || /^(?:normal|compatible|source-over)$/i.test(String(value));
      else if (key === 'Font' && Array.isArray(value)) {
        s.font = String(value[0]);
        s.size = Number(value[1]) || 0;
      }
    }
  }

  private moveLine(line: Matrix): void {
    this.line = line;
    this.advance = 0;
  }

  private constructPath(args: unknown[]): void {
    const ops = Array.from((args[0] ?? []) as ArrayLike<number>);
    const minMax = args[2] as ArrayLike<number> | undefined;
    if (!minMax || minMax.length < 4 || !Number.isFinite(minMax[0])) return;
    const box = boxThrough(this.state.ctm, minMax);
    const rectangle = ops.length === 1 && ops[0] === this.OPS.rectangle;
    // Paths add up until they are painted or ended.
    this.path = this.path ? { box: [Math.min(this.path.box[0], box[0]), Math.min(this.path.box[1], box[1]), Math.max(this.path.box[2], box[2]), Math.max(this.path.box[3], box[3])], rectangle: false } : { box, rectangle };
  }

  /** A path painted or ended, or an image painted. */
  private paint(kind: 'image' | 'fill' | 'end' | undefined, order: number): void {
    if (kind === undefined) return;
    const s = this.state;
    if (kind === 'image') {
      if (!this.hiddenLayer) this.painted.push({ box: intersect(s.clip, boxThrough(s.ctm, [0, 0, 1, 1])), order, image: true, covers: s.fillAlpha > 0.9 && s.normalBlend });
      return;
    }
    const path = this.path;
    if (kind === 'fill' && path && s.fillAlpha > 0.05 && !this.hiddenLayer) {
      this.painted.push({ box: intersect(s.clip, path.box), order, colour: s.fill, image: false, covers: path.rectangle && s.fillAlpha > 0.9 && s.normalBlend });
    }
    // A clip set with the path (`W n`) holds from here until the state is restored.
    if (this.clipping && path) s.clip = intersect(s.clip, path.box);
    this.clipping = false;
    this.path = undefined;
  }

  private showText(glyphs: (Glyph | number)[], order: number): void {
    const s = this.state;
    const fontMatrix = this.page.fontMatrix(s.font) ?? [0.001, 0, 0, 0.001, 0, 0];
    const text = multiply(s.ctm, this.line);
    // The glyphs' height on the page, in points: the font size through both matrices.
    const height = Math.abs(s.size) * Math.hypot(text[2], text[3]) * (Math.abs(fontMatrix[3] as number) * 1000 || 1);
    const run: DrawnRun = { first: this.texts.length, count: 0, order, height, mode: s.mode, fill: s.fill, stroke: s.stroke, fillAlpha: s.fillAlpha, strokeAlpha: s.strokeAlpha, inHiddenLayer: this.hiddenLayer };
    if (s.clip) run.clip = s.clip;
    for (const glyph of glyphs) {
      if (typeof glyph === 'number') {
        this.advance -= (glyph / 1000) * s.size * s.hScale;
        continue;
      }
      const unicode = compatible(glyph.unicode ?? '');
      if (unicode !== '') {
        // The glyph's origin on the page: the text matrix applied to (advance, 0).
        this.texts.push(unicode);
        this.xs.push(text[0] * this.advance + text[4]);
        this.ys.push(text[1] * this.advance + text[5]);
        run.count++;
      }
      this.advance += ((glyph.width ?? 0) * s.size * (fontMatrix[0] as number) + s.charSpacing + (glyph.isSpace ? s.wordSpacing : 0)) * s.hScale;
    }
    if (run.count > 0) this.runs.push(run);
  }
}
