// PlacedDeck → .pptx. The layout stage (src/deck/layout.ts) has placed every element and
// decided every size and colour; this module only turns the placed elements into pptxgenjs
// calls, then repairs and pins the file:
//   - pptxgenjs 4.0.1 writes one <a:pPr> per run, so a paragraph mixing text and a superscript
//     citation gets several and loses its bullet: keep the first of each paragraph;
//   - it writes the current time into docProps/core.xml, every zip entry and the chart's
//     embedded workbook: pin them all to options.date and re-zip with DEFLATE, so the same deck
//     gives the same bytes.
import type JSZipType from 'jszip';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ChartElement, Element, PlacedDeck, PlacedNotes, ShapeElement, TableElement, TextElement } from './elements.js';
import { BULLET_INDENT, type Paragraph } from './measure.js';
import { escapeFontFaces } from './xml-safe.js';

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
  let raw: Uint8Array;
  try {
    const pptx = deckToPptx(new PptxGen(), escapeFontFaces(deck));
    raw = asPlainBytes((await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
  } catch (error) {
    diagnostics.push(diagnostic('render-failed', `could not write the deck: ${(error as Error).message}`));
    return { bytes: new Uint8Array(), diagnostics };
  }
  const bytes = asPlainBytes(await pinPptx(raw, options.date, JSZip));
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
    const notes = notesText(placed.notes);
    if (notes.trim() !== '') slide.addNotes(notes);
  }
  return pptx;
}

/** Speaker notes as text: the talking points, then each cited passage in full. */
export function notesText(notes: PlacedNotes): string {
  const lines = [...notes.talkingPoints];
  if (notes.citations.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('Sources on this slide:');
    for (const c of notes.citations) lines.push(`[${c.n}] ${c.doc}, ${c.docTitle}${c.docDate ? ` (${c.docDate})` : ''}, ${c.place}: “${c.quote}”`);
  }
  return lines.join('\n');
}

function addElement(pptx: Pptx, slide: PptxSlide, e: Element): void {
  switch (e.kind) {
    case 'text':
      return addText(slide, e);
    case 'rect':
    case 'ellipse':
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
  const type = e.kind === 'rect' ? pptx.ShapeType.rect : e.kind === 'ellipse' ? pptx.ShapeType.ellipse : pptx.ShapeType.line;
  const opts: any = { x: e.x, y: e.y, w: e.w, h: e.h, objectName: e.role };
  if (e.fill) opts.fill = { color: e.fill };
  opts.line = e.line ? { color: e.line.color, width: e.line.width } : { type: 'none' };
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

// ---------------------------------------------------------------------------------------------
// Post-processing.

const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g;
const PPR = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/** Keep only the first <a:pPr> of each paragraph (pptxgenjs writes one per run). */
export function keepFirstParagraphProperties(xml: string): string {
  return xml.replace(PARAGRAPH, (_m, inner: string) => {
    let seen = false;
    const fixed = inner.replace(PPR, (ppr) => {
      if (seen) return '';
      seen = true;
      return ppr;
    });
    return `<a:p>${fixed}</a:p>`;
  });
}

function pinCoreXml(xml: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
}

/** A zip entry's date is a DOS date: 1980 to 2107. A date outside is clamped to that range. */
export function zipDate(date: Date): Date {
  const first = Date.UTC(1980, 0, 1);
  const last = Date.UTC(2107, 11, 31, 23, 59, 58);
  return new Date(Math.min(Math.max(date.getTime(), first), last));
}

// jszip in Node copies a Buffer into a Uint8Array one byte at a time in JavaScript (reading entries,
// feeding pako, encoding strings): it is given plain Uint8Arrays, and strings encoded natively, so
// that it never has to; it writes a Buffer at the end (one native concatenation).
const UTF8 = new TextEncoder();

/** A plain Uint8Array over the same memory as a Buffer (no copy). */
function asPlainBytes(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Reload a zip, apply `transform` to its entries, and write it again with every date pinned. */
async function rezip(
  bytes: Uint8Array | JSZipType,
  date: Date,
  JSZip: typeof JSZipType,
  rename: (name: string) => string,
  transform: (name: string, content: Uint8Array) => Promise<Uint8Array | string>,
): Promise<Uint8Array> {
  const input = bytes instanceof JSZip ? bytes : await JSZip.loadAsync(bytes);
  const output = new JSZip();
  const entryDate = zipDate(date);
  for (const name of Object.keys(input.files)) {
    const entry = input.files[name];
    if (!entry || entry.dir) continue;
    const content = await entry.async('uint8array');
    const data = await transform(name, content);
    output.file(rename(name), typeof data === 'string' ? UTF8.encode(data) : data, { date: entryDate, createFolders: false, binary: true });
  }
  return output.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

/**
 * pptxgenjs numbers charts with a process-wide counter (chart5.xml on the fifth deck a process
 * renders): number them from 1 in every file, in every part that names them.
 */
function chartRenaming(names: readonly string[]): (text: string) => string {
  const map = new Map<string, string>();
  // Charts, and the workbook embedded with each (whose file stem pptxgenjs names after the spreadsheet program).
  for (const re of [/^ppt\/charts\/(chart)(\d+)(\.xml)$/, /^ppt\/embeddings\/([A-Za-z_]+?)(\d+)(\.xlsx)$/]) {
    const found = names.flatMap((n) => {
      const m = re.exec(n);
      return m ? [{ stem: m[1] as string, n: Number(m[2]), ext: m[3] as string }] : [];
    });
    found.sort((a, b) => a.n - b.n).forEach((f, k) => map.set(`${f.stem}${f.n}${f.ext}`, `${f.stem}${k + 1}${f.ext}`));
  }
  if ([...map].every(([a, b]) => a === b)) return (text) => text;
  const stems = [...new Set([...map.keys()].map((k) => k.replace(/\d+\.\w+$/, '')))];
  const pattern = new RegExp(`(?:${stems.join('|')})\\d+\\.(?:xml|xlsx)`, 'g');
  return (text) => text.replace(pattern, (m) => map.get(m) ?? m);
}

async function pinPptx(raw: Uint8Array, date: Date, JSZip: typeof JSZipType): Promise<Uint8Array> {
  const decoder = new TextDecoder();
  const zip = await JSZip.loadAsync(raw);
  const rename = chartRenaming(Object.keys(zip.files));
  return rezip(zip, date, JSZip, rename, async (name, content) => {
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) return keepFirstParagraphProperties(decoder.decode(content));
    if (name === 'docProps/core.xml') return pinCoreXml(decoder.decode(content), date);
    if (/\.(?:xml|rels)$/.test(name)) return rename(decoder.decode(content));
    if (/^ppt\/embeddings\/.+\.xlsx$/.test(name)) {
      return rezip(content, date, JSZip, (n) => n, async (inner, data) => (inner === 'docProps/core.xml' ? pinCoreXml(decoder.decode(data), date) : data));
    }
    return content;
  });
}
