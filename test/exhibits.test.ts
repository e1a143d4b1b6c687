// Exhibits that carry the story (issue 24, points 4 and 5): money by date with the running total
// as a line and valuations and plans as markers of their own; a timeline proportional to time that
// continues by period; and nothing that refuses to fit: every list, table, card set and call-out
// panel continues on further slides at one type size, in balanced parts.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadVerifiedWorkspace, workspaceToModels } from '../src/pipeline/pipeline.js';
import { layoutDeck } from '../src/deck/layout.js';
import { boxOf, type Element, type PlacedSlide } from '../src/deck/elements.js';
import { textHeight } from '../src/deck/measure.js';
import { GRID } from '../src/deck/grid.js';
import { DEFAULT_THEME } from '../src/inputs/theme.js';
import { amountRole } from '../src/inputs/amount-roles.js';
import { historyChart } from '../src/template/view.js';
import type { Deck, Slide, TimelineEvent } from '../src/model/types.js';
import { niceStep, valueScale } from '../src/deck/slide-history.js';
import { allText, AS_OF, placementProblems, readPptx, renderDeck, repeatedSeeds } from './helpers/deck.js';
import { removeDir, ROOT, SEEDS, tempDir } from './helpers/workspace.js';

const FUNDING = path.join(ROOT, 'test/fixtures/funding');

async function laidOut(ws: string) {
  const models = await workspaceToModels(await loadVerifiedWorkspace(ws));
  if (!models.deck) throw new Error(JSON.stringify(models.diagnostics));
  return { models, ...layoutDeck(models.deck, DEFAULT_THEME) };
}

const centre = (e: Element) => {
  const b = boxOf(e);
  return b.x + b.w / 2;
};
const ofRole = (slide: PlacedSlide, role: string) => slide.elements.filter((e) => e.role === role);

describe('what an amount is', () => {
  it('reads the role of an amount from its kind, in the summary\'s own words', () => {
    expect(amountRole('investment')).toBe('new money');
    expect(amountRole('cumulative investment')).toBe('total');
    expect(amountRole('Cumulative total')).toBe('total');
    expect(amountRole('valuation')).toBe('valuation');
    expect(amountRole('commitment')).toBe('plan');
    expect(amountRole('planned investment')).toBe('plan');
    expect(amountRole('revenue')).toBe('other');
    expect(amountRole(undefined)).toBeUndefined();
  });
});

describe('the history chart: money by date', () => {
  let slides: PlacedSlide[];
  let chart: PlacedSlide;
  beforeAll(async () => {
    const out = await laidOut(FUNDING);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    slides = out.placed.slides;
    chart = slides.find((s) => s.layout === 'chart') as PlacedSlide;
  });

  it('states its point in its title, from its own amounts', () => {
    expect(chart.title).toBe('Keel Capital: investment reached $3.5 billion by 2023, against $40 billion planned');
  });

  it('says "to reach" of a running total dated after the briefing, "reached" of one before it', () => {
    const event = (series: string, amount: string, when: string, value: number) => ({
      series, party: 'Keel Capital', amount, whenShown: when, dated: true, money: { value, currency: 'USD' }, at: Number(when) + 0.5,
    });
    const events = [event('new money', '$1 billion', '2023', 1e9), event('total', '$25 billion', '2028', 25e9)];
    expect(historyChart(events, '2025-09-30')?.title).toBe('Keel Capital: investment to reach $25 billion by 2028');
    expect(historyChart(events, '2029-01-15')?.title).toBe('Keel Capital: investment reached $25 billion by 2028');
  });

  it('draws new money as bars, at their places in time, and nothing else as a bar', () => {
    const bars = ofRole(chart, 'chart-bar');
    expect(bars).toHaveLength(3);
    const xs = bars.map(centre);
    // 2019, 2021, 2023: two years apart each, so the same distance apart.
    expect((xs[1] as number) - (xs[0] as number)).toBeCloseTo((xs[2] as number) - (xs[1] as number), 6);
    const labels = ofRole(chart, 'chart-bar-label').map((e) => (e.kind === 'text' ? e.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('') : ''));
    expect(labels).toEqual(['$1 billion (1 source)', '$2 billion (1 source)', '$0.5 billion (1 source)']);
  });

  it('draws the running total as a step through its values, marked', () => {
    expect(ofRole(chart, 'chart-total')).toHaveLength(2);
    const totals = ofRole(chart, 'chart-total-label').map((e) => (e.kind === 'text' ? e.paragraphs[0]?.runs.map((r) => r.text).join('') : ''));
    expect(totals).toEqual(['$3 billion (1 source) in all', '$3.5 billion (1 source) in all']);
  });

  it('marks a valuation with a diamond and a plan with a dashed ring, each saying what it is', () => {
    const marks = ofRole(chart, 'chart-marker');
    expect(marks.map((m) => (m.kind === 'diamond' ? 'diamond' : m.kind === 'ellipse' && m.line?.dash ? 'ring' : m.kind))).toEqual(['rect', 'rect', 'diamond', 'ring']);
    const words = ofRole(chart, 'chart-marker-label').map((e) => (e.kind === 'text' ? e.paragraphs[0]?.runs.map((r) => r.text).join('') : ''));
    expect(words).toEqual(['$29 billion (1 source) valuation', '$40 billion (1 source) planned']);
    expect(ofRole(chart, 'chart-legend').map((e) => (e.kind === 'text' ? e.paragraphs[0]?.runs[0]?.text : ''))).toEqual(['New money', 'Running total', 'Valuation', 'Commitment or plan']);
  });

  it('lets no label cover another, a bar or a mark', () => {
    const labels = chart.elements.filter((e) => e.role.startsWith('chart-') && e.role.endsWith('-label'));
    const marks = chart.elements.filter((e) => e.role === 'chart-bar' || e.role === 'chart-marker');
    const overlap = (a: Element, b: Element) => {
      const p = boxOf(a);
      const q = boxOf(b);
      return Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x) > 1e-3 && Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y) > 1e-3;
    };
    labels.forEach((a, i) => {
      for (const b of [...labels.slice(i + 1), ...marks]) expect(overlap(a, b), `${a.role} / ${b.role}`).toBe(false);
    });
    expect(placementProblems(slides)).toEqual([]);
  });

  it('is shapes, not a native chart part: the time axis is proportional', async () => {
    const out = await laidOut(FUNDING);
    const { bytes } = await renderDeck(out.models.deck as Deck, { theme: DEFAULT_THEME, date: AS_OF });
    const pptx = await readPptx(bytes);
    expect(pptx.names.filter((n) => /^ppt\/charts\//.test(n))).toEqual([]);
    const xml = pptx.slides[slides.indexOf(chart)] as string;
    expect(xml).toContain('name="chart-bar"');
    expect(allText(xml)).toContain('Keel Capital: investment reached $3.5 billion by 2023');
  });

  it('sets a marker that dwarfs the money off scale, at the top, and says so', () => {
    const points = [
      { label: 'a', value: 1, display: '$1 billion', series: 'new money' as const },
      { label: 'b', value: 2, display: '$2 billion', series: 'new money' as const },
      { label: 'c', value: 500, display: '$500 billion', series: 'plan' as const },
    ];
    const scale = valueScale(points);
    expect(scale.top).toBeLessThan(5);
    expect([...scale.offScale].map((p) => p.label)).toEqual(['c']);
    // Twenty times the money or less is drawn to scale: the contrast is the story.
    expect(valueScale([...points.slice(0, 2), { ...points[2], value: 40 } as (typeof points)[2]]).offScale.size).toBe(0);
    expect(niceStep(43)).toBe(10);
    expect(niceStep(4.6)).toBe(1);
  });

  it('refuses a row in the wrong series: a valuation charted as new money', async () => {
    const dir = await tempDir();
    try {
      const ws = path.join(dir, 'funding');
      await cp(FUNDING, ws, { recursive: true });
      await mkdir(path.join(ws, 'templates'));
      const template = [
        '<!-- layout: title -->',
        '# {{title}}',
        '',
        '---',
        '<!-- layout: chart -->',
        '# Everything as money',
        '',
        '| When | Series | Event | Amount |',
        '|---|---|---|---|',
        '{{#each investmentWithAmounts}}',
        '| {{when}} | new money | {{label}} | {{amount}}{{cite cite}} |',
        '{{/each}}',
        '',
      ].join('\n');
      await writeFile(path.join(ws, 'templates/deck.md.hbs'), template);
      const models = await workspaceToModels(await loadVerifiedWorkspace(ws));
      const mixed = models.diagnostics.filter((d) => d.rule === 'chart-mixed-kinds');
      expect(mixed.map((d) => d.message)).toContainEqual(expect.stringMatching(/^chart row "Share sale values Harbor Labs" is in the series "new money", but its amount is a valuation \(series "valuation"\)/));
      expect(mixed[0]?.line).toBe(8);
    } finally {
      await removeDir(dir);
    }
  });
});

/** A deck of one timeline slide with `n` events a year apart from 2000, as the model gives them. */
function timelineDeck(n: number): Deck {
  const events: TimelineEvent[] = Array.from({ length: n }, (_, k) => ({
    when: String(2000 + k),
    at: 2000 + k + 0.5,
    from: 2000 + k,
    to: 2001 + k,
    amount: `$${k + 1} million`,
    kind: k % 3 === 0 ? 'valuation' : 'investment',
    label: [{ type: 'text', text: `Event number ${k + 1}, with a label of a few words` }],
  }));
  const slide: Slide = { layout: 'timeline', title: 'A long history', subtitle: 'History', blocks: [{ type: 'timeline', events }], notes: { talkingPoints: [], citations: [] }, cites: [], sources: [] };
  return { meta: { title: 'T', subtitle: 'S', asOf: '2024-01-01', subject: 'T', keywords: [] }, slides: [slide], citations: [] };
}

describe('the timeline: proportional to time, continued by period', () => {
  it('holds twelve events on one slide, at their places in time', () => {
    const { placed, diagnostics } = layoutDeck(timelineDeck(12), DEFAULT_THEME);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(placed.slides).toHaveLength(1);
    const slide = placed.slides[0] as PlacedSlide;
    const xs = ofRole(slide, 'timeline-marker').map(centre);
    expect(xs).toHaveLength(12);
    const steps = xs.slice(1).map((x, k) => x - (xs[k] as number));
    for (const step of steps) expect(step).toBeCloseTo(steps[0] as number, 6);
    // Labels alternate above and below the axis and never overlap.
    expect(placementProblems(placed.slides)).toEqual([]);
    // Valuations are diamonds, investments circles.
    expect(ofRole(slide, 'timeline-marker').map((m) => m.kind)).toEqual(Array.from({ length: 12 }, (_, k) => (k % 3 === 0 ? 'diamond' : 'ellipse')));
  });

  it('continues thirteen or more by period: balanced parts, one size, each part\'s years in its kicker', () => {
    const { placed } = layoutDeck(timelineDeck(25), DEFAULT_THEME);
    expect(placed.slides.map((s) => s.title)).toEqual(['A long history (1/3)', 'A long history (2/3)', 'A long history (3/3)']);
    expect(placed.slides.map((s) => ofRole(s, 'timeline-marker').length)).toEqual([9, 8, 8]);
    expect(new Set(placed.slides.map((s) => s.fontSize)).size).toBe(1);
    const kickers = placed.slides.map((s) => s.elements.find((e) => e.role === 'kicker')).map((e) => (e?.kind === 'text' ? e.paragraphs[0]?.runs[0]?.text : ''));
    expect(kickers).toEqual(['HISTORY · 2000–2008', 'HISTORY · 2009–2016', 'HISTORY · 2017–2024']);
    expect(placementProblems(placed.slides)).toEqual([]);
  });
});

describe('nothing refuses to fit', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('briefing-scaled-');
  });
  afterAll(() => removeDir(dir));

  for (const times of [10, 25]) {
    it(`lays out the seeds with every list ${times} times: continued, never overflowing`, async () => {
      const { placed, diagnostics } = await laidOut(await repeatedSeeds(dir, times));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(placementProblems(placed.slides)).toEqual([]);
      // Every continued slide: its parts share one size, and none is filled less than half as far down as the fullest.
      const groups = new Map<string, PlacedSlide[]>();
      for (const s of placed.slides) if (s.part) groups.set(s.title.replace(/ \(\d+\/\d+\)$/, ''), [...(groups.get(s.title.replace(/ \(\d+\/\d+\)$/, '')) ?? []), s]);
      expect(groups.size).toBeGreaterThan(5);
      for (const [title, parts] of groups) {
        const kinds = new Set(parts.map((p) => p.elements.some((e) => e.role === 'timeline-axis')));
        if (kinds.size > 1) continue; // a timeline's dated parts and its undated list are different slides
        expect(new Set(parts.map((p) => p.fontSize)).size, title).toBe(1);
        // A chart's first part holds what fits in the panel beside it; the parts after it are balanced.
        const fills = (parts[0]?.layout === 'chart' ? parts.slice(1) : parts).map(fill);
        expect(Math.min(...fills) * 2, `${title}: ${fills.map((f) => f.toFixed(2)).join('/')}`).toBeGreaterThanOrEqual(Math.max(...fills));
      }
    }, 120_000);
  }

  it('reports only the one item that cannot fit even alone, at its line in the summary', async () => {
    const ws = path.join(dir, 'long-card');
    await cp(SEEDS, ws, { recursive: true });
    const file = path.join(ws, 'briefing.yaml');
    const summary = parseYaml(await readFile(file, 'utf8')) as { friction: { text: string }[] };
    (summary.friction[1] as { text: string }).text = Array.from({ length: 120 }, () => 'Reported concerns over the speed of OpenAI’s models.').join(' ');
    await writeFile(file, stringifyYaml(summary));
    const { diagnostics } = await laidOut(ws);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.rule).toBe('layout-overflow');
    expect(errors[0]?.message).toMatch(/^slide "Reported friction[^"]*": an item does not fit on a slide even at 12 pt/);
  });
});

describe('cards that fill their slide', () => {
  it('sets few cards so that none is more than a third empty: fewer columns, or bands', async () => {
    const { placed } = await laidOut(SEEDS);
    const cardSlides = placed.slides.filter((s) => s.layout === 'cards');
    expect(cardSlides.length).toBeGreaterThanOrEqual(2);
    for (const slide of cardSlides) {
      const texts = slide.elements.filter((e): e is Extract<Element, { kind: 'text' }> => e.kind === 'text' && (e.role === 'card' || e.role === 'card-heading'));
      // A card's box, and the tallest text in it (a band's heading and text sit side by side).
      const boxes = slide.elements.filter((e) => e.role === 'card-band' || (e.role === 'card' && !slide.elements.some((b) => b.role === 'card-band')));
      for (const box of boxes) {
        const b = boxOf(box);
        const inside = texts.filter((t) => Math.abs(t.y - b.y) < 1e-6);
        const used = Math.max(...inside.map(textHeightOf));
        expect(1 - used / b.h, `${slide.title}`).toBeLessThan(0.34);
      }
    }
  });
});

/** How tall a text box's text is, in inches. */
function textHeightOf(e: Extract<Element, { kind: 'text' }>): number {
  return textHeight(e.paragraphs, e.fontSize, e.w * 72, e.insets) / 72;
}

/** How far down the body a part's content reaches, in inches (text measured, tables by their rows). */
function fill(slide: PlacedSlide): number {
  let bottom = GRID.bodyTop;
  for (const e of slide.elements) {
    if (e.kind === 'table') bottom = Math.max(bottom, e.y + e.rowH.reduce((a, b) => a + b, 0));
    else if (e.kind === 'text' && ['body', 'card', 'callouts', 'timeline-undated', 'timeline-event'].includes(e.role)) bottom = Math.max(bottom, e.y + textHeightOf(e));
  }
  return bottom - GRID.bodyTop;
}
