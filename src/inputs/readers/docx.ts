// Word documents (.docx), read with mammoth: the body's paragraphs and tables as plain text.
// A .docx has no lines; a place in it is its paragraph (the n-th paragraph of the text).
// The archive is opened within bounds (docx-zip.ts), and the runs a reader does not see are cut
// from the document's XML before mammoth reads it (docx-unseen.ts).
import path from 'node:path';
import type { Parser as HtmlParser } from 'htmlparser2';
import { dateOfText } from '../dates.js';
import { ReaderError, TextBuilder, type ExtractedText, type SourceReader } from '../document.js';
import { withoutUnseenRuns, readDocxStyles } from './docx-unseen.js';
import { readXmlParts, xmlText, type XmlParts } from './docx-zip.js';
import { FORMAT_EXTENSIONS } from './formats.js';

export const docxReader: SourceReader = {
  format: 'docx',
  extensions: FORMAT_EXTENSIONS.docx,
  cached: true,
  // 2: hidden, struck, tiny and white runs left out; the archive bounded.
  version: 2,
  read: docxToText,
};

/** The parts of mammoth's document model that carry text. */
interface DocxElement {
  type: string;
  children?: DocxElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
}

export async function docxToText(bytes: Uint8Array): Promise<ExtractedText> {
  const [mammoth, { default: JSZip }, { Parser }] = await Promise.all([import('mammoth').then((m) => m.default as typeof import('mammoth')), import('jszip'), import('htmlparser2')]);
  let parts: XmlParts;
  try {
    parts = await readXmlParts(bytes, (b) => JSZip.loadAsync(b));
  } catch (error) {
    throw error instanceof ReaderError ? error : openError(error);
  }
  const visible = await visibleArchive(parts, () => new JSZip(), Parser);
  let body: DocxElement | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: visible },
      {
        externalFileAccess: false,
        // Images are not text: no need to encode them.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (document: DocxElement) => {
          body = document;
          return document;
        },
      },
    );
  } catch (error) {
    throw openError(error);
  }
  const paragraphs: string[] = [];
  let title: string | undefined;
  const visit = (element: DocxElement): void => {
    if (element.type === 'paragraph') {
      const text = textOf(element).replace(/\s+/g, ' ').trim();
      if (text === '') return;
      const style = `${element.styleId ?? ''} ${element.styleName ?? ''}`.toLowerCase();
      if (title === undefined && /\btitle\b|heading ?1\b/.test(style)) title = text;
      paragraphs.push(text);
    } else if (element.type === 'tableRow') {
      const cells = (element.children ?? []).map((cell) => textOf(cell).replace(/\s+/g, ' ').trim()).filter((c) => c !== '');
      if (cells.length > 0) paragraphs.push(cells.join('\t'));
    } else for (const child of element.children ?? []) visit(child);
  };
  if (body) visit(body);
  const out = new TextBuilder();
  paragraphs.forEach((p, i) => {
    out.paragraph();
    out.add(p, { line: i + 1 });
  });
  const text = out.text();
  if (text.trim() === '') throw new ReaderError('empty', 'Word document has no text');
  const result: ExtractedText = { text, map: out.map };
  if (title) result.title = title;
  const date = dateOfText(text)?.date;
  if (date) result.date = date;
  return result;
}

/** The text of an element: runs' text, tabs as white space, line breaks as spaces. */
function textOf(element: DocxElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab' || element.type === 'break') return ' ';
  if (element.type === 'paragraph' || element.type === 'tableCell') return `${(element.children ?? []).map(textOf).join('')} `;
  return (element.children ?? []).map(textOf).join('');
}

/**
 * The archive mammoth reads: the XML parts only (media are never read for text), the main
 * document without the runs a reader does not see, stored without compression.
 */
async function visibleArchive(parts: XmlParts, newZip: () => import('jszip'), Parser: typeof HtmlParser): Promise<Buffer> {
  const main = relatedPart(parts, '_rels/.rels', 'officeDocument', '', 'word/document.xml', Parser);
  const folder = path.posix.dirname(main);
  const styles = parts.get(relatedPart(parts, path.posix.join(folder, '_rels', `${path.posix.basename(main)}.rels`), 'styles', folder, 'word/styles.xml', Parser));
  const document = parts.get(main);
  const zip = newZip();
  for (const [name, content] of parts) {
    if (name === main && document) {
      zip.file(name, withoutUnseenRuns(xmlText(document), readDocxStyles(styles && xmlText(styles), Parser), Parser));
    } else zip.file(name, content);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/**
 * The part a relationship of `type` names in the relationships part `rels` (resolved against
 * `base`), when the archive has it; else `fallback`. This is how mammoth finds the main document
 * and its styles.
 */
function relatedPart(parts: XmlParts, rels: string, type: string, base: string, fallback: string, Parser: typeof HtmlParser): string {
  const bytes = parts.get(rels);
  let target: string | undefined;
  if (bytes) {
    const parser = new Parser(
      {
        onopentag(name, attributes) {
          if (name === 'Relationship' && attributes.Type?.endsWith(`/${type}`)) target ??= attributes.Target;
        },
      },
      { xmlMode: true },
    );
    parser.end(xmlText(bytes));
  }
  const name = target === undefined ? undefined : target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(base, target));
  return name !== undefined && parts.has(name) ? name : fallback;
}

function openError(error: unknown): ReaderError {
  const message = (error as Error).message ?? '';
  if (/central directory|zip/i.test(message)) return new ReaderError('corrupt', 'not a Word document: a .docx is a zip archive, and this file is not one');
  return new ReaderError('corrupt', `not a readable Word document (${message.replace(/\s+/g, ' ').trim()})`);
}
