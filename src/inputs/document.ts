// What every reader gives the rest of the pipeline: a document's plain text (what a person
// reads, whatever the format), its metadata, and a map from text offsets back to the file.
import { lastAtOrBefore, lineFinder } from './source-text.js';

/** The formats the workspace reads; one reader module each under `readers/`. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/**
 * From offsets in the plain text back to places in the file, as parallel arrays sorted by offset:
 * the text from `offsets[i]` on comes from line `lines[i]` (and page `pages[i]`, for PDF), and
 * each line feed after it moves one line on. A plain text file is one entry `{ 0 → line 1 }`.
 */
export interface SourceMap {
  offsets: number[];
  lines: number[];
  /** PDF only: the page of each entry, 1-based; `lines` then counts lines on that page. */
  pages?: number[];
}

/** A place in the source file: its line (for .docx the paragraph), and for a PDF its page. */
export interface SourcePlace {
  line: number;
  page?: number;
}

/** What a reader makes of a file's bytes. */
export interface ExtractedText {
  /** Plain text: LF line ends, Unicode NFC, no markup; paragraphs separated by a blank line. */
  text: string;
  map: SourceMap;
  /** Title the file gives (front matter, HTML metadata, a heading, PDF metadata). */
  title?: string;
  /** Publication date the file gives, YYYY-MM-DD. */
  date?: string;
  /** The program that made the file, where its metadata says (a PDF's Creator). */
  creator?: string;
}

/** A reader for one format. A new format is one module that exports one of these. */
export interface SourceReader {
  format: SourceFormat;
  /** File name extensions, lower case with the dot. */
  extensions: readonly string[];
  /**
   * Whether parsing costs enough to keep its result keyed by the file's sha256 (an unchanged PDF
   * is not parsed again). Bump `version` whenever the reader's output for the same bytes changes.
   */
  cached: boolean;
  version: number;
  /** The largest file read, in bytes; a larger one is an error, found before the file is read. */
  maxBytes?: number;
  read(bytes: Uint8Array, file: string): Promise<ExtractedText>;
}

export type ReaderProblem = 'corrupt' | 'encrypted' | 'no-text' | 'no-article' | 'too-large' | 'not-utf8' | 'empty' | 'over-limit';

/** A file this reader cannot turn into text; the message says why, in the user's terms. */
export class ReaderError extends Error {
  constructor(
    readonly problem: ReaderProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ReaderError';
  }
}

/** The map of a text whose lines are the file's lines. */
export function identityMap(): SourceMap {
  return { offsets: [0], lines: [1] };
}

/** A line finder for each document text met: lines are counted without a scan from the start. */
const linesByDoc = new WeakMap<object, (offset: number) => number>();

function lineOf(doc: { text: string }, offset: number): number {
  let find = linesByDoc.get(doc);
  if (!find) linesByDoc.set(doc, (find = lineFinder(doc.text)));
  return find(offset);
}

/** The place in the file that text offset `offset` comes from. */
export function placeOf(doc: { text: string; map?: SourceMap | undefined }, offset: number): SourcePlace {
  const { offsets, lines, pages } = doc.map ?? identityMap();
  const lo = lastAtOrBefore(offsets, offset);
  const from = offsets[lo] ?? 0;
  const until = Math.min(offset, doc.text.length);
  // Each line feed from the entry's offset up to the offset moves one line on.
  const line = (lines[lo] ?? 1) + Math.max(0, lineOf(doc, until) - lineOf(doc, from));
  const place: SourcePlace = { line };
  const page = pages?.[lo];
  if (page !== undefined) place.page = page;
  return place;
}

/** How a place is written after a document id or file: "line 12", "p. 2", "paragraph 4". */
export function placeLabel(format: SourceFormat | undefined, place: SourcePlace): string {
  if (place.page !== undefined) return `p. ${place.page}`;
  if (format === 'docx') return `paragraph ${place.line}`;
  return `line ${place.line}`;
}

/** `004:12` for a line, `004 p. 2` for a page, `004 paragraph 4` for a Word paragraph. */
export function placeRef(id: string, format: SourceFormat | undefined, place: SourcePlace): string {
  if (place.page === undefined && format !== 'docx') return `${id}:${place.line}`;
  return `${id} ${placeLabel(format, place)}`;
}

/** What a reader's text becomes before anyone sees it: no BOM, LF line ends, NFC. */
export function normalizeText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Builds plain text block by block while recording where each piece came from. */
export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly map: SourceMap = { offsets: [], lines: [] };

  /** Start a new paragraph (a blank line before it, unless it is the first). */
  paragraph(): void {
    if (this.length > 0) this.append('\n\n');
  }

  /** Append text (composed to NFC) that comes from `place`; line feeds in it advance the line. */
  add(text: string, place?: SourcePlace): void {
    if (text === '') return;
    if (place) this.mark(place);
    this.append(text.normalize('NFC'));
  }

  /** Record that the text from here on comes from `place`. */
  mark(place: SourcePlace): void {
    const { offsets, lines } = this.map;
    const last = offsets.length - 1;
    if (last >= 0 && offsets[last] === this.length) {
      lines[last] = place.line;
      if (place.page !== undefined) (this.map.pages ??= [])[last] = place.page;
      return;
    }
    offsets.push(this.length);
    lines.push(place.line);
    if (place.page !== undefined) (this.map.pages ??= []).push(place.page);
  }

  /** Drop the last `n` characters written (a hyphen that only broke a line). */
  removeLast(n: number): void {
    let rest = n;
    while (rest > 0 && this.parts.length > 0) {
      const last = this.parts.pop() as string;
      const keep = Math.max(0, last.length - rest);
      rest -= last.length - keep;
      this.length -= last.length - keep;
      if (keep > 0) this.parts.push(last.slice(0, keep));
    }
  }

  get size(): number {
    return this.length;
  }

  text(): string {
    return this.parts.join('');
  }

  private append(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }
}
