// The memo's typography and page grid, in one place. A4 portrait; every length is in points.
import type { CustomTableLayout, StyleDictionary } from 'pdfmake/interfaces.js';

export const SERIF = 'SourceSerif4';
export const SANS = 'SourceSans3';

/** A4 portrait. */
export const PAGE = { width: 595.28, height: 841.89 } as const;

/**
 * The text column: 10 pt Source Serif 4 averages 0.48 em a character (measured on the seed
 * articles), so 384 pt holds about 80 characters a line; the column is centred on the page.
 * An executive reads about three pages: the type, the column and the gaps are set to carry a
 * briefing's body in that (the seeds' body measures 3 pages or fewer, tested).
 */
export const MEASURE = 384;
const SIDE = (PAGE.width - MEASURE) / 2;
export const MARGINS = { left: SIDE, top: 54, right: SIDE, bottom: 48 } as const;

export const BODY_SIZE = 10;
/**
 * pdfmake's lineHeight multiplies the font's own line (ascender − descender): 1.371 em for
 *Source Serif 4, 1.424 em for Source Sans 3. These factors give a 1.23 em line in the body.
 */
export const SERIF_LEADING = 1.23 / 1.371;
export const SANS_LEADING = 1.2 / 1.424;
/** The references: smaller type, closer lines. */
export const REFERENCE_LEADING = 1.2 / 1.371;

export const COLORS = {
  text: '#1A1A1A',
  muted: '#5F6670',
  accent: '#1F4E79',
  rule: '#8A95A3',
  hairline: '#D4DAE1',
  headerFill: '#E9EEF3',
} as const;

/** Vertical space after a paragraph: a little over half a line. */
export const PARAGRAPH_GAP = 4;

export const STYLES: StyleDictionary = {
  paragraph: { margin: [0, 0, 0, PARAGRAPH_GAP] },
  label: { font: SANS, bold: true, fontSize: BODY_SIZE, lineHeight: SANS_LEADING, color: COLORS.text, margin: [0, 2, 0, 1] },
  h2: { font: SANS, bold: true, fontSize: 12.5, lineHeight: SANS_LEADING, color: COLORS.accent, margin: [0, 8, 0, 3] },
  h3: { font: SANS, bold: true, fontSize: 11, lineHeight: SANS_LEADING, color: COLORS.text, margin: [0, 5, 0, 2] },
  h4: { font: SANS, bold: true, italics: true, fontSize: BODY_SIZE, lineHeight: SANS_LEADING, color: COLORS.text, margin: [0, 4, 0, 2] },
  list: { margin: [0, 0, 0, PARAGRAPH_GAP] },
  listItem: { margin: [0, 0, 0, 2] },
  quote: { italics: true, color: COLORS.muted, margin: [18, 0, 18, PARAGRAPH_GAP] },
  table: { font: SANS, fontSize: 9, lineHeight: SANS_LEADING, margin: [0, 3, 0, 8] },
  tableHeader: { bold: true, color: COLORS.text },
  cite: { color: COLORS.accent },
  memoTitle: { font: SANS, bold: true, fontSize: 17, characterSpacing: 4, color: COLORS.accent, margin: [0, 0, 0, 6] },
  memoFieldName: { font: SANS, bold: true, fontSize: 8.5, characterSpacing: 0.8, color: COLORS.muted },
  memoFieldValue: { fontSize: BODY_SIZE },
  running: { font: SANS, fontSize: 8.5, color: COLORS.muted, lineHeight: 1 },
  refNumber: { font: SANS, bold: true, fontSize: 8, lineHeight: SANS_LEADING, color: COLORS.accent },
  refQuote: { fontSize: 8.5, lineHeight: REFERENCE_LEADING },
  refSource: { font: SANS, fontSize: 7.5, lineHeight: SANS_LEADING, color: COLORS.muted },
  refSingle: { color: COLORS.accent, bold: true },
  refIntro: { fontSize: 8.5, italics: true, lineHeight: REFERENCE_LEADING, color: COLORS.muted, margin: [0, 0, 0, 6] },
  refSources: { font: SANS, fontSize: 7.5, lineHeight: SANS_LEADING, color: COLORS.text, margin: [0, 0, 0, 8] },
};

/** A shaded header row, horizontal rules only: heavier at the top and bottom and under the header. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? COLORS.rule : COLORS.hairline),
  fillColor: (row) => (row === 0 ? COLORS.headerFill : null),
  paddingLeft: (i) => (i === 0 ? 4 : 8),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 1) - 1 ? 4 : 8),
  paddingTop: () => 3.5,
  paddingBottom: () => 3.5,
};

/** A value pdfmake counts as a style property set (neither undefined nor null). */
function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * The content with every named style written into the nodes that name it: a node's own
 * properties first, then its styles' (the last named wins), as pdfmake resolves them. pdfmake
 * looks a named style up again for each of some twenty properties of every word it measures,
 * allocating as it goes: on a memo that was about a fifth of the render. The pages are the same
 * (margins too: pdfmake takes a node's own margin over its style's, as here).
 */
export function withStylesInline<T>(content: T, styles: StyleDictionary = STYLES): T {
  if (Array.isArray(content)) {
    for (const item of content) withStylesInline(item, styles);
  } else if (content !== null && typeof content === 'object') {
    const node = content as Record<string, unknown>;
    if (node.style !== undefined) {
      const names = Array.isArray(node.style) ? (node.style as unknown[]) : [node.style];
      const merged: Record<string, unknown> = {};
      for (const name of names) if (typeof name === 'string') Object.assign(merged, styles[name]);
      for (const [key, value] of Object.entries(merged)) if (!isSet(node[key])) node[key] = value;
      delete node.style;
    }
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') withStylesInline(value, styles);
  }
  return content;
}
