// The corpus of bad and hostile inputs (test/corpus/cases.ts): one built baseline, then every
// case on a fresh copy of it, run through the CLI's command table in this process. Each case
// must give its exact diagnostic and exit code, never a stack trace or "internal error", and
// (unless it is a successful build) leave every file of the output folder byte-identical to what
// it was before the run (the baseline build, or what the case put there).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES } from './corpus/cases.js';
import { caseFolder } from './corpus/harness.js';
import { snapshot } from './helpers/snapshot.js';
import { makeTinyWorkspace } from './helpers/tiny.js';
import { removeDir, runInProcess, tempDir } from './helpers/workspace.js';

/** No date from the environment; the memo rendered in this thread (the libraries loaded once serve every case). */
const ENV = { SOURCE_DATE_EPOCH: '', BRIEFING_NO_WORKER: '1' };

describe('the corpus of bad and hostile inputs', () => {
  let root: string;
  let baseWs: string;
  let baseOut: string;
  let baseline: Record<string, string>;
  beforeAll(async () => {
    root = await tempDir('briefing-corpus-');
    await mkdir(path.join(root, 'base'));
    baseWs = await makeTinyWorkspace(path.join(root, 'base'));
    baseOut = path.join(root, 'base/out');
    const built = await runInProcess(['build', 'ws', '--out', 'out'], path.join(root, 'base'), { ...ENV });
    expect(built.code, built.stderr).toBe(0);
    baseline = await snapshot(baseOut);
    expect(Object.keys(baseline).sort()).toEqual(['briefing.pptx', 'build.json', 'memo.pdf', 'review.html']);
  });
  afterAll(() => removeDir(root));

  it('has at least 40 cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c, i) => [c.id, c, i] as const))('%s', async (_id, c, i) => {
    const ctx = await caseFolder(root, i, baseWs, baseOut);
    if (c.setup) await c.setup(ctx);
    const before = await snapshot(ctx.out);
    const result = await runInProcess(c.args ?? ['build', 'ws', '--out', 'out'], ctx.dir, { ...ENV, ...c.env });
    const shown = `${c.id}\n--- stderr:\n${result.stderr}--- stdout:\n${result.stdout.slice(0, 2000)}`;
    expect(result.code, shown).toBe(c.code);
    const printed = c.stdout ? result.stdout : result.stderr;
    if (typeof c.expect === 'string') expect(printed, shown).toContain(c.expect);
    else expect(printed, shown).toMatch(c.expect);
    expect(result.stderr + result.stdout).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
    if (c.maxMs !== undefined) expect(result.ms, `${c.id} took ${Math.round(result.ms)} ms`).toBeLessThan(c.maxMs);
    if (c.builds) await c.verify?.(ctx, result);
    else expect(await snapshot(ctx.out), `${c.id}: the output folder changed`).toEqual(before);
    await removeDir(ctx.dir);
  });
});
