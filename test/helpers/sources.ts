// Source documents of every format, made in the test itself: PDFs with pdfmake, Word documents
// as a minimal valid .docx zipped with jszip. No binary fixture is committed.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import JSZip from 'jszip';

const require = createRequire(import.meta.url);

interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

let engine: Promise<PdfMake> | undefined;

async function pdfmake(): Promise<PdfMake> {
  engine ??= (async () => {
    const mod = (await import('pdfmake')) as unknown as { default?: PdfMake } & PdfMake;
    const make = mod.default ?? mod;
    const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'build/fonts/Roboto');
    const files = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };
    const entry: Record<string, string> = {};
    for (const [style, file] of Object.entries(files)) {
      make.virtualfs.writeFileSync(file, await readFile(path.join(dir, file)));
      entry[style] = file;
    }
    make.addFonts({ Roboto: entry });
    make.setUrlAccessPolicy(() => false);
    make.setLocalAccessPolicy(() => false);
    return make;
  })();
  return engine;
}

export interface PdfOptions {
  /** Each page: its paragraphs; a `\n` inside a paragraph is a line break. */
  pages: string[][];
  title?: string;
  /** Needed to open the PDF: it is encrypted. */
  userPassword?: string;
}

/** A PDF with a text layer, one page per entry of `pages`. */
export async function makePdf(options: PdfOptions): Promise<Uint8Array> {
  const make = await pdfmake();
  const content = options.pages.flatMap((paragraphs, i) =>
    paragraphs.map((text, j) => ({ text, margin: [0, 0, 0, 10], ...(i > 0 && j === 0 ? { pageBreak: 'before' } : {}) })),
  );
  const doc: Record<string, unknown> = {
    content,
    defaultStyle: { font: 'Roboto', fontSize: 11 },
    info: { title: options.title ?? '', creationDate: new Date('2020-01-01T00:00:00Z') },
  };
  if (options.userPassword) Object.assign(doc, { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-owner`, version: '1.7' });
  return new Uint8Array(await make.createPdf(doc).getBuffer());
}

/** A PDF whose pages carry only drawings: what a scan without OCR looks like to a text reader. */
export async function makeTextlessPdf(): Promise<Uint8Array> {
  const make = await pdfmake();
  const doc = {
    content: [{ canvas: [{ type: 'rect', x: 0, y: 0, w: 300, h: 400, color: '#cccccc' }] }],
    defaultStyle: { font: 'Roboto' },
    info: { creationDate: new Date('2020-01-01T00:00:00Z') },
  };
  return new Uint8Array(await make.createPdf(doc).getBuffer());
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface DocxParagraph {
  text: string;
  /** A paragraph style id, e.g. "Title" or "Heading1". */
  style?: string;
}

/** A minimal valid Word document: content types, package relationships and the body. */
export async function makeDocx(paragraphs: DocxParagraph[]): Promise<Uint8Array> {
  const body = paragraphs
    .map((p) => {
      const style = p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : '';
      // Alternate plain and bold runs at "**", as a word processor splits formatted text.
      const runs = p.text
        .split('**')
        .map((part, i) => (part === '' ? '' : `<w:r>${i % 2 === 1 ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`))
        .join('');
      return `<w:p>${style}${runs}</w:p>`;
    })
    .join('');
  return makeDocxPackage({ body });
}

export interface DocxPackage {
  /** The XML inside <w:body>. */
  body: string;
  /** The XML inside <w:styles>, written as word/styles.xml. */
  styles?: string;
  /** XML before <w:body> in the document (a <w:background>). */
  beforeBody?: string;
}

/** A Word document of any body XML, with a styles part when given. */
export async function makeDocxPackage(options: DocxPackage): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date('2020-01-01T00:00:00Z');
  const stylesType = options.styles === undefined ? '' : '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>';
  zip.file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${stylesType}</Types>`,
    { date },
  );
  zip.file(
    '_rels/.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    { date },
  );
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  if (options.styles !== undefined) {
    zip.file(
      'word/_rels/document.xml.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
      { date },
    );
    zip.file('word/styles.xml', `${XML}<w:styles ${W}>${options.styles}</w:styles>`, { date });
  }
  zip.file('word/document.xml', `${XML}<w:document ${W}>${options.beforeBody ?? ''}<w:body>${options.body}</w:body></w:document>`, { date });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
