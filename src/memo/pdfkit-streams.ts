// pdfkit turns every operator it writes into a page (a word's font, colour, position and glyphs:
// a dozen strings a word) into a Buffer of its own, and joins them when the page's stream is
// finished. Here the strings of a stream are gathered and made into one Buffer when a Buffer
// comes or the stream is finished: the same bytes (pdfkit encodes them as latin1, one byte a
// character, so encoding the joined text is joining the encoded parts), far fewer allocations.
// What pdfkit records as it writes (the stream's length, its filter) is recorded as before.

interface PdfkitReference {
  data: Record<string, unknown>;
  buffer: Uint8Array[];
  uncompressedLength: number;
  compress: boolean;
  write(chunk: unknown): void;
  finalize(): void;
  /** Strings written since the last Buffer, not yet encoded. */
  briefingPending?: string[];
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
  const proto = Object.getPrototypeOf(sample) as PdfkitReference & { briefingGathers?: true };
  if (proto.briefingGathers || typeof proto.write !== 'function' || typeof proto.finalize !== 'function') return;
  const write = proto.write;
  const finalize = proto.finalize;
  proto.write = function (this: PdfkitReference, chunk: unknown): void {
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
  };
  proto.finalize = function (this: PdfkitReference): void {
    flush(this);
    finalize.call(this);
  };
  proto.briefingGathers = true;
}
