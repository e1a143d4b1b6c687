// Markdown sources, read as rendered text: emphasis, links, inline code, heading and list
// markers and raw HTML are not part of the text, nor is what the rendered page does not show
// (~~struck~~ text, <del>, <s>, <strike>, elements hidden by `hidden` or an inline style, HTML
// comments and HTML blocks). YAML front matter gives title and date.
import { parse as parseYaml } from 'yaml';
import { dateOfText, parseDateValue } from '../dates.js';
import { normalizeText, ReaderError, TextBuilder, type ExtractedText, type SourceReader } from '../document.js';
import { overLimit, readerLimit, thousands } from '../sandbox.js';
import type { Parser as HtmlParser } from 'htmlparser2';
import { applyTags, blockTags, parseInlineTag } from './markdown-html.js';
import { decodeUtf8 } from './text.js';
import { FORMAT_EXTENSIONS } from './formats.js';

export const markdownReader: SourceReader = {
  format: 'markdown',
  extensions: FORMAT_EXTENSIONS.markdown,
  cached: true,
  // 2: struck and hidden text left out; blocks nested up to the limit (was 20 levels, the rest dropped without a word).
  // 3: paragraphs inside an HTML block's hidden element left out.
  version: 3,
  async read(bytes) {
    return markdownToText(normalizeText(decodeUtf8(bytes)));
  },
};

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Front matter (`---` … `---` at the top), parsed; its lines blanked so line numbers stay the file's. */
export function splitFrontMatter(source: string): { body: string; meta: Record<string, unknown> } {
  const m = FRONT_MATTER.exec(source);
  if (!m) return { body: source, meta: {} };
  let meta: unknown;
  try {
    meta = parseYaml(m[1] as string);
  } catch {
    // Not YAML after all (a thematic break followed by a setext heading): leave the text as it is.
    return { body: source, meta: {} };
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return { body: source, meta: {} };
  const blank = '\n'.repeat((m[0].match(/\n/g) ?? []).length);
  return { body: blank + source.slice(m[0].length), meta: meta as Record<string, unknown> };
}

type MarkdownParser = { parse(source: string, env: object): unknown[] };

let markdownIt: { nesting: number; parser: Promise<MarkdownParser> } | undefined;

/**
 * One CommonMark parser (with tables and strikethrough) for the process, loaded when first
 * needed, nesting blocks up to `nesting` levels (markdown-it drops what lies deeper).
 */
function parser(nesting: number): Promise<MarkdownParser> {
  if (markdownIt?.nesting !== nesting) {
    markdownIt = {
      nesting,
      parser: import('markdown-it').then(({ default: MarkdownIt }) =>
        new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false, maxNesting: nesting }).enable('table').enable('strikethrough'),
      ),
    };
  }
  return markdownIt.parser;
}

/** The parts of a markdown-it token this reader looks at. */
interface Token {
  type: string;
  tag: string;
  level: number;
  content: string;
  map: [number, number] | null;
  children: Token[] | null;
}

/** A line that starts a block of its own: a list item, a block quote line, a heading, a table row. */
const BLOCK_LINE = /^[ \t]{0,3}(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|#{1,6}(?:[ \t]|$)|\|)/;

/**
 * How many blocks `body` makes at most, counted up to just past `limit`: the lines that start one,
 * and each line after a blank one (a paragraph). One pass over the text, no parse.
 */
function blockStarts(body: string, limit: number): number {
  let count = 0;
  let afterBlank = true;
  for (let start = 0; start <= body.length && count <= limit; ) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const line = body.slice(start, end);
    const blank = line.trim() === '';
    if (!blank && (afterBlank || BLOCK_LINE.test(line))) count++;
    afterBlank = blank;
    start = end + 1;
  }
  return count;
}

/** The characters of `body` that open or close inline markup (* _ ` [ ] < ~), counted up to just past `limit`. */
function markupCharacters(body: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < body.length && count <= limit; i++) {
    const c = body.charCodeAt(i);
    // * _ ` [ ] < ~
    if (c === 42 || c === 95 || c === 96 || c === 91 || c === 93 || c === 60 || c === 126) count++;
  }
  return count;
}

export async function markdownToText(source: string): Promise<ExtractedText> {
  const nesting = readerLimit('markdownNesting');
  const md = await parser(nesting);
  const { body, meta } = splitFrontMatter(source);
  const blocks = blockStarts(body, readerLimit('markdownBlocks'));
  if (blocks > readerLimit('markdownBlocks')) throw new ReaderError('over-limit', `Markdown document has ${overLimit('markdownBlocks', `more than ${thousands(readerLimit('markdownBlocks'))} blocks (paragraphs, list items, quoted lines, headings, table rows)`)}`);
  const marks = markupCharacters(body, readerLimit('markdownMarks'));
  if (marks > readerLimit('markdownMarks')) throw new ReaderError('over-limit', `Markdown document has ${overLimit('markdownMarks', `more than ${thousands(readerLimit('markdownMarks'))} markup characters (* _ \` [ ] < ~)`)}`);
  const tokens = md.parse(body, {}) as unknown as Token[];
  // markdown-it stops reading a block nested as deep as its limit, and drops the rest: refused, not cut short.
  if (tokens.some((token) => token.level >= nesting - 1)) {
    throw new ReaderError('over-limit', `Markdown nests its blocks (block quotes, lists) ${overLimit('markdownNesting', `${thousands(nesting)} levels deep or more`)}`);
  }
  // htmlparser2 reads raw HTML tags: loaded only for a document that has some.
  const hasHtml = tokens.some((t) => t.type === 'html_block' || t.children?.some((c) => c.type === 'html_inline'));
  const Parser = hasHtml ? (await import('htmlparser2')).Parser : undefined;
  // Elements opened by HTML blocks and still open (`<div hidden>`, a blank line, paragraphs, `</div>`).
  const openBlocks: { name: string; hides: boolean }[] = [];
  const SHOWN = new Set(['heading_open', 'tr_open', 'inline', 'fence', 'code_block']);
  const out = new TextBuilder();
  let heading: string | undefined;
  let inHeading = '';
  let rowStarted = false;
  let rowLine = 1;
  let previous = '';
  for (const token of tokens) {
    const after = previous;
    previous = token.type;
    if (token.type === 'html_block' && Parser) applyTags(openBlocks, blockTags(token.content, Parser));
    // What an HTML block's open element hides is not read.
    if (SHOWN.has(token.type) && openBlocks.some((e) => e.hides)) continue;
    switch (token.type) {
      case 'heading_open':
        inHeading = token.tag;
        out.paragraph();
        break;
      case 'heading_close':
        inHeading = '';
        break;
      case 'tr_open':
        out.paragraph();
        rowStarted = false;
        rowLine = (token.map?.[0] ?? 0) + 1;
        break;
      case 'inline': {
        const cell = after === 'th_open' || after === 'td_open';
        // markdown-it gives table cells no lines of their own: a cell is on its row's line.
        const line = token.map ? token.map[0] + 1 : cell ? rowLine : 1;
        if (cell) {
          if (rowStarted) out.add('\t');
          rowStarted = true;
        } else if (!inHeading) out.paragraph();
        const text = writeInline(out, token.children ?? [], line, Parser);
        if (inHeading && heading === undefined && (inHeading === 'h1' || inHeading === 'h2')) heading = text.replace(/\s+/g, ' ').trim();
        break;
      }
      case 'fence':
      case 'code_block': {
        out.paragraph();
        const first = (token.map?.[0] ?? 0) + (token.type === 'fence' ? 2 : 1);
        out.add(token.content.replace(/\n$/, ''), { line: first });
        break;
      }
      default:
        break;
    }
  }
  const text = out.text();
  const result: ExtractedText = { text, map: out.map };
  const title = typeof meta.title === 'string' && meta.title.trim() !== '' ? meta.title.trim() : heading;
  if (title !== undefined && title !== '') result.title = title;
  const date = parseDateValue(meta.date ?? meta.published ?? meta.pubDate) ?? dateOfText(text)?.date;
  if (date !== undefined) result.date = date;
  return result;
}

/**
 * Write the text a reader sees of an inline token's children, starting at file line `line`:
 * a soft line break reads as a space (and moves to the next line of the file), a hard one as a
 * line break; struck text and what inline HTML hides are left out. Returns the text written.
 */
function writeInline(out: TextBuilder, children: Token[], line: number, Parser: typeof HtmlParser | undefined): string {
  let text = '';
  let current = line;
  let struck = 0;
  // The inline HTML elements open in this paragraph, each with whether it hides what it holds.
  const open: { name: string; hides: boolean }[] = [];
  const hidden = () => struck > 0 || open.some((e) => e.hides);
  const write = (piece: string) => {
    if (hidden()) return;
    out.add(piece);
    text += piece;
  };
  out.mark({ line: current });
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        write(child.content);
        break;
      case 'softbreak':
        write(' ');
        out.mark({ line: ++current });
        break;
      case 'hardbreak':
        write('\n');
        current++;
        break;
      case 's_open':
        struck++;
        break;
      case 's_close':
        struck = Math.max(0, struck - 1);
        break;
      case 'html_inline':
        if (Parser) applyTags(open, parseInlineTag(child.content, Parser));
        break;
      default:
        break;
    }
  }
  return text;
}
