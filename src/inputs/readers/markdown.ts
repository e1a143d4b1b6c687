// Markdown sources, read as rendered text: emphasis, links, inline code, heading and list
// markers and raw HTML are not part of the text. YAML front matter gives title and date.
import { parse as parseYaml } from 'yaml';
import { dateOfText, parseDateValue } from '../dates.js';
import { normalizeText, TextBuilder, type ExtractedText, type SourceReader } from '../document.js';
import { decodeUtf8 } from './text.js';
import { FORMAT_EXTENSIONS } from './formats.js';

export const markdownReader: SourceReader = {
  format: 'markdown',
  extensions: FORMAT_EXTENSIONS.markdown,
  cached: true,
  version: 1,
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

let markdownIt: Promise<{ parse(source: string, env: object): unknown[] }> | undefined;

/** One CommonMark parser (with tables and strikethrough) for the process, loaded when first needed. */
function parser(): Promise<{ parse(source: string, env: object): unknown[] }> {
  markdownIt ??= import('markdown-it').then(({ default: MarkdownIt }) =>
    new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false }).enable('table').enable('strikethrough'),
  );
  return markdownIt;
}

/** The parts of a markdown-it token this reader looks at. */
interface Token {
  type: string;
  tag: string;
  content: string;
  map: [number, number] | null;
  children: Token[] | null;
}

export async function markdownToText(source: string): Promise<ExtractedText> {
  const md = await parser();
  const { body, meta } = splitFrontMatter(source);
  const tokens = md.parse(body, {}) as unknown as Token[];
  const out = new TextBuilder();
  let heading: string | undefined;
  let inHeading = '';
  let rowStarted = false;
  let rowLine = 1;
  let previous = '';
  for (const token of tokens) {
    const after = previous;
    previous = token.type;
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
        const text = writeInline(out, token.children ?? [], line);
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
 * line break. Returns the text written.
 */
function writeInline(out: TextBuilder, children: Token[], line: number): string {
  let text = '';
  let current = line;
  out.mark({ line: current });
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        out.add(child.content);
        text += child.content;
        break;
      case 'softbreak':
        out.add(' ');
        text += ' ';
        out.mark({ line: ++current });
        break;
      case 'hardbreak':
        out.add('\n');
        text += '\n';
        current++;
        break;
      default:
        break;
    }
  }
  return text;
}
