// The tool's own templates are compiled when the bundle is built: a template whose text is one of
// them renders with that compiled form, which must render exactly what a run-time compile renders
// (and fail with the same message); any other text is compiled at run time.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../src/common/file-hashes.js';
import { precompiledModule } from '../src/template/precompile.js';
import { TEMPLATE_NAMES, type TemplateName } from '../src/template/template-files.js';
import { removeDir, ROOT, SEEDS, tempDir } from './helpers/workspace.js';

type Compile = typeof import('../src/template/handlebars.js').compileTemplate;

/**
 * compileTemplate, with the precompiled templates a bundle would have or with none, and the seeds'
 * view made by the same modules (its citation lists are of their class).
 */
async function compileWith(precompiled: boolean, moduleFile: string): Promise<{ compile: Compile; view: Record<string, unknown> }> {
  vi.resetModules();
  if (precompiled) {
    const { PRECOMPILED } = (await import(pathToFileURL(moduleFile).href)) as { PRECOMPILED: object };
    vi.doMock('../src/template/precompiled.js', () => ({ PRECOMPILED }));
  } else vi.doUnmock('../src/template/precompiled.js');
  const { compileTemplate } = await import('../src/template/handlebars.js');
  const { workspaceToView } = await import('../src/template/view.js');
  const { loadVerifiedWorkspace } = await import('../src/pipeline/pipeline.js');
  const { DEFAULT_THEME } = await import('../src/inputs/theme.js');
  return { compile: compileTemplate, view: workspaceToView(await loadVerifiedWorkspace(SEEDS), { markers: DEFAULT_THEME.markers }) };
}

describe('precompiled templates', () => {
  let dir: string;
  let moduleFile: string;
  const names = Object.keys(TEMPLATE_NAMES) as TemplateName[];
  const source = (name: TemplateName) => readFile(path.join(ROOT, 'templates', TEMPLATE_NAMES[name]), 'utf8');

  beforeAll(async () => {
    dir = await tempDir('briefing-precompiled-');
    moduleFile = path.join(dir, 'precompiled.mjs');
    await writeFile(moduleFile, await precompiledModule());
  });
  afterEach(() => {
    vi.doUnmock('../src/template/precompiled.js');
    vi.resetModules();
  });
  afterAll(() => removeDir(dir));

  it('are keyed by the hash of each built-in template', async () => {
    const { PRECOMPILED } = (await import(pathToFileURL(moduleFile).href)) as { PRECOMPILED: Record<string, unknown> };
    expect(Object.keys(PRECOMPILED).sort()).toEqual((await Promise.all(names.map(async (n) => sha256(await source(n))))).sort());
  });

  it('render the seeds exactly as the template compiled at run time', async () => {
    for (const name of names) {
      const text = await source(name);
      const file = `templates/${TEMPLATE_NAMES[name]}`;
      const runtime = await compileWith(false, moduleFile);
      const fromRuntime = runtime.compile(name, file, text);
      // A view without the fields the template prints: an error, at a place.
      const empty = {};
      if (!('render' in fromRuntime)) throw new Error('a built-in template did not compile');
      const expected = { seeds: fromRuntime.render(runtime.view), broken: fromRuntime.render(empty) };
      const built = await compileWith(true, moduleFile);
      const fromBuild = built.compile(name, file, text);
      if (!('render' in fromBuild)) throw new Error('a built-in template did not compile');
      expect(fromRuntime.precompiled).toBeUndefined();
      expect(fromBuild.precompiled).toBe(true);
      expect(expected.seeds.text?.length).toBeGreaterThan(500);
      expect(expected.broken.diagnostics).toHaveLength(1);
      expect({ seeds: fromBuild.render(built.view), broken: fromBuild.render({}) }).toEqual(expected);
    }
  });

  it('are not used for a template whose text differs', async () => {
    const { compile, view } = await compileWith(true, moduleFile);
    const edited = `${await source('memo')}\nOne more line.\n`;
    const loaded = compile('memo', 'templates/memo.md.hbs', edited);
    if (!('render' in loaded)) throw new Error('the edited template did not compile');
    expect(loaded.precompiled).toBeUndefined();
    expect(loaded.render(view).text).toContain('One more line.');
    const bad = compile('memo', 'templates/memo.md.hbs', '{{#if title}}\n');
    expect('rule' in bad && bad.rule).toBe('template-error');
  });

  it('are in the CLI bundle', async () => {
    const bundle = await readFile(path.join(ROOT, 'dist/bundled/cli.cjs'), 'utf8');
    for (const name of names) expect(bundle).toContain(sha256(await source(name)));
  });
});
