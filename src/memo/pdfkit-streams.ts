// pdfkit turns every operator it writes into a page (a word's font, colour, position and glyphs:
// a dozen strings a word) into a Buffer of its own, and joins them when the page's stream is
// finished. Here the strings of a stream are gathered and made into one Buffer when a Buffer
// comes or the stream is finished: the same bytes (pdfkit encodes them as latin1, one byte a
// character, so encoding the joined text is joining the encoded parts), far fewer allocations.
// What pdfkit records as it writes (the stream's length, its filter) is recorded as before.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { WeighedMap } from '../cache/weighed-map.js';
import { wrapMethod } from './wrap-method.js';

interface PdfkitReference {
  document: unknown;
  data: Record<string, unknown>;
  buffer: Uint8Array[];
  uncompressedLength: number;
  compress: boolean;
  write(chunk: unknown): void;
  finalize(): void;
  /** Strings written since the last Buffer, not yet encoded. */
  briefingPending?: string[];
}

/**
 * Streams compressed in this process, by the sha256 of their content: from the second memo on
 * (a watch session), a page or a font subset that an edit did not change is not compressed again.
 * zlib's output depends only on the input and the settings (pdfkit's: the defaults), so the bytes
 * are the same. Bounded by the compressed bytes kept.
 */
const compressedByContent = new WeighedMap<string, Buffer>(16 * 1024 * 1024);
let keeping = false;

/** Keep compressed streams from now on (see compressedByContent). */
export function keepCompressedStreams(): void {
  keeping = true;
}

function compressed(content: Buffer): Buffer {
  const key = createHash('sha256').update(content).digest('base64');
  return compressedByContent.getOrMake(key, (bytes) => bytes.length, () => deflateSync(content));
}

function flush(ref: PdfkitReference): void {
  const pending = ref.briefingPending;
  if (!pending || pending.length === 0) return;
  ref.buffer.push(Buffer.from(pending.join(''), 'latin1'));
  pending.length = 0;
}

/**
 * Installs the gathering on pdfkit's stream objects (once); `sample` is one of them (pdfkit does
 * not export their class), such as a document's catalog.
 */
export function gatherStreamText(sample: PdfkitReference): void {
  const proto = Object.getPrototypeOf(sample) as PdfkitReference;
  // Both or neither: text gathered by write() is flushed by finalize().
  if (typeof proto.write !== 'function' || typeof proto.finalize !== 'function') return;
  wrapMethod<(chunk: unknown) => void>(proto, 'write', (write) => function (this: PdfkitReference, chunk: unknown): void {
    if (chunk instanceof Uint8Array) {
      flush(this);
      write.call(this, chunk);
      return;
    }
    // As pdfkit's own write: the text and a line feed, one byte a character.
    const text = `${chunk as string}\n`;
    (this.briefingPending ??= []).push(text);
    this.uncompressedLength += text.length;
    if (this.data.Length == null) this.data.Length = 0;
    this.data.Length = (this.data.Length as number) + text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  });
  wrapMethod<() => void>(proto, 'finalize', (finalize) => function (this: PdfkitReference): void {
    flush(this);
    if (!keeping || !this.compress || this.buffer.length === 0 || (this.document as { _security?: unknown })._security) {
      finalize.call(this);
      return;
    }
    // A stream compressed before (a page or a font subset an edit did not change) is not
    // compressed again: pdfkit is handed the compressed bytes and told not to compress, then told
    // again that it compresses (its Filter entry was set as the stream was written).
    const content = Buffer.concat(this.buffer);
    this.buffer = [compressed(content)];
    this.compress = false;
    try {
      finalize.call(this);
    } finally {
      this.compress = true;
    }
  });
}
