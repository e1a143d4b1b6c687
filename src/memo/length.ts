// How long the memo's body is. An executive reads about three pages: a body over MAX_BODY_PAGES A4
// pages is a warning (memo-too-long). A build counts the pages pdfmake laid out; `check`, which
// lays out no PDF (that would cost it most of its time), estimates them from the memo model with
// the column's measure: 0.48 em a character at 10 pt (style.ts), the styles' line heights and
// gaps. Measured against the laid-out body (the bottom of its last line, in pages): the seeds 2.96
// estimated against 2.99 laid out, the seeds with two recommendations 3.15 against 3.13, with
// every list 10 times 21.72 against 21.63, 25 times 52.98 against 53.04; a one-page memo 0.55
// against 0.47. The check's message says "about".
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { plainText, type Block, type Inline, type Memo } from '../model/types.js';
import { BODY_SIZE, MARGINS, MEASURE, PAGE, PARAGRAPH_GAP, SERIF_LEADING } from './style.js';
import { maxOf } from '../common/arrays.js';

export const MAX_BODY_PAGES = 3;

/** Points a character takes in the body's type (10 pt Source Serif 4 averages 0.48 em). */
const CHAR = 0.48 * BODY_SIZE;
/** A body line: the font's own line (1.371 em) times the leading. */
const LINE = BODY_SIZE * 1.371 * SERIF_LEADING;
/** The height a page gives the body. */
const PAGE_TEXT = PAGE.height - MARGINS.top - MARGINS.bottom;
/** The memorandum's header: its title, four fields and the rule under them. */
const HEADER = 120;
/** Headings kept with what follows and paragraphs not split leave some of each page blank. */
const PAGE_FILL = 0.98;

/** Characters a citation group takes as it is printed (superscript, about half a character a digit). */
function textLength(inlines: readonly Inline[]): number {
  let cites = 0;
  for (const i of inlines) if (i.type === 'cite') cites += 1.2;
  return plainText(inlines).length + cites;
}

function linesOf(chars: number, width: number): number {
  return Math.max(1, Math.ceil((chars * CHAR) / width));
}

/** A block's height in points, as the memo sets it. */
function blockHeight(block: Block): number {
  switch (block.type) {
    case 'heading':
      return block.level <= 2 ? 12.5 * 1.2 + 11 : block.level === 3 ? 11 * 1.2 + 7 : BODY_SIZE * 1.2 + 6;
    case 'paragraph':
      return linesOf(textLength(block.inlines), MEASURE) * LINE + PARAGRAPH_GAP;
    case 'quote':
      return linesOf(textLength(block.inlines), MEASURE - 36) * LINE + PARAGRAPH_GAP;
    case 'list':
      return block.items.reduce((h, item) => h + linesOf(textLength(item), MEASURE - 12) * LINE + 2, PARAGRAPH_GAP);
    case 'table': {
      const columns = Math.max(1, block.header.length);
      const width = MEASURE / columns - 12;
      const row = (cells: readonly Inline[][]) => maxOf(cells.map((c) => Math.max(1, Math.ceil((textLength(c) * 0.45 * 9) / width))), 1) * 9 * 1.2 + 7;
      return [block.header, ...block.rows].reduce((h, cells) => h + row(cells), 11);
    }
    case 'timeline':
    case 'chart':
      return 0;
  }
}

/** The body's length in pages, estimated from the model (a fraction: 2.6 is well into a third page). */
export function estimateBodyPages(memo: Memo): number {
  const height = memo.blocks.reduce((h, b) => h + blockHeight(b), HEADER);
  return height / (PAGE_TEXT * PAGE_FILL);
}

/** The warning for a body of `pages` pages (`estimated`: from the model, not laid out). */
export function memoLengthWarning(pages: number, file: string, estimated: boolean): Diagnostic[] {
  if (estimated ? pages <= MAX_BODY_PAGES : Math.ceil(pages) <= MAX_BODY_PAGES) return [];
  const length = estimated ? `about ${Math.ceil(pages)} A4 pages (estimated: ${pages.toFixed(1)})` : `${pages} A4 pages`;
  return [diagnostic('memo-too-long', `the memo's body runs to ${length}, more than the ${MAX_BODY_PAGES} an executive reads: move detail to the deck or its notes, or leave it out`, { file })];
}
