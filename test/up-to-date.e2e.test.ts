// The up-to-date check from hashes alone (no summary parsing, no verification) must never call a
// build up to date that is not: every input, the date and its source, the options and the tool
// count. It repeats the previous build's warnings; --json still verifies and reports in full.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeeds, removeDir, runCli } from './helpers/workspace.js';

describe('an up-to-date build', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    // A document no statement cites: a warning every build must show.
    await writeFile(path.join(ws, '009_extra.txt'), 'An extra note that nothing cites.\n');
  });
  afterAll(() => removeDir(dir));

  const build = (env: NodeJS.ProcessEnv = {}, args: string[] = []) => runCli(['build', 'ws', '--out', 'out', ...args], { cwd: dir, env: { SOURCE_DATE_EPOCH: '', ...env } });
  const upToDate = /^out: up to date in \d+ ms/m;

  it('repeats the previous build\'s warnings', async () => {
    const first = await build();
    expect(first.code).toBe(0);
    const warning = first.stderr.split('\n').find((l) => l.includes('009') && l.includes('warning'));
    expect(warning).toBeDefined();
    const again = await build();
    expect(again.stderr).toMatch(upToDate);
    expect(again.stderr).toContain(warning);
  });

  it('follows the date: SOURCE_DATE_EPOCH set, changed or dropped means a new build', async () => {
    expect((await build({ SOURCE_DATE_EPOCH: '1767225600' })).stderr).not.toMatch(upToDate);
    expect((await build({ SOURCE_DATE_EPOCH: '1767225600' })).stderr).toMatch(upToDate);
    expect((await build({ SOURCE_DATE_EPOCH: '1767312000' })).stderr).not.toMatch(upToDate);
    // Back to the summary's as-of date: the previous build's date came from the environment.
    expect((await build()).stderr).not.toMatch(upToDate);
    expect((await build()).stderr).toMatch(upToDate);
  });

  it('follows the summary\'s bytes, the documents and the options', async () => {
    const yamlFile = path.join(ws, 'briefing.yaml');
    const yaml = await readFile(yamlFile, 'utf8');
    await writeFile(yamlFile, `${yaml}\n# a comment\n`);
    expect((await build()).stderr).not.toMatch(upToDate);
    expect((await build()).stderr).toMatch(upToDate);
    await writeFile(path.join(ws, '009_extra.txt'), 'An extra note that nothing cites, edited.\n');
    expect((await build()).stderr).not.toMatch(upToDate);
    expect((await build(undefined, ['--pdfa'])).stderr).not.toMatch(upToDate);
    expect((await build(undefined, ['--pdfa'])).stderr).toMatch(upToDate);
  });

  it('with --json, still reports every verified citation', async () => {
    const result = await build(undefined, ['--pdfa', '--json']);
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe('up-to-date');
    expect(report.citations.length).toBeGreaterThan(20);
    expect(report.citations.every((c: { verified: boolean }) => c.verified)).toBe(true);
  });
});
