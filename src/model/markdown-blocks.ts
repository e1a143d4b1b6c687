// The templates' Markdown → typed blocks. Citation markers become typed citation nodes here.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { CITE_CLOSE, CITE_OPEN, LINE_BREAK, MARK_CLOSE, MARK_OPEN } from '../template/view.js';
import type { Block, Inline } from './types.js';
import { pushAll } from '../common/arrays.js';

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false }).enable('table');

const MARKER = new RegExp(`${CITE_OPEN}(\\d+)${CITE_CLOSE}|${LINE_BREAK}|${MARK_OPEN}([ibpc])([^${MARK_CLOSE}]*)${MARK_CLOSE}`, 'g');

/** Parse Markdown into blocks. Headings get ids from `idPrefix` and their text. */
export function markdownToBlocks(source: string, idPrefix = 'sec'): Block[] {
  const tokens = md.parse(source, {});
  const blocks: Block[] = [];
  const usedIds = new Set<string>();
  let i = 0;
  const next = () => tokens[i++] as Token;
  while (i < tokens.length) {
    const token = next();
    switch (token.type) {
      case 'heading_open': {
        const content = inlineToModel(next());
        next(); // heading_close
        const level = Number(token.tag.slice(1));
        blocks.push({ type: 'heading', level: Math.min(4, level), inlines: content, id: uniqueId(idPrefix, content, usedIds) });
        break;
      }
      case 'paragraph_open': {
        const content = inlineToModel(next());
        next();
        if (content.length > 0) blocks.push({ type: 'paragraph', inlines: content });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const items: Inline[][] = [];
        let depth = 1;
        let current: Inline[] | undefined;
        while (i < tokens.length && depth > 0) {
          const t = next();
          if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') depth++;
          else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') depth--;
          else if (t.type === 'list_item_open' && depth === 1) current = [];
          else if (t.type === 'list_item_close' && depth === 1 && current) items.push(current), (current = undefined);
          else if (t.type === 'inline' && current) {
            if (current.length > 0) current.push({ type: 'break' });
            pushAll(current, inlineToModel(t));
          }
        }
        blocks.push({ type: 'list', ordered: token.type === 'ordered_list_open', items });
        break;
      }
      case 'table_open': {
        const header: Inline[][] = [];
        const rows: Inline[][][] = [];
        const align: ('left' | 'center' | 'right')[] = [];
        let row: Inline[][] | undefined;
        let inHead = false;
        while (i < tokens.length) {
          const t = next();
          if (t.type === 'table_close') break;
          if (t.type === 'thead_open') inHead = true;
          else if (t.type === 'thead_close') inHead = false;
          else if (t.type === 'tr_open') row = [];
          else if (t.type === 'tr_close' && row) (inHead ? pushAll(header, row) : rows.push(row)), (row = undefined);
          else if (t.type === 'th_open') align.push(cellAlign(t));
          else if (t.type === 'inline' && row) row.push(inlineToModel(t));
        }
        blocks.push({ type: 'table', header, rows, align });
        break;
      }
      case 'blockquote_open': {
        const content: Inline[] = [];
        while (i < tokens.length) {
          const t = next();
          if (t.type === 'blockquote_close') break;
          if (t.type === 'inline') {
            if (content.length) content.push({ type: 'break' } as Inline);
            pushAll(content, inlineToModel(t));
          }
        }
        blocks.push({ type: 'quote', inlines: content });
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ type: 'paragraph', inlines: splitCitations(token.content.trimEnd(), {}) });
        break;
      default:
        break;
    }
  }
  return blocks;
}

function cellAlign(token: Token): 'left' | 'center' | 'right' {
  const style = token.attrGet('style') ?? '';
  if (style.includes('right')) return 'right';
  if (style.includes('center')) return 'center';
  return 'left';
}

function inlineToModel(token: Token): Inline[] {
  const out: Inline[] = [];
  let bold = 0;
  let italic = 0;
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        pushAll(out, splitCitations(child.content, { bold: bold > 0, italic: italic > 0 }));
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'softbreak':
        pushAll(out, splitCitations(' ', { bold: bold > 0, italic: italic > 0 }));
        break;
      case 'hardbreak':
        out.push({ type: 'break' });
        break;
      default:
        break;
    }
  }
  return mergeText(out);
}

function splitCitations(text: string, style: { bold?: boolean; italic?: boolean }): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    if (m.index > last) out.push(textNode(text.slice(last, m.index), style));
    // A label ("c"): the team's view, set in bold capitals.
    if (m[2] === 'c') out.push(textNode((m[3] ?? '').toUpperCase(), { bold: true, italic: style.italic }));
    else if (m[2] !== undefined) out.push(textNode(m[3] ?? '', { bold: style.bold || m[2] === 'b', italic: style.italic || m[2] === 'i' }));
    else out.push(m[1] === undefined ? { type: 'break' } : { type: 'cite', n: Number(m[1]) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(textNode(text.slice(last), style));
  return out;
}

function textNode(text: string, style: { bold?: boolean; italic?: boolean }): Inline {
  const node: Inline = { type: 'text', text };
  if (style.bold) node.bold = true;
  if (style.italic) node.italic = true;
  return node;
}

/** Join neighbouring text runs of the same style; drop white space before a citation. */
function mergeText(items: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (item.type === 'text' && prev?.type === 'text' && !!prev.bold === !!item.bold && !!prev.italic === !!item.italic) {
      prev.text += item.text;
    } else {
      out.push(item.type === 'text' ? { ...item } : item);
    }
  }
  for (let k = 0; k < out.length; k++) {
    const item = out[k] as Inline;
    const after = out[k + 1];
    if (item.type === 'text' && after?.type === 'cite') item.text = item.text.replace(/\s+$/, '');
  }
  const first = out[0];
  if (first?.type === 'text') first.text = first.text.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text = last.text.replace(/\s+$/, '');
  return out.filter((x) => x.type !== 'text' || x.text !== '');
}

function uniqueId(prefix: string, content: Inline[], used: Set<string>): string {
  const base = `${prefix}-${plain(content).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'x'}`;
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  used.add(id);
  return id;
}

function plain(content: Inline[]): string {
  return content.map((c) => (c.type === 'text' ? c.text : '')).join('');
}
