// Answer first (issue 24, points 1, 2, 3 and 6): who reads and what they hold or decide, what we
// recommend (the team's view, with an owner and a date), scenarios with a likelihood and a
// trigger; one fact in one place; dates that are still ahead of the reader; a memo an executive
// reads. Read back from the deck model, the placed deck, the memo model and the CLI.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadVerifiedWorkspace, prepareOutputs, workspaceToModels } from '../src/pipeline/pipeline.js';
import { layoutDeck } from '../src/deck/layout.js';
import { DEFAULT_THEME } from '../src/inputs/theme.js';
import { SummarySchema } from '../src/inputs/summary-schema.js';
import { plainText, type Block } from '../src/model/types.js';
import { estimateBodyPages, memoLengthWarning } from '../src/memo/length.js';
import { copySeeds, removeDir, runCli, SEEDS } from './helpers/workspace.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';

type Yaml = Record<string, unknown> & { [key: string]: unknown };

const RECOMMENDATIONS = [
  {
    text: 'Keep our AI workloads able to move between model providers before committing to one.',
    owner: 'Chief technology officer',
    when: '2025-Q4',
    cite: [
      { doc: '003', quote: 'products like Copilot can leverage a variety of models, including those developed in-house, from partners, or open-weight alternatives' },
      { doc: '001', quote: 'The company is investing heavily in its own large-scale systems, such as “MA1,” to compete directly with OpenAI’s GPT models. However, progress has been slower than anticipated due to technical hurdles and internal disagreements within Microsoft’s AI division.' },
    ],
  },
  {
    text: 'Review the exit and hosting terms of our own cloud contracts while the partners renegotiate theirs.',
    owner: 'General counsel',
    when: 'before the next renewal',
    cite: [{ doc: '003', quote: 'Microsoft could end OpenAI talks and maintain current contract' }],
  },
];

/** A copy of the seeds edited by `edit`, in `dir`. */
async function editedSeeds(edit: (summary: Yaml) => void): Promise<{ dir: string; ws: string }> {
  const copy = await copySeeds();
  const file = path.join(copy.ws, 'briefing.yaml');
  const summary = parseYaml(await readFile(file, 'utf8')) as Yaml;
  edit(summary);
  await writeFile(file, stringifyYaml(summary, { lineWidth: 0 }));
  return copy;
}

/** The seeds with a reader, recommendations, two scenarios' likelihoods and triggers, dated within the sources' currency. */
function answerFirst(summary: Yaml): void {
  summary.asOf = '2025-05-01';
  summary.audience = { who: 'Technology steering committee', holds: 'Contracts for Copilot and for models hosted on Azure', decides: 'Whether to rely on one AI model provider' };
  summary.recommendations = structuredClone(RECOMMENDATIONS);
  const outlook = summary.outlook as Record<string, unknown>[];
  Object.assign(outlook[0] as object, { likelihood: 'Likely', trigger: 'New terms agreed in the renegotiation' });
  Object.assign(outlook[1] as object, { likelihood: 'Remote', trigger: 'A full buyout offer by Microsoft' });
}

const rules = (diagnostics: readonly Diagnostic[], rule: string) => diagnostics.filter((d) => d.rule === rule);

describe('the reader and the recommendations in the summary', () => {
  it('keeps the one-line audience, reads the object form, and types recommendations and scenarios', () => {
    const base = { title: 'T', asOf: '2025-01-01', takeaways: [1, 2, 3].map((k) => ({ text: `t${k}`, cite: [{ doc: '1', quote: 'q' }] })) };
    expect(SummarySchema.parse({ ...base, audience: 'The board' }).audience).toEqual({ who: 'The board' });
    expect(SummarySchema.parse({ ...base, audience: { who: 'The board', holds: 'a stake', decides: 'whether to sell' } }).audience).toEqual({ who: 'The board', holds: 'a stake', decides: 'whether to sell' });
    expect(SummarySchema.safeParse({ ...base, audience: { who: 'The board', owns: 'x' } }).success).toBe(false);
    expect(SummarySchema.safeParse({ ...base, recommendations: [{ text: 'Act', when: '2025', cite: [{ doc: '1', quote: 'q' }] }] }).success).toBe(false);
    const parsed = SummarySchema.parse({ ...base, outlook: [{ title: 'A', text: 'B', likelihood: 'Likely', trigger: 'C', cite: [{ doc: '1', quote: 'q' }] }] });
    expect(parsed.outlook[0]).toMatchObject({ likelihood: 'Likely', trigger: 'C' });
    expect(parsed.recommendations).toEqual([]);
  });

  it('verifies what they print: figures in a recommendation, its date and the audience are grounded like any statement', async () => {
    const { dir, ws } = await editedSeeds((s) => {
      answerFirst(s);
      (s.recommendations as Record<string, unknown>[])[1] = { ...RECOMMENDATIONS[1], text: 'Budget $7 billion for a second provider.', when: '2031' };
      (s.audience as Record<string, unknown>).holds = 'A $3 billion contract';
      (s.outlook as Record<string, unknown>[])[2] = { ...(s.outlook as Record<string, unknown>[])[2], trigger: 'A 40% cut in the revenue share' };
      (s.recommendations as Record<string, unknown>[]).push({ ...RECOMMENDATIONS[0], when: '2025-13' });
    });
    try {
      const loaded = await loadVerifiedWorkspace(ws);
      const figures = rules(loaded.diagnostics, 'figure-not-in-quotes').map((d) => d.message);
      expect(figures).toContainEqual(expect.stringMatching(/^figure "\$7 billion" in recommendations\[1\]\.text does not occur in its quotes/));
      expect(figures).toContainEqual(expect.stringMatching(/^figure "2031" in recommendations\[1\]\.when does not occur in its quotes/));
      expect(figures).toContainEqual(expect.stringMatching(/^figure "\$3 billion" in audience\.holds does not occur in any quote of the summary/));
      expect(figures).toContainEqual(expect.stringMatching(/^figure "40%" in outlook\[2\]\.trigger does not occur in its quotes/));
      expect(rules(loaded.diagnostics, 'when-invalid').map((d) => d.message)).toEqual([expect.stringMatching(/^recommendations\[2\]\.when "2025-13" is not a real date/)]);
    } finally {
      await removeDir(dir);
    }
  });
});

describe('answer first: the deck and the memo open with the answer for their reader', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await editedSeeds(answerFirst));
  });
  afterAll(() => removeDir(dir));

  it('names the reader on the title slide and in the kickers of the bottom line and what it means', async () => {
    const models = await workspaceToModels(await loadVerifiedWorkspace(ws));
    const [title, bottom, means, recommend] = models.deck?.slides ?? [];
    expect(title?.blocks.map((b) => (b.type === 'paragraph' ? plainText(b.inlines) : ''))).toEqual([
      'Executive briefing on the state of the partnership',
      'Prepared for Technology steering committee · As of 1 May 2025',
      'Holds: Contracts for Copilot and for models hosted on Azure · Decides: Whether to rely on one AI model provider',
    ]);
    expect(bottom?.subtitle).toBe('Bottom line for Technology steering committee');
    expect(means?.subtitle).toBe('What it means for Technology steering committee');
    // Then what we recommend, as the team's view, with an owner and a date: before any evidence.
    expect(recommend?.subtitle).toBe('Our view: what we recommend');
    const table = recommend?.blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
    expect(table?.header.map(plainText)).toEqual(['Action', 'Owner', 'By when']);
    expect(table?.rows.map((r) => r.map(plainText))).toEqual([
      ['Keep our AI workloads able to move between model providers before committing to one.', 'Chief technology officer', 'Q4 2025'],
      ['Review the exit and hosting terms of our own cloud contracts while the partners renegotiate theirs.', 'General counsel', 'before the next renewal'],
    ]);
    expect(models.deck?.slides.map((s) => s.layout).slice(0, 5)).toEqual(['title', 'bullets', 'cards', 'table', 'table']);
    // The same order in the memo: the bottom line, what it means, what we recommend (our view).
    const headings = models.memo?.blocks.flatMap((b) => (b.type === 'heading' ? [plainText(b.inlines)] : [])) ?? [];
    expect(headings.slice(0, 4)).toEqual(['Bottom line', 'What it means: a looser partnership, more models, terms in play', 'What we recommend (our view)', 'Signposts: the contract, the Amazon deal, Copilot and the cloud']);
    const first = models.memo?.blocks[0];
    expect(first?.type === 'paragraph' ? plainText(first.inlines) : '').toBe('For Technology steering committee. Holds: Contracts for Copilot and for models hosted on Azure. Decides: Whether to rely on one AI model provider.');
    // Every statement is printed with its citations, and the two outputs meet them in one order.
    expect(models.diagnostics.filter((d) => d.rule === 'statement-not-rendered' || d.rule === 'citation-order' || d.severity === 'error')).toEqual([]);
  });

  it('sets scenarios with a likelihood (our view) and a trigger as a table', async () => {
    const models = await workspaceToModels(await loadVerifiedWorkspace(ws));
    const outlook = models.deck?.slides.find((s) => s.subtitle === 'Outlook and scenarios');
    expect(outlook?.layout).toBe('table');
    const table = outlook?.blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
    expect(table?.header.map(plainText)).toEqual(['Scenario', 'Likelihood (our view)', 'What would trigger it', 'What the sources say']);
    expect(table?.rows.map((r) => r.slice(0, 3).map(plainText))).toEqual([
      ['Continued uneasy alliance', 'Likely', 'New terms agreed in the renegotiation'],
      ['Acquisition', 'Remote', 'A full buyout offer by Microsoft'],
      ['Divergence', '–', '–'],
      ['New ecosystem', '–', '–'],
    ]);
    const memo = models.memo?.blocks.flatMap((b) => (b.type === 'paragraph' ? [plainText(b.inlines)] : [])) ?? [];
    expect(memo).toContainEqual(expect.stringMatching(/^Continued uneasy alliance\. Likely \(our view\)\. Industry experts cited by one article .* Trigger: New terms agreed in the renegotiation\.$/));
    const { placed, diagnostics } = layoutDeck(models.deck as NonNullable<typeof models.deck>, DEFAULT_THEME);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(placed.slides.find((s) => s.title === outlook?.title)?.part).toBeUndefined();
  });

  it('writes a kicker as it is: a reader named with Markdown characters or "-->" cannot break the slide', async () => {
    const { dir: other, ws: odd } = await editedSeeds((s) => {
      answerFirst(s);
      (s.audience as Record<string, unknown>).who = 'R&D board (EMEA) --> *ops*';
    });
    try {
      const models = await workspaceToModels(await loadVerifiedWorkspace(odd));
      expect(models.deck?.slides[1]?.subtitle).toBe('Bottom line for R&D board (EMEA) –> *ops*');
      expect(models.deck?.slides.length).toBeGreaterThan(5);
    } finally {
      await removeDir(other);
    }
  });
});

describe('one fact in one place, and dates still ahead', () => {
  it('names each passage cited in three sections and each amount stated in two, where it repeats', async () => {
    const loaded = await loadVerifiedWorkspace(SEEDS);
    const reused = rules(loaded.diagnostics, 'passage-reused');
    expect(reused.length).toBeGreaterThan(5);
    // The contract's passage: in the bottom line, what it means and a signpost (the disagreement
    // that sets it against another account is no place of its own).
    expect(reused.map((d) => d.message)).toContainEqual(
      'passage 004 "The terms of their agreement, which extends to 20…" is cited in 3 sections (takeaways[3], implications[2], watch[0]): one fact in one place; state it once, where it belongs',
    );
    // Four scenarios citing the one line that introduces them are one place, not four.
    expect(reused.map((d) => d.message).join('\n')).not.toContain('Industry experts predict several possible scenarios');
    const figures = rules(loaded.diagnostics, 'figure-repeated');
    expect(figures.map((d) => d.message)).toEqual([
      'figure "$50 billion" is stated in 3 sections (takeaways[4].text; watch[1].signpost; friction[2].text): one fact in one place; state it where it belongs and point to it elsewhere',
    ]);
    const lines = (await readFile(path.join(SEEDS, 'briefing.yaml'), 'utf8')).split('\n');
    expect(lines[(figures[0]?.line as number) - 1]).toContain('The reported $50 billion OpenAI–Amazon deal');
  });

  it('counts no recommendation: the team\'s view rests on facts stated elsewhere', async () => {
    const { dir, ws } = await editedSeeds((s) => {
      answerFirst(s);
      const deal = { doc: '003', quote: 'Reports of Microsoft considering legal action against OpenAI and Amazon over a $50 billion deal that reportedly breaches their exclusivity agreement highlight the intricate legal landscape.' };
      s.recommendations = [{ ...RECOMMENDATIONS[0], text: 'Plan for the $50 billion OpenAI–Amazon deal to go ahead.', cite: [deal, ...(RECOMMENDATIONS[0] as { cite: unknown[] }).cite] }];
    });
    try {
      const loaded = await loadVerifiedWorkspace(ws);
      expect(rules(loaded.diagnostics, 'figure-repeated').map((d) => d.message)).toEqual([expect.stringMatching(/^figure "\$50 billion" is stated in 3 sections \(takeaways\[4\]\.text; watch\[1\]\.signpost; friction\[2\]\.text\)/)]);
    } finally {
      await removeDir(dir);
    }
  });

  it('warns of a briefing dated more than 90 days after its newest dated source, and of signposts and recommendations already past', async () => {
    const { dir, ws } = await editedSeeds((s) => {
      answerFirst(s);
      s.asOf = '2025-06-10'; // 91 days after 2025-03-11
      const signpost = (s.watch as { cite: unknown[] }[])[1] as { cite: unknown[] };
      // A date in 2025 is grounded by citing 001, the document dated 2025-03-11.
      (s.watch as Record<string, unknown>[])[1] = { ...signpost, when: '2025-Q1', cite: [...signpost.cite, { doc: '001', quote: 'OpenAI’s reluctance to share critical details about its AI models, such as the underlying reasoning processes of its “01” model, has caused frustration within Microsoft.' }] };
    });
    try {
      const loaded = await loadVerifiedWorkspace(ws);
      expect(rules(loaded.diagnostics, 'as-of-after-sources').map((d) => d.message)).toEqual([
        'asOf 2025-06-10 is 91 days after the newest dated document, 001 of 2025-03-11: no source is that recent, so the briefing says more about the present than its sources do; date it within 90 days of 2025-03-11, or add a newer source',
      ]);
      const past = rules(loaded.diagnostics, 'when-before-as-of');
      expect(past.map((d) => d.message)).toEqual([expect.stringMatching(/^watch\[1\]\.when "2025-Q1" is over by asOf 2025-06-10: a signpost is no longer ahead of the reader/)]);
      expect(past[0]?.line).toBeGreaterThan(0);
    } finally {
      await removeDir(dir);
    }
    const within = await editedSeeds((s) => {
      answerFirst(s);
      s.asOf = '2025-06-09'; // 90 days: still current
      s.recommendations = [{ ...RECOMMENDATIONS[0], when: '2025-Q1' }];
    });
    try {
      const loaded = await loadVerifiedWorkspace(within.ws);
      expect(rules(loaded.diagnostics, 'as-of-after-sources')).toEqual([]);
      expect(rules(loaded.diagnostics, 'when-before-as-of').map((d) => d.message)).toEqual([expect.stringMatching(/^recommendations\[0\]\.when "2025-Q1" is over by asOf 2025-06-09: a recommendation/)]);
    } finally {
      await removeDir(within.dir);
    }
  });
});

describe('a memo an executive reads', () => {
  it('warns when the body runs past three A4 pages: check estimates it, build counts it', async () => {
    const { dir, ws } = await editedSeeds((s) => {
      answerFirst(s);
      s.friction = [...(s.friction as unknown[]), ...(s.friction as Record<string, string>[]).map((f) => ({ ...f, title: `${f.title} (again)` }))];
      s.alternatives = [...(s.alternatives as unknown[]), ...(s.alternatives as Record<string, string>[]).map((a) => ({ ...a, name: `${a.name} (again)` }))];
    });
    try {
      const loaded = await loadVerifiedWorkspace(ws);
      const prepared = await prepareOutputs(loaded, DEFAULT_THEME);
      const estimate = estimateBodyPages(prepared.memo as NonNullable<typeof prepared.memo>);
      expect(estimate).toBeGreaterThan(4);
      expect(rules(prepared.diagnostics, 'memo-too-long').map((d) => d.message)).toEqual([expect.stringMatching(/^the memo's body runs to about \d A4 pages \(estimated: \d\.\d\), more than the 3 an executive reads/)]);
      const build = await runCli(['build', ws, '--out', path.join(dir, 'out')]);
      expect(build.code).toBe(0);
      const [, pages] = /memo\.pdf \(\d+ KB, (\d+) pages \+/.exec(build.stderr) ?? [];
      expect(build.stderr).toContain(`warning: the memo's body runs to ${pages} A4 pages, more than the 3 an executive reads`);
      // The estimate is the laid-out length to within half a page.
      expect(Math.abs(estimate - Number(pages))).toBeLessThan(1);
    } finally {
      await removeDir(dir);
    }
    expect(memoLengthWarning(3, 'x', false)).toEqual([]);
    expect(memoLengthWarning(2.98, 'x', true)).toEqual([]);
    expect(memoLengthWarning(4, 'x', false)).toHaveLength(1);
  }, 120_000);
});
