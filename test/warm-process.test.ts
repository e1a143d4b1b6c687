// A process that writes output after output (a watch session) keeps work from one build to the
// next: templates, measured paragraphs, scaled runs and font subsets for the memo, compressed
// parts for the deck. Each file it writes must be byte for byte the file a fresh process writes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVerifiedWorkspace, prepareOutputs } from '../src/pipeline/pipeline.js';
import type { PlacedDeck } from '../src/deck/elements.js';
import { writeDeck } from '../src/deck/pptx-writer.js';
import { loadTheme } from '../src/inputs/theme.js';
import { renderMemo } from '../src/memo/pdf-writer.js';
import type { Memo } from '../src/model/types.js';
import { copySeeds, removeDir, ROOT } from './helpers/workspace.js';

const DATE = new Date('2025-11-01T00:00:00Z');

async function modelsOf(workspace: string): Promise<{ memo: Memo; deck: PlacedDeck }> {
  const ws = await loadVerifiedWorkspace(workspace);
  const { theme } = await loadTheme(ws.dir, ws.shownDir);
  const prepared = await prepareOutputs(ws, theme);
  if (!prepared.memo || !prepared.placedDeck) throw new Error(`no outputs: ${JSON.stringify(prepared.diagnostics)}`);
  return { memo: prepared.memo, deck: prepared.placedDeck };
}

/** A writer's output as a new process makes it (the compiled code, nothing kept): `script` gets the model on stdin. */
function fresh(dir: string, name: string, script: string, model: unknown, args: string[] = []): Buffer {
  const out = path.join(dir, name);
  execFileSync(process.execPath, ['--input-type=module', '-e', script, out, DATE.toISOString(), ...args], { cwd: ROOT, input: serialize(model), stdio: ['pipe', 'inherit', 'inherit'] });
  return readFileSync(out);
}

const FRESH_MEMO = `
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
const { renderMemo } = await import('./dist/memo/pdf-writer.js');
const [out, date, pdfa] = process.argv.slice(1);
const r = await renderMemo(deserialize(readFileSync(0)), { date: new Date(date), pdfa: pdfa === 'true' });
if (r.diagnostics.length) throw new Error(JSON.stringify(r.diagnostics));
writeFileSync(out, r.bytes);
`;

const FRESH_DECK = `
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
const { writeDeck } = await import('./dist/deck/pptx-writer.js');
const [out, date] = process.argv.slice(1);
const r = await writeDeck(deserialize(readFileSync(0)), { date: new Date(date) });
if (r.diagnostics.length) throw new Error(JSON.stringify(r.diagnostics));
writeFileSync(out, r.bytes);
`;

describe('outputs written one after another in one process', () => {
  let dir: string;
  let first: { memo: Memo; deck: PlacedDeck };
  let second: { memo: Memo; deck: PlacedDeck };
  beforeAll(async () => {
    let ws: string;
    ({ dir, ws } = await copySeeds());
    first = await modelsOf(ws);
    const yaml = path.join(ws, 'briefing.yaml');
    const text = await readFile(yaml, 'utf8');
    // A new title and a longer statement with a letter the seeds never use: new runs, new glyphs
    // in the fonts' subsets, the pages reflow; the statement's slide and notes change, others not.
    const edited = text.replace(/^title: .*$/m, "title: 'Quizzical jackdaws vexed by wry zephyrs'").replace(/yet still depend on each other\./, 'yet still depend, naïvely, on each other.');
    expect(edited).not.toBe(text);
    await writeFile(yaml, edited);
    second = await modelsOf(ws);
  }, 60_000);
  afterAll(async () => {
    await removeDir(dir);
  });

  it('memos: each the bytes a fresh process writes', { timeout: 120_000 }, async () => {
    // The first memo, the second, and the first as PDF/A (a session may switch --pdfa on).
    const jobs = [
      { memo: first.memo, pdfa: false },
      { memo: second.memo, pdfa: false },
      { memo: first.memo, pdfa: true },
    ];
    const cold = jobs.map((job, i) => fresh(dir, `memo-${i}.pdf`, FRESH_MEMO, job.memo, [String(job.pdfa)]));
    expect(cold[0]!.equals(cold[1]!)).toBe(false);
    expect(cold[0]!.equals(cold[2]!)).toBe(false);
    for (const [i, which] of [0, 1, 2, 0, 1, 1, 2, 0].entries()) {
      const warm = await renderMemo(jobs[which]!.memo, { date: DATE, pdfa: jobs[which]!.pdfa });
      expect(Buffer.from(warm.bytes).equals(cold[which]!), `memo ${i + 1}`).toBe(true);
    }
  });

  it('decks: each the bytes a fresh process writes', { timeout: 120_000 }, async () => {
    const decks = [first.deck, second.deck];
    const cold = decks.map((deck, i) => fresh(dir, `deck-${i}.pptx`, FRESH_DECK, deck));
    expect(cold[0]!.equals(cold[1]!)).toBe(false);
    for (const [i, which] of [0, 1, 0, 1, 1, 0].entries()) {
      const warm = await writeDeck(decks[which]!, { date: DATE });
      expect(Buffer.from(warm.bytes).equals(cold[which]!), `deck ${i + 1}`).toBe(true);
    }
  });
});
