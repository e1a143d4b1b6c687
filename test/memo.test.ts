// The memo writer: render the seeds' memo and read the PDF back (pdfjs-dist, poppler, qpdf).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText, type Memo } from '../src/model/types.js';
import { loadVerifiedWorkspace, workspaceToModels } from '../src/pipeline/pipeline.js';
import { renderMemo } from '../src/memo/pdf-writer.js';
import { allText, readPdf, type ReadPdf } from './helpers/pdf.js';
import { citeGroups } from '../src/verify/numbering.js';
import { copySeeds, removeDir, SEEDS } from './helpers/workspace.js';
import { withSignpostsAndPursuers } from './helpers/seeds-extra.js';

const DATE = new Date('2025-11-01T00:00:00Z');

function onPath(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function memoOf(workspace: string): Promise<Memo> {
  const ws = await loadVerifiedWorkspace(workspace);
  const models = await workspaceToModels(ws);
  if (!models.memo) throw new Error(`no memo: ${JSON.stringify(models.diagnostics)}`);
  return models.memo;
}

/** Folded text, the way pdfjs gives it back: no line breaks, single spaces. */
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('renderMemo on the seeds', () => {
  let memo: Memo;
  let bytes: Uint8Array;
  let pdf: ReadPdf;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    memo = await memoOf(SEEDS);
    const result = await renderMemo(memo, { date: DATE, pdfa: false });
    expect(result.diagnostics).toEqual([]);
    bytes = result.bytes;
    pdf = await readPdf(bytes);
    ({ dir } = await copySeeds());
    file = path.join(dir, 'memo.pdf');
    await writeFile(file, bytes);
  });
  afterAll(() => removeDir(dir));

  it('opens with the memo header and puts the bottom line first', () => {
    const first = pdf.pageText[0] ?? '';
    expect(first).toMatch(/^M E M O R A N D U M|^MEMORANDUM/);
    for (const field of ['TO', 'FROM', 'DATE', 'SUBJECT']) expect(first).toContain(field);
    expect(first).toContain('1 June 2025');
    expect(first).toContain(fold(memo.meta.subject));
    expect(first.indexOf('Bottom line')).toBeGreaterThan(first.indexOf('SUBJECT'));
  });

  it('prints every section heading, then References', () => {
    const text = allText(pdf);
    const headings = memo.blocks.flatMap((b) => (b.type === 'heading' ? [fold(plainText(b.inlines))] : []));
    expect(headings.length).toBeGreaterThanOrEqual(6);
    let at = 0;
    for (const heading of [...headings, 'References']) {
      const found = text.indexOf(heading, at);
      expect(found, heading).toBeGreaterThanOrEqual(0);
      at = found;
    }
  });

  it('bookmarks every section, with subsections nested', async () => {
    const sections = memo.blocks.flatMap((b) => (b.type === 'heading' && b.level === 2 ? [fold(plainText(b.inlines))] : []));
    expect(pdf.outline.map((o) => o.title)).toEqual([...sections, 'References']);
    for (const item of pdf.outline) {
      expect(item.page).not.toBeNull();
      expect(pdf.pageText[(item.page as number) - 1]).toContain(item.title);
    }
    // Alternatives of two pursuers are two subsections (the seeds' are all one pursuer's).
    const { dir: other, ws } = await copySeeds();
    try {
      await withSignpostsAndPursuers(ws);
      const split = await readPdf((await renderMemo(await memoOf(ws), { date: DATE, pdfa: false })).bytes);
      const alternatives = split.outline.find((o) => o.items.length > 0);
      expect(alternatives?.items.map((i) => i.title)).toEqual(['Pursued by Microsoft', 'Pursued by OpenAI']);
    } finally {
      await removeDir(other);
    }
  });

  it('never leaves a heading or a run-in label alone at the foot of a page', async () => {
    const { doubledSeeds } = await import('./helpers/deck.js');
    const doubledDir = await doubledSeeds(dir);
    const doubled = await memoOf(doubledDir);
    for (const [model, read] of [
      [memo, pdf],
      [doubled, await readPdf((await renderMemo(doubled, { date: DATE, pdfa: false })).bytes)],
    ] as const) {
      expect(headingsAloneAtPageFoot(model, read)).toEqual([]);
    }
    // Filler paragraphs push a heading and a label down the first page, line by line, past its foot.
    for (let n = 26; n <= 40; n++) {
      const filler = Array.from({ length: n }, (_, k) => ({ type: 'paragraph' as const, inlines: [{ type: 'text' as const, text: `Filler line ${k + 1}.` }] }));
      const pushed: Memo = {
        ...memo,
        blocks: [
          ...filler,
          { type: 'heading', level: 2, id: 'sec-pushed', inlines: [{ type: 'text', text: 'A heading pushed down the page' }] },
          { type: 'paragraph', inlines: [{ type: 'text', text: 'A label pushed down too', bold: true }] },
          { type: 'list', ordered: false, items: Array.from({ length: 12 }, (_, k) => [{ type: 'text' as const, text: `Item ${k + 1}` }]) },
        ],
        citations: [],
      };
      const read = await readPdf((await renderMemo(pushed, { date: DATE, pdfa: false })).bytes);
      expect(headingsAloneAtPageFoot(pushed, read), `${n} filler paragraphs`).toEqual([]);
    }
  });

  it('links every citation number to its reference, and every reference back to its first use', () => {
    // Each group of citations ("15–17, 20"): every number or range printed is a link (a range, to its first).
    const groups = memo.blocks.flatMap((b) => (JSON.stringify(b).match(/("type":"cite","n":\d+\}(,\{)?)+/g) ?? []).map((run) => run.match(/\d+/g)?.map(Number) ?? []));
    const cited = new Set(groups.flat());
    expect(cited.size).toBe(memo.citations.length);
    const printed = new Set(groups.flatMap((g) => citeGroups(g).map((r) => r.first)));
    const toRefs = pdf.links.filter((l) => l.dest?.startsWith('ref-'));
    expect(new Set(toRefs.map((l) => Number(l.dest?.slice(4))))).toEqual(printed);
    for (const c of memo.citations) {
      const dest = pdf.destinations.get(`ref-${c.n}`);
      expect(dest, `ref-${c.n}`).toBeDefined();
      // The destination sits on the reference: its number, then its quote, at that height.
      const items = pdf.text[(dest?.page ?? 0) - 1] ?? [];
      const number = items.find((i) => i.str === String(c.n) && Math.abs(i.y - (dest?.y ?? 0)) < 12);
      expect(number, `number ${c.n} near its destination`).toBeDefined();
      const page = pdf.pageText[(dest?.page ?? 0) - 1] ?? '';
      expect(page).toContain(fold(`“${c.quote}`).slice(0, 40));
    }
    const back = pdf.links.filter((l) => l.dest?.startsWith('cite-'));
    expect(back.length).toBeGreaterThanOrEqual(memo.citations.length);
    for (const link of back) {
      const dest = pdf.destinations.get(link.dest as string);
      expect(dest, link.dest ?? '').toBeDefined();
      expect(dest?.page).toBeLessThan(pdf.outline.at(-1)?.page ?? 0);
    }
  });

  it('quotes every reference in full, with its document, file and line', () => {
    // A line may break after a hyphen or dash ("Amazon-" / "backed"): join those before comparing.
    const joined = (s: string) => fold(s).replace(/([-–—]) /g, '$1');
    const text = joined(allText(pdf));
    for (const c of memo.citations) {
      expect(text).toContain(`${joined(c.quote)}” ${c.doc}, line ${c.line}`);
      // The file, once, in the table of the documents the references cite.
      expect(text).toContain(c.file);
    }
  });

  it('numbers pages "Page x of y" and runs the subject in the header from page 2', () => {
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    pdf.pageText.forEach((t, k) => expect(t).toContain(`Page ${k + 1} of ${pdf.pages}`));
    expect(pdf.pageText[0]?.split(fold(memo.meta.subject)).length).toBe(2); // the header field only
    for (const [k, items] of pdf.text.entries()) {
      if (k === 0) continue;
      // The running header: the subject's first word at the top of the page, above the text.
      const top = Math.max(...items.map((i) => i.y));
      const first = fold(memo.meta.subject).split(' ')[0] ?? '';
      const topLine = fold(items.filter((i) => i.y === top).map((i) => i.str).join(' '));
      expect(first).not.toBe('');
      expect(topLine.startsWith(first)).toBe(true);
      expect(pdf.pageText[k]).toContain(fold(memo.meta.subject));
    }
  });

  it('writes the metadata and the as-of date', () => {
    expect(pdf.info.Title).toBe(memo.meta.title);
    expect(pdf.info.Author).toBe(memo.meta.author);
    expect(pdf.info.Subject).toBe(memo.meta.subject);
    expect(pdf.info.Keywords).toBe(memo.meta.keywords.join(', '));
    expect(pdf.info.Creator).toBe('briefing');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/CreationDate:\s+Sat Nov {2}1 00:00:00 2025 UTC/);
    expect(info).toMatch(/ModDate:\s+Sat Nov {2}1 00:00:00 2025 UTC/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it('embeds Source Serif 4 and Source Sans 3 and no other font', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThanOrEqual(4);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+(SourceSerif4|SourceSans3)/);
      expect(line).toMatch(/ yes /); // embedded
    }
  });

  it('is byte-for-byte reproducible', async () => {
    const again = await renderMemo(memo, { date: DATE, pdfa: false });
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
    const later = await renderMemo(memo, { date: new Date('2026-01-01T00:00:00Z'), pdfa: false });
    expect(Buffer.from(later.bytes).equals(Buffer.from(bytes))).toBe(false);
  });

  it.skipIf(!onPath('qpdf'))('passes qpdf --check', () => {
    const out = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(out).toMatch(/No syntax or stream encoding errors found/);
  });

  it('renders with pdftotext in reading order, with a measure of 60 to 80 characters', () => {
    const text = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    const lengths = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 40 && !/^Page \d/.test(l))
      .map((l) => l.length);
    const sorted = [...lengths].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(60);
    expect(median).toBeLessThanOrEqual(80);
  });
});

describe('renderMemo on text that looks like markup', () => {
  let dir: string;
  beforeAll(async () => {
    ({ dir } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('prints Markdown and HTML characters literally', async () => {
    const summaryFile = path.join(dir, 'ws', 'briefing.yaml');
    const summary = await readFile(summaryFile, 'utf8');
    // The first takeaway's text, whatever the curator wrote there.
    const original = /^  - text: ('.+')$/m.exec(summary)?.[1] ?? '';
    expect(original).not.toBe('');
    await writeFile(summaryFile, summary.replace(original, "'A *stars* claim, <b>bold</b> tags and a [x](y) link stay literal.'"));
    const memo = await memoOf(path.join(dir, 'ws'));
    const result = await renderMemo(memo, { date: DATE, pdfa: false });
    expect(result.diagnostics).toEqual([]);
    const text = allText(await readPdf(result.bytes));
    expect(text).toContain('A *stars* claim, <b>bold</b> tags and a [x](y) link stay literal.');
  });
});

describe('renderMemo --pdfa', () => {
  it('writes PDF/A-2b identification, an sRGB output intent and escaped XMP metadata', async () => {
    const memo = await memoOf(SEEDS);
    memo.meta.title = 'R&D <draft> memo';
    const result = await renderMemo(memo, { date: DATE, pdfa: true });
    expect(result.diagnostics).toEqual([]);
    const raw = Buffer.from(result.bytes).toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toContain('R&amp;D &lt;draft&gt; memo');
    expect(raw).toMatch(/\/OutputIntents/);
    const pdf = await readPdf(result.bytes);
    expect(pdf.info.Title).toBe('R&D <draft> memo');
  });
});

/** Headings and bold run-in labels with nothing of their own page below them. */
function headingsAloneAtPageFoot(memo: Memo, pdf: ReadPdf): string[] {
  const labels = memo.blocks.flatMap((b) => {
    if (b.type === 'heading') return [fold(plainText(b.inlines))];
    if (b.type === 'paragraph' && b.inlines.every((i) => i.type === 'text' && i.bold)) return [fold(plainText(b.inlines))];
    return [];
  });
  const alone: string[] = [];
  pdf.text.forEach((items, p) => {
    // Lines of the text column, top to bottom, without the running header and the footer.
    const byY = new Map<number, string[]>();
    for (const i of items) {
      if (i.str.trim() === '' || i.y < 55 || i.y > 790) continue;
      const y = Math.round(i.y);
      byY.set(y, [...(byY.get(y) ?? []), i.str]);
    }
    const lines = [...byY.entries()].sort((a, b) => b[0] - a[0]).map(([, words]) => fold(words.join(' ')));
    for (const label of labels) {
      const at = lines.findIndex((l) => l.length > 0 && label.startsWith(l.slice(0, Math.min(l.length, 20))));
      if (at < 0) continue;
      if (!lines.slice(at + 1).some((l) => !label.includes(l))) alone.push(`page ${p + 1}: ${label}`);
    }
  });
  return alone;
}
