// Web pages (.html, .htm): the article, not the page. @mozilla/readability finds the article
// over a linkedom DOM, so navigation, banners, scripts, styles and footers are not part of the
// text, nor is what the page hides (html-unseen.ts); each paragraph is then traced back to its
// line in the file by its words.
import { parseDateValue } from '../dates.js';
import { ReaderError, TextBuilder, type ExtractedText, type SourceReader } from '../document.js';
import { overLimit, readerLimit, thousands } from '../sandbox.js';
import { traceLines } from './html-lines.js';
import { removeUnseen } from './html-unseen.js';
import { decodeUtf8 } from './text.js';
import { FORMAT_EXTENSIONS } from './formats.js';

export const htmlReader: SourceReader = {
  format: 'html',
  extensions: FORMAT_EXTENSIONS.html,
  cached: true,
  // 2: a page with one <article> (or one <main>) is read from it alone.
  // 3: what the page hides is not read; only a title or byline the page shows is text.
  version: 3,
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
  documentElement: DomNode | null;
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
  checkTags(html);
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  checkBounds(document);
  // What nobody sees is gone before anything is read from the page, its date included.
  removeUnseen(document);
  // The page's visible text, before Readability rewrites the page.
  const pageText = document.body?.textContent ?? '';
  const shown = (part: string) => shownIn(pageText, part);
  // Metadata first: Readability rewrites the document as it works.
  const meta = pageMetadata(document);
  removeBoilerplate(document);
  keepOnlyTheArticle(document);
  // The article as an element (not serialised to HTML and parsed again).
  const article = new Readability(document as never, { keepClasses: false, serializer: (element: unknown) => element as string }).parse();
  if (!article?.content) throw noArticle();
  const paragraphs = blocksOf(article.content as unknown as DomNode);
  const title = meta.heading ?? meta.ogTitle ?? nonEmpty(article.title) ?? nonEmpty(document.title);
  // The title and byline lead the text when the page shows them (not when only its metadata has them).
  const lead: string[] = [];
  if (title && !paragraphs.some((p) => p === title) && shown(title)) lead.push(title);
  const byline = nonEmpty(article.byline);
  if (byline && !paragraphs.some((p) => p.includes(byline)) && shown(byline)) lead.push(byline);
  const all = [...lead, ...paragraphs];
  if (!hasWords(paragraphs, MIN_ARTICLE_WORDS)) throw noArticle();
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

/** Whether the texts hold at least `n` words (counted until there are enough). */
function hasWords(texts: readonly string[], n: number): boolean {
  let count = 0;
  for (const text of texts) {
    const word = /[\p{L}\p{N}]+/gu;
    while (word.exec(text) !== null) if (++count >= n) return true;
  }
  return false;
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
  const article = [only('article'), only('main')].find((node) => node !== undefined && hasWords([node.textContent ?? ''], MIN_ARTICLE_WORDS));
  if (!article) return;
  for (let node: DomNode = article; node.parentNode && node.nodeName.toUpperCase() !== 'BODY'; node = node.parentNode) {
    for (const sibling of Array.from(node.parentNode.childNodes)) if (sibling !== node) sibling.remove?.();
  }
}

function nonEmpty(s: string | null | undefined): string | undefined {
  const t = collapse(s ?? '');
  return t ? t : undefined;
}

/** Whether `part` occurs in `text`, white space of any length between its words. */
function shownIn(text: string, part: string): boolean {
  const words = part.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return false;
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'u').test(text);
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * A page with far more start tags than the limit of elements is refused before it is parsed (a
 * 50 MB page would take gigabytes as a DOM). Tags in scripts and comments count too, so the
 * bound here is twice the limit; the elements themselves are counted after parsing.
 */
function checkTags(html: string): void {
  const limit = readerLimit('htmlElements');
  const tag = /<[a-z]/gi;
  let tags = 0;
  while (tag.exec(html) !== null) {
    if (++tags > 2 * limit) {
      const all = tags + (html.slice(tag.lastIndex).match(/<[a-z]/gi)?.length ?? 0);
      throw new ReaderError('over-limit', `web page has ${overLimit('htmlElements', `${thousands(all)} tags`)}`);
    }
  }
}

/**
 * A page deeper or larger than the limits is refused before Readability sees it: its time grows
 * with the square of the depth (1,000 nested elements took 54 s). One walk, without recursion.
 */
function checkBounds(document: DomDocument): void {
  const root = document.documentElement;
  if (!root) return;
  let elements = 0;
  let deepest = 0;
  const stack: [DomNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [DomNode, number];
    elements++;
    if (depth > deepest) deepest = depth;
    for (const child of Array.from(node.childNodes)) if (child.nodeType === 1) stack.push([child, depth + 1]);
  }
  if (elements > readerLimit('htmlElements')) throw new ReaderError('over-limit', `web page has ${overLimit('htmlElements', `${thousands(elements)} elements`)}`);
  if (deepest > readerLimit('htmlDepth')) throw new ReaderError('over-limit', `web page nests its elements ${overLimit('htmlDepth', `${thousands(deepest)} levels deep`)}`);
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

/** The paragraphs a reader sees: text of each block element, white space collapsed. One walk, without recursion. */
function blocksOf(root: DomNode | null): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = collapse(current);
    if (p !== '') paragraphs.push(p);
    current = '';
  };
  // A node to enter, or (after its children) a block to close, or the space between a row's cells.
  type Step = { node: DomNode; close?: true } | { space: true };
  const stack: Step[] = root ? [{ node: root }] : [];
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if ('space' in step) {
      current += ' ';
      continue;
    }
    const { node } = step;
    if (step.close) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) continue;
    const block = BLOCKS.has(name);
    if (block) {
      flush();
      stack.push({ node, close: true });
    }
    // Cells of a row read as one line, separated by white space.
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) {
      if (name === 'TR') stack.push({ space: true });
      stack.push({ node: children[i] as DomNode });
    }
  }
  flush();
  return paragraphs;
}

