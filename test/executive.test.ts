// An executive-grade briefing (issue 10, items 1, 2, 3, 5, 6): amounts of one kind per chart,
// a dated timeline, whose model and whose option, the "so what" sections, hedge markers.
// Read back from the outputs: the .pptx with jszip, the PDF with pdfjs.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadVerifiedWorkspace, workspaceToModels } from '../src/pipeline/pipeline.js';
import { parseWhen, byWhen } from '../src/inputs/when.js';
import { renderMemo } from '../src/memo/pdf-writer.js';
import { plainText } from '../src/model/types.js';
import { allText, AS_OF, deckOf, readPptx, renderDeck, shapeText, type PptxParts } from './helpers/deck.js';
import { DEFAULT_THEME } from '../src/inputs/theme.js';
import { allText as pdfText, readPdf } from './helpers/pdf.js';
import { copySeeds, removeDir, SEEDS } from './helpers/workspace.js';
import { withSignpostsAndPursuers } from './helpers/seeds-extra.js';

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('when: the date forms', () => {
  it('reads a year, a month, a day and ranges, and shows them as a reader would', () => {
    expect(parseWhen('2019')).toMatchObject({ start: '2019-01-01', end: '2019-12-31', display: '2019' });
    expect(parseWhen('2023-01')).toMatchObject({ start: '2023-01-01', end: '2023-01-31', display: 'Jan 2023' });
    expect(parseWhen('2024-02-29')).toMatchObject({ start: '2024-02-29', display: '29 Feb 2024' });
    expect(parseWhen('2019/2023')?.display).toBe('2019–2023');
    expect(parseWhen('2022-10/2022-12')?.display).toBe('Oct–Dec 2022');
    expect(parseWhen('2022-11/2023-02')?.display).toBe('Nov 2022–Feb 2023');
    expect(parseWhen('2022-10/2022-12')?.years).toEqual(['2022']);
    // The forms articles write, through inputs/dates.ts.
    expect(parseWhen('April 2024')).toMatchObject({ start: '2024-04-01', end: '2024-04-30', display: 'Apr 2024' });
    expect(parseWhen('2 June 2025')?.display).toBe('2 Jun 2025');
    expect(parseWhen('June 2, 2025/July 2025')?.display).toBe('2 Jun 2025–Jul 2025');
  });

  it('rejects what is not a date: words, impossible days, backward ranges', () => {
    for (const bad of ['Late 2022', 'January', 'Smarch 2024', '2023-02-30', '2019-13', '2023/2019', '2019/2020/2021', ''])
      expect(parseWhen(bad), bad).toBeUndefined();
  });

  it('sorts dated before undated, by start then end, keeping the given order otherwise', () => {
    const items = ['undated A', '2024', '2019/2023', '2019', 'undated B', '2022-10'];
    expect(byWhen(items, (w) => parseWhen(w))).toEqual(['2019', '2019/2023', '2022-10', '2024', 'undated A', 'undated B']);
    // Positions follow time: a month in late 2022 sits after the middle of 2022.
    expect((parseWhen('2022-11')?.at ?? 0) > (parseWhen('2022')?.at ?? 0)).toBe(true);
  });
});

describe('the seeds: chart, timeline, markers, alternatives, implications and signposts', () => {
  let pptx: PptxParts;
  let memoText: string;
  let titles: string[];

  beforeAll(async () => {
    const deck = await deckOf(SEEDS);
    const out = await renderDeck(deck, { theme: DEFAULT_THEME, date: AS_OF });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    pptx = await readPptx(out.bytes);
    titles = pptx.slides.map((xml) => shapeText(xml, 'title') ?? '');
    const models = await workspaceToModels(await loadVerifiedWorkspace(SEEDS));
    const memo = await renderMemo(models.memo as NonNullable<typeof models.memo>, { date: AS_OF, pdfa: false });
    memoText = fold(pdfText(await readPdf(memo.bytes)));
  });

  it('draws no money chart when the summary dates fewer than two amounts of money: the timeline carries them', () => {
    // The seeds date one amount of money (2019) and a valuation (2024); the rest are undated.
    expect(pptx.names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(0);
    expect(pptx.slides.some((xml) => xml.includes('name="chart-bar"'))).toBe(false);
  });

  it('puts dated events on the axis in time order, spaced by time, and undated ones in text below', () => {
    const slide = pptx.slides.find((xml) => xml.includes('name="timeline-axis"')) as string;
    const events = [...slide.matchAll(/name="timeline-event"[\s\S]*?<\/p:sp>/g)].map((m) => fold(allText(m[0])));
    expect(events.map((e) => e.slice(0, 4))).toEqual(['2019', '2022', '2024']);
    // Marker centres: markers of different kinds have different sizes.
    const xs = [...slide.matchAll(/name="timeline-marker"[\s\S]*?<a:off x="(\d+)" y="\d+"\/><a:ext cx="(\d+)"/g)].map((m) => Number(m[1]) + Number(m[2]) / 2);
    expect(xs).toHaveLength(3);
    expect(xs[1] as number).toBeGreaterThan(xs[0] as number);
    expect(xs[2] as number).toBeGreaterThan(xs[1] as number);
    // 2019 → 2022 is a longer stretch than 2022 → 2024, in proportion: three years against two.
    expect(((xs[1] as number) - (xs[0] as number)) / ((xs[2] as number) - (xs[1] as number))).toBeCloseTo(1.5, 5);
    // A year tick for every year of the axis.
    const years = [...slide.matchAll(/name="timeline-year"[\s\S]*?<\/p:sp>/g)].map((m) => allText(m[0]));
    expect(years).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    // A valuation says so, and is drawn as a diamond, not as the money's circle or square.
    expect(events[2]).toMatch(/^2024 \$80 billion valuation OpenAI’s valuation soars past/);
    expect(slide).toMatch(/name="timeline-marker"(?:(?!<\/p:sp>)[\s\S])*prst="diamond"/);
    const undated = fold(shapeText(slide, 'timeline-undated') ?? '');
    expect(undated).toContain('Not dated in the sources');
    expect(undated).toContain('Microsoft’s reported total: $13.75 billion');
  });

  it('marks disputed and single-source statements wherever they are shortened, in the deck and the memo', () => {
    const timeline = pptx.slides.find((xml) => xml.includes('name="timeline-axis"')) as string;
    const labels = [...timeline.matchAll(/name="timeline-event"[\s\S]*?<\/p:sp>/g)].map((m) => fold(allText(m[0])));
    // ChatGPT's launch rests on one document; the first investment on two.
    expect(labels.find((l) => l.includes('ChatGPT'))).toMatch(/\(1 source\)\s*\d+$/);
    expect(labels.find((l) => l.includes('Microsoft’s $1 billion investment'))).not.toMatch(/\(1 source\)|\(disputed\)/);
    // The lifted Azure mandate cites a side of a disagreement: disputed, in the text under the axis.
    expect(fold(shapeText(timeline, 'timeline-undated') ?? '')).toMatch(/released from the Azure mandate in January[^•]*\(disputed\)/);
    // A card and a table cell.
    const friction = pptx.slides[titles.findIndex((t) => t.startsWith('Reported friction'))] as string;
    expect(fold(allText(friction))).toMatch(/breach exclusivity\. \(1 source\)/);
    const scenarios = pptx.slides[titles.findIndex((t) => t.startsWith('An uneasy alliance is likeliest'))] as string;
    expect(fold(allText(scenarios))).toMatch(/possible scenario\. \(1 source\)/);
    // The marker is set in italics, apart from the text.
    expect(timeline).toMatch(/<a:rPr[^>]*i="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>\(1 source\)<\/a:t>/);
    // The memo keeps them too, and prints no Markdown.
    expect(memoText).toMatch(/Azure hosting mandate\. \(disputed\)/);
    // The investment history, once, as dated paragraphs: the marker follows the statement.
    expect(memoText).toMatch(/ballooned to a reported \$13\.75 billion\. \(1 source\)/);
    expect(memoText).not.toMatch(/\*\(|\)\*|_\(/);
  });

  it('names whose model and whose option: one table and one title per pursuer, headed "Made by"', async () => {
    // The seeds' alternatives are all pursued by Microsoft: one table, under the section's headline.
    const alternatives = pptx.slides[titles.findIndex((t) => t.startsWith('Microsoft hedges with its own models'))] as string;
    expect(fold(allText(/<a:tbl>[\s\S]*<\/a:tbl>/.exec(alternatives)?.[0] ?? ''))).toMatch(/^Kind Model or option Made by What the sources say/);
    expect(memoText).toContain('xAI’s Grok (made by xAI)');
    // Microsoft's own model needs no "made by Microsoft" under "Pursued by Microsoft".
    expect(memoText).not.toContain('Phi-4 (made by Microsoft)');
    // With a second pursuer, a table and a title for each.
    const { dir, ws } = await copySeeds();
    try {
      await withSignpostsAndPursuers(ws);
      const models = await workspaceToModels(await loadVerifiedWorkspace(ws));
      const slides = models.deck?.slides ?? [];
      expect(slides.map((x) => x.title)).toEqual(expect.arrayContaining(['Options pursued by Microsoft', 'Options pursued by OpenAI']));
      const openai = slides.find((x) => x.title === 'Options pursued by OpenAI');
      const table = openai?.blocks.find((b) => b.type === 'table');
      expect(table?.type === 'table' ? table.rows.map((r) => r.map(plainText).slice(1, 3).join(' ')) : []).toEqual(['Stargate OpenAI with Oracle and SoftBank', 'Amazon Web Services Amazon']);
    } finally {
      await removeDir(dir);
    }
  });

  it('opens with the answer: the bottom line, what it means for the reader, what we recommend; then the evidence', async () => {
    const takeaways = titles.indexOf('Do not bet on one model provider: both partners are hedging');
    expect(takeaways).toBe(1);
    expect(titles[takeaways + 1]).toBe('What it means for us: more choice of models, less certainty of terms');
    expect(titles[takeaways + 2]).toBe('Keep our choice of models open, and know our terms before the renewal');
    const bottom = memoText.indexOf('Bottom line');
    const answer = memoText.indexOf('Do not bet on one model provider');
    const means = memoText.indexOf('What it means for us:');
    const recommend = memoText.indexOf('Keep our choice of models open');
    expect(bottom).toBeGreaterThanOrEqual(0);
    expect(answer).toBeGreaterThan(bottom);
    expect(means).toBeGreaterThan(answer);
    expect(recommend).toBeGreaterThan(means);
    expect(memoText).toMatch(/Owner: Chief technology officer\. By: 2025\./);
  });

  it('sets signposts as a table after what we recommend, in both outputs', async () => {
    const { dir, ws } = await copySeeds();
    try {
      await withSignpostsAndPursuers(ws);
      const deck = await deckOf(ws);
      const out = await renderDeck(deck, { theme: DEFAULT_THEME, date: AS_OF });
      const parts = await readPptx(out.bytes);
      const shown = parts.slides.map((xml) => shapeText(xml, 'title') ?? '');
      const at = shown.indexOf('Keep our choice of models open, and know our terms before the renewal');
      const watch = fold(allText(parts.slides[at + 1] as string));
      expect(watch).toMatch(/Signpost When Would confirm Would refute/);
      // No date for it: the agreement runs to 2030, which is no date of its renegotiation.
      expect(watch).toMatch(/The reported renegotiation of the agreement \(disputed\)\s*\d+(?:[,–\u2060]\s*\d+)* – Provisions/);
      const models = await workspaceToModels(await loadVerifiedWorkspace(ws));
      const memo = await renderMemo(models.memo as NonNullable<typeof models.memo>, { date: AS_OF, pdfa: false });
      const text = fold(pdfText(await readPdf(memo.bytes)));
      expect(text.indexOf('What to watch')).toBeGreaterThan(text.indexOf('Keep our choice of models open'));
      expect(text).toMatch(/Would confirm: Provisions that allow an OpenAI IPO/);
      expect(text).not.toMatch(/_Would|Would confirm:_|\*Would/);
    } finally {
      await removeDir(dir);
    }
  });
});

describe('table columns', () => {
  it('keep a header on one line when the columns leave room for it', async () => {
    const { columnWidths } = await import('../src/deck/layout.js');
    const { naturalWidth } = await import('../src/deck/measure.js');
    const header = [[{ text: 'Kind', bold: true }], [{ text: 'Model or option', bold: true }], [{ text: 'What the sources say', bold: true }]];
    const long = 'A statement long enough to need several lines in any column it could be given on a slide, and then some more words. '.repeat(3);
    const rows = [header, [[{ text: 'Infrastructure' }], [{ text: 'Amazon Web Services' }], [{ text: long }]]];
    const widths = columnWidths(rows, 14, 12.13);
    // The header's natural width, plus the cell insets (0.08 in a side) and a point.
    expect(widths[1] as number).toBeGreaterThanOrEqual((naturalWidth(header[1] ?? [], 14) + 0.16 * 72 + 1) / 72 - 1e-9);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(12.13, 6);
  });
});

describe('diagnostics', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('warns about an undated event at its line unless the summary says undated, and rejects a malformed date', async () => {
    // The seeds say `when: undated` where the sources give no date: no warning.
    expect((await loadVerifiedWorkspace(SEEDS)).diagnostics.filter((d) => d.rule === 'undated-event')).toEqual([]);
    const file = path.join(ws, 'briefing.yaml');
    const summary = parseYaml(await readFile(path.join(SEEDS, 'briefing.yaml'), 'utf8')) as { investment: { when?: string; label: string }[] };
    delete (summary.investment[3] as { when?: string }).when;
    (summary.investment[4] as { when?: string }).when = 'January';
    await writeFile(file, stringifyYaml(summary));
    const loaded = await loadVerifiedWorkspace(ws);
    const undated = loaded.diagnostics.filter((d) => d.rule === 'undated-event');
    expect(undated).toHaveLength(2);
    expect(undated[0]?.message).toMatch(/^investment\[3\] \("Microsoft’s reported total"\) has no date/);
    expect(undated[1]?.message).toMatch(/^investment\[4\]\.when "January" is not a date/);
    const lines = (await readFile(file, 'utf8')).split('\n');
    for (const d of undated) {
      expect(d.severity).toBe('warning');
      expect(d.file).toMatch(/briefing\.yaml$/);
      expect(lines[(d.line as number) - 1]).toMatch(/when: January|Microsoft’s reported total|\$13\.75 billion|- /);
    }
    // Still built: off the axis, in the text under it.
    const models = await workspaceToModels(loaded);
    const timeline = models.deck?.slides.find((s) => s.layout === 'timeline');
    const events = timeline?.blocks.flatMap((b) => (b.type === 'timeline' ? b.events.map((e) => e.when) : []));
    expect(events).toEqual(['2019', '2022', '2024']);
    // Words that are no date are kept as written, beside the axis, in both outputs.
    const lists = timeline?.blocks.flatMap((b) => (b.type === 'list' ? b.items.map(plainText) : [])) ?? [];
    expect(lists).toContainEqual(expect.stringMatching(/^January: One report: released from the Azure mandate in January/));
    const memo = models.memo?.blocks.flatMap((b) => (b.type === 'paragraph' ? [plainText(b.inlines)] : [])) ?? [];
    expect(memo).toContainEqual(expect.stringMatching(/^January\. One report says Microsoft released OpenAI/));
    expect(memo).toContainEqual(expect.stringMatching(/^Undated\. Microsoft’s total investment/));
    (summary.investment[0] as { when?: string }).when = '2019-13';
    await writeFile(file, stringifyYaml(summary));
    const bad = (await loadVerifiedWorkspace(ws)).diagnostics.find((d) => d.rule === 'when-invalid');
    expect(bad?.severity).toBe('error');
    expect(bad?.message).toContain('investment[0].when "2019-13"');
    expect(bad?.line).toBeGreaterThan(0);
  });

  it('rejects a chart of mixed kinds, naming the template file and line', async () => {
    const copy = path.join(dir, 'mixed');
    const { cp } = await import('node:fs/promises');
    await cp(SEEDS, copy, { recursive: true });
    await mkdir(path.join(copy, 'templates'));
    const template = [
      '<!-- layout: title -->',
      '# {{title}}',
      '',
      '---',
      '<!-- layout: chart -->',
      '# Every amount at once',
      '',
      '| Figure | Amount |',
      '|---|---|',
      '{{#each investmentWithAmounts}}',
      '| {{label}} | {{amount}}{{cite cite}} |',
      '{{/each}}',
      '',
    ].join('\n');
    await writeFile(path.join(copy, 'templates/deck.md.hbs'), template);
    const models = await workspaceToModels(await loadVerifiedWorkspace(copy));
    const mixed = models.diagnostics.find((d) => d.rule === 'chart-mixed-kinds');
    expect(mixed?.severity).toBe('error');
    expect(mixed?.file).toMatch(/templates[\\/]deck\.md\.hbs$/);
    expect(mixed?.line).toBe(8);
    expect(mixed?.message).toMatch(/mixes amounts of \d kinds \("investment", "valuation", "cumulative investment", "commitment"\)/);
  });

  it('keeps building a summary written with owner; pursuedBy and owner together are an error', async () => {
    const file = path.join(ws, 'briefing.yaml');
    await writeFile(file, await readFile(path.join(SEEDS, 'briefing.yaml'), 'utf8'));
    const summary = (await withSignpostsAndPursuers(ws)) as unknown as { alternatives: Record<string, unknown>[] };
    for (const a of summary.alternatives) {
      a.owner = a.pursuedBy;
      delete a.pursuedBy;
    }
    await writeFile(file, stringifyYaml(summary));
    const loaded = await loadVerifiedWorkspace(ws);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.summary?.alternatives[0]?.pursuedBy).toBe('Microsoft');
    const models = await workspaceToModels(loaded);
    expect(models.deck?.slides.map((s) => s.title)).toContain('Options pursued by OpenAI');
    (summary.alternatives[0] as Record<string, unknown>).pursuedBy = 'Microsoft';
    await writeFile(file, stringifyYaml(summary));
    const both = (await loadVerifiedWorkspace(ws)).diagnostics.find((d) => d.rule === 'schema');
    expect(both?.message).toContain('give pursuedBy or its older name owner, not both');
  });

  it('names a misspelt key of an amount, an alternative and a signpost with a did-you-mean', async () => {
    const file = path.join(ws, 'briefing.yaml');
    await writeFile(file, await readFile(path.join(SEEDS, 'briefing.yaml'), 'utf8'));
    await withSignpostsAndPursuers(ws);
    const text = (await readFile(file, 'utf8'))
      .replace(/value: \$80 billion/, 'valu: $80 billion')
      .replace(/maker: '?xAI'?\n/, "makr: 'xAI'\n")
      .replace('confirms: Provisions', 'confirm: Provisions');
    await writeFile(file, text);
    const messages = (await loadVerifiedWorkspace(ws)).diagnostics.filter((d) => d.rule === 'schema').map((d) => d.message);
    expect(messages).toContainEqual(expect.stringMatching(/^unknown key "valu" in investment\[\d\]\.amount; did you mean "value"\?$/));
    expect(messages).toContainEqual(expect.stringMatching(/^unknown key "makr" in alternatives\[3\]; did you mean "maker"\?$/));
    expect(messages).toContainEqual(expect.stringMatching(/^unknown key "confirm" in watch\[0\]; did you mean "confirms"\?$/));
  });

  it('verifies implications and signposts like every statement', async () => {
    const file = path.join(ws, 'briefing.yaml');
    await writeFile(file, await readFile(path.join(SEEDS, 'briefing.yaml'), 'utf8'));
    const summary = (await withSignpostsAndPursuers(ws)) as unknown as {
      implications: { cite: { quote: string }[]; text: string }[];
      watch: { cite: { quote: string }[]; confirms?: string }[];
    };
    (summary.implications[0]?.cite[0] as { quote: string }).quote = 'a passage no document has, made up for the test';
    (summary.watch[1] as { confirms?: string }).confirms = 'Microsoft sues for $70 billion';
    await writeFile(file, stringifyYaml(summary));
    const loaded = await loadVerifiedWorkspace(ws);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`);
    expect(errors.some((m) => m.startsWith('quote-not-found'))).toBe(true);
    expect(errors).toContainEqual(expect.stringMatching(/^figure-not-in-quotes: figure "\$70 billion" \(USD 70,000,000,000\) in watch\[1\]\.confirms does not occur in its quotes; the quotes state "\$50 billion"/));
  });

  it('lets the theme decide the markers\' words and look, in both outputs', async () => {
    const { prepareOutputs } = await import('../src/pipeline/pipeline.js');
    const theme = { ...DEFAULT_THEME, markers: { disputed: '(contested)', single: '(one source)', style: 'bold' as const } };
    const prepared = await prepareOutputs(await loadVerifiedWorkspace(SEEDS), theme);
    const runs = prepared.memo?.blocks.flatMap((b) => (b.type === 'paragraph' ? b.inlines : b.type === 'list' ? b.items.flat() : [])) ?? [];
    const markers = runs.filter((i) => i.type === 'text' && /^\((contested|one source)\)$/.test(i.text));
    expect(markers.length).toBeGreaterThan(5);
    expect(markers.every((i) => i.type === 'text' && i.bold === true && !i.italic)).toBe(true);
    const deckText = prepared.placedDeck?.slides.flatMap((s) => s.elements.flatMap((e) => (e.kind === 'text' ? e.paragraphs.flatMap((p) => p.runs) : []))) ?? [];
    expect(deckText.some((r) => r.text === '(contested)' && r.bold)).toBe(true);
    expect(deckText.some((r) => r.text === '(disputed)')).toBe(false);
  });

  it('keeps the shortened labels of the models plain text: no Markdown left in the deck model', async () => {
    const models = await workspaceToModels(await loadVerifiedWorkspace(SEEDS));
    const text = models.deck?.slides.flatMap((s) => s.blocks).map((b) => (b.type === 'paragraph' ? plainText(b.inlines) : '')).join(' ') ?? '';
    expect(text).not.toMatch(/[\uE000-\uE004]/);
  });
});
