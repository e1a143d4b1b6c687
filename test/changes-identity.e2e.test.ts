// "What changed", by identity, read back from the built deck and memo: a reordered section reports
// nothing; a new document that puts an amount differently is named as a conflict candidate, with its
// title and date; an edited figure reads old → new; a deleted item is withdrawn once.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, readPptx } from './helpers/deck.js';
import { readPdf, type ReadPdf } from './helpers/pdf.js';
import { copySeeds, removeDir, runCli } from './helpers/workspace.js';

/** A sixth article that puts Microsoft's total at $13 billion, where the summary (after 004) says $13.75 billion. */
const ARTICLE = `Microsoft trims its OpenAI exposure as rival cloud deals mount
Published: 28 October 2025

SEATTLE, 28 October 2025 — Microsoft has invested a total of $13 billion in OpenAI since 2019, according to a regulatory filing reviewed this week, a figure below the $13.75 billion cited in earlier press reports.

The filing shows that Microsoft's first investment in OpenAI, in 2019, was $1 billion, and that most of the remaining money arrived in instalments after the launch of ChatGPT.

People familiar with the matter said OpenAI has signed a $38 billion agreement with Amazon Web Services to rent computing capacity over seven years, the clearest sign yet that Azure is no longer its only cloud provider.
`;

const TOTAL_ITEM = `    amount: { value: '$13.75 billion', kind: 'cumulative investment', party: 'Microsoft' }
    label: 'Microsoft’s reported total'
    text: 'Microsoft’s total investment has since ballooned to a reported $13.75 billion.'
    cite:
      - doc: "004"
        quote: 'Microsoft''s total investment has since ballooned to a reported $13.75 billion'`;

const TOTAL_EDITED = `    amount: { value: '$13 billion', kind: 'cumulative investment', party: 'Microsoft' }
    label: 'Microsoft’s reported total'
    text: 'Microsoft’s total investment in OpenAI has since grown to $13 billion, according to a regulatory filing.'
    cite:
      - doc: "005"
        quote: 'Microsoft has invested a total of $13 billion in OpenAI since 2019, according to a regulatory filing'`;

interface Built {
  code: number;
  stderr: string;
  report: { changes: Record<string, any> };
  slides: string[];
  memo: ReadPdf;
  memoText: string;
}

describe('what changed, by identity', () => {
  let dir: string;
  let ws: string;
  const summaryFile = () => path.join(ws, 'briefing.yaml');
  const editSummary = async (edit: (text: string) => string) => {
    const before = await readFile(summaryFile(), 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    await writeFile(summaryFile(), after);
  };
  const build = async (): Promise<Built> => {
    const result = await runCli(['build', 'ws', '--out', 'out', '--changes', '--json'], { cwd: dir });
    const pptx = await readPptx(await readFile(path.join(dir, 'out', 'briefing.pptx')));
    const memo = await readPdf(await readFile(path.join(dir, 'out', 'memo.pdf')));
    return { code: result.code, stderr: result.stderr, report: JSON.parse(result.stdout), slides: pptx.slides.map((xml) => allText(xml).replace(/\s+/g, ' ')), memo, memoText: memo.pageText.join(' ') };
  };
  /** The memo's What changed section: its text, and how far down the page it reaches (points). */
  const memoSection = (memo: ReadPdf) => {
    for (const [p, items] of memo.text.entries()) {
      const head = items.find((i) => i.str.startsWith('What changed since'));
      if (!head) continue;
      const next = items.find((i) => i.y < head.y - 1 && i.h >= head.h - 0.5 && /^(What it means|Signposts)/.test(i.str));
      const text = memo.pageText[p] as string;
      const from = text.indexOf('What changed since');
      const to = next ? text.indexOf(next.str, from) : text.length;
      return { text: text.slice(from, to), height: next ? head.y - next.y : Number.POSITIVE_INFINITY };
    }
    throw new Error('the memo has no What changed section');
  };
  const changeSlides = (slides: string[]) => slides.filter((s) => s.startsWith('WHAT CHANGED'));

  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    // The first build that reports its changes: the baseline.
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    expect(first.report.changes.nothingToCompare).toMatch(/^no earlier build in out;/);
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('reports nothing when a section is reordered', async () => {
    await editSummary((text) => {
      // The first two takeaways swapped: each item is its lines from "  - text:" to the next.
      const start = text.indexOf('takeaways:\n') + 'takeaways:\n'.length;
      const second = text.indexOf('\n  - text:', start) + 1;
      const third = text.indexOf('\n  - text:', second) + 1;
      return text.slice(0, start) + text.slice(second, third) + text.slice(start, second) + text.slice(third);
    });
    const built = await build();
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('changes: none since the last build that reported its changes (2025-06-01)');
    const { statements } = built.report.changes;
    expect(statements.moved).toEqual([
      { path: 'takeaways[0]', previousPath: 'takeaways[1]' },
      { path: 'takeaways[1]', previousPath: 'takeaways[0]' },
    ]);
    expect([statements.changed, statements.added, statements.withdrawn]).toEqual([[], [], []]);
    expect(statements.matched).toBe(42);
    expect(changeSlides(built.slides)).toHaveLength(1);
    expect(built.slides[2]).toContain('Nothing has changed since the build of 1 June 2025');
    expect(built.slides[2]).not.toMatch(/Changed:|New:|Withdrawn:/);
    expect(memoSection(built.memo).text).toContain('Nothing has changed since the build of 1 June 2025.');
  }, 120_000);

  it('names a new document that puts an amount differently as a conflict candidate, with its title and date', async () => {
    await writeFile(path.join(ws, '005_filing.txt'), ARTICLE);
    const built = await build();
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('  conflict candidate: document 005 states $13 billion (total) where investment[3] says $13.75 billion: a conflict candidate; check which account holds (005:4)\n');
    expect(built.report.changes.conflictCandidates).toEqual([
      expect.objectContaining({ doc: '005', path: 'investment[3]', kind: 'total', statementFigure: '$13.75 billion', documentFigure: '$13 billion', place: '005:4' }),
    ]);
    const [slide, ...more] = changeSlides(built.slides);
    expect(more).toEqual([]);
    expect(slide).toContain('New source: “Microsoft trims its OpenAI exposure as rival cloud deals mount”, 28 October 2025 (005), not yet cited');
    expect(slide).toContain('Conflict candidate: 005 puts Microsoft’s reported total at $13 billion; this briefing says $13.75 billion');
    const section = memoSection(built.memo);
    expect(section.text).toContain('What the new sources say');
    expect(section.text).toContain('“Microsoft trims its OpenAI exposure as rival cloud deals mount”, 28 October 2025 (005), not yet cited.');
    expect(section.text).toContain('Conflict candidate: it puts Microsoft’s reported total at $13 billion where this briefing says $13.75 billion; check which account holds.');
    // An ordinary edit: at most half a page of the memo (A4 is 842 points high).
    expect(section.height).toBeLessThan(842 / 2);
  }, 120_000);

  it('reports an edited figure old → new, with the old and the new wording', async () => {
    // Both edits must apply: the item and the headline that repeats its figure.
    const summary = await readFile(summaryFile(), 'utf8');
    expect(summary).toContain(TOTAL_ITEM);
    expect(summary).toContain('to a reported $13.75 billion in total');
    await editSummary((text) => text.replace(TOTAL_ITEM, TOTAL_EDITED).replace('to a reported $13.75 billion in total', 'to $13 billion in total'));
    const built = await build();
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('  statement changed: investment[3]: $13.75 billion → $13 billion\n');
    const [changed, ...others] = built.report.changes.statements.changed;
    expect(others).toEqual([]);
    expect(changed.path).toBe('investment[3]');
    expect(changed.figures).toEqual([{ old: '$13.75 billion', new: '$13 billion' }]);
    expect(changed.fields).toContainEqual({ field: 'amount.value', old: '$13.75 billion', new: '$13 billion' });
    expect(changed.citations.added).toHaveLength(1);
    expect(built.report.changes.statements.added).toEqual([]);
    expect(built.report.changes.statements.withdrawn).toEqual([]);
    const [slide, ...more] = changeSlides(built.slides);
    expect(more).toEqual([]);
    expect(slide).toMatch(/Changed: Microsoft’s total investment in OpenAI has since grown to \$13 billion, according to a regulatory filing\. ?\d+ \$13\.75 billion → \$13 billion/);
    expect(slide).not.toMatch(/Withdrawn|New:/);
    const section = memoSection(built.memo);
    // Most of the old wording changed (the seeds' "has since ballooned"): it is shown whole.
    expect(section.text).toMatch(/Changed: Microsoft’s total investment in OpenAI has since grown to \$13 billion, according to a regulatory filing\.\s?\d+ \(\$13\.75 billion → \$13 billion\) Previously: “Microsoft’s total investment has since ballooned to a reported \$13\.75 billion\.”/);
    expect(section.height).toBeLessThan(842 / 2);
  }, 120_000);

  it('reports a deleted item withdrawn, once', async () => {
    let text = '';
    await editSummary((yaml) => {
      // The friction item titled "Cost and speed of models", from its "- title:" line to the next item.
      const start = yaml.indexOf("  - title: 'Cost and speed of models'");
      const end = yaml.indexOf('\n  - ', start + 1) + 1;
      text = /\n {4}text: '([^\n]*)'\n/.exec(yaml.slice(start, end))?.[1]?.replace(/''/g, "'") ?? '';
      return yaml.slice(0, start) + yaml.slice(end);
    });
    expect(text).not.toBe('');
    const built = await build();
    expect(built.code, built.stderr).toBe(0);
    const { statements } = built.report.changes;
    expect(statements.withdrawn.map((s: { text: string }) => s.text)).toEqual([expect.stringContaining(text)]);
    expect([statements.changed, statements.added]).toEqual([[], []]);
    const [slide] = changeSlides(built.slides);
    expect(slide?.split('Withdrawn:')).toHaveLength(2);
    expect(slide).toContain(`Withdrawn: ${text}`);
    const section = memoSection(built.memo);
    expect(section.text).toContain(`Withdrawn ${text}`);
    // Nowhere else in the memo: the item is gone.
    expect(built.memoText.split(text)).toHaveLength(2);
  }, 120_000);
});
