// "What changed" against a baseline the user chooses: right after the takeaways in both outputs;
// the baseline is the last build that reported its changes (a change a plain build saw is still
// reported by the next --changes build); --since names an earlier build.json or a manifest the
// output folder keeps in .briefing-history.
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, readPptx } from './helpers/deck.js';
import { readPdf } from './helpers/pdf.js';
import { copySeeds, removeDir, runCli } from './helpers/workspace.js';

const NEW_DOC = 'A short note.\n\nMicrosoft and OpenAI met on Tuesday to discuss the future of their partnership in detail.\n';

async function outputs(dir: string, out: string) {
  const pptx = await readPptx(await readFile(path.join(dir, out, 'briefing.pptx')));
  const pdf = await readPdf(await readFile(path.join(dir, out, 'memo.pdf')));
  return { slides: pptx.slides.map((xml) => allText(xml).replace(/\s+/g, ' ')), memo: pdf.pageText.join(' ') };
}

describe('what changed, against a chosen baseline', () => {
  let dir: string;
  let ws: string;
  const build = (...args: string[]) => runCli(['build', 'ws', '--out', 'out', ...args], { cwd: dir });

  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    // The first build that reports its changes: the baseline of the next ones.
    expect((await build('--changes')).code).toBe(0);
  }, 60_000);
  afterAll(() => removeDir(dir));

  it('reports a new document in the next --changes build although a plain build saw it first, then no more', async () => {
    await writeFile(path.join(ws, '005_note.txt'), NEW_DOC);
    const plain = await build();
    expect(plain.stderr).toContain('changes since the previous build:\n  documents added: 005\n');
    const reported = await build('--changes');
    expect(reported.code, reported.stderr).toBe(0);
    expect(reported.stderr).toContain('changes since the last build that reported its changes (2025-06-01):\n  documents added: 005\n');
    const { slides, memo } = await outputs(dir, 'out');
    // Right after the takeaways: the deck's third slide, the memo's section after the bottom line.
    expect(slides[2]).toContain('What changed since the build of 1 June 2025');
    expect(slides[2]).toContain('Added, not yet cited: “[untitled] A short note.” (005)');
    const bottom = memo.indexOf('Bottom line');
    const changed = memo.indexOf('What changed since the build of 1 June 2025');
    expect(changed).toBeGreaterThan(bottom);
    expect(memo.slice(bottom, changed)).not.toMatch(/What it means|Signposts|From \$1 billion/);
    expect(memo).toContain('Added, not yet cited');
    expect(memo).toContain('“[untitled] A short note.” (005)');
    // Reported once: the next --changes build has nothing new to say.
    const again = await build('--changes', '--force');
    expect(again.stderr).toContain('changes: none since the last build that reported its changes (2025-06-01)');
    expect((await outputs(dir, 'out')).slides[2]).toContain('Nothing has changed since the build of 1 June 2025');
  }, 120_000);

  it('keeps the last five manifests, named by build number, date and inputs hash', async () => {
    for (let k = 0; k < 3; k++) expect((await build('--force')).code).toBe(0);
    const names = (await readdir(path.join(dir, 'out', '.briefing-history'))).sort();
    expect(names).toHaveLength(5);
    for (const name of names) expect(name).toMatch(/^\d{4}-2025-06-01-[0-9a-f]{8}\.json$/);
    expect(names.map((n) => Number(n.slice(0, 4)))).toEqual([3, 4, 5, 6, 7]);
    const manifest = await readFile(path.join(dir, 'out', 'build.json'), 'utf8');
    expect(await readFile(path.join(dir, 'out', '.briefing-history', names[4] as string), 'utf8')).toBe(manifest);
  }, 120_000);

  it('compares with a manifest --since names: a file, or one of the history by the start of its name', async () => {
    // The oldest manifest kept (build 3, which saw the new document), copied aside as a file of its own.
    await copyFile(path.join(dir, 'out', '.briefing-history', (await readdir(path.join(dir, 'out', '.briefing-history'))).sort()[0] as string), path.join(dir, 'with-005.json'));
    const named = await build('--since', '0003');
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toMatch(/changes: none since the build of 2025-06-01 in out\/\.briefing-history\/0003-/);
    // The new document edited: against build 3, it changed since then.
    await writeFile(path.join(ws, '005_note.txt'), `${NEW_DOC}A second paragraph.\n`);
    const file = await build('--since', 'with-005.json');
    expect(file.code, file.stderr).toBe(0);
    expect(file.stderr).toContain('changes since the build of 2025-06-01 in with-005.json:\n  documents changed: 005\n');
    const { slides, memo } = await outputs(dir, 'out');
    expect(slides[2]).toContain('Source revised:');
    expect(slides[2]).toContain('(005); every statement citing it was verified again');
    expect(slides[2]).toContain('What changed since the build of 1 June 2025');
    expect(memo).toContain('What changed since the build of 1 June 2025');
    // The same inputs and the same baseline give the same bytes.
    const before = await readFile(path.join(dir, 'out', 'briefing.pptx'));
    const memoBefore = await readFile(path.join(dir, 'out', 'memo.pdf'));
    expect((await build('--since', 'with-005.json', '--force')).code).toBe(0);
    expect((await readFile(path.join(dir, 'out', 'briefing.pptx'))).equals(before)).toBe(true);
    expect((await readFile(path.join(dir, 'out', 'memo.pdf'))).equals(memoBefore)).toBe(true);
  }, 120_000);

  it('refuses a --since that names nothing (usage, 2) or no manifest (content, 1)', async () => {
    const missing = await build('--since', '0099');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--since: no such file, and no single manifest in the history starts with "0099"; out\/\.briefing-history has \d{4}-2025-06-01-/);
    await writeFile(path.join(dir, 'not-a-manifest.json'), '{"hello": 1}\n');
    const wrong = await build('--since', 'not-a-manifest.json');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('not-a-manifest.json: error: --since not-a-manifest.json: it is not a build manifest (build.json) of briefing [since-invalid]');
    expect(wrong.stderr).not.toMatch(/at .*\.js:\d+/);
  }, 60_000);
});
