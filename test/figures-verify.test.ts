// The figure rule as `check` applies it: a `when` at the precision the outputs show, the messages
// (figure, value, the closest figure the quotes state), and a dropped qualifier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVerifiedWorkspace } from '../src/pipeline/pipeline.js';
import { makeTinyWorkspace, TINY_SUMMARY } from './helpers/tiny.js';
import { removeDir, tempDir, writeFiles } from './helpers/workspace.js';

let dir: string;
let ws: string;

const GAMMA = '003_gamma.txt';
const GAMMA_TEXT = 'Gamma closed the deal in the third quarter of 2021 and paid more than $3 billion for it, about 40% of its value.\n';

beforeAll(async () => {
  dir = await tempDir();
  ws = await makeTinyWorkspace(dir);
  await writeFiles(ws, { [GAMMA]: GAMMA_TEXT });
});

afterAll(async () => {
  await removeDir(dir);
});

/** The figure diagnostics of a summary with one investment item (and the tiny takeaways). */
async function figureDiagnostics(item: string[]): Promise<string[]> {
  const summary = [TINY_SUMMARY.trimEnd(), 'investment:', ...item.map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`)), ''].join('\n');
  await writeFiles(ws, { 'briefing.yaml': summary });
  const loaded = await loadVerifiedWorkspace(ws, { cacheDir: null });
  // figure-repeated is the storyline's (one fact, one place), not the grounding of a figure.
  return loaded.diagnostics.filter((d) => d.rule.startsWith('figure-') && d.rule !== 'figure-repeated').map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`);
}

const ALPHA = ['cite:', '  - { doc: "001", quote: "Alpha Corp invested $2 billion in Beta in 2021" }'];
const GAMMA_QUOTE = ['cite:', '  - { doc: "003", quote: "Gamma closed the deal in the third quarter of 2021" }'];

describe('a when is grounded at the precision it is shown', () => {
  it('a day is not grounded by its year', async () => {
    expect(await figureDiagnostics(['when: 2021-03-15', 'label: Alpha invests', 'text: Alpha invested in Beta.', ...ALPHA])).toEqual([
      '14:11 error figure-not-in-quotes: figure "15 Mar 2021" (2021-03-15) in investment[0].when does not occur in its quotes nor in the date of a document cited; the quotes state "2021" (the year 2021)',
    ]);
    expect(await figureDiagnostics(['when: 2021', 'label: Alpha invests', 'text: Alpha invested in Beta.', ...ALPHA])).toEqual([]);
  });

  it('a quarter is grounded by that quarter, in any form, and not by its year', async () => {
    expect(await figureDiagnostics(['when: 2021-Q3', 'label: Gamma closes', 'text: Gamma closed the deal.', ...GAMMA_QUOTE])).toEqual([]);
    expect(await figureDiagnostics(['when: 2021-Q4', 'label: Gamma closes', 'text: Gamma closed the deal.', ...GAMMA_QUOTE])).toEqual([
      '14:11 error figure-not-in-quotes: figure "Q4 2021" (2021-Q4) in investment[0].when does not occur in its quotes nor in the date of a document cited; the quotes state "third quarter of 2021" (2021-Q3)',
    ]);
    expect(await figureDiagnostics(['when: 2021-Q3', 'label: Alpha invests', 'text: Alpha invested in Beta.', ...ALPHA])).toEqual([
      '14:11 error figure-not-in-quotes: figure "Q3 2021" (2021-Q3) in investment[0].when does not occur in its quotes nor in the date of a document cited; the quotes state "2021" (the year 2021)',
    ]);
    expect(await figureDiagnostics(['when: 2021-H2', 'label: Gamma closes', 'text: Gamma closed the deal.', ...GAMMA_QUOTE])).toEqual([]);
  });

  it('a range is grounded at both ends', async () => {
    expect(await figureDiagnostics(['when: 2019/2021', 'label: Alpha invests', 'text: Alpha invested in Beta.', ...ALPHA])).toEqual([
      '14:11 error figure-not-in-quotes: figure "2019" (the year 2019) in investment[0].when does not occur in its quotes nor in the date of a document cited; the quotes state "2021" (the year 2021)',
    ]);
    expect(await figureDiagnostics(['when: 2021-07/2021-09', 'label: Gamma closes', 'text: Gamma closed the deal.', ...GAMMA_QUOTE])).toEqual([
      '14:11 error figure-not-in-quotes: figure "Jul" (2021-07) in investment[0].when does not occur in its quotes nor in the date of a document cited; the quotes state "third quarter of 2021" (2021-Q3)',
      '14:11 error figure-not-in-quotes: figure "Sep 2021" (2021-09) in investment[0].when does not occur in its quotes nor in the date of a document cited; the quotes state "third quarter of 2021" (2021-Q3)',
    ]);
  });

  it("a document's own date grounds a year, a month, a quarter or its day, never another day", async () => {
    // 001 is dated 2025-01-02 by its own "date" line.
    for (const when of ['2025', '2025-01', '2025-Q1', '2025-H1', '2025-01-02']) {
      expect(await figureDiagnostics([`when: ${when}`, 'label: Alpha invests', 'text: Alpha invested in Beta.', ...ALPHA]), when).toEqual([]);
    }
    expect(await figureDiagnostics(['when: 2025-01-03', 'label: Alpha invests', 'text: Alpha invested in Beta.', ...ALPHA])).toEqual([
      '14:11 error figure-not-in-quotes: figure "3 Jan 2025" (2025-01-03) in investment[0].when does not occur in its quotes nor in the date of a document cited; the quotes state "2021" (the year 2021)',
    ]);
  });
});

describe('qualifiers and words', () => {
  const GAMMA_PAID = ['cite:', '  - { doc: "003", quote: "paid more than $3 billion for it, about 40% of its value" }'];

  it('warns when a statement drops a qualifier its quote gives the figure, except in a chart amount', async () => {
    expect(await figureDiagnostics(['label: Gamma pays more than $3 billion', 'amount: $3 billion', 'text: Gamma paid $3 billion.', ...GAMMA_PAID])).toEqual([
      '16:11 warning figure-qualifier-dropped: figure "$3 billion" in investment[0].text drops the qualifier of its quotes: the quotes state "more than $3 billion" (more than USD 3,000,000,000); keep the qualifier',
    ]);
  });

  it('holds figures in words to their values, both ways', async () => {
    expect(await figureDiagnostics(['label: Gamma pays over three billion dollars', 'text: Gamma paid some forty percent of its value.', ...GAMMA_PAID])).toEqual([]);
    expect(await figureDiagnostics(['label: Gamma pays more than three million dollars', 'text: Gamma paid fifty percent of its value.', ...GAMMA_PAID])).toEqual([
      '14:12 error figure-not-in-quotes: figure "more than three million dollars" (more than USD 3,000,000) in investment[0].label does not occur in its quotes; the quotes state "more than $3 billion" (more than USD 3,000,000,000)',
      '15:11 error figure-not-in-quotes: figure "fifty percent" (50%) in investment[0].text does not occur in its quotes; the quotes state "about 40%"',
    ]);
  });
});
