// A watch session's builds with --changes are previews: each reports what changed since the last
// delivered build (`build --changes`), and none becomes the baseline, so the edits of a session
// are reported together until a build delivers them.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../src/pipeline/build-briefing.js';
import { copySeeds, removeDir, runCli } from './helpers/workspace.js';

describe('a watch session previews what changed, and delivers nothing', () => {
  let dir: string;
  let ws: string;
  const preview = () => buildBriefing({ workspace: ws, out: path.join(dir, 'out'), changes: true, preview: true, env: { ...process.env, BRIEFING_NO_WORKER: '1' } });
  const edit = async (from: string, to: string) => {
    const file = path.join(ws, 'briefing.yaml');
    const text = await readFile(file, 'utf8');
    expect(text).toContain(from);
    await writeFile(file, text.replace(from, to));
  };

  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    expect((await runCli(['build', 'ws', '--out', 'out', '--changes'], { cwd: dir })).code).toBe(0);
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('reports every edit of the session against the last delivered build', async () => {
    const delivered = JSON.parse(await readFile(path.join(dir, 'out', 'build.json'), 'utf8'));
    await edit("title: 'Cost and speed of models'", "title: 'Cost, speed and quality of models'");
    const first = await preview();
    expect(first.status).toBe('built');
    expect(first.changes.statements.changed.map((c) => c.fields.map((f) => f.field))).toEqual([['title']]);
    // Not the baseline: the delivered build is carried forward.
    expect(first.manifest?.baseline?.inputsHash).toBe(delivered.inputsHash);
    expect(first.manifest?.options.preview).toBe(true);

    await edit('the two companies begin to look more like competitors than collaborators;', 'the two companies begin to look more like rivals than collaborators;');
    const second = await preview();
    expect(second.changes.since.reader).toBe('the build of 1 June 2025');
    expect(second.changes.statements.changed.map((c) => c.path).sort()).toEqual(['friction[1]', 'takeaways[0]']);
    expect(second.manifest?.baseline?.inputsHash).toBe(delivered.inputsHash);

    // The build that delivers them reports both, and is the baseline of the next one.
    const deliver = await runCli(['build', 'ws', '--out', 'out', '--changes'], { cwd: dir });
    expect(deliver.code, deliver.stderr).toBe(0);
    expect(deliver.stderr).toContain('  statement changed: takeaways[0]: text reworded: ');
    expect(deliver.stderr).toContain('  statement changed: friction[1]: title reworded: ');
    const again = await runCli(['build', 'ws', '--out', 'out', '--changes', '--force'], { cwd: dir });
    expect(again.stderr).toContain('changes: none since the last build that reported its changes (2025-06-01)');
  }, 120_000);
});
