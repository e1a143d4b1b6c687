// PDF sources: the text layer, page by page, with pdfjs-dist. Lines are joined into paragraphs,
// a word hyphenated at a line's end is made whole again, and every line keeps its page and its
// line number on that page, so a citation can name the page ("p. 2"). Text a reader does not see
// (white, invisible, tiny, off the page, in a hidden layer) is left out (pdf-unseen.ts).
import { dateOfText, isDateLine, parseDateValue } from '../dates.js';
import { ReaderError, TextBuilder, type ExtractedText, type SourceReader } from '../document.js';
import { overLimit, readerLimit, thousands } from '../sandbox.js';
import type { OperatorList } from './pdf-play.js';
import { pageGlyphs, withoutHidden } from './pdf-unseen.js';
import { FORMAT_EXTENSIONS } from './formats.js';

/** The largest PDF read (bytes); a larger one is an error, checked before the file is read. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;

export const pdfReader: SourceReader = {
  format: 'pdf',
  extensions: FORMAT_EXTENSIONS.pdf,
  cached: true,
  // 2: a date line at the top of the first page is a paragraph of its own.
  // 3: text a reader does not see left out; pages and text bounded.
  // 4: the Creator of its metadata, so that a memo this tool wrote is never read as a source (sources.ts).
  // 5: also text outside its clip, or covered by an opaque box or image painted after it.
  version: 5,
  maxBytes: MAX_PDF_BYTES,
  read: pdfToText,
};

interface TextItem {
  str: string;
  dir?: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

interface PdfLine {
  text: string;
  y: number;
  height: number;
}

/**
 * How many page objects the file shows outside compressed object streams (`/Type /Page`): a
 * lower bound on its pages, counted in one pass over the bytes. pdfjs walks the whole page tree
 * when it opens a file (150,000 pages: 17 s), so a file past the limit is refused before that.
 */
export function visiblePageObjects(bytes: Uint8Array): number {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = data.indexOf('/Type'); at >= 0; at = data.indexOf('/Type', at + 5)) {
    let k = at + 5;
    while (k < data.length && (data[k] === 0x20 || data[k] === 0x0a || data[k] === 0x0d || data[k] === 0x09)) k++;
    // "/Page" not followed by a letter ("/Pages" is a node of the tree, not a page).
    if (data.toString('latin1', k, k + 5) === '/Page' && !/[A-Za-z]/.test(String.fromCharCode(data[k + 5] ?? 0))) count++;
  }
  return count;
}

export async function pdfToText(bytes: Uint8Array): Promise<ExtractedText> {
  const maxPages = readerLimit('pdfPages');
  const pageObjects = visiblePageObjects(bytes);
  if (pageObjects > maxPages) throw new ReaderError('over-limit', `PDF has ${overLimit('pdfPages', `${thousands(pageObjects)} pages`)}`);
  const { getDocument, OPS, AnnotationMode } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs may detach the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0, stopAtErrors: false });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openError(error);
  }
  try {
    if (doc.numPages > maxPages) throw new ReaderError('over-limit', `PDF has ${overLimit('pdfPages', `${thousands(doc.numPages)} pages`)}`);
    const maxText = readerLimit('pdfText');
    const layers = await doc.getOptionalContentConfig();
    const out = new TextBuilder();
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const items = await pageItems(page, p);
      // What the page draws, played to find the glyphs nobody sees (annotations are not page text).
      const drawn = (await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE })) as OperatorList;
      const glyphs = pageGlyphs(drawn, OPS as unknown as Record<string, number>, {
        view: page.view,
        fontMatrix: (name) => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as { fontMatrix?: number[] }).fontMatrix : undefined),
        isVisible: (group) => layers.isVisible(group as never),
      });
      writePage(out, linesOf(withoutHidden(items, glyphs)), p);
      page.cleanup();
      if (out.size > maxText) throw new ReaderError('over-limit', `PDF has ${overLimit('pdfText', `more than ${thousands(maxText)} characters of text (by page ${p})`)}`);
    }
    const text = out.text();
    if (text.trim() === '') {
      throw new ReaderError('no-text', 'PDF has no text layer (a scanned document?); run it through OCR and save the result');
    }
    const result: ExtractedText = { text, map: out.map };
    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    // The program that made the file: a memo this tool wrote says "briefing" (see sources.ts).
    const creator = (info as Record<string, unknown>).Creator ?? metadata?.get('xmp:creatortool');
    if (typeof creator === 'string' && creator.trim() !== '') result.creator = creator.trim();
    const title = usableTitle((info as Record<string, unknown>).Title ?? metadata?.get('dc:title'));
    if (title) result.title = title;
    // Only a publication date counts; the creation and modification dates say when the file was made.
    const published = metadata ? parseDateValue(metadata.get('prism:publicationdate') ?? metadata.get('prism:coverdate')) : undefined;
    const date = published ?? dateOfText(text)?.date;
    if (date) result.date = date;
    return result;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * A page's text items, read as pdfjs streams them; a page past the limit of text on one page is
 * refused as soon as it is (pdfjs stops there), before its operators are played: no real page
 * holds that much, and a page of 200,000 text operators took 72 s and 1.5 GB to read whole.
 */
async function pageItems(page: { streamTextContent(): ReadableStream<{ items: unknown[] }> }, number: number): Promise<TextItem[]> {
  const limit = readerLimit('pdfPageText');
  const reader = page.streamTextContent().getReader();
  const items: TextItem[] = [];
  let chars = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return items;
    for (const item of value.items) {
      if (!item || typeof item !== 'object' || !('str' in item)) continue;
      items.push(item as TextItem);
      chars += (item as TextItem).str.length;
    }
    if (chars > limit) {
      // pdfjs wants a reason for stopping (without one it throws, and the page's promise never settles).
      await reader.cancel(new Error('over the limit of text on a page')).catch(() => undefined);
      throw new ReaderError('over-limit', `PDF page ${number} holds ${overLimit('pdfPageText', `more than ${thousands(limit)} characters of text`)}`);
    }
  }
}

function openError(error: unknown): ReaderError {
  const name = (error as { name?: string }).name;
  if (name === 'PasswordException') return new ReaderError('encrypted', 'PDF is encrypted (it needs a password to open); save an unprotected copy');
  const detail = (error as Error).message?.replace(/\s+/g, ' ').trim();
  return new ReaderError('corrupt', `not a readable PDF${detail ? ` (${detail})` : ''}`);
}

function usableTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/g, ' ').trim();
  // Tools often leave a file name or a placeholder in the title field.
  if (title.length < 4 || /\.(?:docx?|pdf|indd|pptx?|tex|odt|rtf)$/i.test(title) || /^untitled\b/i.test(title)) return undefined;
  return title;
}

/** Text items → lines, in content order: a new line where an item ends one or the baseline moves. */
function linesOf(items: TextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | undefined;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.height || (item.transform[3] ?? 0));
    if (current && Math.abs(current.y - y) > Math.max(2, height * 0.5) && item.str.trim() !== '') {
      lines.push(current);
      current = undefined;
    }
    if (!current) current = { text: '', y, height };
    current.text += item.str;
    if (height > current.height) current.height = height;
    if (item.hasEOL) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text !== '');
}

/** How many lines at the top of the first page may be a date line of their own ("date 2025-03-10"). */
const DATE_LINE_REACH = 5;

/**
 * One page's lines as paragraphs: a gap wider than a line and a half starts a new one. A date
 * line near the top of the first page ("date 2025-03-10", "Published: 2 June 2025") is a
 * paragraph of its own, however close the next line is: it is the document's date, not the
 * start of its title.
 */
function writePage(out: TextBuilder, lines: PdfLine[], page: number): void {
  let previous: PdfLine | undefined;
  let afterDateLine = false;
  lines.forEach((line, index) => {
    const place = { page, line: index + 1 };
    const gap = previous ? previous.y - line.y : 0;
    const step = Math.max(previous?.height ?? 0, line.height);
    const dateLine = page === 1 && index < DATE_LINE_REACH && isDateLine(line.text);
    const newParagraph = !previous || dateLine || afterDateLine || gap > step * 1.75 || gap < -step;
    afterDateLine = dateLine;
    if (newParagraph) {
      out.paragraph();
      out.add(line.text, place);
    } else if (/\p{Ll}[-\u00AD]$/u.test(previous?.text ?? '') && /^\p{Ll}/u.test(line.text)) {
      // "regula-" + "tor" → "regulator": the hyphen only broke the line.
      out.removeLast(1);
      out.add(line.text, place);
    } else {
      out.add(' ');
      out.add(line.text, place);
    }
    previous = line;
  });
}
