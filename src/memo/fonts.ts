// The memo's fonts, parsed once per process, and their shaping results reused. pdfkit (inside
// pdfmake) calls fontkit.create on the font bytes for every document and shapes every word again;
// on a memo of a dozen pages that is most of the render time. Here, for the exact Buffer objects
// this writer hands to pdfmake (and no others), fontkit.create returns one shared font whose
// shaping results are memoised in the process (a watch session) and, through a bounded disk cache
// keyed by the font's hash, across runs.
//
// Why the disk cache cannot change the bytes: a word's shaping result (glyph ids and positions)
// depends only on the font and the word. The one thing fontkit makes depend on history is a
// glyph's `codePoints` (it keeps the first ones a glyph id was created with, and pdfkit writes
// them into the ToUnicode map): shared fonts here always hand out glyphs carrying the code
// points of the shaping call that produced them. So a result read from disk is exactly the result
// shaping would give, and pdfkit sees the same sequence of runs either way.
import { createHash } from 'node:crypto';
import { cacheStore, type BoundedStore } from '../cache/cache-dir.js';
import { pdfkitFontkit } from './pdfkit-fontkit.js';
import { WeighedMap } from '../cache/weighed-map.js';
import { wrapMethod } from './wrap-method.js';

export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  [key: string]: number;
}
export interface Glyph {
  id: number;
  codePoints: number[];
}
export interface Run {
  glyphs: Glyph[];
  positions: Position[];
  readonly advanceWidth: number;
}
export interface FontkitFont {
  layout(text: string, features?: unknown): Run;
  getGlyph(id: number, codePoints?: number[]): Glyph;
  createSubset(): FontSubset;
}
/** fontkit's subset of a font: the glyphs a document uses, in the order it first used them. */
interface FontSubset {
  font: FontkitFont;
  glyphs: number[];
  encode(): Uint8Array;
}
export interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
  registerFormat(format: unknown): void;
}

/** A shaped word as stored on disk: glyph ids, their code points, and 4 numbers a glyph (x/y advance, x/y offset). */
type StoredRun = [ids: number[], codePoints: number[][], positions: number[]];

interface SharedFont {
  font: FontkitFont;
  /** sha256 of the font's bytes: the disk cache's key. */
  hash: string;
  /** Shaping results from disk, by text; grows with every word shaped. */
  stored: Map<string, StoredRun>;
  /** Words shaped since the disk cache was last read or written. */
  added: number;
}

const shared = new WeakMap<Uint8Array, SharedFont>();
/** pdfkit's scaled runs of a shared font, by text: the same in every document (see shareScaledRuns). */
const scaledRuns = new WeakMap<FontkitFont, WeighedMap<string, unknown>>();
/** The encoded subsets of a shared font, by their glyphs in order (see shareEncodedSubsets). */
const encodedSubsets = new WeakMap<FontkitFont, WeighedMap<string, Uint8Array>>();
/** Bytes of encoded subsets kept a font, at most: a watch session's recent memos. */
const MAX_SUBSET_BYTES = 4 * 1024 * 1024;
/** Words whose scaled runs are kept a font, at most (a watch session on large summaries stays bounded). */
const MAX_SCALED_RUNS = 100_000;
const fonts: SharedFont[] = [];
let installed = false;

/** Version of the stored format and of the reasoning above: change it to drop every old entry. */
const SHAPING_FORMAT = 1;
/** At most this many words per font on disk (the seeds' memo shapes about 2,000). */
const MAX_WORDS_PER_FONT = 60_000;
let store: BoundedStore | undefined | null = null;
let storeKey = '';

/**
 * A glyph run whose positions the caller may scale in place, as pdfkit does (at once, before it
 * reads the width). The width is summed at the first read and kept: pdfkit reads it for every
 * word it measures or writes, and never changes a run's positions after scaling them.
 */
class CopiedRun implements Run {
  private width: number | undefined;
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[],
  ) {}
  get advanceWidth(): number {
    if (this.width === undefined) {
      let width = 0;
      for (const p of this.positions) width += p.xAdvance;
      this.width = width;
    }
    return this.width;
  }
}

function samePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Glyphs always carry the code points they were asked for (fontkit would keep the first ones). */
function exactCodePoints(font: FontkitFont): void {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []): Glyph => {
    const glyph = getGlyph(id, codePoints);
    if (samePoints(glyph.codePoints, codePoints)) return glyph;
    return Object.create(glyph, { codePoints: { value: codePoints, enumerable: true } }) as Glyph;
  };
}

function toStored(run: Run): StoredRun {
  const positions: number[] = [];
  for (const p of run.positions) positions.push(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset);
  return [run.glyphs.map((g) => g.id), run.glyphs.map((g) => [...g.codePoints]), positions];
}

function fromStored(font: FontkitFont, [ids, codePoints, flat]: StoredRun): { glyphs: Glyph[]; positions: Position[] } {
  const glyphs = ids.map((id, i) => font.getGlyph(id, codePoints[i]));
  const positions = ids.map((_, i) => ({ xAdvance: flat[4 * i]!, yAdvance: flat[4 * i + 1]!, xOffset: flat[4 * i + 2]!, yOffset: flat[4 * i + 3]! }));
  return { glyphs, positions };
}

function memoiseLayout(entry: SharedFont): FontkitFont {
  const { font } = entry;
  const layout = font.layout.bind(font);
  const cache = new Map<string, { glyphs: Glyph[]; positions: Position[] }>();
  font.layout = (text: string, features?: unknown): Run => {
    if (features !== undefined) return layout(text, features);
    let hit = cache.get(text);
    if (!hit) {
      const stored = entry.stored.get(text);
      if (stored) hit = fromStored(font, stored);
      else {
        const run = layout(text);
        hit = { glyphs: run.glyphs, positions: run.positions.map((p) => ({ ...p })) };
        if (entry.stored.size < MAX_WORDS_PER_FONT) {
          entry.stored.set(text, toStored(run));
          entry.added++;
        }
      }
      cache.set(text, hit);
    }
    return new CopiedRun(hit.glyphs, hit.positions.map((p) => ({ ...p })));
  };
  return font;
}

interface FontFormat {
  probe(buffer: Uint8Array): boolean;
}

/**
 * Make pdfkit's fontkit reuse one parsed font for each of `buffers`. fontkit's exports cannot be
 * reassigned, but its format registry is open: the TrueType format declines these exact buffers
 * and a registered format hands back the shared font instead. Other callers are unaffected.
 * `toolKey` names the code that shapes (tool and library versions) for the disk cache.
 */
export function shareFonts(buffers: readonly Uint8Array[], toolKey = ''): void {
  const fontkit = pdfkitFontkit();
  if (store === null) {
    store = cacheStore('shaping', 32 * 1024 * 1024);
    storeKey = createHash('sha256').update(`${SHAPING_FORMAT}\n${toolKey}\n${process.versions.node}`).digest('hex').slice(0, 16);
  }
  for (const buffer of buffers) {
    if (shared.has(buffer)) continue;
    const font = fontkit.create(buffer);
    if (!installed) {
      const trueType = (font as unknown as { constructor: FontFormat }).constructor;
      const probe = trueType.probe.bind(trueType);
      trueType.probe = (candidate: Uint8Array) => !shared.has(candidate) && probe(candidate);
      fontkit.registerFormat(SharedFontFormat);
      installed = true;
    }
    exactCodePoints(font);
    const hash = createHash('sha256').update(buffer).digest('hex');
    const entry: SharedFont = { font, hash, stored: readStored(hash), added: 0 };
    memoiseLayout(entry);
    scaledRuns.set(font, new WeighedMap(MAX_SCALED_RUNS));
    encodedSubsets.set(font, new WeighedMap(MAX_SUBSET_BYTES));
    shareEncodedSubsets(font.createSubset());
    shared.set(buffer, entry);
    fonts.push(entry);
  }
}

function cacheFile(hash: string): string {
  return `${hash.slice(0, 32)}-${storeKey}.json`;
}

function readStored(hash: string): Map<string, StoredRun> {
  const bytes = store?.read(cacheFile(hash));
  if (!bytes) return new Map();
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { words?: Record<string, StoredRun> };
    return new Map(Object.entries(parsed.words ?? {}));
  } catch {
    return new Map();
  }
}

/** Writes the shaping results of fonts that shaped new words since the last save. Never throws. */
export function saveShapingCache(): void {
  if (!store) return;
  for (const entry of fonts) {
    if (entry.added === 0) continue;
    entry.added = 0;
    store.write(cacheFile(entry.hash), JSON.stringify({ words: Object.fromEntries(entry.stored) }));
  }
}

/** A fontkit "format" whose constructor returns the shared font for a buffer. */
class SharedFontFormat {
  static probe(buffer: Uint8Array): boolean {
    return shared.has(buffer);
  }
  constructor(stream: { buffer: Uint8Array }) {
    const font = shared.get(stream.buffer)?.font;
    if (!font) throw new Error('shared font missing');
    return font as unknown as SharedFontFormat;
  }
}

/** What shareScaledRuns needs of pdfkit's font object (its EmbeddedFont, whose class pdfkit does not export). */
interface PdfkitEmbeddedFont {
  font: FontkitFont;
  layoutRun(text: string): unknown;
}

/**
 * pdfkit keeps a font's scaled runs (a word's glyphs and positions in its 1000-unit space) in a
 * cache of each document, so every memo scales every word again. For the shared fonts the run
 * depends only on the font and the word (pdfkit reads runs and copies what it changes; the
 * subset's glyph numbering is done at each encode, per document): keep them for the process.
 * `sample` is one of pdfkit's font objects, from which its class is reached; other fonts keep
 * pdfkit's own per-document cache.
 */
export function shareScaledRuns(sample: PdfkitEmbeddedFont): void {
  wrapMethod<(text: string) => unknown>(Object.getPrototypeOf(sample) as object, 'layoutCached', (perDocument) =>
    function (this: PdfkitEmbeddedFont, text: string): unknown {
      const runs = scaledRuns.get(this.font);
      if (!runs) return perDocument.call(this, text);
      return runs.getOrMake(text, () => 1, () => this.layoutRun(text));
    },
  );
}

/**
 * A memo embeds each font as a subset: the glyphs it uses, numbered in the order it first used
 * them. fontkit encodes the subset anew for every memo (the glyph outlines, the tables: about a
 * tenth of a memo's render); a subset of the same font with the same glyphs in the same order is
 * the same bytes, so a watch rebuild whose edit brings no new glyph reuses them. pdfkit only
 * reads the encoded bytes (it keeps its own widths and code points). Fonts not shared here are
 * encoded as fontkit does.
 */
function shareEncodedSubsets(sample: FontSubset): void {
  wrapMethod<() => Uint8Array>(Object.getPrototypeOf(sample) as object, 'encode', (encode) =>
    function (this: FontSubset): Uint8Array {
      const kept = encodedSubsets.get(this.font);
      if (!kept) return encode.call(this);
      return kept.getOrMake(this.glyphs.join(','), (bytes) => bytes.length, () => encode.call(this));
    },
  );
}
