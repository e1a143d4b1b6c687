// A second topic, end to end: a fictional rail merger read from a CRLF text file, Markdown, a
// web page, a PDF and a Word document, with owners, kinds and dates of its own. And every kind
// of unreadable source: one diagnostic naming the file, exit 1, earlier outputs untouched.
import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText as deckText, readPptx } from './helpers/deck.js';
import { allText as pdfText, readPdf } from './helpers/pdf.js';
import { makeRailWorkspace } from './helpers/rail.js';
import { makeDocx, makePdf, makeTextlessPdf } from './helpers/sources.js';
import { removeDir, runCli, runCliProcess, tempDir } from './helpers/workspace.js';
import { readOutputs } from './helpers/snapshot.js';

describe('a workspace on another topic, in five formats', () => {
  let dir = '';
  let ws = '';
  beforeAll(async () => {
    dir = await tempDir();
    ws = await makeRailWorkspace(dir);
  });
  afterAll(() => removeDir(dir));

  it('checks: every citation verified in every format, with the dates each format gives', async () => {
    const result = await runCli(['check', 'ws', '--json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { documents: { id: string; title: string; date?: string }[]; citations: { doc: string; verified: boolean; line: number; page?: number }[] };
    expect(report.documents.map((d) => [d.id, d.date])).toEqual([
      ['001', '2024-04-18'],
      ['002', '2024-05-02'],
      ['003', '2024-06-03'],
      ['004', '2024-07-12'],
      ['005', '2024-06-20'],
    ]);
    expect(report.documents.map((d) => d.title)).toContain('Regulator opens in-depth review of the valley rail merger');
    expect(report.citations.every((c) => c.verified)).toBe(true);
    expect(report.citations.filter((c) => c.doc === '004').every((c) => c.page !== undefined)).toBe(true);
  });

  it('builds a deck and a memo with no raw Markdown or HTML, the kinds and owners as written, PDF citations by page', async () => {
    const result = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(0);
    const deck = await readPptx(await readFile(path.join(dir, 'out/briefing.pptx')));
    const slides = deck.slides.map(deckText).join('\n');
    const notes = [...deck.notes.values()].map(deckText).join('\n');
    const memo = pdfText(await readPdf(await readFile(path.join(dir, 'out/memo.pdf'))));
    for (const text of [slides, notes, memo]) {
      expect(text).not.toMatch(/\*\*|__|\]\(|<\/?[a-z]+[ >]|&[a-z]+;|^#+ /m);
      expect(text).not.toMatch(/Subscribe|Cookie notice|All rights reserved/);
    }
    for (const shown of ['Rival bid', 'Remedy', 'Contingency', 'Lakeshore Rail', 'Regional transport authority']) expect(slides).toContain(shown);
    // A reference names its document and place; the documents' files are listed once above them.
    for (const [place, file] of [['004, p. 1', '004_review.pdf'], ['005, paragraph 3', '005_unions.docx'], ['002, line 9', '002_bulletin.md']]) {
      expect(memo).toContain(place);
      expect(memo).toContain(file);
    }
    expect(notes).toMatch(/004, Interim findings on the Northline–Cascade merger \(2024-07-12\), p\. 1: “fares could rise/);
  });

  it('reads every format through the bundled entry too (the reader libraries load from node_modules)', async () => {
    const bundled = await runCliProcess(['check', 'ws'], { cwd: dir });
    expect(bundled.stderr).toBe('ws/briefing.yaml: ok: 23 citations verified in 5 documents\n');
    expect(bundled.code).toBe(0);
  });

  it('does not find a quote of the page furniture around the article', async () => {
    const yaml = await readFile(path.join(ws, 'briefing.yaml'), 'utf8');
    const withBoilerplate = yaml.replace(
      '{ doc: "001", quote: "in a deal worth €2.4 billion" }',
      '{ doc: "001", quote: "in a deal worth €2.4 billion" }\n      - { doc: "001", quote: "Cookie notice: we use cookies to improve your reading experience" }',
    );
    await writeFile(path.join(ws, 'briefing.yaml'), withBoilerplate);
    try {
      const result = await runCli(['check', 'ws'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^ws\/briefing\.yaml:\d+:\d+: error: quote not found in 001: "»Cookie« notice: we use cookies to improve your reading experience"/m);
    } finally {
      await writeFile(path.join(ws, 'briefing.yaml'), yaml);
    }
  });

  it('grounds a month and year in the date of the cited document, and only there', async () => {
    const yaml = await readFile(path.join(ws, 'briefing.yaml'), 'utf8');
    // The takeaway "In April 2024 …" cites 001, dated 2024-04-18; cited to 002 (May) it no longer holds.
    const moved = yaml.replace(
      '- text: In April 2024 Northline Railways and Cascade Transit agreed to merge their regional networks.',
      '- text: In April 2024 Northline Railways and Cascade Transit agreed to merge their regional networks.\n    cite:\n      - { doc: "002", quote: "it would examine the Northline–Cascade deal" }\n  - text: Dropped.',
    );
    await writeFile(path.join(ws, 'briefing.yaml'), moved);
    try {
      const result = await runCli(['check', 'ws'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('error: figure "April 2024" (2024-04) in takeaways[0].text does not occur in its quotes nor in the date of a document cited [figure-not-in-quotes]');
    } finally {
      await writeFile(path.join(ws, 'briefing.yaml'), yaml);
    }
  });

  it('warns when the briefing is dated before its newest document', async () => {
    const yaml = await readFile(path.join(ws, 'briefing.yaml'), 'utf8');
    await writeFile(path.join(ws, 'briefing.yaml'), yaml.replace('asOf: 2024-08-01', 'asOf: 2024-07-01'));
    try {
      const result = await runCli(['check', 'ws'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('ws/briefing.yaml:6:7: warning: asOf 2024-07-01 is earlier than the newest document, 004 dated 2024-07-12; set asOf to the date of the briefing [as-of-before-sources]');
    } finally {
      await writeFile(path.join(ws, 'briefing.yaml'), yaml);
    }
  });

  it('names the files it does not read in one warning', async () => {
    await writeFile(path.join(ws, 'slides.pptx'), 'not read');
    await writeFile(path.join(ws, 'notes.rtf'), '{\\rtf1 not read}');
    try {
      const result = await runCli(['check', 'ws'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stderr.match(/source-skipped/g)).toHaveLength(1);
      expect(result.stderr).toContain('ws: warning: 2 files not read as sources (sources are .txt, .md, .markdown, .html, .htm, .xhtml, .pdf, .docx): notes.rtf, slides.pptx [source-skipped]');
    } finally {
      await Promise.all(['slides.pptx', 'notes.rtf'].map((f) => import('node:fs/promises').then((fs) => fs.rm(path.join(ws, f)))));
    }
  });
});

describe('a source that cannot be read', () => {
  let dir = '';
  let ws = '';
  let before: Record<string, Buffer> = {};
  beforeAll(async () => {
    dir = await tempDir();
    ws = await makeRailWorkspace(dir);
    const built = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(built.code).toBe(0);
    before = await readOutputs(path.join(dir, 'out'));
  });
  afterAll(() => removeDir(dir));

  const cases: [string, string, () => Promise<Uint8Array | string>, RegExp][] = [
    ['a corrupt PDF', '006_corrupt.pdf', async () => '%PDF-1.7\n1 0 obj << /Type /Catalog', /error: not a readable PDF.*\[source-corrupt\]$/],
    ['a PDF with no text', '006_scan.pdf', makeTextlessPdf, /error: PDF has no text layer \(a scanned document\?\); run it through OCR and save the result \[source-no-text\]$/],
    ['an encrypted PDF', '006_locked.pdf', () => makePdf({ pages: [['Confidential findings']], userPassword: 'secret' }), /error: PDF is encrypted \(it needs a password to open\); save an unprotected copy \[source-encrypted\]$/],
    ['a page with no article', '006_home.html', async () => '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2024</footer></body></html>', /error: no article found in the page .*\[source-no-article\]$/],
    ['a .docx that is not a zip', '006_notes.docx', async () => 'These notes were saved as text with the wrong name.', /error: not a Word document: a \.docx is a zip archive, and this file is not one \[source-corrupt\]$/],
    ['an empty Word document', '006_blank.docx', () => makeDocx([]), /error: Word document has no text \[source-empty\]$/],
  ];

  for (const [what, name, make, message] of cases) {
    it(`${what}: one diagnostic naming the file, exit 1, no stack trace, outputs untouched`, async () => {
      const file = path.join(ws, name);
      await writeFile(file, await make());
      try {
        for (const command of ['check', 'build']) {
          const result = await runCli(command === 'build' ? ['build', 'ws', '--out', 'out', '--force'] : ['check', 'ws'], { cwd: dir });
          expect(result.code).toBe(1);
          const lines = result.stderr.split('\n').filter((l) => l.includes(name));
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatch(new RegExp(`^ws/${name.replace('.', '\\.')}: `));
          expect(lines[0]).toMatch(message);
          expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
        }
        expect(await readOutputs(path.join(dir, 'out'))).toEqual(before);
      } finally {
        await import('node:fs/promises').then((fs) => fs.rm(file));
      }
    });
  }

  it('a 200 MB PDF: refused before it is read, naming the file', async () => {
    const file = path.join(ws, '006_huge.pdf');
    await writeFile(file, '%PDF-1.7\n');
    await truncate(file, 200 * 1024 * 1024);
    try {
      const result = await runCli(['build', 'ws', '--out', 'out', '--force'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('ws/006_huge.pdf: error: PDF source is 200 MB; the limit is 100 MB [source-too-large]');
      expect(await readOutputs(path.join(dir, 'out'))).toEqual(before);
    } finally {
      await import('node:fs/promises').then((fs) => fs.rm(file));
    }
  });
});
