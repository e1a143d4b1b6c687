// A Word document's zip archive, opened within bounds: the number of entries is read from the
// archive's end record before anything else, and only the XML parts are inflated, in chunks,
// stopping as soon as they pass the limit (a 0.8 MB file that inflates to 272 MB fails fast,
// without holding 272 MB). Media (images, embedded files) are never inflated: no text is in them.
import type JSZip from 'jszip';
import { ReaderError } from '../document.js';
import { formatBytes, overLimit, readerLimit, thousands } from '../sandbox.js';

/** The XML parts of an archive, by name, inflated. */
export type XmlParts = Map<string, Uint8Array>;

/** An XML part's text: UTF-8, or UTF-16 when it starts with that byte order mark. */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;

/**
 * How many entries the archive's end record says it holds, read without opening the archive;
 * undefined when there is no end record (the archive is not one, and opening it says so).
 */
export function zipEntryCount(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, before a comment of at most 65,535 bytes.
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    const count = view.getUint16(at + 10, true);
    if (count !== 0xffff || at < 20 || view.getUint32(at - 20, true) !== ZIP64_LOCATOR) return count;
    const zip64End = Number(view.getBigUint64(at - 20 + 8, true));
    if (zip64End + 56 > bytes.length || view.getUint32(zip64End, true) !== ZIP64_END) return count;
    return Number(view.getBigUint64(zip64End + 32, true));
  }
  return undefined;
}

/** Whether an entry is an XML part a reader of the text may need (not media, not a folder). */
function isXmlPart(name: string, entry: JSZip.JSZipObject): boolean {
  return !entry.dir && /\.(?:xml|rels)$/i.test(name);
}

/**
 * The archive opened, and its XML parts inflated, within the limits on entries and on the
 * inflated size of the XML parts together.
 */
export async function readXmlParts(bytes: Uint8Array, open: (bytes: Uint8Array) => Promise<JSZip>): Promise<XmlParts> {
  const maxEntries = readerLimit('docxEntries');
  const declared = zipEntryCount(bytes);
  if (declared !== undefined && declared > maxEntries) throw new ReaderError('over-limit', `Word document holds ${overLimit('docxEntries', `${thousands(declared)} entries`)}`);
  const zip = await open(bytes);
  const names = Object.keys(zip.files);
  if (names.length > maxEntries) throw new ReaderError('over-limit', `Word document holds ${overLimit('docxEntries', `${thousands(names.length)} entries`)}`);
  const maxBytes = readerLimit('docxXml');
  const parts: XmlParts = new Map();
  let total = 0;
  for (const name of names.sort()) {
    const entry = zip.files[name] as JSZip.JSZipObject;
    if (!isXmlPart(name, entry)) continue;
    const chunks: Uint8Array[] = [];
    await new Promise<void>((resolve, reject) => {
      const stream = entry.nodeStream('nodebuffer');
      const onData = (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) {
          // No more is read: the inflating stops once the stream's small buffer is full.
          stream.removeListener('data', onData);
          stream.pause();
          reject(new ReaderError('over-limit', `Word document's text (its XML) inflates to ${overLimit('docxXml', `more than ${formatBytes(maxBytes)}`)}`));
          return;
        }
        chunks.push(chunk);
      };
      stream.on('data', onData);
      stream.on('error', (error: Error) => reject(error));
      stream.on('end', () => resolve());
    });
    parts.set(name, Buffer.concat(chunks));
  }
  return parts;
}
