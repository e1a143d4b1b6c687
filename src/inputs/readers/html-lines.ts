// From the text of a web page's article back to the lines of the file: each word of the text is
// aligned with the same word of the page's visible markup, in order. Linear in the page: the
// markup is scanned once, and a paragraph's first words are looked up in an index of words.
import type { SourceMap } from '../document.js';

/** The words of a page's text outside markup, in order, and the line of the file each is on. */
interface RawWords {
  words: string[];
  lines: number[];
}

/** The words of the page's text outside markup, in order, each with its line in the file. */
function rawWords(html: string): RawWords {
  const words: string[] = [];
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  const n = html.length;
  let lower: string | undefined;
  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (html.charCodeAt(k) === 10) line++;
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const segment = html.slice(i, textEnd).replace(/&#?\w+;/g, (e) => ' '.repeat(e.length));
      let last = 0;
      for (const m of segment.matchAll(/[\p{L}\p{N}]+/gu)) {
        countLines(i + last, i + (m.index ?? 0));
        last = m.index ?? 0;
        words.push(m[0].toLowerCase());
        lines.push(line);
      }
      countLines(i + last, textEnd);
    }
    if (lt < 0) break;
    const skipTo = endOfMarkup(html, lt, () => (lower ??= html.toLowerCase()));
    countLines(lt, skipTo);
    i = skipTo;
  }
  return { words, lines };
}

/** Where the markup starting at `lt` ends: after a comment, a tag, or an element whose text is not shown (script, style, title). */
function endOfMarkup(html: string, lt: number, lowerCase: () => string): number {
  if (html.startsWith('<!--', lt)) {
    const end = html.indexOf('-->', lt + 4);
    return end < 0 ? html.length : end + 3;
  }
  let k = lt + 1;
  let quote = '';
  for (; k < html.length; k++) {
    const c = html[k] as string;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  const tagEnd = Math.min(html.length, k + 1);
  const name = /^<\s*(script|style|template|noscript|title)\b/i.exec(html.slice(lt, lt + 12))?.[1];
  if (name) {
    // The page lower-cased once, not once for each script.
    const close = lowerCase().indexOf(`</${name.toLowerCase()}`, tagEnd);
    return close < 0 ? html.length : close;
  }
  return tagEnd;
}

/** How many places of a paragraph's first word are tried before its place is given up. */
const CANDIDATES_TRIED = 2000;

/** Where each word of the page's markup text is, by word. */
class WordIndex {
  private readonly places = new Map<string, number[]>();
  constructor(private readonly raw: readonly string[]) {
    raw.forEach((word, i) => {
      const list = this.places.get(word);
      if (list) list.push(i);
      else this.places.set(word, [i]);
    });
  }

  /** The index of the first run of `words` in the page at or after `from` (else before it), trying a bounded number of places. */
  find(words: string[], from: number): number | undefined {
    const places = words.length > 0 ? this.places.get(words[0] as string) : undefined;
    if (!places) return undefined;
    let lo = 0;
    let hi = places.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((places[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    // From `from` on, then from the start: at most CANDIDATES_TRIED places in all.
    const tries = Math.min(places.length, CANDIDATES_TRIED);
    for (let t = 0; t < tries; t++) {
      const at = places[(lo + t) % places.length] as number;
      if (words.every((w, j) => this.raw[at + j] === w)) return at;
    }
    return undefined;
  }
}

/**
 * The map from the article's text to the page's lines: each word of the text is aligned with
 * the same word of the page's visible text, in order; a paragraph starts where its first words are.
 */
export function traceLines(html: string, text: string): SourceMap {
  const { words: raw, lines } = rawWords(html);
  const index = new WordIndex(raw);
  const map: SourceMap = { offsets: [], lines: [] };
  let r = 0;
  let lastLine = 1;
  const push = (offset: number, line: number) => {
    if (map.offsets.length > 0 && map.lines[map.lines.length - 1] === line) return;
    map.offsets.push(offset);
    map.lines.push(line);
  };
  const starts = [0];
  for (let k = text.indexOf('\n\n'); k >= 0; k = text.indexOf('\n\n', k + 2)) starts.push(k + 2);
  starts.forEach((start, p) => {
    const end = p + 1 < starts.length ? (starts[p + 1] as number) - 2 : text.length;
    const words = [...text.slice(start, end).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: m[0].toLowerCase(), at: start + (m.index ?? 0) }));
    // The paragraph's start: its first three words found together, from where the last one ended.
    const found = index.find(
      words.slice(0, 3).map((w) => w.word),
      r,
    );
    if (found !== undefined) r = found;
    const startLine = found !== undefined ? (lines[found] as number) : lastLine;
    map.offsets.push(start);
    map.lines.push(startLine);
    lastLine = startLine;
    for (const w of words) {
      const k = raw[r] === w.word ? r : nextWord(raw, w.word, r, 40);
      if (k === undefined) continue;
      const line = lines[k] as number;
      if (line !== lastLine) push(w.at, line);
      lastLine = line;
      r = k + 1;
    }
  });
  if (map.offsets.length === 0) return { offsets: [0], lines: [1] };
  return map;
}

/** The index of `word` in `raw` at or after `from`, within `window` words. */
function nextWord(raw: readonly string[], word: string, from: number, window: number): number | undefined {
  const last = Math.min(raw.length - 1, from + window);
  for (let i = from; i <= last; i++) if (raw[i] === word) return i;
  return undefined;
}
