// PlacedDeck → .pptx. The layout stage (src/deck/layout.ts) has placed every element and
// decided every size and colour; this module only turns the placed elements into pptxgenjs
// calls; src/deck/pptx-package.ts then repairs and pins the file (dates, DEFLATE), so the same
// deck gives the same bytes.
import type JSZipType from 'jszip';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ChartElement, Element, PlacedDeck, PlacedNotes, ShapeElement, TableElement, TextElement } from './elements.js';
import { BULLET_INDENT, type Paragraph } from './measure.js';
import { escapeFontFaces } from './xml-safe.js';
import { writePptx } from './pptx-package.js';

export { keepFirstParagraphProperties } from './pptx-package.js';

export interface WriteDeckOptions {
  date: Date;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- pptxgenjs's types do not follow its runtime under nodenext */
type Pptx = any;
type PptxSlide = any;

let pptxModule: Promise<new () => Pptx> | undefined;
let jszipModule: Promise<typeof JSZipType> | undefined;

function loadPptxGen(): Promise<new () => Pptx> {
  pptxModule ??= import('pptxgenjs').then((mod: any) => (mod.default?.default ?? mod.default ?? mod) as new () => Pptx);
  return pptxModule;
}

function loadJsZip(): Promise<typeof JSZipType> {
  jszipModule ??= import('jszip').then((mod: any) => (mod.default ?? mod) as typeof JSZipType);
  return jszipModule;
}

/** Writes a placed deck; the only diagnostic is a failure of pptxgenjs itself (render-failed). */
export async function writeDeck(deck: PlacedDeck, options: WriteDeckOptions): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const [PptxGen, JSZip] = await Promise.all([loadPptxGen(), loadJsZip()]);
  let written: Buffer;
  try {
    written = await writePptx(deckToPptx(new PptxGen(), escapeFontFaces(deck)), options.date, JSZip);
  } catch (error) {
    diagnostics.push(diagnostic('render-failed', `could not write the deck: ${(error as Error).message}`));
    return { bytes: new Uint8Array(), diagnostics };
  }
  // A plain Uint8Array over the same memory as the Buffer (no copy).
  const bytes = new Uint8Array(written.buffer, written.byteOffset, written.byteLength);
  return { bytes, diagnostics };
}

function deckToPptx(pptx: Pptx, deck: PlacedDeck): Pptx {
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.meta.title;
  pptx.subject = deck.meta.subject;
  if (deck.meta.author) pptx.author = deck.meta.author;
  pptx.company = '';
  pptx.theme = { headFontFace: deck.fonts.heading, bodyFontFace: deck.fonts.body };
  for (const placed of deck.slides) {
    const slide = pptx.addSlide();
    slide.background = { color: deck.background };
    for (const element of placed.elements) addElement(pptx, slide, element);
    // The notes' text is made when pptxgenjs writes them, and let go once written: a long
    // section's talking points, repeated on each of its continued slides, are never all held at once.
    if (hasNotes(placed.notes)) slide.addNotes({ toString: () => notesText(placed.notes) });
  }
  return pptx;
}

/** Whether notesText(notes) has any text to show (more than white space). */
export function hasNotes(notes: PlacedNotes): boolean {
  return notes.citations.length > 0 || notes.talkingPoints.some((t) => t.trim() !== '');
}

/** Speaker notes as text: the talking points, then each cited passage in full. */
export function notesText(notes: PlacedNotes): string {
  const lines = [...notes.talkingPoints];
  if (notes.citations.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('Sources on this slide:');
    for (const c of notes.citations) lines.push(`[${c.n}] ${c.doc}, ${c.docTitle}${c.docDate ? ` (${c.docDateFromEditor ? `${c.docDate}, the editor's date` : c.docDate})` : ''}, ${c.place}: “${c.quote}”`);
  }
  return lines.join('\n');
}

function addElement(pptx: Pptx, slide: PptxSlide, e: Element): void {
  switch (e.kind) {
    case 'text':
      return addText(slide, e);
    case 'rect':
    case 'ellipse':
    case 'diamond':
    case 'line':
      return addShape(pptx, slide, e);
    case 'table':
      return addTable(slide, e);
    case 'chart':
      return addChart(pptx, slide, e);
    case 'image':
      slide.addImage({ data: e.data, x: e.x, y: e.y, w: e.w, h: e.h, altText: 'Logo', objectName: e.role });
      return;
  }
}

/** Paragraphs as pptxgenjs text runs: paragraph options on the first run, a break after the last. */
function paragraphsToRuns(paragraphs: readonly Paragraph[], lineHeight: number): any[] {
  const out: any[] = [];
  paragraphs.forEach((p, k) => {
    const runs = p.runs.length > 0 ? p.runs : [{ text: '' }];
    let softBreak = false;
    const start = out.length;
    for (const run of runs) {
      if (run.text === '\n') {
        softBreak = true;
        continue;
      }
      const opts: any = { lineSpacing: lineHeight };
      if (run.bold) opts.bold = true;
      if (run.italic) opts.italic = true;
      if (run.superscript) opts.superscript = true;
      if (run.color) opts.color = run.color;
      if (softBreak) opts.softBreakBefore = true;
      softBreak = false;
      out.push({ text: run.text, options: opts });
    }
    const first = out[start];
    if (first) {
      first.options.align = p.align ?? 'left';
      if (p.bullet) first.options.bullet = { indent: BULLET_INDENT };
      if (p.spaceAfter) first.options.paraSpaceAfter = p.spaceAfter;
    }
    const last = out[out.length - 1];
    if (last && k < paragraphs.length - 1) last.options.breakLine = true;
  });
  return out;
}

function addText(slide: PptxSlide, e: TextElement): void {
  const box: any = {
    x: e.x,
    y: e.y,
    w: e.w,
    h: e.h,
    fontFace: e.fontFace,
    fontSize: e.fontSize,
    color: e.color,
    valign: e.valign,
    // pptxgenjs order for text boxes: [left, right, bottom, top], in points.
    margin: [e.insets.left, e.insets.right, e.insets.bottom, e.insets.top],
    fit: 'none',
    wrap: true,
    objectName: e.role,
  };
  if (e.bold) box.bold = true;
  if (e.fill) box.fill = { color: e.fill };
  if (e.slideNumber) {
    slide.slideNumber = { x: e.x, y: e.y, w: e.w, h: e.h, fontFace: e.fontFace, fontSize: e.fontSize, color: e.color, align: 'right', valign: e.valign, margin: [0, 0, 0, 0] };
    return;
  }
  slide.addText(paragraphsToRuns(e.paragraphs, e.lineHeight), box);
}

function addShape(pptx: Pptx, slide: PptxSlide, e: ShapeElement): void {
  const type = { rect: pptx.ShapeType.rect, ellipse: pptx.ShapeType.ellipse, diamond: pptx.ShapeType.diamond, line: pptx.ShapeType.line }[e.kind];
  const opts: any = { x: e.x, y: e.y, w: e.w, h: e.h, objectName: e.role };
  if (e.fill) opts.fill = { color: e.fill };
  if (e.flipH) opts.flipH = true;
  opts.line = e.line ? { color: e.line.color, width: e.line.width, ...(e.line.dash ? { dashType: 'dash' } : {}) } : { type: 'none' };
  slide.addShape(type, opts);
}

const NO_RULE = { type: 'none' };

function addTable(slide: PptxSlide, e: TableElement): void {
  const rows = e.rows.map((row) =>
    row.map((cell) => {
      const options: any = {
        valign: e.valign ?? 'top',
        margin: [e.cellInsets.top, e.cellInsets.right, e.cellInsets.bottom, e.cellInsets.left],
        border: [
          cell.ruleAbove ? { type: 'solid', pt: cell.ruleAbove.width, color: cell.ruleAbove.color } : NO_RULE,
          NO_RULE,
          cell.ruleBelow ? { type: 'solid', pt: cell.ruleBelow.width, color: cell.ruleBelow.color } : NO_RULE,
          NO_RULE,
        ],
      };
      if (cell.fill) options.fill = { color: cell.fill };
      if (cell.bold) options.bold = true;
      if (cell.color) options.color = cell.color;
      return { text: paragraphsToRuns(cell.paragraphs, e.lineHeight), options };
    }),
  );
  slide.addTable(rows, {
    x: e.x,
    y: e.y,
    w: e.colW.reduce((a, b) => a + b, 0),
    colW: e.colW,
    rowH: e.rowH,
    fontFace: e.fontFace,
    fontSize: e.fontSize,
    color: e.color,
    autoPage: false,
    objectName: e.role,
  });
}

function addChart(pptx: Pptx, slide: PptxSlide, e: ChartElement): void {
  const data = [{ name: e.seriesName, labels: e.labels, values: e.values }];
  slide.addChart(pptx.ChartType.bar, data, {
    x: e.x,
    y: e.y,
    w: e.w,
    h: e.h,
    objectName: e.role,
    barDir: 'bar',
    barGapWidthPct: 70,
    chartColors: [e.color],
    showLegend: false,
    showTitle: false,
    showValue: true,
    dataLabelFormatCode: 'General',
    dataLabelPosition: 'outEnd',
    dataLabelFontFace: e.fontFace,
    dataLabelFontSize: e.fontSize,
    dataLabelFontBold: true,
    dataLabelColor: e.textColor,
    catAxisLabelFontFace: e.fontFace,
    catAxisLabelFontSize: e.fontSize,
    catAxisLabelColor: e.textColor,
    catAxisLineShow: true,
    catAxisLineColor: e.gridColor,
    catGridLine: { style: 'none' },
    valAxisLabelFontFace: e.fontFace,
    valAxisLabelFontSize: e.fontSize - 1,
    valAxisLabelColor: e.mutedColor,
    valAxisLineShow: false,
    valGridLine: { color: e.gridColor, size: 0.75 },
    showValAxisTitle: true,
    valAxisTitle: e.unit,
    valAxisTitleFontFace: e.fontFace,
    valAxisTitleFontSize: e.fontSize,
    valAxisTitleColor: e.mutedColor,
    valAxisLabelFormatCode: 'General',
  });
}
