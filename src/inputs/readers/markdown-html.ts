// The raw HTML tags a Markdown paragraph or HTML block may hold (`<del>`, `<span
// style="display:none">`, `<div hidden>` … `</div>` around paragraphs), read with htmlparser2
// (entities in attributes decoded; the caller loads it), and whether each hides what it holds.
import type { Parser as HtmlParser } from 'htmlparser2';
import { pushAll } from '../../common/arrays.js';
import { cssColour, hides, parseDeclarations } from './html-unseen.js';
import { unseenColour, WHITE } from './visibility.js';

export type InlineTag = { kind: 'open'; name: string; attributes: Record<string, string> } | { kind: 'close'; name: string };

/** Elements whose content a reader never sees (<noscript> as the web page reader: a browser runs scripts). */
const UNSEEN = new Set(['del', 's', 'strike', 'template', 'noscript']);

/**
 * The tags of one piece of inline HTML, in order: a void or self-closed element (`<br>`,
 * `<span/>`) opens and closes at once, so it is left out; a comment has none.
 */
export function parseInlineTag(html: string, Parser: typeof HtmlParser): InlineTag[] {
  // A closing tag alone: htmlparser2 drops a closing tag it saw no opening of.
  const closing = /^<\/\s*([a-z][\w:-]*)\s*>$/i.exec(html.trim());
  if (closing) return [{ kind: 'close', name: (closing[1] as string).toLowerCase() }];
  const tags: InlineTag[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        tags.push({ kind: 'open', name, attributes });
      },
      onclosetag(name, implied) {
        const last = tags[tags.length - 1];
        // Opened and closed in one tag: nothing stays open.
        if (implied && last?.kind === 'open' && last.name === name) tags.pop();
        else if (!implied) tags.push({ kind: 'close', name });
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  // No end(): an element the piece leaves open stays open, to its closing tag in a later piece.
  return tags;
}

/** Whether an element opened by inline HTML hides its content. */
export function inlineHtmlHides(tag: Extract<InlineTag, { kind: 'open' }>): boolean {
  if (UNSEEN.has(tag.name) || 'hidden' in tag.attributes) return true;
  const style = parseDeclarations(tag.attributes.style ?? '');
  if (hides(style)) return true;
  const colour = cssColour(style.get('color') ?? tag.attributes.color);
  if (!colour) return false;
  const background = cssColour(style.get('background-color') ?? style.get('background')?.split(/\s+/)[0]) ?? WHITE;
  return unseenColour(colour, background);
}

/**
 * The tags of an HTML block, in order: comments and the content of scripts and styles left
 * out, each opening tag read as `parseInlineTag` reads one, each closing tag by its name.
 */
export function blockTags(html: string, Parser: typeof HtmlParser): InlineTag[] {
  const markup = html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, (whole, name: string) => (name.toLowerCase() === 'template' ? whole : ' '));
  const tags: InlineTag[] = [];
  for (const m of markup.matchAll(/<\/?[a-z][^>]*>/gi)) pushAll(tags, parseInlineTag(m[0], Parser));
  return tags;
}

/** The elements open after `tags`, from those open before (a closing tag closes its element and any left open inside it). */
export function applyTags(open: { name: string; hides: boolean }[], tags: readonly InlineTag[]): void {
  for (const tag of tags) {
    if (tag.kind === 'open') open.push({ name: tag.name, hides: inlineHtmlHides(tag) });
    else {
      const at = open.map((e) => e.name).lastIndexOf(tag.name);
      if (at >= 0) open.length = at;
    }
  }
}
