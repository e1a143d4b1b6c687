// Every format the workspace reads, one reader module each. To add a format, write a module
// that exports a `SourceReader` and list it here.
import type { SourceReader } from '../document.js';
import { docxReader } from './docx.js';
import { htmlReader } from './html.js';
import { markdownReader } from './markdown.js';
import { pdfReader } from './pdf.js';
import { textReader } from './text.js';

export const READERS: readonly SourceReader[] = [textReader, markdownReader, htmlReader, pdfReader, docxReader];

/** The reader for a file name, by its extension (any case). */
export function readerFor(fileName: string): SourceReader | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = fileName.slice(dot).toLowerCase();
  return READERS.find((r) => r.extensions.includes(ext));
}

/** Every extension read, for messages and the README. */
export const SOURCE_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);
