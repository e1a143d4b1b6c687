// Hostile source files, made small and fast at test time (no large file is committed): a Word
// document that inflates far beyond its size, an archive of many entries, web pages and Markdown
// nested thousands of levels deep, a PDF of 150,000 pages. Each writes its file and returns its path.
import { writeFile } from 'node:fs/promises';
import zlib from 'node:zlib';
import { rawPdf, textAt } from './raw-pdf.js';

const PARAGRAPH = '<w:p><w:r><w:t>The deal was agreed on Monday by the two companies after long talks with the regulator and the unions.</w:t></w:r></w:p>';
const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** The text of a document.xml of about `bytes` bytes, in pieces (never held whole). */
function* documentXml(bytes: number): Generator<Buffer> {
  const count = Math.ceil(bytes / PARAGRAPH.length);
  const batch = Buffer.from(PARAGRAPH.repeat(1000));
  yield Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
  for (let i = 0; i < count; i += 1000) yield i + 1000 <= count ? batch : Buffer.from(PARAGRAPH.repeat(count - i));
  yield Buffer.from('</w:body></w:document>');
}

/** One entry of a zip archive written by `writeZip`: its name and its content, in pieces. */
interface ZipEntry {
  name: string;
  pieces: Iterable<Buffer>;
}

/**
 * A zip archive of DEFLATE entries, written by hand with Node's zlib (native: 272 MB compress in
 * about a second, where a JavaScript deflate takes twenty), one entry at a time.
 */
async function writeZip(file: string, entries: ZipEntry[]): Promise<void> {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    let crc = 0;
    let size = 0;
    // An empty entry is stored; any other is deflated as its pieces come.
    const pieces = entry.pieces[Symbol.iterator]();
    let piece = pieces.next();
    const method = piece.done ? 0 : 8;
    const compressed: Buffer[] = [];
    if (method === 8) {
      const deflate = zlib.createDeflateRaw({ level: 1 });
      deflate.on('data', (c: Buffer) => compressed.push(c));
      const done = new Promise((resolve) => deflate.on('end', resolve));
      for (; !piece.done; piece = pieces.next()) {
        crc = zlib.crc32(piece.value, crc);
        size += piece.value.length;
        if (!deflate.write(piece.value)) await new Promise((resolve) => deflate.once('drain', resolve));
      }
      deflate.end();
      await done;
    }
    const data = Buffer.concat(compressed);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(method, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    out.push(header, name, data);
    offset += header.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(file, Buffer.concat([...out, directory, end]));
}

/** A Word document whose document.xml inflates to `bytes` (272 MB from about 1 MB of file). */
export async function writeDocxBomb(file: string, bytes: number): Promise<string> {
  await writeZip(file, [
    { name: '[Content_Types].xml', pieces: [Buffer.from(CONTENT_TYPES)] },
    { name: '_rels/.rels', pieces: [Buffer.from(RELS)] },
    { name: 'word/document.xml', pieces: documentXml(bytes) },
  ]);
  return file;
}

/** A valid Word document with `entries` more (empty) entries in its archive. */
export async function writeDocxOfManyEntries(file: string, entries: number): Promise<string> {
  await writeZip(file, [
    { name: '[Content_Types].xml', pieces: [Buffer.from(CONTENT_TYPES)] },
    { name: '_rels/.rels', pieces: [Buffer.from(RELS)] },
    { name: 'word/document.xml', pieces: documentXml(PARAGRAPH.length) },
    ...Array.from({ length: entries }, (_, i) => ({ name: `word/media/image${i}.png`, pieces: [] })),
  ]);
  return file;
}

/** A web page of a paragraph inside `depth` nested divs (1,000 levels: 11 KB). */
export function nestedHtml(depth: number): string {
  return `<html><body>${'<div>'.repeat(depth)}<p>The deal was agreed on Monday by the two companies after long talks with the regulator.</p>${'</div>'.repeat(depth)}</body></html>`;
}

/** A web page whose article has `paragraphs` paragraphs. */
export function longHtml(paragraphs: number): string {
  return `<html><body><article>${'<p>The deal was agreed on Monday by the two companies after long talks with the regulator.</p>'.repeat(paragraphs)}</article></body></html>`;
}

/** Markdown of a paragraph inside `depth` nested block quotes, and a paragraph after them. */
export function nestedMarkdown(depth: number): string {
  return `${'> '.repeat(depth)}The deal was agreed on Monday.\n\nThe regulator will decide in May.\n`;
}

/** A PDF of `pages` pages that all show one short line (150,000 pages: about 12 MB). */
export async function writeManyPagePdf(file: string, pages: number): Promise<string> {
  await writeFile(file, rawPdf({ pages: [{ content: 'BT /F1 12 Tf 72 720 Td (The deal was agreed on Monday.) Tj ET' }], repeat: pages }));
  return file;
}

/** A one-page PDF of `lines` lines of text drawn over each other (51 characters each): 200,000 lines is 17 MB. */
export async function writeDenseLinePdf(file: string, lines: number): Promise<string> {
  const line = textAt('The deal was agreed on Monday by the two companies.', 72, 700, 10);
  await writeFile(file, rawPdf({ pages: [{ content: Array.from({ length: lines }, (_, i) => line.replace(' 700 ', ` ${700 - (i % 60) * 11} `)).join('\n') }] }));
  return file;
}
