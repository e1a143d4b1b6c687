// Templates → models on a real workspace: overrides, and the guard against statements left out.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics/diagnostic.js';
import { loadVerifiedWorkspace, workspaceToModels } from '../src/pipeline/pipeline.js';
import { copySeeds, removeDir } from './helpers/workspace.js';

describe('template overrides', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('uses the default templates and renders every statement in both outputs', async () => {
    const models = await workspaceToModels(await loadVerifiedWorkspace(ws));
    expect(models.diagnostics).toEqual([]);
    const deckCites = new Set(models.deck?.slides.flatMap((s) => s.cites));
    expect(deckCites.size).toBe(models.deck?.citations.length);
  });

  it('numbers citations once for both outputs: [n] is the same passage in the deck and the memo', async () => {
    const models = await workspaceToModels(await loadVerifiedWorkspace(ws));
    expect(models.deck?.citations).toEqual(models.memo?.citations);
    const citesOf = (inlines: { type: string; n?: number }[]) => inlines.filter((i) => i.type === 'cite').map((i) => i.n);
    const deckList = models.deck?.slides[1]?.blocks[0];
    const memoList = models.memo?.blocks.find((b) => b.type === 'list');
    expect(deckList?.type).toBe('list');
    if (deckList?.type !== 'list' || memoList?.type !== 'list') return;
    expect(deckList.items.map(citesOf)).toEqual(memoList.items.map(citesOf));
    expect(deckList.items.map(citesOf)[0]).toEqual([1, 2]);
  });

  it("prefers the workspace's templates/ and warns about statements a template leaves out", async () => {
    await mkdir(path.join(ws, 'templates'));
    await writeFile(
      path.join(ws, 'templates/deck.md.hbs'),
      '<!-- layout: title -->\n# {{title}}\n\n---\n# {{headlines.takeaways}}\n\n{{#each takeaways}}\n- {{text}}{{cite cite}}\n{{/each}}\n',
    );
    const loaded = await loadVerifiedWorkspace(ws);
    const models = await workspaceToModels(loaded);
    expect(models.templates.map((t) => path.relative(ws, t.file))).toEqual(['templates/deck.md.hbs', path.relative(ws, models.templates[1]?.file ?? '')]);
    expect(models.deck?.slides.map((s) => s.layout)).toEqual(['title', 'bullets']);
    const warnings = models.diagnostics.map(formatDiagnostic);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^.*briefing\.yaml: warning: the deck leaves out \d+ statements \(its template does not show them\): (?:implications\[\d+\], |recommendations\[\d+\], |watch\[\d+\], )*investment\[0\], investment\[1\], .* and \d+ more \[statement-not-rendered\]$/);
  });

  it('warns when a template prints statements without their citations', async () => {
    const other = path.join(dir, 'uncited');
    await mkdir(other);
    await writeFile(path.join(other, 'memo.md.hbs'), '## Bottom line\n\n{{#each takeaways}}\n- {{text}}\n{{/each}}\n');
    const models = await workspaceToModels(await loadVerifiedWorkspace(ws), { templatesDir: other });
    // (The workspace still has the deck template of the test above; only the memo's messages matter here.)
    const messages = models.diagnostics.map(formatDiagnostic).filter((m) => m.includes('the memo'));
    expect(messages[0]).toMatch(
      /warning: the memo prints 5 statements without its citations \(does the template call \{\{cite cite\}\}\?\): takeaways\[0\], takeaways\[1\], .* \[statement-without-citation\]$/,
    );
    expect(messages[1]).toMatch(/warning: the memo leaves out \d+ statements .* \[statement-not-rendered\]$/);
  });

  it('takes --templates before the workspace folder', async () => {
    const other = path.join(dir, 'other');
    await mkdir(other);
    await writeFile(path.join(other, 'memo.md.hbs'), '## Only the bottom line\n\n{{#each takeaways}}\n- {{text}}{{cite cite}}\n{{/each}}\n');
    const models = await workspaceToModels(await loadVerifiedWorkspace(ws), { templatesDir: other });
    expect(models.memo?.blocks[0]).toMatchObject({ type: 'heading', inlines: [{ type: 'text', text: 'Only the bottom line' }] });
    expect(models.diagnostics.map((d) => d.message).join('\n')).toContain('the memo leaves out');
  });
});

describe('a summary with takeaways only', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    const takeaway = (text: string, doc: string, quote: string) => `  - text: ${JSON.stringify(text)}\n    cite: [{ doc: "${doc}", quote: ${JSON.stringify(quote)} }]`;
    await writeFile(
      path.join(ws, 'briefing.yaml'),
      [
        'title: Minimal briefing',
        'asOf: 2025-11-01',
        'takeaways:',
        takeaway('Microsoft invested $1 billion in 2019.', '002', "Microsoft's $1 billion investment in OpenAI in 2019"),
        takeaway('The total reportedly reached $13.75 billion.', '004', 'ballooned to a reported $13.75 billion'),
        takeaway('The partnership shows strain.', '002', 'is showing signs of strain as the AI race intensifies'),
        '',
      ].join('\n'),
    );
  });
  afterAll(() => removeDir(dir));

  it('leaves out the empty sections instead of printing bare headings', async () => {
    const models = await workspaceToModels(await loadVerifiedWorkspace(ws));
    expect(models.deck?.slides.map((s) => s.layout)).toEqual(['title', 'bullets', 'sources']);
    const headings = models.memo?.blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.inlines : []));
    expect(headings).toEqual([[{ type: 'text', text: 'Bottom line' }]]);
  });

  it('names an untitled document by its first words, not by its file name', async () => {
    const loaded = await loadVerifiedWorkspace(ws);
    expect(loaded.documents.find((d) => d.id === '002')?.title).toBe('The partnership between Microsoft and OpenAI, once hailed as a…');
  });
});

