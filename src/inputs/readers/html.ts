// Web pages (.html, .htm): the article, not the page. @mozilla/readability finds the article
// over a linkedom DOM, so navigation, banners, scripts, styles and footers are not part of the
// text; each paragraph is then traced back to its line in the file by its words.
import { parseDateValue } from '../dates.js';
import { ReaderError, TextBuilder, type ExtractedText, type SourceMap, type SourceReader } from '../document.js';
import { decodeUtf8 } from './text.js';
import { FORMAT_EXTENSIONS } from './formats.js';

export const htmlReader: SourceReader = {
  format: 'html',
  extensions: FORMAT_EXTENSIONS.html,
  cached: true,
  // 2: a page with one <article> (or one <main>) is read from it alone.
  version: 2,
  async read(bytes) {
    return htmlToText(decodeHtml(bytes));
  },
};

// Minimal structural types for the DOM linkedom builds (it ships no usable lib.dom types here).
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode?: DomNode | null;
  getAttribute?(name: string): string | null;
  remove?(): void;
  closest?(selector: string): DomNode | null;
}
interface DomDocument {
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
  title: string;
  body: DomNode | null;
}

/** The page's bytes as text: the charset its `<meta>` declares, else UTF-8. */
function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes).normalize('NFC');
    } catch {
      // An unknown label: read it as UTF-8 below.
    }
  }
  return decodeUtf8(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

export async function htmlToText(html: string): Promise<ExtractedText> {
  const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  // Metadata first: Readability rewrites the document as it works.
  const meta = pageMetadata(document);
  removeBoilerplate(document);
  keepOnlyTheArticle(document);
  // The article as an element (not serialised to HTML and parsed again).
  const article = new Readability(document as never, { keepClasses: false, serializer: (element: unknown) => element as string }).parse();
  if (!article?.content) throw noArticle();
  const paragraphs = blocksOf(article.content as unknown as DomNode);
  const title = meta.heading ?? meta.ogTitle ?? nonEmpty(article.title) ?? nonEmpty(document.title);
  const lead: string[] = [];
  if (title && !paragraphs.some((p) => p === title)) lead.push(title);
  const byline = nonEmpty(article.byline);
  if (byline && !paragraphs.some((p) => p.includes(byline))) lead.push(byline);
  const all = [...lead, ...paragraphs];
  if (words(paragraphs.join(' ')) < MIN_ARTICLE_WORDS) throw noArticle();
  const out = new TextBuilder();
  for (const p of all) {
    out.paragraph();
    out.add(p);
  }
  const text = out.text();
  const result: ExtractedText = { text, map: traceLines(html, text) };
  if (title) result.title = title;
  const date = meta.date ?? parseDateValue(article.publishedTime);
  if (date) result.date = date;
  return result;
}

/** Fewer words than this, once the page's furniture is gone, is not an article. */
const MIN_ARTICLE_WORDS = 10;

function noArticle(): ReaderError {
  return new ReaderError('no-article', 'no article found in the page (only navigation, scripts or boilerplate); save the article itself');
}

function words(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Navigation, banners, asides, footers and forms are never the article: gone before Readability looks. */
function removeBoilerplate(document: DomDocument): void {
  const selectors = 'nav, aside, footer, form, dialog, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"]';
  for (const node of Array.from(document.querySelectorAll(selectors))) node.remove?.();
  for (const header of Array.from(document.querySelectorAll('header'))) {
    if (!header.closest?.('article, main')) header.remove?.();
  }
}

/**
 * A page that marks its article (one `<article>`, else one `<main>`) is read from it alone:
 * everything beside it and beside its ancestors goes, so Readability cannot add a promo line or a
 * teaser that sits next to it. Articles nested in the article (comments, quoted posts) do not
 * count; an article with fewer words than an article has is not trusted, and the page is read whole.
 */
function keepOnlyTheArticle(document: DomDocument): void {
  const only = (selector: string): DomNode | undefined => {
    const found = Array.from(document.querySelectorAll(selector)).filter((node) => !node.parentNode?.closest?.(selector));
    return found.length === 1 ? found[0] : undefined;
  };
  const article = [only('article'), only('main')].find((node) => node !== undefined && words(node.textContent ?? '') >= MIN_ARTICLE_WORDS);
  if (!article) return;
  for (let node: DomNode = article; node.parentNode && node.nodeName.toUpperCase() !== 'BODY'; node = node.parentNode) {
    for (const sibling of Array.from(node.parentNode.childNodes)) if (sibling !== node) sibling.remove?.();
  }
}

function nonEmpty(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** Title and date from the page's metadata: the article's heading, og:title, published time, JSON-LD, `<time>`. */
function pageMetadata(document: DomDocument): { heading?: string; ogTitle?: string; date?: string } {
  const metaContent = (selector: string) => nonEmpty(document.querySelector(selector)?.getAttribute?.('content'));
  const found: { heading?: string; ogTitle?: string; date?: string } = {};
  const heading = nonEmpty((document.querySelector('article h1') ?? document.querySelector('main h1') ?? document.querySelector('h1'))?.textContent);
  if (heading) found.heading = heading;
  const og = metaContent('meta[property="og:title"]') ?? metaContent('meta[name="twitter:title"]');
  if (og) found.ogTitle = og;
  const candidates: unknown[] = [
    metaContent('meta[property="article:published_time"]'),
    metaContent('meta[name="article:published_time"]'),
    metaContent('meta[itemprop="datePublished"]'),
    ...jsonLdDates(document),
    metaContent('meta[name="date"]'),
    metaContent('meta[name="dc.date"]'),
    metaContent('meta[name="DC.date.issued"]'),
    metaContent('meta[name="pubdate"]'),
    (document.querySelector('time[pubdate]') ?? document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]'))?.getAttribute?.('datetime'),
  ];
  for (const c of candidates) {
    const date = parseDateValue(c);
    if (date) {
      found.date = date;
      break;
    }
  }
  return found;
}

/** `datePublished` of every JSON-LD block, in page order (also inside `@graph`). */
function jsonLdDates(document: DomDocument): string[] {
  const dates: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.datePublished === 'string') dates.push(record.datePublished);
      if (record['@graph']) visit(record['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A malformed block gives no date.
    }
  }
  return dates;
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TD', 'TH', 'TR', 'DT', 'DD', 'FIGCAPTION', 'DIV', 'SECTION', 'ARTICLE', 'TABLE', 'UL', 'OL', 'DL', 'HEADER', 'FOOTER', 'ASIDE', 'FIGURE', 'HR', 'BR', 'MAIN']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IMG', 'IFRAME', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);

/** The paragraphs a reader sees: text of each block element, white space collapsed. */
function blocksOf(root: DomNode | null): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p !== '') paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    const block = BLOCKS.has(name);
    if (block) flush();
    // Cells of a row read as one line, separated by white space.
    for (const child of Array.from(node.childNodes)) {
      walk(child);
      if (name === 'TR') current += ' ';
    }
    if (block && name !== 'TR') flush();
    if (name === 'TR') flush();
  };
  if (root) walk(root);
  flush();
  return paragraphs;
}

interface RawWord {
  word: string;
  line: number;
}

/** The words of the page's visible text, in order, each with its line in the file. */
function rawWords(html: string): RawWord[] {
  const words: RawWord[] = [];
  let line = 1;
  let i = 0;
  const n = html.length;
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
        words.push({ word: m[0].toLowerCase(), line });
      }
      countLines(i + last, textEnd);
    }
    if (lt < 0) break;
    const skipTo = endOfMarkup(html, lt);
    countLines(lt, skipTo);
    i = skipTo;
  }
  return words;
}

/** Where the markup starting at `lt` ends: after a comment, a tag, or an element whose text is not shown (script, style, title). */
function endOfMarkup(html: string, lt: number): number {
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
    const close = html.toLowerCase().indexOf(`</${name.toLowerCase()}`, tagEnd);
    return close < 0 ? html.length : close;
  }
  return tagEnd;
}

/**
 * The map from the article's text to the page's lines: each word of the text is aligned with
 * the same word of the page's visible text, in order; a paragraph starts where its first words are.
 */
function traceLines(html: string, text: string): SourceMap {
  const raw = rawWords(html);
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
    const head = words.slice(0, 3).map((w) => w.word);
    const found = findRun(raw, head, r) ?? findRun(raw, head, 0);
    if (found !== undefined) r = found;
    const startLine = found !== undefined ? (raw[found] as RawWord).line : lastLine;
    map.offsets.push(start);
    map.lines.push(startLine);
    lastLine = startLine;
    for (const w of words) {
      const k = raw[r]?.word === w.word ? r : findRun(raw, [w.word], r, 40);
      if (k === undefined) continue;
      const line = (raw[k] as RawWord).line;
      if (line !== lastLine) push(w.at, line);
      lastLine = line;
      r = k + 1;
    }
  });
  if (map.offsets.length === 0) return { offsets: [0], lines: [1] };
  return map;
}

/** The index of the first run of `words` in `raw` at or after `from` (within `window` words). */
function findRun(raw: RawWord[], words: string[], from: number, window = Infinity): number | undefined {
  if (words.length === 0) return undefined;
  const last = Math.min(raw.length - words.length, from + window);
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < words.length; j++) if ((raw[i + j] as RawWord).word !== words[j]) continue outer;
    return i;
  }
  return undefined;
}
