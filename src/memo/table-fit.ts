// Whether a memo table fits the page's width. pdfmake sizes each column at least as wide as its
// longest word and clips what does not fit, silently: a table whose longest words add up to more
// than the page's text width loses text. Estimated from character counts (the table face, Source
// Sans 3 at 9 pt, averages about half an em a character; bold headers a little more), before
// any PDF is made, so `check` reports it too.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { plainText, type Block } from '../model/types.js';
import { MARGINS, PAGE } from './style.js';
import { maxOf } from '../common/arrays.js';

const TABLE_SIZE = 9;
const EM_PER_CHARACTER = 0.52;
const BOLD_EM_PER_CHARACTER = 0.56;
/** Cell padding, left and right, in points (the table layout's). */
const PADDING = 12;

function longestWord(text: string): string {
  return text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** The width a table needs at the least, in points, and the word that decides each column. */
export function tableMinimumWidth(block: Extract<Block, { type: 'table' }>): { width: number; words: string[] } {
  const columns = Math.max(block.header.length, maxOf(block.rows.map((r) => r.length)));
  let width = 0;
  const words: string[] = [];
  for (let k = 0; k < columns; k++) {
    const header = longestWord(plainText(block.header[k] ?? []));
    let column = header.length * BOLD_EM_PER_CHARACTER * TABLE_SIZE;
    let word = header;
    for (const row of block.rows) {
      const w = longestWord(plainText(row[k] ?? []));
      const need = w.length * EM_PER_CHARACTER * TABLE_SIZE;
      if (need > column) {
        column = need;
        word = w;
      }
    }
    width += column + PADDING;
    words.push(word);
  }
  return { width, words };
}

/** A warning for each memo table that cannot fit the page's width. */
export function wideTables(blocks: readonly Block[], file: string): Diagnostic[] {
  const available = PAGE.width - MARGINS.left - MARGINS.right;
  const out: Diagnostic[] = [];
  for (const block of blocks) {
    if (block.type !== 'table') continue;
    const { width, words } = tableMinimumWidth(block);
    if (width <= available) continue;
    const widest = [...words].sort((a, b) => b.length - a.length).slice(0, 2).map((w) => `"${w}"`).join(', ');
    const header = block.header.map((h) => plainText(h)).join(' | ');
    out.push(
      diagnostic('memo-table-wide', `the memo table "${header}" needs about ${Math.round(width)} pt, more than the page's ${Math.round(available)} pt: its text would be cut off (longest words ${widest}); use fewer columns or shorter words`, {
        file,
      }),
    );
  }
  return out;
}
