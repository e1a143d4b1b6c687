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
import { statementsOf } from '../src/verify/verify.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';

type Yaml = Record<string, unknown> & { [key: string]: unknown };

/** A copy of the seeds edited by `edit`. */
async function editedSeeds(edit: (summary: Yaml) => void): Promise<{ dir: string; ws: string }> {
  const copy = await copySeeds();
  const file = path.join(copy.ws, 'briefing.yaml');
  const summary = parseYaml(await readFile(file, 'utf8')) as Yaml;
  edit(summary);
  await writeFile(file, stringifyYaml(summary, { lineWidth: 0 }));
  return copy;
}

const list = (summary: Yaml, key: string) => summary[key] as Record<string, unknown>[];
const TERMS = {
  doc: '004',
  quote:
    "The terms of their agreement, which extends to 2030, are also reportedly being renegotiated. These discussions are said to include provisions that would allow OpenAI to pursue an initial public offering (IPO) and potentially reduce Microsoft's share of OpenAI's revenue.",
};
const DATED = { doc: '001', quote: 'OpenAI’s reluctance to share critical details about its AI models, such as the underlying reasoning processes of its “01” model, has caused frustration within Microsoft.' };

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
      Object.assign(list(s, 'recommendations')[1] as object, { text: 'Budget $7 billion for a second provider.', when: '2031' });
      (s.audience as Record<string, unknown>).holds = 'A $3 billion contract';
      (list(s, 'outlook')[2] as Record<string, unknown>).trigger = 'A 40% cut in the revenue share';
      list(s, 'recommendations').push({ ...(list(s, 'recommendations')[0] as object), when: '2025-13' });
    });
    try {
      const loaded = await loadVerifiedWorkspace(ws);
      const figures = rules(loaded.diagnostics, 'figure-not-in-quotes').map((d) => d.message);
      expect(figures).toContainEqual(expect.stringMatching(/^figure "\$7 billion" .*in recommendations\[1\]\.text does not occur in its quotes/));
      expect(figures).toContainEqual(expect.stringMatching(/^figure "2031" .*in recommendations\[1\]\.when does not occur in its quotes/));
      expect(figures).toContainEqual(expect.stringMatching(/^figure "\$3 billion" .*in audience\.holds does not occur in any quote of the summary/));
      expect(figures).toContainEqual(expect.stringMatching(/^figure "40%" .*in outlook\[2\]\.trigger does not occur in its quotes/));
      expect(rules(loaded.diagnostics, 'when-invalid').map((d) => d.message)).toEqual([expect.stringMatching(/^recommendations\[3\]\.when "2025-13" is not a real date/)]);
    } finally {
      await removeDir(dir);
    }
  });
});

describe('answer first: the deck and the memo open with the answer for their reader', () => {
  it('names the reader on the title slide and in the kickers; the bottom line, what it means and what we recommend come before the evidence', async () => {
    const models = await workspaceToModels(await loadVerifiedWorkspace(SEEDS));
    const [title, bottom, means, recommend] = models.deck?.slides ?? [];
    expect(title?.blocks.map((b) => (b.type === 'paragraph' ? plainText(b.inlines) : ''))).toEqual([
      'Executive briefing on the state of the partnership',
      'Prepared for Executive leadership team · As of 1 June 2025',
      'Holds: Enterprise agreements for Copilot and for models hosted on Azure · Decides: Whether to commit to one AI model provider at the next renewal',
    ]);
    expect(bottom?.title).toBe('Do not bet on one model provider: both partners are hedging');
    expect(bottom?.subtitle).toBe('Bottom line for Executive leadership team · Our view');
    expect(means?.subtitle).toBe('What it means for Executive leadership team · Our view');
    // What we recommend is the team's view by nature: its kicker says so, with an owner and a date each.
    expect(recommend?.subtitle).toBe('What we recommend · Our view');
    const table = recommend?.blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
    expect(table?.header.map(plainText)).toEqual(['Action', 'Owner', 'By when']);
    expect(table?.rows.map((r) => r.slice(1).map(plainText))).toEqual([
      ['Chief technology officer', '2025'],
      ['General counsel', 'Before our next renewal'],
      ['Strategy team', 'Each quarter of 2025'],
    ]);
    expect(models.deck?.slides.map((s) => s.layout).slice(0, 5)).toEqual(['title', 'bullets', 'cards', 'table', 'timeline']);
    // The memo in the same order, its bottom line opening with the answer; the reader first.
    const headings = models.memo?.blocks.flatMap((b) => (b.type === 'heading' ? [plainText(b.inlines)] : [])) ?? [];
    expect(headings.slice(0, 3)).toEqual([
      'Bottom line',
      'What it means for us: more choice of models, less certainty of terms OUR VIEW',
      'Keep our choice of models open, and know our terms before the renewal OUR VIEW',
    ]);
    const paragraphs = models.memo?.blocks.flatMap((b) => (b.type === 'paragraph' ? [plainText(b.inlines)] : [])) ?? [];
    expect(paragraphs[0]).toBe('For Executive leadership team. Holds: Enterprise agreements for Copilot and for models hosted on Azure. Decides: Whether to commit to one AI model provider at the next renewal.');
    expect(paragraphs[1]).toBe('Do not bet on one model provider: both partners are hedging OUR VIEW');
    // Every statement printed with its citations, both outputs meeting them in one order.
    expect(models.diagnostics.filter((d) => d.rule === 'statement-not-rendered' || d.rule === 'citation-order' || d.severity === 'error')).toEqual([]);
  });

  it('sets scenarios with a likelihood (our view) and a trigger as a table, and the memo says both', async () => {
    const models = await workspaceToModels(await loadVerifiedWorkspace(SEEDS));
    const outlook = models.deck?.slides.find((s) => s.subtitle?.startsWith('Outlook and scenarios'));
    expect(outlook?.layout).toBe('table');
    const table = outlook?.blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
    expect(table?.header.map(plainText)).toEqual(['Scenario', 'Likelihood (our view)', 'What would trigger it', 'What the sources say']);
    expect(table?.rows.map((r) => r.slice(0, 3).map(plainText))).toEqual([
      ['Scenario: continued uneasy alliance', 'Likely', 'Renegotiated terms that allow an OpenAI IPO'],
      ['Scenario: acquisition', 'Unlikely', 'A full buyout offer by Microsoft'],
      ['Scenario: divergence', 'Possible', 'OpenAI partnerships with other cloud providers, such as AWS'],
      ['Scenario: new ecosystem', 'Possible', 'A more decentralized, multi-provider industry'],
    ]);
    const memo = models.memo?.blocks.flatMap((b) => (b.type === 'paragraph' ? [plainText(b.inlines)] : [])) ?? [];
    expect(memo).toContain('Scenario: continued uneasy alliance. Likely (our view). Industry experts predict a status quo with more defined boundaries. (disputed) Trigger: Renegotiated terms that allow an OpenAI IPO.');
    const { placed, diagnostics } = layoutDeck(models.deck as NonNullable<typeof models.deck>, DEFAULT_THEME);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(placed.slides.find((s) => s.title === outlook?.title)?.part).toBeUndefined();
    // Without a likelihood or a trigger, the outlook stays on cards.
    const { dir, ws } = await editedSeeds((s) => {
      for (const o of list(s, 'outlook')) {
        delete o.likelihood;
        delete o.trigger;
      }
    });
    try {
      const plain = await workspaceToModels(await loadVerifiedWorkspace(ws));
      expect(plain.deck?.slides.find((x) => x.subtitle?.startsWith('Outlook and scenarios'))?.layout).toBe('cards');
    } finally {
      await removeDir(dir);
    }
  });

  it('writes a kicker as it is: a reader named with Markdown characters or "-->" cannot break the slide', async () => {
    const { dir, ws } = await editedSeeds((s) => {
      (s.audience as Record<string, unknown>).who = 'R&D board (EMEA) --> *ops*';
    });
    try {
      const models = await workspaceToModels(await loadVerifiedWorkspace(ws));
      expect(models.deck?.slides[1]?.subtitle).toBe('Bottom line for R&D board (EMEA) –> *ops* · Our view');
      expect(models.deck?.slides.length).toBe(10);
    } finally {
      await removeDir(dir);
    }
  });
});

describe('one fact in one place, and dates still ahead', () => {
  it('finds the re-curated seeds clean: a passage cited by a recommendation and a disagreement besides two sections is in two places', async () => {
    const loaded = await loadVerifiedWorkspace(SEEDS);
    const storyline = loaded.diagnostics.filter((d) => ['passage-reused', 'figure-repeated', 'as-of-after-sources', 'when-before-as-of', 'memo-too-long'].includes(d.rule));
    expect(storyline).toEqual([]);
    // The contract's passage: the bottom line, a scenario's trigger, a recommendation and a
    // disagreement; the last two point at it and count as no place. The four scenarios cite the one
    // line that introduces them: one place.
    const citing = statementsOf(loaded.summary as NonNullable<typeof loaded.summary>).filter((s) => s.cite.some((c) => c.quote === TERMS.quote));
    expect(citing.map((s) => s.section)).toEqual(['takeaways', 'recommendations', 'outlook', 'conflicts']);
  });

  it('names each passage cited in three sections and each amount stated in two, where it repeats', async () => {
    const { dir, ws } = await editedSeeds((s) => {
      // The old bottom line's "$50 billion", and the contract's passage told again under what it means.
      (list(s, 'takeaways')[4] as Record<string, unknown>).text = 'Microsoft’s investment has granted it access to OpenAI’s models; one article cites reports that it is weighing legal action over a $50 billion Amazon deal.';
      list(s, 'implications').push({ title: 'The terms are reportedly being renegotiated', text: 'The agreement extends to 2030; its terms are reportedly being renegotiated.', cite: [TERMS] });
    });
    try {
      const loaded = await loadVerifiedWorkspace(ws);
      expect(rules(loaded.diagnostics, 'passage-reused').map((d) => d.message)).toEqual([
        'passage 004 "The terms of their agreement, which extends to 20…" is cited in 3 sections (takeaways[3], implications[2], outlook[0]): one fact in one place; state it once, where it belongs',
      ]);
      const figures = rules(loaded.diagnostics, 'figure-repeated');
      expect(figures.map((d) => d.message)).toEqual([
        'figure "$50 billion" is stated in 2 sections (takeaways[4].text; friction[2].text): one fact in one place; state it where it belongs and point to it elsewhere',
      ]);
      const lines = (await readFile(path.join(ws, 'briefing.yaml'), 'utf8')).split('\n');
      expect(lines[(figures[0]?.line as number) - 1]).toContain('text: One article cites reports that Microsoft is weighing legal action');
    } finally {
      await removeDir(dir);
    }
  });

  it('counts no recommendation: the team\'s view rests on facts stated elsewhere', async () => {
    const { dir, ws } = await editedSeeds((s) => {
      Object.assign(list(s, 'recommendations')[0] as object, {
        text: 'Plan for the $50 billion OpenAI–Amazon deal to go ahead.',
        cite: [{ doc: '003', quote: 'Reports of Microsoft considering legal action against OpenAI and Amazon over a $50 billion deal that reportedly breaches their exclusivity agreement highlight the intricate legal landscape.' }, DATED],
      });
    });
    try {
      const loaded = await loadVerifiedWorkspace(ws);
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(rules(loaded.diagnostics, 'figure-repeated')).toEqual([]);
    } finally {
      await removeDir(dir);
    }
  });

  it('warns of a briefing dated more than 90 days after its newest dated source, and of signposts and recommendations already past', async () => {
    const { dir, ws } = await editedSeeds((s) => {
      s.asOf = '2025-06-10'; // 91 days after 2025-03-11
      s.watch = [{ signpost: 'OpenAI’s partnerships with other cloud providers', when: '2025-Q1', cite: [{ doc: '003', quote: 'OpenAI’s recent corporate restructuring and its subsequent pursuit of partnerships with other cloud providers, such as Amazon Web Services (AWS), indicate a move towards greater independence.' }, DATED] }];
    });
    try {
      const loaded = await loadVerifiedWorkspace(ws);
      expect(rules(loaded.diagnostics, 'as-of-after-sources').map((d) => d.message)).toEqual([
        'asOf 2025-06-10 is 91 days after the newest dated document, 001 of 2025-03-11: no source is that recent, so the briefing says more about the present than its sources do; date it within 90 days of 2025-03-11, or add a newer source',
      ]);
      const past = rules(loaded.diagnostics, 'when-before-as-of');
      expect(past.map((d) => d.message)).toEqual([expect.stringMatching(/^watch\[0\]\.when "2025-Q1" is over by asOf 2025-06-10: a signpost is no longer ahead of the reader/)]);
      expect(past[0]?.line).toBeGreaterThan(0);
    } finally {
      await removeDir(dir);
    }
    const within = await editedSeeds((s) => {
      s.asOf = '2025-06-09'; // 90 days: still current
      (list(s, 'recommendations')[0] as Record<string, unknown>).when = '2025-Q1';
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
      s.friction = [...(s.friction as unknown[]), ...(s.friction as Record<string, string>[]).map((f) => ({ ...f, title: `${f.title} (again)` }))];
      s.alternatives = [...(s.alternatives as unknown[]), ...(s.alternatives as Record<string, string>[]).map((a) => ({ ...a, name: `${a.name} (again)` }))];
    });
    try {
      const loaded = await loadVerifiedWorkspace(ws);
      const prepared = await prepareOutputs(loaded, DEFAULT_THEME);
      const estimate = estimateBodyPages(prepared.memo as NonNullable<typeof prepared.memo>);
      expect(estimate).toBeGreaterThan(3);
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
