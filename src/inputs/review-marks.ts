// Items `briefing draft` wrote and nobody has reviewed yet: each carries the comment draft put
// above it, "# drafted from 003, 004: review" (or "# proposed from 005: review" from
// `draft --update`). The curator deletes the comment (or its ": review") once the item is
// reviewed. Comments are read from the YAML itself (its concrete syntax tree), so a line inside
// a block of text that only looks like one does not count.
import { Parser } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** The comment draft writes above an item for review. */
const REVIEW_MARK = /^#[ \t]*(?:drafted|proposed) from [^\n]*: review[ \t]*$/;
/** The same, anywhere in the text: most summaries have none, and are not parsed again. */
const ANY_REVIEW_MARK = /^[ \t]*#[ \t]*(?:drafted|proposed) from [^\n]*: review[ \t]*$/m;
/** How many lines the warning names before it counts the rest. */
const LINES_NAMED = 3;

/** The offsets of the comments that mark an item for review, in order (none when the text has none). */
function reviewMarkOffsets(text: string): number[] {
  if (!ANY_REVIEW_MARK.test(text)) return [];
  const offsets: number[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.source === 'string' && typeof token.offset === 'number') {
      if (REVIEW_MARK.test(token.source)) offsets.push(token.offset);
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'source' && typeof value === 'object') visit(value);
  };
  for (const doc of new Parser().parse(text)) visit(doc);
  return offsets.sort((a, b) => a - b);
}

/** The lines (1-based) of the comments that mark an item for review: the item is the one that follows each. */
export function reviewMarkLines(text: string): number[] {
  // One sweep of the text for all of them (the offsets are in order).
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  for (const offset of reviewMarkOffsets(text)) {
    for (let i = text.indexOf('\n', at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      at = i + 1;
    }
    lines.push(line);
  }
  return lines;
}

/** One warning for every item still marked for review: how many, and where the first ones are. */
export function unreviewedItems(text: string, file: string): Diagnostic[] {
  const offsets = reviewMarkOffsets(text);
  if (offsets.length === 0) return [];
  const places = offsets.slice(0, LINES_NAMED).map((offset) => placeOf(text, offset));
  const lines = places.map((p) => p.line);
  const more = offsets.length - lines.length;
  const named = more > 0 ? `${lines.join(', ')} and ${more} more` : joinAnd(lines.map(String));
  const first = places[0] as { line: number; column: number };
  const one = offsets.length === 1;
  const message = `${one ? '1 item is' : `${offsets.length} items are`} still marked for review as draft wrote ${one ? 'it' : 'them'} ("# drafted from …: review" or "# proposed from …: review"), at line${one ? '' : 's'} ${named}: review each, then delete its comment`;
  return [diagnostic('unreviewed-item', message, { file, line: first.line, column: first.column })];
}

function placeOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
