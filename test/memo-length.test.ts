// A short memo: the seeds' body on at most three A4 pages, every section once, compact references
// that show how many documents support each statement and the editor's titles in brackets, no
// empty page however long the body, and the build saying how long the memo is.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVerifiedWorkspace, workspaceToModels } from '../src/pipeline/pipeline.js';
import { renderMemo, type MemoPages } from '../src/memo/pdf-writer.js';
import { plainText, type Block, type Memo } from '../src/model/types.js';
import { statementsOf } from '../src/verify/verify.js';
import { formatLongDate } from '../src/template/view.js';
import { readPdf, type ReadPdf } from './helpers/pdf.js';
import { copySeeds, removeDir, runCli, SEEDS } from './helpers/workspace.js';

const DATE = new Date('2025-11-01T00:00:00Z');
const fold = (s: string) => s.replace(/\s+/g, ' ').replace(/([-–—]) /g, '$1').trim();

/** The page (1-based) the references' heading is on, from the PDF's outline. */
function referencesPage(pdf: ReadPdf): number {
  const entry = pdf.outline.find((o) => o.title === 'References');
  if (!entry?.page) throw new Error('no References bookmark');
  return entry.page;
}

/** A page's text without its running header and footer. */
function ownText(pdf: ReadPdf, k: number, subject: string, date: string): string {
  return (pdf.pageText[k] ?? '')
    .replace(`Page ${k + 1} of ${pdf.pages}`, '')
    .replace(fold(subject), '')
    .replace(date, '')
    .trim();
}

describe('the seeds\' memo', () => {
  let memo: Memo;
  let pdf: ReadPdf;
  let pages: MemoPages | undefined;

  beforeAll(async () => {
    const ws = await loadVerifiedWorkspace(SEEDS);
    memo = (await workspaceToModels(ws)).memo as Memo;
    const rendered = await renderMemo(memo, { date: DATE, pdfa: false });
    pages = rendered.pages;
    pdf = await readPdf(rendered.bytes);
  }, 60_000);

  it('has a body of at most three pages, references on pages of their own after it', () => {
    const body = referencesPage(pdf) - 1;
    expect(body).toBeLessThanOrEqual(3);
    expect(pages).toEqual({ total: pdf.pages, body });
    // The references begin at the top of their page: nothing of the body shares it.
    const start = ownText(pdf, body, memo.meta.subject, formatLongDate(memo.meta.asOf));
    expect(start.startsWith('References')).toBe(true);
  });

  it('prints every section once: each statement of the summary once in the body, no table repeating the investment history', async () => {
    const ws = await loadVerifiedWorkspace(SEEDS);
    // The body's pages without their running header and footer: a paragraph may run over a page.
    const body = fold(Array.from({ length: referencesPage(pdf) - 1 }, (_, k) => ownText(pdf, k, memo.meta.subject, formatLongDate(memo.meta.asOf))).join(' '));
    for (const s of statementsOf(ws.summary!)) {
      const text = fold(s.fields.find((f) => f.name === 'text')?.value ?? '');
      if (text.length < 30) continue;
      const probe = text.slice(0, 60);
      expect(body.split(probe).length - 1, probe).toBe(1);
    }
    const investment = sectionBlocks(memo.blocks, ws.summary!.headlines.investment ?? 'Investment history');
    expect(investment.length).toBeGreaterThan(0);
    expect(investment.filter((b) => b.type === 'table' || b.type === 'timeline')).toEqual([]);
  });

  it('sets the references compactly: the documents once, then each passage with one line of details and its support', () => {
    const refs = fold(pdf.pageText.slice(referencesPage(pdf) - 1).join(' '));
    // The documents once, each with its file.
    for (const c of memo.citations) expect(refs.split(c.file).length - 1, c.file).toBe(1);
    // Each passage: its document and place, then how many documents support the statement.
    for (const c of memo.citations) {
      expect(c.support, `support of ${c.n}`).toBeGreaterThan(0);
      const line = `${c.doc}, ${c.place} · ${c.support} ${c.support === 1 ? 'source' : 'sources'}`;
      expect(refs).toContain(`${fold(c.quote)}” ${line}`);
    }
    expect(memo.citations.some((c) => c.support === 1)).toBe(true);
    expect(memo.citations.some((c) => (c.support ?? 0) > 1)).toBe(true);
    // Quotes in smaller type than the body.
    const body = pdf.text[0]?.find((i) => i.str.length > 3 && i.h > 9)?.h ?? 0;
    const quote = pdf.text[referencesPage(pdf)]?.find((i) => i.str.startsWith('“'))?.h ?? 99;
    expect(quote).toBeLessThan(body);
  });

  it('shows a title only the summary gives as the editor\'s, in brackets', async () => {
    const ws = await loadVerifiedWorkspace(SEEDS);
    const refs = fold(pdf.pageText.slice(referencesPage(pdf) - 1).join(' '));
    const editors = ws.documents.filter((d) => d.titleFrom === 'editor');
    expect(editors.map((d) => d.id)).toEqual(['001', '002']);
    for (const d of editors) expect(refs).toContain(`[${fold(d.title)}]`);
    for (const d of ws.documents.filter((x) => x.titleFrom === 'document')) {
      expect(refs).toContain(fold(d.title));
      expect(refs).not.toContain(`[${fold(d.title)}]`);
    }
  });

  it('never leaves an empty page, whatever the length of the body', async () => {
    const filler = (k: number): Block => ({ type: 'paragraph', inlines: [{ type: 'text', text: `Filler paragraph ${k} lengthens the body one line after another so that its end falls at every height of a page. `.repeat(2) }] });
    for (let extra = 0; extra <= 36; extra += 3) {
      const longer: Memo = { ...memo, blocks: [...memo.blocks, ...Array.from({ length: extra }, (_, k) => filler(k))] };
      const rendered = await renderMemo(longer, { date: DATE, pdfa: false });
      const read = await readPdf(rendered.bytes);
      for (let k = 0; k < read.pages; k++) expect(ownText(read, k, memo.meta.subject, formatLongDate(memo.meta.asOf)), `${extra} more paragraphs: page ${k + 1} of ${read.pages}`).not.toBe('');
      expect(rendered.pages?.body).toBe(referencesPage(read) - 1);
    }
  }, 120_000);
});

describe('the build says how long the memo is', () => {
  let dir: string;
  beforeAll(async () => ({ dir } = await copySeeds()));
  afterAll(() => removeDir(dir));

  it('on stderr, in --json and in build.json', async () => {
    const result = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const said = /memo\.pdf \(\d+ KB, (\d) pages \+ (\d+) of references\)/.exec(result.stderr);
    expect(said, result.stderr).not.toBeNull();
    const manifest = JSON.parse(await readFile(path.join(dir, 'out', 'build.json'), 'utf8')) as { outputs: { file: string; pages?: number; bodyPages?: number }[] };
    const entry = manifest.outputs.find((o) => o.file === 'memo.pdf');
    expect(entry?.bodyPages).toBe(Number(said?.[1]));
    expect(entry?.pages).toBe(Number(said?.[1]) + Number(said?.[2]));
    const pdf = await readPdf(await readFile(path.join(dir, 'out', 'memo.pdf')));
    expect(entry?.pages).toBe(pdf.pages);
    const json = await runCli(['build', 'ws', '--out', 'out', '--json', '--force'], { cwd: dir });
    const report = JSON.parse(json.stdout) as { outputs: { file: string; pages?: number; bodyPages?: number }[] };
    expect(report.outputs.find((o) => o.file === 'memo.pdf')).toMatchObject({ pages: entry?.pages, bodyPages: entry?.bodyPages });
  }, 120_000);
});

/** The blocks of the section whose heading is `title`, up to the next heading of its level. */
function sectionBlocks(blocks: readonly Block[], title: string): Block[] {
  const start = blocks.findIndex((b) => b.type === 'heading' && plainText(b.inlines).trim() === title.trim());
  if (start < 0) return [];
  const rest = blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.type === 'heading' && b.level <= 2);
  return end < 0 ? rest : rest.slice(0, end);
}
