// pdfmake lays a line out word by word, and writes it the same way: every word its own text
// object, with its opacity, colour, font and position set again (pdfkit's operators for a word
// outweigh its glyphs). Here, before a line is written, neighbouring words that look the same
// and sit end to end become one piece of text: pdfkit places its glyphs at the advances pdfmake
// measured them with (both shape a line word by word, a word with its trailing space), so the
// page looks the same, with a fraction of the operators. Words that carry anything of their own
// (a link, a page reference, a destination, a decoration, a background, font features, letter
// spacing) are written as pdfmake writes them.

import { wrapMethod } from './wrap-method.js';

type Inline = Record<string, unknown> & { text: string; x: number; width: number };

interface LineLike {
  inlines: Inline[];
}

interface Renderer {
  renderLine(line: LineLike, x: number, y: number): void;
}

/** What must be equal for two words to be written as one. */
const SAME = ['font', 'fontSize', 'color', 'opacity', 'sup', 'sub', 'height'] as const;

/** Anything a word carries that pdfmake writes for that word alone. */
function ownWord(inline: Inline): boolean {
  return (
    inline.link != null ||
    inline.linkToPage != null ||
    inline.linkToDestination != null ||
    inline._pageNodeRef != null ||
    inline._pageRef != null ||
    inline.decoration != null ||
    inline.background != null ||
    inline.fontFeatures != null ||
    !!inline.characterSpacing
  );
}

/** The line's words, neighbours that look the same and sit end to end joined. */
export function mergeWords(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let current: Inline | undefined;
  for (const inline of inlines) {
    if (current && !ownWord(current) && !ownWord(inline) && SAME.every((k) => current![k] === inline[k]) && current.x + current.width === inline.x) {
      current = { ...current, text: current.text + inline.text, width: current.width + inline.width, trailingCut: inline.trailingCut };
      out[out.length - 1] = current;
      continue;
    }
    current = inline;
    out.push(inline);
  }
  return out;
}

/** Installs the joining on pdfmake's Renderer (once). */
export function writeLinesWhole(renderer: { prototype: Renderer }): void {
  wrapMethod<(line: LineLike, x: number, y: number) => void>(renderer.prototype, 'renderLine', (renderLine) => function (this: Renderer, line: LineLike, x: number, y: number): void {
    const inlines = mergeWords(line.inlines);
    if (inlines.length === line.inlines.length) return renderLine.call(this, line, x, y);
    const merged = Object.assign(Object.create(Object.getPrototypeOf(line) as object) as LineLike, line, { inlines });
    return renderLine.call(this, merged, x, y);
  });
}
