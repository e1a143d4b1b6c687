// The support results kept between runs (src/verify/support-memo.ts): a second run reads them and
// gives the same verification; an edited statement is read again; an unreadable entry is no entry.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVerifiedWorkspace } from '../src/pipeline/pipeline.js';
import { copySeeds, removeDir, tempDir } from './helpers/workspace.js';

describe('the support memo', () => {
  let dir = '';
  let ws = '';
  let cache = '';
  const saved = process.env.XDG_CACHE_HOME;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    cache = await tempDir('briefing-support-memo-');
    process.env.XDG_CACHE_HOME = cache;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
    await removeDir(dir);
    await removeDir(cache);
  });

  it('keeps the results of a run, gives them back unchanged, and reads an edited statement again', async () => {
    const first = await loadVerifiedWorkspace(ws);
    const entries = await readdir(path.join(cache, 'briefing/support'));
    expect(entries).toHaveLength(1);
    const second = await loadVerifiedWorkspace(ws);
    expect(second.verification?.support).toEqual(first.verification?.support);
    expect(second.diagnostics).toEqual(first.diagnostics);
    // An edit: the statement says more than its quotes; the memo must not hide it.
    const file = path.join(ws, 'briefing.yaml');
    const yaml = await readFile(file, 'utf8');
    await writeFile(file, yaml.replace("text: 'A full buyout offer by Microsoft is a possible scenario.'", "text: 'Microsoft makes a full buyout offer.'"));
    const edited = await loadVerifiedWorkspace(ws);
    expect(edited.diagnostics.filter((d) => d.rule === 'support-hedge').map((d) => d.message)).toEqual([expect.stringMatching(/^outlook\[1\]\.text states as fact/)]);
    await writeFile(file, yaml);
  });

  it('reads an entry that is not one as no entry', async () => {
    const folder = path.join(cache, 'briefing/support');
    for (const name of await readdir(folder)) await writeFile(path.join(folder, name), 'not a memo');
    const again = await loadVerifiedWorkspace(ws);
    expect(again.diagnostics.filter((d) => d.rule.startsWith('support-'))).toEqual([]);
    expect(again.verification?.support.length).toBeGreaterThan(100);
  });
});
