// Templates → models on a real workspace: overrides, and the guard against statements left out.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics.js';
import { workspaceToModels } from '../src/pipeline.js';
import { loadWorkspace } from '../src/workspace.js';
import { copySeeds, removeDir } from './helpers/workspace.js';

describe('template overrides', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('uses the default templates and renders every statement in both outputs', async () => {
    const models = await workspaceToModels(await loadWorkspace(ws));
    expect(models.diagnostics).toEqual([]);
    const deckCites = new Set(models.deck?.slides.flatMap((s) => s.cites));
    expect(deckCites.size).toBe(models.deck?.citations.length);
  });

  it("prefers the workspace's templates/ and warns about statements a template leaves out", async () => {
    await mkdir(path.join(ws, 'templates'));
    await writeFile(
      path.join(ws, 'templates/deck.md.hbs'),
      '<!-- layout: title -->\n# {{title}}\n\n---\n# {{headlines.takeaways}}\n\n{{#each takeaways}}\n- {{text}}{{cite cite}}\n{{/each}}\n',
    );
    const loaded = await loadWorkspace(ws);
    const models = await workspaceToModels(loaded);
    expect(models.templates.map((t) => path.relative(ws, t.file))).toEqual(['templates/deck.md.hbs', path.relative(ws, models.templates[1]?.file ?? '')]);
    expect(models.deck?.slides.map((s) => s.layout)).toEqual(['title', 'bullets']);
    const warnings = models.diagnostics.map(formatDiagnostic);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^.*briefing\.yaml: warning: the deck shows no citation of \d+ statements \(left out by its template\?\): investment\[0\], investment\[1\], .* and \d+ more \[statement-not-rendered\]$/);
  });

  it('takes --templates before the workspace folder', async () => {
    const other = path.join(dir, 'other');
    await mkdir(other);
    await writeFile(path.join(other, 'memo.md.hbs'), '## Only the bottom line\n\n{{#each takeaways}}\n- {{text}}{{cite cite}}\n{{/each}}\n');
    const models = await workspaceToModels(await loadWorkspace(ws), { templatesDir: other });
    expect(models.memo?.blocks[0]).toMatchObject({ type: 'heading', inlines: [{ type: 'text', text: 'Only the bottom line' }] });
    expect(models.diagnostics.map((d) => d.message).join('\n')).toContain('the memo shows no citation of');
  });
});
