// The grounding corpus (issue 19): every case fails `check` with its rule and a message that names
// the cause; its faithful twin passes. Run in this process (the CLI's command table), one small
// workspace per side.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './corpus/harness.js';
import { CASES, sideFiles, type GroundingCase, type Side } from './grounding-corpus/cases.js';
import { removeDir, tempDir, writeFiles } from './helpers/workspace.js';

let root: string;

beforeAll(async () => {
  root = await tempDir('grounding-corpus-');
});

afterAll(async () => {
  await removeDir(root);
});

async function check(c: GroundingCase, which: 'bad' | 'twin', side: Side, json = false) {
  const dir = path.join(root, `${c.id}-${which}`);
  const ws = path.join(dir, 'ws');
  const files = sideFiles(side);
  for (const name of Object.keys(files)) await mkdir(path.dirname(path.join(ws, name)), { recursive: true });
  await writeFiles(ws, files);
  return runInProcess(['check', 'ws', ...(c.strict ? ['--strict'] : []), ...(json ? ['--json'] : [])], dir, { BRIEFING_NO_CACHE: '1' });
}

describe('the grounding corpus', () => {
  it('covers every group of the issue with at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(`${c.group}: ${c.id}: ${c.covers}`, async () => {
      const bad = await check(c, 'bad', c.bad);
      const line = bad.stderr.split('\n').find((l) => l.endsWith(`[${c.rule}]`));
      expect(line, bad.stderr).toBeDefined();
      expect(line).toContain(c.warning ? ': warning: ' : ': error: ');
      if (c.says !== undefined) expect(line).toMatch(typeof c.says === 'string' ? new RegExp(c.says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : c.says);
      expect(bad.code).toBe(c.warning ? 0 : 1);
      expect(bad.stderr).not.toContain('internal error');

      const twin = await check(c, 'twin', c.twin);
      expect(twin.stderr, 'the faithful twin passes').not.toContain(`[${c.rule}]`);
      expect(twin.stderr).not.toContain(': error: ');
      expect(twin.code).toBe(0);

      if (c.sources) {
        const counts = await Promise.all([check(c, 'bad', c.bad, true), check(c, 'twin', c.twin, true)]);
        const sourcesOf = (stdout: string) => (JSON.parse(stdout) as { corroboration: { path: string; documents: number }[] }).corroboration.find((s) => s.path === 'takeaways[0]')?.documents;
        expect(counts.map((r) => sourcesOf(r.stdout))).toEqual(c.sources);
      }
    });
  }
});
