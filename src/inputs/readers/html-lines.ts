// From the text of a web page's article back to the lines of the file: each word of the text is
// aligned with the same word of the page's visible markup, in order. Linear in the page, in time
// and memory: the markup is scanned once, each word kept as a number (a hash of its lower-case
// form) with its line in typed arrays, and a paragraph's first words are looked for a little
// ahead, else in an index of words built the first time it is needed.
import type { SourceMap } from '../document.js';

/** A growable array of 32-bit integers. */
class Ints {
  data = new Int32Array(1024);
  length = 0;
  push(n: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = n;
  }
}

/** A word's number: FNV-1a of its lower-case form (two words rarely share one; a clash only misplaces a line). */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  const lower = word.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    h ^= lower.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a page's text outside markup, in order, and the line of the file each is on. */
interface RawWords {
  words: Int32Array;
  lines: Int32Array;
  count: number;
}

/** The words of the page's text outside markup, in order, each with its line in the file. */
function rawWords(html: string): RawWords {
  const words = new Ints();
  const lines = new Ints();
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
      WORD.lastIndex = 0;
      for (let m = WORD.exec(segment); m !== null; m = WORD.exec(segment)) {
        countLines(i + last, i + m.index);
        last = m.index;
        words.push(wordHash(m[0]));
        lines.push(line);
      }
      countLines(i + last, textEnd);
    }
    if (lt < 0) break;
    const skipTo = endOfMarkup(html, lt, () => (lower ??= html.toLowerCase()));
    countLines(lt, skipTo);
    i = skipTo;
  }
  return { words: words.data, lines: lines.data, count: words.length };
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
/** How far ahead a paragraph's first words are looked for before the index is built. */
const LOOK_AHEAD = 2000;

/** Where each word of the page's markup text is, by word; built when first needed. */
class WordIndex {
  private places: Map<number, number[]> | undefined;
  constructor(private readonly raw: RawWords) {}

  private at(i: number, words: readonly number[]): boolean {
    for (let j = 0; j < words.length; j++) if (i + j >= this.raw.count || this.raw.words[i + j] !== words[j]) return false;
    return true;
  }

  /** The index of the first run of `words` in the page at or after `from` (else before it), trying a bounded number of places. */
  find(words: readonly number[], from: number): number | undefined {
    if (words.length === 0) return undefined;
    const ahead = Math.min(this.raw.count, from + LOOK_AHEAD);
    for (let i = from; i < ahead; i++) if (this.at(i, words)) return i;
    if (!this.places) {
      this.places = new Map();
      for (let i = 0; i < this.raw.count; i++) {
        const word = this.raw.words[i] as number;
        const list = this.places.get(word);
        if (list) list.push(i);
        else this.places.set(word, [i]);
      }
    }
    const places = this.places.get(words[0] as number);
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
      if (this.at(at, words)) return at;
    }
    return undefined;
  }
}

/**
 * The map from the article's text to the page's lines: each word of the text is aligned with
 * the same word of the page's visible text, in order; a paragraph starts where its first words are.
 */
export function traceLines(html: string, text: string): SourceMap {
  const raw = rawWords(html);
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
    const paragraph = text.slice(start, end);
    // The paragraph's start: its first three words found together, from where the last one ended.
    const head: number[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(paragraph); m !== null && head.length < 3; m = WORD.exec(paragraph)) head.push(wordHash(m[0]));
    const found = index.find(head, r);
    if (found !== undefined) r = found;
    const startLine = found !== undefined ? (raw.lines[found] as number) : lastLine;
    map.offsets.push(start);
    map.lines.push(startLine);
    lastLine = startLine;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(paragraph); m !== null; m = WORD.exec(paragraph)) {
      const word = wordHash(m[0]);
      const k = r < raw.count && raw.words[r] === word ? r : nextWord(raw, word, r, 40);
      if (k === undefined) continue;
      const line = raw.lines[k] as number;
      if (line !== lastLine) push(start + m.index, line);
      lastLine = line;
      r = k + 1;
    }
  });
  if (map.offsets.length === 0) return { offsets: [0], lines: [1] };
  return map;
}

/** The index of `word` in the page at or after `from`, within `window` words. */
function nextWord(raw: RawWords, word: number, from: number, window: number): number | undefined {
  const last = Math.min(raw.count - 1, from + window);
  for (let i = from; i <= last; i++) if (raw.words[i] === word) return i;
  return undefined;
}
