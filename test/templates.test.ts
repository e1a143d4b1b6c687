import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics/diagnostic.js';
import { markdownToBlocks } from '../src/model/markdown-blocks.js';
import { plainText } from '../src/model/types.js';
import { compileTemplate, type LoadedTemplate } from '../src/template/handlebars.js';
import { CiteList, escapeMarkdown } from '../src/template/view.js';

function compiled(source: string): LoadedTemplate {
  const t = compileTemplate('deck', 'ws/templates/deck.md.hbs', source);
  if (!('render' in t)) throw new Error(formatDiagnostic(t));
  return t;
}

describe('templates', () => {
  it('reports an unknown field with the template file and line (strict mode)', () => {
    const t = compiled('# {{title}}\n\n{{#each takeaways}}\n- {{txet}}\n{{/each}}\n');
    const result = t.render({ title: 'T', takeaways: [{ text: 'a' }] });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'ws/templates/deck.md.hbs:4:5: error: unknown field "txet" in template [template-error]',
    ]);
  });

  it('reports a syntax error with its line', () => {
    const t = compileTemplate('deck', 'ws/templates/deck.md.hbs', '# {{title}}\n\n{{#each takeaways}}\n- {{text}}\n');
    expect('render' in t).toBe(false);
    expect(formatDiagnostic(t as never)).toMatch(/^ws\/templates\/deck\.md\.hbs:\d+(:\d+)?: error: template syntax error: .* \[template-error\]$/);
  });

  it('says what a syntax error expected, at its line', () => {
    const message = (source: string) => formatDiagnostic(compileTemplate('deck', 'ws/templates/deck.md.hbs', source) as never);
    expect(message('# {{title}\n')).toBe('ws/templates/deck.md.hbs:1: error: template syntax error: expected }}, found something else [template-error]');
    expect(message('{{#each a}}\n- x\n')).toBe(
      'ws/templates/deck.md.hbs:3: error: template syntax error: expected a closing {{/…}}, found the end of the template [template-error]',
    );
    expect(message('{{#each a}}\n{{/if}}\n')).toBe("ws/templates/deck.md.hbs:1:4: error: template syntax error: each doesn't match if [template-error]");
  });

  it('emits typed citations through the cite helper', () => {
    const t = compiled('- {{text}}{{cite cite}}\n');
    const md = t.render({ text: 'Claim', cite: new CiteList([3, 7]) }).text as string;
    const blocks = markdownToBlocks(md);
    expect(blocks).toEqual([
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'Claim' }, { type: 'cite', n: 3 }, { type: 'cite', n: 7 }]] },
    ]);
  });

  it('renders Markdown and HTML characters of the data literally', () => {
    const nasty = 'A *stars* claim with <b>bold</b>, [x](y), `code`, # hash, 1. list, | pipe, --> and &amp; _under_';
    const t = compiled('| A | B |\n|---|---|\n| {{text}} | x |\n\n- {{text}}\n\n{{text}}\n');
    const md = t.render({ text: escapeMarkdown(nasty) }).text as string;
    const blocks = markdownToBlocks(md);
    expect(blocks.map((b) => b.type)).toEqual(['table', 'list', 'paragraph']);
    const table = blocks[0] as Extract<(typeof blocks)[number], { type: 'table' }>;
    expect(plainText(table.rows[0]?.[0] ?? [])).toBe(nasty);
    const list = blocks[1] as Extract<(typeof blocks)[number], { type: 'list' }>;
    expect(plainText(list.items[0] ?? [])).toBe(nasty);
    const para = blocks[2] as Extract<(typeof blocks)[number], { type: 'paragraph' }>;
    expect(para.inlines).toEqual([{ type: 'text', text: nasty }]);
  });

  it('cannot be tricked into a citation by the data', () => {
    const blocks = markdownToBlocks(`- ${escapeMarkdown('fake \uE0009\uE001 citation')}`);
    expect(blocks).toEqual([{ type: 'list', ordered: false, items: [[{ type: 'text', text: 'fake 9 citation' }]] }]);
  });
});
