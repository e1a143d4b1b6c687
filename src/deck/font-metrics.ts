// Real font metrics for text measurement. "Arial" (and its metric twins Liberation Sans and
// Arimo) is measured with the Arimo TTFs; fonts are opened once per process and every
// character's advance is cached, so measuring a whole deck costs a few milliseconds.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

export interface FontStyle {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
}

interface Metrics {
  /** Advance of a code point, in ems. */
  advance(codePoint: number): number;
}

const FILES: Record<string, string> = {
  regular: '400Regular/Arimo_400Regular.ttf',
  bold: '700Bold/Arimo_700Bold.ttf',
  italic: '400Regular_Italic/Arimo_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Arimo_700Bold_Italic.ttf',
};

const cache = new Map<string, Metrics>();
let packageDir: string | undefined;

function arimoDir(): string {
  if (packageDir === undefined) {
    const require = createRequire(import.meta.url);
    packageDir = path.dirname(require.resolve('@expo-google-fonts/arimo/package.json'));
  }
  return packageDir;
}

function styleKey(style: FontStyle): keyof typeof FILES {
  if (style.bold && style.italic) return 'boldItalic';
  if (style.bold) return 'bold';
  if (style.italic) return 'italic';
  return 'regular';
}

function metricsFor(style: FontStyle): Metrics {
  const key = styleKey(style);
  let metrics = cache.get(key);
  if (!metrics) {
    const opened = fontkit.openSync(path.join(arimoDir(), FILES[key] as string));
    const font = ('fonts' in opened ? opened.fonts[0] : opened) as fontkit.Font;
    const unitsPerEm = font.unitsPerEm;
    const advances = new Map<number, number>();
    metrics = {
      advance(codePoint: number): number {
        let a = advances.get(codePoint);
        if (a === undefined) {
          const glyph = font.glyphForCodePoint(codePoint);
          a = (glyph.id === 0 ? font.glyphForCodePoint(0x4d /* M */) : glyph).advanceWidth / unitsPerEm;
          advances.set(codePoint, a);
        }
        return a;
      },
    };
    cache.set(key, metrics);
  }
  return metrics;
}

/** Width of `text` at `size` points, in points, without kerning (as PowerPoint lays text out by default). */
export function textWidth(text: string, size: number, style: FontStyle = {}): number {
  const m = metricsFor(style);
  let ems = 0;
  for (const ch of text) ems += m.advance(ch.codePointAt(0) as number);
  return ems * size;
}
