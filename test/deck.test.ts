// The deck: read the .pptx back and check what a reader of the file would see.
import { beforeAll, describe, expect, it } from 'vitest';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import path from 'node:path';
import { layoutDeck } from '../src/deck/layout.js';
import { countLines, inlinesToRuns } from '../src/deck/measure.js';
import { DEFAULT_THEME, loadTheme } from '../src/inputs/theme.js';
import { keepFirstParagraphProperties } from '../src/deck/pptx-writer.js';
import type { Deck } from '../src/model/types.js';
import { changesToView } from '../src/pipeline/changes-view.js';
import { emptyReport } from '../src/pipeline/changes.js';
import { loadVerifiedWorkspace, workspaceToModels } from '../src/pipeline/pipeline.js';
import { allText, AS_OF, deckOf, doubledSeeds, placementProblems, readPptx, renderDeck, shapeText, type PptxParts } from './helpers/deck.js';
import { removeDir, SEEDS, tempDir } from './helpers/workspace.js';

let deck: Deck;
let bytes: Uint8Array;
let pptx: PptxParts;
/** The seeds with twice the friction points and alternatives: their tables continue over several slides. */
let doubledPptx: PptxParts;

beforeAll(async () => {
  deck = await deckOf(SEEDS);
  const out = await renderDeck(deck, { theme: DEFAULT_THEME, date: AS_OF });
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  bytes = out.bytes;
  pptx = await readPptx(bytes);
  const dir = await tempDir();
  try {
    doubledPptx = await readPptx((await renderDeck(await deckOf(await doubledSeeds(dir)), { theme: DEFAULT_THEME, date: AS_OF })).bytes);
  } finally {
    await removeDir(dir);
  }
});

describe('deck for the seeds', () => {
  it('has the slides in order, with action titles', () => {
    const titles = pptx.slides.map((xml) => shapeText(xml, 'title'));
    expect(titles).toEqual([
      'Microsoft and OpenAI: from alliance to hedged rivalry',
      // Answer first: the bottom line, what it means for the reader, what we recommend, then the evidence.
      'Do not bet on one model provider: both partners are hedging',
      'What it means for us: more choice of models, less certainty of terms',
      'Keep our choice of models open, and know our terms before the renewal',
      'From $1 billion in 2019 to a reported $13.75 billion in total',
      'Reported friction: transparency, cost, influence and exclusivity',
      'Sources disagree on exclusivity, the contract and Copilot',
      'Microsoft hedges with its own models, partners’ models and chips',
      'An uneasy alliance is likeliest; the renegotiation and the clouds will tell',
      'Sources',
    ]);
    // Continuation slides: a table too long for one slide goes on, titled (1/3), (2/3)…
    const doubled = doubledPptx.slides.map((xml) => shapeText(xml, 'title'));
    expect(doubled).toContain('Microsoft hedges with its own models, partners’ models and chips (1/3)');
    expect(doubled).toContain('Microsoft hedges with its own models, partners’ models and chips (2/3)');
  });

  it('is 16:9', async () => {
    const presentation = await pptx.zip.file('ppt/presentation.xml')?.async('string');
    expect(presentation).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
  });

  it('puts a kicker, a source line, a footer and a slide number on content slides', () => {
    const takeaways = pptx.slides[1] as string;
    // The bottom line names its reader, and its headline is the team's view: the kicker says both.
    expect(shapeText(takeaways, 'kicker')).toBe('BOTTOM LINE FOR EXECUTIVE LEADERSHIP TEAM · OUR VIEW');
    expect(shapeText(takeaways, 'source-line')).toBe('Sources: 000, 003, 004');
    expect(shapeText(takeaways, 'footer')).toBe('Microsoft and OpenAI: from alliance to hedged rivalry · 1 June 2025');
    expect(takeaways).toMatch(/<a:fld [^>]*type="slidenum"/);
    expect(shapeText(pptx.slides[4] as string, 'source-line')).toBe('Sources: 000, 002, 004');
    // The title slide has none of these.
    expect(shapeText(pptx.slides[0] as string, 'footer')).toBeUndefined();
  });

  it('writes citations as superscript groups, sorted, runs of three as a range', () => {
    const takeaways = pptx.slides[1] as string;
    // A range's dash is held to its numbers by word joiners: no viewer breaks a line inside "1–3".
    expect(takeaways).toMatch(/<a:rPr[^>]*baseline="30000"[^>]*>(?:(?!<\/a:r>).)*<a:t>1,\u00a02<\/a:t>/);
    expect(takeaways).toMatch(/<a:rPr[^>]*baseline="30000"[^>]*>(?:(?!<\/a:r>).)*<a:t>3\u2060–\u20607<\/a:t>/);
    const superscripts = [...takeaways.matchAll(/baseline="30000"/g)];
    expect(superscripts).toHaveLength(5);
  });

  it('renders bullets: at most one a:pPr per paragraph, with the bullet kept', () => {
    for (const xml of pptx.slides) {
      for (const [, inner] of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        expect((inner?.match(/<a:pPr\b/g) ?? []).length).toBeLessThanOrEqual(1);
      }
    }
    const bullets = [...(pptx.slides[1] as string).matchAll(/<a:p><a:pPr[^>]*>(?:(?!<\/a:pPr>).)*<a:buChar/g)];
    expect(bullets).toHaveLength(5);
  });

  it('draws the timeline with native shapes, left to right at the events\' places in time', () => {
    const timeline = pptx.slides[4] as string;
    const markers = [...timeline.matchAll(/name="timeline-marker"[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // The three dated events; the three undated ones are text under the axis.
    expect(markers).toHaveLength(3);
    const steps = markers.slice(1).map((x, k) => x - (markers[k] as number));
    for (const step of steps) expect(step).toBeGreaterThan(0);
    expect(steps[0] as number).toBeGreaterThan(steps[1] as number);
    expect(allText(timeline)).toContain('$13.75 billion');
    expect(timeline).toMatch(/baseline="30000"[^>]*>(?:(?!<\/a:r>).)*<a:t>\d+\u2060–\u2060\d+<\/a:t>/);
  });

  it('has native tables with a shaded header, repeated on continuation slides, and no vertical rules', () => {
    const tables = pptx.slides.filter((xml) => xml.includes('<a:tbl>'));
    expect(tables).toHaveLength(5); // recommendations, conflicts, alternatives, scenarios, sources
    for (const xml of [...tables, ...doubledPptx.slides.filter((x) => x.includes('<a:tbl>'))]) {
      expect(xml).not.toMatch(/<a:lnL w="[1-9]/);
      expect(xml).not.toMatch(/<a:lnR w="[1-9]/);
    }
    const tableText = (xml: string) => allText(/<a:tbl>[\s\S]*<\/a:tbl>/.exec(xml)?.[0] ?? '');
    const [, conflicts, first] = tables as [string, string, string];
    // Each account of a disagreement sits in its own column, with its citation numbers.
    expect(tableText(conflicts)).toMatch(/Is Azure still OpenAI’s exclusive cloud\? One article says Azure remains OpenAI’s exclusive cloud provider\.\s*\d+\s*Another says Microsoft released OpenAI in January/);
    expect(tableText(first)).toMatch(/^Kind Model or option Made by What the sources say In-house models MAI-1/);
    expect(first).toContain(`<a:solidFill><a:srgbClr val="${DEFAULT_THEME.colors.fill}"/></a:solidFill>`);
    // A continuation repeats the header and names the group it starts in (the doubled seeds continue).
    const continued = doubledPptx.slides.filter((xml) => shapeText(xml, 'title')?.startsWith('Microsoft hedges with its own models, partners’ models and chips ('));
    expect(continued.length).toBeGreaterThanOrEqual(2);
    for (const xml of continued.slice(1)) expect(tableText(xml)).toMatch(/^Kind Model or option Made by What the sources say (?:In-house models|Partner and third-party models|Open-weight models|Infrastructure) /);
  });

  it('puts friction points and what it means on cards', () => {
    expect((pptx.slides[5]?.match(/name="card"/g) ?? []).length).toBe(6);
    expect(shapeText(pptx.slides[5] as string, 'card')).toMatch(/^Transparency over o1OpenAI has reportedly/);
    // Two implications are bands, a heading beside each text, rather than a half-empty grid.
    expect((pptx.slides[2]?.match(/name="card"/g) ?? []).length).toBe(2);
    expect((pptx.slides[2]?.match(/name="card-heading"/g) ?? []).length).toBe(2);
  });

  it('writes speaker notes with talking points and the full quotes on every content slide', () => {
    for (let n = 2; n <= pptx.slides.length - 1; n++) {
      const notes = allText(pptx.notes.get(n) ?? '');
      expect(notes, `slide ${n}`).toContain('Sources on this slide:');
    }
    expect(allText(pptx.notes.get(2) ?? '')).toContain('The bottom line in 5 points');
    expect(allText(pptx.notes.get(2) ?? '')).toContain('the two companies begin to look more like competitors than collaborators');
    // A continuation slide keeps the quotes of its own citations only (the doubled seeds continue).
    const continued = doubledPptx.slides.map((xml, i) => [shapeText(xml, 'title'), i + 1] as const).filter(([t]) => t?.startsWith('Microsoft hedges with its own models, partners’ models and chips ('));
    const first = allText(doubledPptx.notes.get(continued[0]?.[1] as number) ?? '');
    const second = allText(doubledPptx.notes.get(continued[1]?.[1] as number) ?? '');
    const quoted = (notes: string) => [...notes.matchAll(/^\[(\d+)\]/gm)].map((m) => Number(m[1]));
    const onlyFirst = quoted(first).filter((n) => !quoted(second).includes(n));
    const onlySecond = quoted(second).filter((n) => !quoted(first).includes(n));
    expect(onlyFirst.length).toBeGreaterThan(0);
    expect(onlySecond.length).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same deck and date', async () => {
    const again = await renderDeck(deck, { theme: DEFAULT_THEME, date: AS_OF });
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
    const core = await pptx.zip.file('docProps/core.xml')?.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-11-01T00:00:00Z</dcterms:created>');
    for (const entry of Object.values(pptx.zip.files)) expect(entry.date.toISOString()).toBe('2025-11-01T00:00:00.000Z');
  });
});

describe('deck layout', () => {
  function checkPlacement(d: Deck) {
    const { placed: { slides }, diagnostics } = layoutDeck(d, DEFAULT_THEME);
    expect(diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(placementProblems(slides)).toEqual([]);
    return slides;
  }

  it('keeps every box on the slide, apart from the others, and big enough for its text', () => {
    checkPlacement(deck);
  });

  it('continues a summary with twice the friction points and alternatives over more slides', async () => {
    const dir = await tempDir();
    try {
      const doubled = await deckOf(await doubledSeeds(dir));
      const slides = checkPlacement(doubled);
      const titles = slides.map((s) => s.title);
      expect(titles).toContain('Reported friction: transparency, cost, influence and exclusivity (2/2)');
      expect(titles.filter((t) => t.startsWith('Microsoft hedges with its own models')).length).toBeGreaterThanOrEqual(3);
      const parts = slides.filter((s) => s.part).map((s) => s.part);
      expect(parts.every((p) => p && p.index <= p.count)).toBe(true);
    } finally {
      await removeDir(dir);
    }
  });

  it('keeps all three accounts of a disagreement: the third joins the second column', async () => {
    const dir = await tempDir();
    try {
      const ws = path.join(dir, 'three');
      await cp(SEEDS, ws, { recursive: true });
      const file = path.join(ws, 'briefing.yaml');
      const summary = parseYaml(await readFile(file, 'utf8')) as { conflicts: { sides: { text: string; cite: unknown[] }[] }[] };
      const [first, second] = summary.conflicts as [(typeof summary.conflicts)[0], (typeof summary.conflicts)[0]];
      first.sides.push({ text: 'A third account, cited from elsewhere.', cite: (second.sides[0] as { cite: unknown[] }).cite });
      await writeFile(file, stringifyYaml(summary));
      const pptx3 = await readPptx((await renderDeck(await deckOf(ws), { theme: DEFAULT_THEME, date: AS_OF })).bytes);
      const table = pptx3.slides.find((xml) => xml.includes('<a:tbl>') && allText(xml).includes('One account')) ?? '';
      expect(allText(/<a:tbl>[\s\S]*<\/a:tbl>/.exec(table)?.[0] ?? '')).toMatch(/Another says Microsoft released OpenAI in January[^.]*\.\s*\d+\s*A third account, cited from elsewhere\./);
    } finally {
      await removeDir(dir);
    }
  });

  it('adds a change slide right after the takeaways when the build passes a change report', async () => {
    const report = emptyReport();
    report.hasPrevious = true;
    report.since = { label: 'the last build that reported its changes (2025-10-01)', reader: 'the build of 1 October 2025' };
    report.documents.changed.push('004');
    report.statements.withdrawn.push({ path: 'friction[9]', text: 'A statement the curator deleted.', citations: [], docs: [], fields: { title: 'Gone', text: 'A statement the curator deleted.' } });
    const ws = await loadVerifiedWorkspace(SEEDS);
    const models = await workspaceToModels(ws, { extras: { changes: changesToView(report, ws) } });
    const third = models.deck?.slides[2];
    expect(third?.layout).toBe('changes');
    expect(third?.title).toBe('What changed since the build of 1 October 2025');
    expect(models.deck?.slides[1]?.title).toBe(models.deck?.slides.find((s) => s.subtitle?.startsWith('Bottom line for Executive leadership team'))?.title);
    const { slides } = layoutDeck(models.deck as Deck, DEFAULT_THEME).placed;
    const body = slides[2]?.elements.find((e) => e.kind === 'text' && e.role === 'body');
    expect(body && body.kind === 'text' ? body.paragraphs.map((p) => p.runs.map((r) => r.text).join('')) : []).toEqual([
      'Withdrawn: A statement the curator deleted.',
      'Source revised: “Microsoft and OpenAI: A Complex Dance of Collaboration and Competition in the AI Revolution” (004); every statement citing it was verified again',
    ]);
  });

  it('continues a long change report on more slides rather than set it below 14 pt', async () => {
    const report = emptyReport();
    report.hasPrevious = true;
    report.since = { label: 'the last build that reported its changes (2025-10-01)', reader: 'the build of 1 October 2025' };
    for (let i = 0; i < 14; i++) {
      const text = `Withdrawn statement number ${i}, long enough to take most of a line of the slide at its full size.`;
      report.statements.withdrawn.push({ path: `friction[${i}]`, text, citations: [], docs: [], fields: { text } });
    }
    const ws = await loadVerifiedWorkspace(SEEDS);
    const models = await workspaceToModels(ws, { extras: { changes: changesToView(report, ws) } });
    const changes = layoutDeck(models.deck as Deck, DEFAULT_THEME).placed.slides.filter((s) => s.title.startsWith('What changed'));
    expect(changes.length).toBeGreaterThan(1);
    expect(changes.map((s) => s.title)).toEqual(changes.map((_, k) => `What changed since the build of 1 October 2025 (${k + 1}/${changes.length})`));
    for (const slide of changes) expect(slide.fontSize).toBeGreaterThanOrEqual(14);
    // Every item once, in order.
    const bodies = changes.flatMap((s) => s.elements.flatMap((e) => (e.kind === 'text' && e.role === 'body' ? e.paragraphs.map((p) => p.runs.map((r) => r.text).join('')) : [])));
    expect(bodies).toEqual(report.statements.withdrawn.map((w) => `Withdrawn: ${w.text}`));
  });

  it('wraps at spaces and never splits a citation from its word', () => {
    const runs = inlinesToRuns([{ type: 'text', text: 'alpha beta gamma' }, { type: 'cite', n: 12 }, { type: 'cite', n: 13 }]);
    expect(runs.map((r) => [r.text, !!r.superscript])).toEqual([
      ['alpha beta gamma', false],
      ['12,\u00A013', true],
    ]);
    expect(countLines(runs, 18, 1000)).toBe(1);
    expect(countLines(runs, 18, 120)).toBe(2);
    expect(countLines(runs, 18, 20)).toBe(Number.POSITIVE_INFINITY);
  });

  it('finds and fixes a second a:pPr in a paragraph', () => {
    const xml = '<a:p><a:pPr marL="228600" indent="-228600"><a:buChar char="•"/></a:pPr><a:r><a:t>x</a:t></a:r><a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:rPr baseline="30000"/><a:t>1</a:t></a:r></a:p>';
    expect(keepFirstParagraphProperties(xml)).toBe('<a:p><a:pPr marL="228600" indent="-228600"><a:buChar char="•"/></a:pPr><a:r><a:t>x</a:t></a:r><a:r><a:rPr baseline="30000"/><a:t>1</a:t></a:r></a:p>');
  });
});

describe('theme', () => {
  it('is the default without a theme file, and merges theme.yaml over it', async () => {
    const dir = await tempDir();
    try {
      expect((await loadTheme(dir)).theme).toEqual(DEFAULT_THEME);
      await writeFile(path.join(dir, 'theme.yaml'), 'colors:\n  accent: "#AA3300"\nfonts:\n  body: Liberation Sans\n');
      const { theme, file, diagnostics } = await loadTheme(dir);
      expect(diagnostics).toEqual([]);
      expect(file).toBe(path.join(dir, 'theme.yaml'));
      expect(theme.colors.accent).toBe('AA3300');
      expect(theme.colors.text).toBe(DEFAULT_THEME.colors.text);
      expect(theme.fonts).toEqual({ heading: 'Arial', body: 'Liberation Sans' });
    } finally {
      await removeDir(dir);
    }
  });

  it('reports an invalid theme with rule theme-invalid', async () => {
    const dir = await tempDir();
    try {
      await writeFile(path.join(dir, 'theme.json'), JSON.stringify({ colors: { accent: 'blue' }, sizes: { body: 200 } }));
      const { theme, diagnostics } = await loadTheme(dir);
      expect(theme).toEqual(DEFAULT_THEME);
      expect(diagnostics.map((d) => `${d.rule}: ${d.message}`)).toMatchInlineSnapshot(`
        [
          "theme-invalid: theme colors.accent: must be a colour written as six hex digits, e.g. "1F4E79"",
          "theme-invalid: theme sizes.body: Too big: expected number to be <=32",
        ]
      `);
      await writeFile(path.join(dir, 'theme.yaml'), 'colors: [unclosed\n');
      const yaml = await loadTheme(dir);
      expect(yaml.diagnostics[0]?.rule).toBe('theme-invalid');
      expect(yaml.diagnostics[0]?.line).toBeGreaterThan(0);
      // A misspelt key is named at its own line, with the key it probably meant (as in briefing.yaml).
      await writeFile(path.join(dir, 'theme.yaml'), 'colors:\n  accent: "1F4E79"\nsize:\n  body: 20\n');
      const misspelt = await loadTheme(dir);
      expect(misspelt.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
        '3:1: unknown key "size" in the theme; did you mean "sizes"?',
      ]);
    } finally {
      await removeDir(dir);
    }
  });

  it('changes the accent colour of the deck', async () => {
    const theme = { ...DEFAULT_THEME, colors: { ...DEFAULT_THEME.colors, accent: 'AA3300' } };
    const out = await renderDeck(deck, { theme, date: AS_OF });
    const parts = await readPptx(out.bytes);
    expect(parts.slides[1]).toContain('<a:srgbClr val="AA3300"/>');
    expect(parts.slides[1]).not.toContain(`<a:srgbClr val="${DEFAULT_THEME.colors.accent}"/>`);
  });
});
