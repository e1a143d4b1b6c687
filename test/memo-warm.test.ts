// A process that renders memo after memo (a watch session) reuses fonts, shaping results and
// pdfkit's scaled runs: each memo it writes must be byte for byte the memo a fresh process writes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceToModels } from '../src/build/pipeline.js';
import { loadWorkspace } from '../src/inputs/workspace.js';
import { renderMemo } from '../src/memo/pdf-writer.js';
import type { Memo } from '../src/model/types.js';
import { copySeeds, removeDir, ROOT } from './helpers/workspace.js';

const DATE = new Date('2025-11-01T00:00:00Z');

async function memoOf(workspace: string): Promise<Memo> {
  const models = await workspaceToModels(await loadWorkspace(workspace));
  if (!models.memo) throw new Error(`no memo: ${JSON.stringify(models.diagnostics)}`);
  return models.memo;
}

/** The memo as a new process renders it (the compiled writer, nothing warm). */
function coldRender(dir: string, name: string, memo: Memo, pdfa: boolean): Buffer {
  const out = path.join(dir, `${name}.pdf`);
  execFileSync(process.execPath, ['--input-type=module', '-e', COLD, out, DATE.toISOString(), String(pdfa)], { cwd: ROOT, input: serialize(memo), stdio: ['pipe', 'inherit', 'inherit'] });
  return readFileSync(out);
}

const COLD = `
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
const { renderMemo } = await import('./dist/memo/pdf-writer.js');
const memo = deserialize(readFileSync(0));
const [out, date, pdfa] = process.argv.slice(1);
const r = await renderMemo(memo, { date: new Date(date), pdfa: pdfa === 'true' });
if (r.diagnostics.length) throw new Error(JSON.stringify(r.diagnostics));
writeFileSync(out, r.bytes);
`;

describe('memos rendered one after another in one process', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it('are each the bytes a fresh process writes', { timeout: 120_000 }, async () => {
    const first = await memoOf(ws);
    const yaml = path.join(ws, 'briefing.yaml');
    const text = await readFile(yaml, 'utf8');
    // A new title and a longer statement with a letter the seeds never use: new runs, new glyphs in the fonts' subsets, the pages reflow.
    const edited = text.replace(/^title: .*$/m, "title: 'Quizzical jackdaws vexed by wry zephyrs'").replace(/yet still depend on each other\./, 'yet still depend, naïvely, on each other.');
    expect(edited).not.toBe(text);
    await writeFile(yaml, edited);
    const second = await memoOf(ws);
    // The first memo, the second, and the first as PDF/A (a session may switch --pdfa on).
    const jobs = [
      { memo: first, pdfa: false },
      { memo: second, pdfa: false },
      { memo: first, pdfa: true },
    ];
    const cold = jobs.map((job, i) => coldRender(dir, `cold-${i}`, job.memo, job.pdfa));
    expect(cold[0]!.equals(cold[1]!)).toBe(false);
    expect(cold[0]!.equals(cold[2]!)).toBe(false);
    for (const [i, which] of [0, 1, 2, 0, 1, 1, 2, 0].entries()) {
      const warm = await renderMemo(jobs[which]!.memo, { date: DATE, pdfa: jobs[which]!.pdfa });
      expect(Buffer.from(warm.bytes).equals(cold[which]!), `render ${i + 1}`).toBe(true);
    }
  });
});
