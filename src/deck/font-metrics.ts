// Real font metrics for text measurement. "Arial" (and its metric twins Liberation Sans and
// Arimo) is measured with the advance widths of the Arimo TTFs, read ahead of time into a
// generated table (scripts/gen-arimo-widths.mjs): no font is parsed at run time.
import { ARIMO_FACES, ARIMO_UNITS_PER_EM, type ArimoFace } from './arimo-widths.js';

export interface FontStyle {
  bold?: boolean | undefined;
  italic?: boolean | undefined;
}

/** Advances in font units, indexed by code point (the faces have no character beyond the BMP). */
const tables = new Map<keyof typeof ARIMO_FACES, { units: Uint16Array; missing: number }>();

function styleKey(style: FontStyle): keyof typeof ARIMO_FACES {
  if (style.bold && style.italic) return 'boldItalic';
  if (style.bold) return 'bold';
  if (style.italic) return 'italic';
  return 'regular';
}

function tableOf(face: ArimoFace): { units: Uint16Array; missing: number } {
  const units = new Uint16Array(0x10000).fill(face.missing);
  for (const range of face.ranges) {
    const first = range[0] as number;
    for (let i = 1; i < range.length; i++) units[first + i - 1] = range[i] as number;
  }
  return { units, missing: face.missing };
}

function metricsFor(style: FontStyle): { units: Uint16Array; missing: number } {
  const key = styleKey(style);
  let table = tables.get(key);
  if (!table) {
    table = tableOf(ARIMO_FACES[key]);
    tables.set(key, table);
  }
  return table;
}

/** Width of `text` at `size` points, in points, without kerning (as PowerPoint lays text out by default). */
export function textWidth(text: string, size: number, style: FontStyle = {}): number {
  const { units, missing } = metricsFor(style);
  let ems = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    // Joiners and other default-ignorable format characters are drawn as nothing.
    if (cp === 0x2060 || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) continue;
    ems += (cp < 0x10000 ? (units[cp] as number) : missing) / ARIMO_UNITS_PER_EM;
  }
  return ems * size;
}
