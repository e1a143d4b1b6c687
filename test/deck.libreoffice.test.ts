// The deck as a real viewer draws it: LibreOffice converts the .pptx to PDF, pdftotext gives
// every word's box, and no word may lie outside its page or on top of another word.
// Runs when `soffice` and `pdftotext` are on PATH.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AS_OF, deckOf, doubledSeeds, hasCommand, layoutProblems, pdfWords, pptxToPdf, renderWorkspaceDeck, repeatedSeeds } from './helpers/deck.js';
import { removeDir, ROOT, SEEDS, tempDir } from './helpers/workspace.js';
import { layoutDeck } from '../src/deck/layout.js';
import { writeDeck } from '../src/deck/pptx-writer.js';
import { GRID } from '../src/deck/grid.js';
import { DEFAULT_THEME } from '../src/inputs/theme.js';

const available = (await hasCommand('soffice')) && (await hasCommand('pdftotext'));

describe.skipIf(!available)('deck in LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('briefing-lo-');
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  async function problemsOf(name: string, bytes: Uint8Array): Promise<{ problems: string[]; pages: number; words: number }> {
    const file = path.join(dir, `${name}.pptx`);
    await writeFile(file, bytes);
    const pages = await pdfWords(await pptxToPdf(file, dir));
    return { problems: layoutProblems(pages), pages: pages.length, words: pages.reduce((n, p) => n + p.words.length, 0) };
  }

  it('draws the seeds deck with no word outside a slide and no two words overlapping', async () => {
    const { bytes } = await renderWorkspaceDeck(SEEDS);
    const result = await problemsOf('seeds', bytes);
    expect(result.pages).toBe(12);
    expect(result.words).toBeGreaterThan(1000);
    expect(result.problems).toEqual([]);
  });

  it('draws a summary with twice the friction points and alternatives on continuation slides, still clean', async () => {
    const { bytes, diagnostics } = await renderWorkspaceDeck(await doubledSeeds(dir));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const result = await problemsOf('doubled', bytes);
    expect(result.pages).toBeGreaterThan(11);
    expect(result.problems).toEqual([]);
  });

  it('draws the seeds with every list ten times: continued slides clean, each section at one size, nothing under the source line', async () => {
    const ws = await repeatedSeeds(dir, 10);
    const { placed, diagnostics } = layoutDeck(await deckOf(ws), DEFAULT_THEME);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const file = path.join(dir, 'repeated.pptx');
    await writeFile(file, (await writeDeck(placed, { date: AS_OF })).bytes);
    const pages = await pdfWords(await pptxToPdf(file, dir));
    expect(pages).toHaveLength(placed.slides.length);
    expect(layoutProblems(pages)).toEqual([]);
    // What LibreOffice draws in the body stays above the source line (in points: 72 a inch).
    const bottom = GRID.bodyBottom * 72 + 2;
    pages.forEach((page, k) => {
      const slide = placed.slides[k];
      const low = page.words.filter((w) => w.yMax > bottom && w.yMin < GRID.sourceY * 72 - 2);
      expect(low.map((w) => w.text), `slide ${k + 1}: ${slide?.title}`).toEqual([]);
    });
    // The parts of a continued table or card set are drawn at one size: the same height of word.
    const groups = new Map<string, number[]>();
    placed.slides.forEach((slide, k) => {
      if (!slide.part || (slide.layout !== 'table' && slide.layout !== 'cards' && slide.layout !== 'conflicts')) return;
      const key = slide.title.replace(/ \(\d+\/\d+\)$/, '');
      const body = (pages[k]?.words ?? []).filter((w) => w.yMin > GRID.bodyTop * 72 && w.yMax < GRID.bodyBottom * 72);
      const heights = body.map((w) => w.yMax - w.yMin).sort((a, b) => a - b);
      groups.set(key, [...(groups.get(key) ?? []), heights[Math.floor(heights.length / 2)] ?? 0]);
    });
    expect(groups.size).toBeGreaterThanOrEqual(4);
    for (const [title, medians] of groups) expect(Math.max(...medians) / Math.min(...medians), `${title}: ${medians.join(', ')}`).toBeLessThan(1.03);
  }, 240_000);

  it('draws the exhibits of a funding history clean: the chart and the timeline', async () => {
    const { bytes, diagnostics } = await renderWorkspaceDeck(path.join(ROOT, 'test/fixtures/funding'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const result = await problemsOf('funding', bytes);
    expect(result.problems).toEqual([]);
  });

  it('catches a deck whose text overflows its box', async () => {
    const mod = (await import('pptxgenjs')) as unknown as { default?: new () => any };
    const PptxGen = (mod.default ?? mod) as new () => any;
    const pptx = new PptxGen();
    pptx.layout = 'LAYOUT_WIDE';
    const slide = pptx.addSlide();
    const long = Array.from({ length: 40 }, (_, k) => `Line ${k + 1} of a paragraph that is far too long for its little box.`).join(' ');
    slide.addText(long, { x: 0.5, y: 0.5, w: 4, h: 0.6, fontSize: 18, fontFace: 'Arial', fit: 'none', valign: 'top' });
    slide.addText('A neighbour box right below the first one', { x: 0.5, y: 1.3, w: 4, h: 0.5, fontSize: 18, fontFace: 'Arial' });
    const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
    const result = await problemsOf('overflowing', bytes);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.join('\n')).toMatch(/overlaps|outside the page/);
  });
});
