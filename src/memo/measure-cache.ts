// pdfmake measures every paragraph of a memo before it lays the pages out: it breaks the text
// into words and, for each word, looks up some twenty style properties through the style stack
// and measures its width. That is most of pdfmake's time on a memo, and in a watch session it is
// the same work again for every paragraph the edit did not touch. Here the measured words of a
// paragraph (a text leaf) are kept in the process, keyed by the leaf's text and every style
// property the measurement reads, and handed back as fresh copies bound to the new document's
// fonts: line breaking and pagination run as before, on the same words, so the pages are the same.
//
// What is not kept: a leaf whose text pdfmake fills in during layout (page and text references)
// and any leaf whose inline items carry pdfmake's internal links (keys starting with "_").

import { WeighedMap } from '../cache/weighed-map.js';
import { wrapMethod } from './wrap-method.js';

/** The style properties pdfmake's text measurement reads (TextBreaker, TextInlines.measure and buildInlines). */
const MEASURED_PROPERTIES = [
  'wordBreak',
  'noWrap',
  'leadingIndent',
  'font',
  'bold',
  'italics',
  'alignment',
  'fontSize',
  'fontFeatures',
  'characterSpacing',
  'color',
  'decoration',
  'decorationColor',
  'decorationStyle',
  'decorationThickness',
  'background',
  'link',
  'linkToPage',
  'linkToDestination',
  'opacity',
  'sup',
  'sub',
  'lineHeight',
  'preserveLeadingSpaces',
  'preserveTrailingSpaces',
] as const;

/**
 * At most this many measured words are kept (about a thousand statements' memo): a watch session
 * on a larger summary clears them and starts again rather than grow.
 */
const MAX_WORDS = 200_000;
/**
 * Whether leaves are kept: not for a process's first memo (a one-off build renders one memo,
 * and copying its words would only cost), from the second on (a watch session).
 */
let keeping = false;

/** Keep the measured leaves of the memos from now on (see `keeping`). */
export function keepMeasuredText(): void {
  keeping = true;
}


interface StyleStack {
  clone(): StyleStack;
  push(item: unknown): void;
}

interface StyleStackClass {
  getStyleProperty(item: object, stack: StyleStack, property: string, defaultValue: unknown): unknown;
}

interface PdfDocument {
  provideFont(family: string, bold: boolean, italics: boolean): unknown;
}

interface LeafNode {
  text?: unknown;
  _textRef?: unknown;
  _pageRef?: unknown;
  _inlines?: Inline[];
  _minWidth?: number;
  _maxWidth?: number;
}

type Inline = Record<string, unknown> & { font?: unknown };

interface DocMeasure {
  pdfDocument: PdfDocument;
  styleStack: StyleStack;
  measureLeaf(node: LeafNode): LeafNode;
}

interface Measured {
  /** The measured words, as pdfmake made them, each without its font object. */
  items: Inline[];
  /** The font each word asked for: family, bold, italics. */
  fonts: [string, boolean, boolean][];
  minWidth: number;
  maxWidth: number;
}

/** Measured leaves by key, weighed by their words. */
const measured = new WeighedMap<string, Measured>(MAX_WORDS);

/** Whether a leaf's text is plain data that names nothing of pdfmake's own. */
function plainText(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.every(plainText);
  if (typeof value !== 'object') return false;
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith('_') || typeof v === 'function' || !plainText(v)) return false;
  }
  return true;
}

/**
 * Installs the cache on pdfmake's DocMeasure (once). `docMeasure` and `styleStack` are pdfmake's
 * DocMeasure and StyleContextStack classes, the very modules its layout uses.
 */
export function cacheMeasuredText(docMeasure: { prototype: DocMeasure }, styleStack: StyleStackClass): void {
  wrapMethod<(node: LeafNode) => LeafNode>(docMeasure.prototype, 'measureLeaf', (measureLeaf) => function (this: DocMeasure, node: LeafNode): LeafNode {
    if (!keeping || node._textRef || node._pageRef || !plainText(node.text)) return measureLeaf.call(this, node);
    const stack = this.styleStack.clone();
    stack.push(node);
    const context = MEASURED_PROPERTIES.map((p) => styleStack.getStyleProperty({}, stack, p, null) ?? null);
    const key = JSON.stringify([node.text, context]);
    const hit = measured.get(key);
    if (hit) {
      // Each font asked for once, in the order the words first ask for it, as measuring would:
      // pdfkit numbers a document's fonts in that order.
      const fonts = new Map<string, unknown>();
      node._inlines = hit.items.map((item, i) => {
        const [family, bold, italics] = hit.fonts[i] as [string, boolean, boolean];
        const name = `${family}\u0000${bold}\u0000${italics}`;
        let font = fonts.get(name);
        if (font === undefined) fonts.set(name, (font = this.pdfDocument.provideFont(family, bold, italics)));
        return { ...item, font };
      });
      node._minWidth = hit.minWidth;
      node._maxWidth = hit.maxWidth;
      return node;
    }
    // Measure as pdfmake does, noting the font each word asks for, in order.
    const fonts: [string, boolean, boolean][] = [];
    const document = this.pdfDocument;
    const provideFont = document.provideFont;
    const own = Object.prototype.hasOwnProperty.call(document, 'provideFont');
    document.provideFont = function (this: PdfDocument, family: string, bold: boolean, italics: boolean) {
      fonts.push([family, bold, italics]);
      return provideFont.call(this, family, bold, italics);
    };
    try {
      measureLeaf.call(this, node);
    } finally {
      if (own) document.provideFont = provideFont;
      else delete (document as Partial<PdfDocument>).provideFont;
    }
    const items = node._inlines ?? [];
    if (fonts.length === items.length && typeof node._minWidth === 'number' && typeof node._maxWidth === 'number') {
      measured.set(key, { items: items.map(({ font: _font, ...rest }) => rest), fonts, minWidth: node._minWidth, maxWidth: node._maxWidth }, items.length);
    }
    return node;
  });
}
