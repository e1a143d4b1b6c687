// The same inputs give the same bytes under any locale (issue 21.6): the memo's sources table was
// sorted with localeCompare (LANG=cs_CZ.UTF-8 put "cha" after "hat"), and pdfkit sorts a PDF's
// named destinations with it too. Documents whose ids sort differently in Czech ("ch" after "h"),
// Turkish (dotted and dotless i) and Swedish (å, ä, ö after z), built under each LANG.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, runCliProcess, tempDir, writeFiles } from './helpers/workspace.js';
import { mkdir } from 'node:fs/promises';

const LANGS = ['C', 'en_US.UTF-8', 'cs_CZ.UTF-8', 'tr_TR.UTF-8', 'sv_SE.UTF-8'];

const DOCUMENTS: Record<string, string> = {
  'cha_one.txt': 'date 2025-01-02\n\nAlpha Corp invested $2 billion in Beta in 2021, people said.\n',
  'hat_two.txt': 'date 2025-01-03\n\nIt was the largest deal by far, the report said.\n',
  'dog_three.txt': 'date 2025-01-04\n\nBeta revenue rose 40% last year, the filing shows.\n',
  'Ida_four.txt': 'date 2025-01-05\n\nThe board met twice in the spring of that year.\n',
  'ıdb_five.txt': 'date 2025-01-06\n\nThe regulator opened a review in the autumn.\n',
  'åsa_six.txt': 'date 2025-01-07\n\nThe partners signed a new agreement in the winter.\n',
};

const SUMMARY = [
  'title: Alpha and Beta',
  'asOf: 2025-02-01',
  'takeaways:',
  '  - text: Alpha invested $2 billion in Beta in 2021.',
  '    cite:',
  '      - { doc: "cha", quote: "Alpha Corp invested $2 billion in Beta in 2021" }',
  '      - { doc: "hat", quote: "It was the largest deal by far" }',
  '  - text: Beta revenue rose 40% last year.',
  '    cite:',
  '      - { doc: "dog", quote: "Beta revenue rose 40% last year" }',
  '      - { doc: "Ida", quote: "The board met twice in the spring" }',
  '  - text: A review and a new agreement followed.',
  '    cite:',
  '      - { doc: "ıdb", quote: "The regulator opened a review in the autumn" }',
  '      - { doc: "åsa", quote: "The partners signed a new agreement in the winter" }',
  '',
].join('\n');

describe('bytes under several locales', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('briefing-locale-');
    await mkdir(path.join(dir, 'ws'));
    await writeFiles(path.join(dir, 'ws'), { ...DOCUMENTS, 'briefing.yaml': SUMMARY });
  });
  afterAll(() => removeDir(dir));

  it('are the same under LANG=C, en_US, cs_CZ, tr_TR and sv_SE', async () => {
    const hashes: Record<string, string[]> = {};
    for (const lang of LANGS) {
      const out = `out-${lang}`;
      const env = { LANG: lang, LC_ALL: lang, LANGUAGE: '', BRIEFING_NO_CACHE: '1' };
      // A process of its own: the locale is read when a process starts.
      const r = await runCliProcess(['build', 'ws', '--out', out], { cwd: dir, env });
      expect(r.code, `${lang}: ${r.stderr}`).toBe(0);
      const files = ['briefing.pptx', 'memo.pdf', 'build.json'];
      hashes[lang] = await Promise.all(files.map(async (f) => createHash('sha256').update(await readFile(path.join(dir, out, f))).digest('hex')));
    }
    // ICU knows these locales here: under cs_CZ, localeCompare puts "cha" after "hat" (what the memo's table did).
    expect(['cha', 'dog', 'hat'].sort((a, b) => a.localeCompare(b, 'cs'))).toEqual(['dog', 'hat', 'cha']);
    for (const lang of LANGS) expect(hashes[lang], lang).toEqual(hashes.C);
  }, 180_000);
});
