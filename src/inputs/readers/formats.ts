// The file name extensions each reader takes, apart from the readers (which load parsers): the
// up-to-date check needs to know which files are sources, not how to read them.
import type { SourceFormat } from '../document.js';

export const FORMAT_EXTENSIONS = {
  text: ['.txt'],
  markdown: ['.md', '.markdown'],
  html: ['.html', '.htm', '.xhtml'],
  pdf: ['.pdf'],
  docx: ['.docx'],
} as const satisfies Record<SourceFormat, readonly string[]>;

const ALL: readonly string[] = Object.values(FORMAT_EXTENSIONS).flat();

/** Whether a reader takes a file of this name (by its extension, any case); dot files never. */
export function isSourceName(fileName: string): boolean {
  if (fileName.startsWith('.')) return false;
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 && ALL.includes(fileName.slice(dot).toLowerCase());
}
