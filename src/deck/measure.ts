// Text as PowerPoint sets it: runs → paragraphs → lines, wrapped at spaces inside a box with
// insets. Measurement errs on the wide side (no kerning, breaks only at spaces, a small safety
// factor), so a paragraph that fits here fits in PowerPoint and LibreOffice too.
import { citeGroupText, RANGE_DASH } from '../verify/numbering.js';
import type { Inline } from '../model/types.js';
import { textWidth, type FontStyle } from './font-metrics.js';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A citation number, raised and set smaller. */
  superscript?: boolean;
  /** Overrides the box colour (hex). */
  color?: string;
}

export interface Paragraph {
  runs: Run[];
  bullet?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Space after the paragraph, in points. */
  spaceAfter?: number;
}

/** A superscript run (baseline="30000") is drawn smaller: LibreOffice at 58 %, PowerPoint at about 2/3; measured at 3/4 to stay on the safe side. */
export const SUPERSCRIPT_SCALE = 0.75;
/** Measured widths are stretched by this factor before they are compared with a line's width. */
export const SAFETY = 1.03;
/** Line height as a multiple of the font size; written into the file as exact line spacing. */
export const LINE_HEIGHT = 1.2;
/** Indent of a bulleted paragraph's text, in points. */
export const BULLET_INDENT = 18;

/**
 * Inlines as runs: consecutive citations become one superscript run "3, 4" or "15–17, 20", in `citeColor` when
 * given (and the base sets no colour). Build runs once per item: measurements are cached by run list.
 */
export function inlinesToRuns(inlines: readonly Inline[], base: Omit<Run, 'text'> = {}, citeColor?: string): Run[] {
  const runs: Run[] = [];
  let cites: number[] = [];
  const flush = () => {
    if (cites.length > 0) {
      const run: Run = { ...base, text: unbreakableRanges(citeGroupText(cites)), superscript: true, bold: false };
      if (!run.color && citeColor) run.color = citeColor;
      runs.push(run);
    }
    cites = [];
  };
  for (const inline of inlines) {
    if (inline.type === 'cite') {
      cites.push(inline.n);
      continue;
    }
    flush();
    if (inline.type === 'break') runs.push({ ...base, text: '\n' });
    else {
      const run: Run = { ...base, text: inline.text };
      if (inline.bold) run.bold = true;
      if (inline.italic) run.italic = true;
      runs.push(run);
    }
  }
  flush();
  return mergeRuns(runs);
}

/** Word joiners around a range's dash: a viewer may break a line after an en dash, which would part "22–" from "25". */
export const WORD_JOINER = '\u2060';

function unbreakableRanges(text: string): string {
  return text.split(RANGE_DASH).join(`${WORD_JOINER}${RANGE_DASH}${WORD_JOINER}`);
}

function sameStyle(a: Run, b: Run): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.superscript === !!b.superscript && a.color === b.color;
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && run.text !== '\n' && last.text !== '\n' && sameStyle(last, run)) last.text += run.text;
    else if (run.text !== '') out.push({ ...run });
  }
  return out;
}

/** Plain text of runs (for tests and diagnostics). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Width in ems of each word (or run of spaces) met so far, per font style. */
const emsByStyle = new Map<string, Map<string, number>>();

/** Width of `text` set in `style`, in ems (the width at 1 pt, in points). */
export function wordEms(text: string, style: FontStyle): number {
  const key = `${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}`;
  let words = emsByStyle.get(key);
  if (!words) {
    words = new Map();
    emsByStyle.set(key, words);
  }
  let ems = words.get(text);
  if (ems === undefined) {
    ems = textWidth(text, 1, style);
    words.set(text, ems);
  }
  return ems;
}

function runWidth(text: string, run: Run, size: number): number {
  const s = run.superscript ? size * SUPERSCRIPT_SCALE : size;
  return wordEms(text, { bold: run.bold, italic: run.italic }) * s * SAFETY;
}

export interface Piece {
  /** Width of the word itself. */
  width: number;
  /** Width of the spaces after it. */
  space: number;
  /** A forced line break follows. */
  hardBreak: boolean;
}

/** Words of each run list, per size: a list of runs is measured once per size however often it is laid out. */
const piecesCache = new WeakMap<readonly Run[], Map<number, Piece[]>>();

function pieces(runs: readonly Run[], size: number): Piece[] {
  let bySize = piecesCache.get(runs);
  if (!bySize) {
    bySize = new Map();
    piecesCache.set(runs, bySize);
  }
  let out = bySize.get(size);
  if (!out) {
    out = splitWords(runs, size);
    bySize.set(size, out);
  }
  return out;
}

/** A paragraph as words (a word may span runs, e.g. a word and its superscript citation). */
export function splitWords(runs: readonly Run[], size: number): Piece[] {
  const out: Piece[] = [];
  let current: Piece = { width: 0, space: 0, hardBreak: false };
  let open = false;
  for (const run of runs) {
    if (run.text === '\n') {
      out.push({ ...current, hardBreak: true });
      current = { width: 0, space: 0, hardBreak: false };
      open = false;
      continue;
    }
    for (const token of run.text.split(/( +)/)) {
      if (token === '') continue;
      if (token.startsWith(' ')) {
        current.space += runWidth(token, run, size);
        open = true;
        continue;
      }
      if (open && current.space > 0) {
        out.push(current);
        current = { width: 0, space: 0, hardBreak: false };
      }
      current.width += runWidth(token, run, size);
      open = true;
    }
  }
  if (open) out.push(current);
  return out;
}

const linesCache = new WeakMap<readonly Run[], Map<string, number>>();

/** How many lines a paragraph takes in a line of `width` points (cached per run list, size and width). */
export function countLines(runs: readonly Run[], size: number, width: number): number {
  let byBox = linesCache.get(runs);
  if (!byBox) {
    byBox = new Map();
    linesCache.set(runs, byBox);
  }
  const key = `${size} ${width}`;
  let lines = byBox.get(key);
  if (lines === undefined) {
    lines = wrap(runs, size, width);
    byBox.set(key, lines);
  }
  return lines;
}

function wrap(runs: readonly Run[], size: number, width: number): number {
  let lines = 1;
  let used = 0;
  let pendingSpace = 0;
  for (const piece of pieces(runs, size)) {
    if (used > 0 && used + pendingSpace + piece.width > width) {
      lines += 1;
      used = 0;
      pendingSpace = 0;
    }
    // A word longer than the line would be broken inside (a citation split from its digits):
    // such a size never fits.
    if (piece.width > width) return Number.POSITIVE_INFINITY;
    used += pendingSpace + piece.width;
    pendingSpace = piece.space;
    if (piece.hardBreak) {
      lines += 1;
      used = 0;
      pendingSpace = 0;
    }
  }
  return lines;
}

/** Widest single line a paragraph would need (no wrapping), in points. */
export function naturalWidth(runs: readonly Run[], size: number): number {
  let widest = 0;
  let line = 0;
  for (const piece of pieces(runs, size)) {
    line += piece.width;
    widest = Math.max(widest, line);
    line += piece.space;
    if (piece.hardBreak) line = 0;
  }
  return widest;
}

/** The longest word, in points: a column narrower than this breaks words. */
export function longestWord(runs: readonly Run[], size: number): number {
  return pieces(runs, size).reduce((m, p) => Math.max(m, p.width), 0);
}

export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Height in points that paragraphs need in a box `width` points wide (insets included). */
export function textHeight(paragraphs: readonly Paragraph[], size: number, width: number, insets: Insets): number {
  const lineHeight = lineHeightOf(size);
  let height = insets.top + insets.bottom;
  paragraphs.forEach((p, k) => {
    const available = width - insets.left - insets.right - (p.bullet ? BULLET_INDENT : 0);
    height += countLines(p.runs, size, available) * lineHeight;
    if (k < paragraphs.length - 1) height += p.spaceAfter ?? 0;
  });
  return height;
}

export function lineHeightOf(size: number): number {
  return Math.round(size * LINE_HEIGHT * 10) / 10;
}
