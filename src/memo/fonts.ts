// The memo's fonts, parsed once per process. pdfkit (inside pdfmake) calls fontkit.create on
// the font bytes for every document and shapes every word again; on a memo of a dozen pages that
// is most of the render time. Here, for the exact Buffer objects this writer hands to pdfmake
// (and no others), fontkit.create returns one shared font whose shaping results are memoised.
import { createRequire } from 'node:module';

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  [key: string]: number;
}
interface Run {
  glyphs: unknown[];
  positions: Position[];
  readonly advanceWidth: number;
}
interface FontkitFont {
  layout(text: string, features?: unknown): Run;
}
interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}

const require = createRequire(import.meta.url);
const shared = new WeakMap<Uint8Array, FontkitFont>();
let installed = false;

/** A glyph run whose positions the caller may scale in place, as pdfkit does. */
class CopiedRun implements Run {
  constructor(
    readonly glyphs: unknown[],
    readonly positions: Position[],
  ) {}
  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

function memoiseLayout(font: FontkitFont): FontkitFont {
  const layout = font.layout.bind(font);
  const cache = new Map<string, { glyphs: unknown[]; positions: Position[] }>();
  font.layout = (text: string, features?: unknown): Run => {
    if (features !== undefined) return layout(text, features);
    let hit = cache.get(text);
    if (!hit) {
      const run = layout(text);
      hit = { glyphs: run.glyphs, positions: run.positions.map((p) => ({ ...p })) };
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
 */
export function shareFonts(buffers: readonly Uint8Array[]): void {
  const pdfkitPath = require.resolve('pdfkit', { paths: [require.resolve('pdfmake')] });
  const fontkit = createRequire(pdfkitPath)('fontkit') as FontkitModule & { registerFormat(format: unknown): void };
  for (const buffer of buffers) {
    if (shared.has(buffer)) continue;
    const font = fontkit.create(buffer);
    if (!installed) {
      const trueType = (font as unknown as { constructor: FontFormat }).constructor;
      const probe = trueType.probe.bind(trueType);
      trueType.probe = (candidate: Uint8Array) => !shared.has(candidate) && probe(candidate);
      fontkit.registerFormat(SharedFont);
      installed = true;
    }
    shared.set(buffer, memoiseLayout(font));
  }
}

/** A fontkit "format" whose constructor returns the shared font for a buffer. */
class SharedFont {
  static probe(buffer: Uint8Array): boolean {
    return shared.has(buffer);
  }
  constructor(stream: { buffer: Uint8Array }) {
    const font = shared.get(stream.buffer);
    if (!font) throw new Error('shared font missing');
    return font as unknown as SharedFont;
  }
}
