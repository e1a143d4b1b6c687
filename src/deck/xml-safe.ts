// Every string that reaches the PPTX is XML: characters XML 1.0 forbids (C0 controls but tab, line
// feed and carriage return; U+FFFE and U+FFFF; surrogates without their pair) make the file
// invalid, and PowerPoint refuses it or LibreOffice drops the text. They come from text extracted
// from PDFs (form feeds), from escapes in the summary ("\u0001"), from document titles. This pass
// removes them from the placed deck, every string of it, and says what it removed and where.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlacedDeck } from './elements.js';

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NAMES: Record<number, string> = { 0x0c: 'form feed', 0x1b: 'escape', 0x0b: 'vertical tab', 0x00: 'null', 0x08: 'backspace' };

/** The characters XML 1.0 forbids, removed; `found` counts each removed character. */
export function stripForbidden(text: string, found?: Map<string, number>): string {
  if (!FORBIDDEN.test(text)) return text;
  FORBIDDEN.lastIndex = 0;
  return text.replace(FORBIDDEN, (ch) => {
    if (found) found.set(ch, (found.get(ch) ?? 0) + 1);
    return '';
  });
}

/** "U+000C (form feed) ×2, U+0001". */
export function describeCharacters(found: ReadonlyMap<string, number>): string {
  return [...found]
    .map(([ch, n]) => {
      const code = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      const name = NAMES[ch.codePointAt(0) ?? -1];
      return `${code}${name ? ` (${name})` : ''}${n > 1 ? ` ×${n}` : ''}`;
    })
    .join(', ');
}

/** Strings this long that are known to be clean are not searched again (see cleanValue). */
const REMEMBERED = 64;

/** Whether a property names a font face (its value is a font name, reported apart). */
const fontKeys = new Map<string, boolean>();
function isFontKey(key: string): boolean {
  let font = fontKeys.get(key);
  if (font === undefined) fontKeys.set(key, (font = /fontFace$/i.test(key)));
  return font;
}

/**
 * Every string in a value, cleaned. The value itself is not changed: an array or object with
 * something to remove is copied, and one with nothing to remove is returned as it is (most of a
 * deck: nothing allocated). Font faces count apart. A long string found clean is remembered in
 * `clean`: a section's talking points, repeated in the notes of each of its continued slides, are
 * searched once, not once a slide.
 */
function cleanValue<T>(value: T, found: Map<string, number>, fonts: Map<string, number>, clean: Set<string>): T {
  if (typeof value === 'string') {
    if (value.length < REMEMBERED) return stripForbidden(value, found) as T;
    if (clean.has(value)) return value;
    const cleaned = stripForbidden(value, found);
    if (cleaned === value) clean.add(value);
    return cleaned as T;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const c = cleanValue(v, found, fonts, clean);
      if (c !== v && !out) out = value.slice(0, i);
      if (out) out.push(c);
    }
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const v = (value as Record<string, unknown>)[k];
      const c = isFontKey(k) ? cleanValue(v, fonts, fonts, clean) : cleanValue(v, found, fonts, clean);
      if (c !== v && !out) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j] as string] = (value as Record<string, unknown>)[keys[j] as string];
      }
      if (out) out[k] = c;
    }
    return (out ?? value) as T;
  }
  return value;
}

/**
 * The deck with every string cleaned of what XML 1.0 forbids, and one warning per place
 * (the deck's properties, each slide, the theme's fonts) that had any, naming the characters.
 */
export function xmlSafeDeck(deck: PlacedDeck, summaryFile: string): { deck: PlacedDeck; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (where: string, found: Map<string, number>) => {
    if (found.size === 0) return;
    diagnostics.push(
      diagnostic('text-cleaned', `removed from ${where} characters that XML (and so PowerPoint) does not allow: ${describeCharacters(found)}`, {
        file: summaryFile,
      }),
    );
  };
  const fontsFound = new Map<string, number>();
  const ignored = new Map<string, number>();
  const clean = new Set<string>();
  const fonts = cleanValue(deck.fonts, fontsFound, fontsFound, clean);
  const metaFound = new Map<string, number>();
  const meta = cleanValue(deck.meta, metaFound, ignored, clean);
  report("the deck's title, subject and author", metaFound);
  const slides = deck.slides.map((slide, i) => {
    const found = new Map<string, number>();
    const cleaned = cleanValue(slide, found, ignored, clean);
    report(`slide ${i + 1} ("${cleaned.title.replace(/\s+/g, ' ').trim()}")`, found);
    return cleaned;
  });
  report("the theme's font names", fontsFound);
  return { deck: { ...deck, meta, fonts, slides }, diagnostics };
}

/** A font name as an XML attribute value (pptxgenjs writes font faces as they are). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The deck with every font face escaped for an XML attribute: for the writer, just before pptxgenjs. */
export function escapeFontFaces(deck: PlacedDeck): PlacedDeck {
  const faces = <T>(value: T): T => {
    if (Array.isArray(value)) return value.map(faces) as T;
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = /fontFace$/i.test(k) && typeof v === 'string' ? escapeAttribute(v) : faces(v);
    return out as T;
  };
  return {
    ...deck,
    fonts: { heading: escapeAttribute(deck.fonts.heading), body: escapeAttribute(deck.fonts.body) },
    slides: deck.slides.map((slide) => ({ ...slide, elements: faces(slide.elements) })),
  };
}
