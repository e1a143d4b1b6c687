// Word documents (.docx), read with mammoth: the body's paragraphs and tables as plain text.
// A .docx has no lines; a place in it is its paragraph (the n-th paragraph of the text).
import { dateOfText } from '../dates.js';
import { ReaderError, TextBuilder, type ExtractedText, type SourceReader } from '../document.js';
import { FORMAT_EXTENSIONS } from './formats.js';

export const docxReader: SourceReader = {
  format: 'docx',
  extensions: FORMAT_EXTENSIONS.docx,
  cached: true,
  version: 1,
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
  const mammoth = (await import('mammoth')).default as typeof import('mammoth');
  let body: DocxElement | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
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

function openError(error: unknown): ReaderError {
  const message = (error as Error).message ?? '';
  if (/central directory|zip/i.test(message)) return new ReaderError('corrupt', 'not a Word document: a .docx is a zip archive, and this file is not one');
  return new ReaderError('corrupt', `not a readable Word document (${message.replace(/\s+/g, ' ').trim()})`);
}
