// Decks as a real viewer draws them, in one start of LibreOffice for every deck of the file
// (it converts each .pptx to PDF): poppler then reads them back.
// - No word outside its page or on top of another word (pdftotext gives every word's box): the
//   seeds, a summary with twice the friction points and alternatives, and a deck made to overflow.
// - Slides that fit their content (moved from sparse.libreoffice.test.ts): a section with few items
//   uses the space (larger cards that fill the body, a table with larger type, rows given air,
//   centred) rather than leaving half a slide empty. Checked as a person sees it: pdftoppm
//   rasterises each slide, and what is drawn in the body area (text, card fills, table rules)
//   must span most of it.
// - Continuation slides (issue 24): the seeds with every list ten times, clean, each continued
//   section drawn at one size, nothing under the source line; a funding history's chart and
//   timeline, clean.
// Runs when `soffice`, `pdftotext` and `pdftoppm` are on PATH.
import { execFile } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadVerifiedWorkspace, workspaceToModels } from '../src/pipeline/pipeline.js';
import { layoutDeck } from '../src/deck/layout.js';
import type { PlacedSlide } from '../src/deck/elements.js';
import { writeDeck } from '../src/deck/pptx-writer.js';
import { BODY_H, CONTENT_W, GRID } from '../src/deck/grid.js';
import { DEFAULT_THEME } from '../src/inputs/theme.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { AS_OF, deckOf, doubledSeeds, hasCommand, layoutProblems, pdfWords, pptxToPdfs, renderWorkspaceDeck, repeatedSeeds } from './helpers/deck.js';
import { removeDir, ROOT, SEEDS, tempDir } from './helpers/workspace.js';

const run = promisify(execFile);
const available = (await hasCommand('soffice')) && (await hasCommand('pdftotext')) && (await hasCommand('pdftoppm'));
const DPI = 24;

/** A copy of the seeds whose friction points, outlook, alternatives and disagreements are two, two, two and one. */
async function sparseSeeds(dir: string): Promise<string> {
  const ws = path.join(dir, 'sparse');
  await cp(SEEDS, ws, { recursive: true });
  const file = path.join(ws, 'briefing.yaml');
  const summary = parseYaml(await readFile(file, 'utf8')) as Record<string, unknown[]>;
  summary.friction = (summary.friction ?? []).slice(0, 2);
  summary.outlook = (summary.outlook ?? []).slice(0, 2);
  summary.alternatives = (summary.alternatives ?? []).slice(0, 2);
  summary.conflicts = (summary.conflicts ?? []).slice(0, 1);
  await writeFile(file, stringifyYaml(summary));
  return ws;
}

/** A grey-scale PGM (P5) as width, height and pixels. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const [all, w, h] = header;
  return { width: Number(w), height: Number(h), pixels: bytes.subarray(all.length) };
}

/** The box of what is drawn (darker than the background) inside the body area, as shares of its width and height. */
function bodyCoverage(pgm: { width: number; height: number; pixels: Buffer }): { width: number; height: number } {
  const x0 = Math.round(GRID.margin * DPI);
  const x1 = Math.round((GRID.margin + CONTENT_W) * DPI);
  const y0 = Math.round(GRID.bodyTop * DPI);
  const y1 = Math.round(GRID.bodyBottom * DPI);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if ((pgm.pixels[y * pgm.width + x] as number) > 245) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (maxX < minX) return { width: 0, height: 0 };
  return { width: (maxX - minX + 1) / (x1 - x0), height: (maxY - minY + 1) / (BODY_H * DPI) };
}

/** A deck made to overflow: a long paragraph in a small box, a neighbour box right below it. */
async function overflowingDeck(): Promise<Uint8Array> {
  const mod = (await import('pptxgenjs')) as unknown as { default?: new () => any };
  const PptxGen = (mod.default ?? mod) as new () => any;
  const pptx = new PptxGen();
  pptx.layout = 'LAYOUT_WIDE';
  const slide = pptx.addSlide();
  const long = Array.from({ length: 40 }, (_, k) => `Line ${k + 1} of a paragraph that is far too long for its little box.`).join(' ');
  slide.addText(long, { x: 0.5, y: 0.5, w: 4, h: 0.6, fontSize: 18, fontFace: 'Arial', fit: 'none', valign: 'top' });
  slide.addText('A neighbour box right below the first one', { x: 0.5, y: 1.3, w: 4, h: 0.5, fontSize: 18, fontFace: 'Arial' });
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

interface Drawn {
  dir: string;
  /** Each deck's PDF as LibreOffice drew it. */
  pdfs: Record<'seeds' | 'doubled' | 'overflowing' | 'sparse' | 'repeated' | 'funding', string>;
  doubledDiagnostics: Diagnostic[];
  sparseSlides: PlacedSlide[];
  /** The seeds with every list ten times, laid out, and what the layout reported. */
  repeatedSlides: PlacedSlide[];
  repeatedDiagnostics: Diagnostic[];
  fundingDiagnostics: Diagnostic[];
}

let drawing: Promise<Drawn> | undefined;

/** Every deck of this file written, then drawn by one start of LibreOffice (once, for both groups of tests). */
function drawn(): Promise<Drawn> {
  drawing ??= (async () => {
    const dir = await tempDir('briefing-lo-');
    const seeds = await renderWorkspaceDeck(SEEDS);
    const doubled = await renderWorkspaceDeck(await doubledSeeds(dir));
    const ws = await loadVerifiedWorkspace(await sparseSeeds(dir));
    const models = await workspaceToModels(ws);
    if (!models.deck) throw new Error(JSON.stringify(models.diagnostics));
    const { placed } = layoutDeck(models.deck, DEFAULT_THEME);
    const sparse = await writeDeck(placed, { date: AS_OF });
    const repeated = layoutDeck(await deckOf(await repeatedSeeds(dir, 10)), DEFAULT_THEME);
    const funding = await renderWorkspaceDeck(path.join(ROOT, 'test/fixtures/funding'));
    const decks = {
      seeds: seeds.bytes,
      doubled: doubled.bytes,
      overflowing: await overflowingDeck(),
      sparse: sparse.bytes,
      repeated: (await writeDeck(repeated.placed, { date: AS_OF })).bytes,
      funding: funding.bytes,
    };
    const files: string[] = [];
    for (const [name, bytes] of Object.entries(decks)) {
      files.push(path.join(dir, `${name}.pptx`));
      await writeFile(files[files.length - 1] as string, bytes);
    }
    const [seedsPdf, doubledPdf, overflowingPdf, sparsePdf, repeatedPdf, fundingPdf] = (await pptxToPdfs(files, dir)) as [string, string, string, string, string, string];
    return {
      dir,
      pdfs: { seeds: seedsPdf, doubled: doubledPdf, overflowing: overflowingPdf, sparse: sparsePdf, repeated: repeatedPdf, funding: fundingPdf },
      doubledDiagnostics: doubled.diagnostics,
      sparseSlides: placed.slides,
      repeatedSlides: repeated.placed.slides,
      repeatedDiagnostics: repeated.diagnostics,
      fundingDiagnostics: funding.diagnostics,
    };
  })();
  return drawing;
}

afterAll(async () => {
  if (drawing) await removeDir((await drawing).dir);
});

describe.skipIf(!available)('deck in LibreOffice', () => {
  let pdfs: Drawn['pdfs'];
  let doubledDiagnostics: Diagnostic[];
  beforeAll(async () => {
    ({ pdfs, doubledDiagnostics } = await drawn());
  }, 300_000);

  async function problemsOf(pdf: string): Promise<{ problems: string[]; pages: number; words: number }> {
    const pages = await pdfWords(pdf);
    return { problems: layoutProblems(pages), pages: pages.length, words: pages.reduce((n, p) => n + p.words.length, 0) };
  }

  it('draws the seeds deck with no word outside a slide and no two words overlapping', async () => {
    const result = await problemsOf(pdfs.seeds);
    expect(result.pages).toBe(10);
    expect(result.words).toBeGreaterThan(1000);
    expect(result.problems).toEqual([]);
  });

  it('draws a summary with twice the friction points and alternatives on continuation slides, still clean', async () => {
    expect(doubledDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const result = await problemsOf(pdfs.doubled);
    expect(result.pages).toBeGreaterThan(11);
    expect(result.problems).toEqual([]);
  });

  it('draws the seeds with every list ten times: continued slides clean, each section at one size, nothing under the source line', async () => {
    const { repeatedSlides: slides, repeatedDiagnostics } = await drawn();
    expect(repeatedDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const pages = await pdfWords(pdfs.repeated);
    expect(pages).toHaveLength(slides.length);
    expect(layoutProblems(pages)).toEqual([]);
    // What LibreOffice draws in the body stays above the source line (in points: 72 an inch).
    const bottom = GRID.bodyBottom * 72 + 2;
    pages.forEach((page, k) => {
      const low = page.words.filter((w) => w.yMax > bottom && w.yMin < GRID.sourceY * 72 - 2);
      expect(low.map((w) => w.text), `slide ${k + 1}: ${slides[k]?.title}`).toEqual([]);
    });
    // The parts of a continued table or card set are drawn at one size: the same height of word.
    const groups = new Map<string, number[]>();
    slides.forEach((slide, k) => {
      if (!slide.part || (slide.layout !== 'table' && slide.layout !== 'cards' && slide.layout !== 'conflicts')) return;
      const key = slide.title.replace(/ \(\d+\/\d+\)$/, '');
      const body = (pages[k]?.words ?? []).filter((w) => w.yMin > GRID.bodyTop * 72 && w.yMax < GRID.bodyBottom * 72);
      const heights = body.map((w) => w.yMax - w.yMin).sort((a, b) => a - b);
      groups.set(key, [...(groups.get(key) ?? []), heights[Math.floor(heights.length / 2)] ?? 0]);
    });
    expect(groups.size).toBeGreaterThanOrEqual(4);
    for (const [title, medians] of groups) expect(Math.max(...medians) / Math.min(...medians), `${title}: ${medians.join(', ')}`).toBeLessThan(1.03);
  });

  it('draws the exhibits of a funding history clean: the chart and the timeline', async () => {
    const { fundingDiagnostics } = await drawn();
    expect(fundingDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((await problemsOf(pdfs.funding)).problems).toEqual([]);
  });

  it('catches a deck whose text overflows its box', async () => {
    const result = await problemsOf(pdfs.overflowing);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.join('\n')).toMatch(/overlaps|outside the page/);
  });
});

describe.skipIf(!available)('a sparse summary in LibreOffice', () => {
  let coverage: { title: string; layout: string; width: number; height: number }[];

  beforeAll(async () => {
    const { dir, pdfs, sparseSlides } = await drawn();
    const prefix = path.join(dir, 'slide');
    await run('pdftoppm', ['-gray', '-r', String(DPI), pdfs.sparse, prefix]);
    const pages = (await readdir(dir)).filter((n) => /^slide-\d+\.pgm$/.test(n)).sort();
    expect(pages).toHaveLength(sparseSlides.length);
    coverage = await Promise.all(
      sparseSlides.map(async (slide, k) => ({ title: slide.title, layout: slide.layout, ...bodyCoverage(readPgm(await readFile(path.join(dir, pages[k] as string)))) })),
    );
  }, 180_000);

  it('fills the body with two cards: friction points and the outlook', () => {
    const cards = coverage.filter((c) => c.layout === 'cards');
    expect(cards.length).toBeGreaterThanOrEqual(2);
    for (const c of cards) {
      expect(c.width, c.title).toBeGreaterThan(0.9);
      expect(c.height, c.title).toBeGreaterThan(0.9);
    }
  });

  it('sets a table of two rows or one disagreement large, over most of the body', () => {
    const tables = coverage.filter((c) => c.layout === 'table' || c.layout === 'conflicts');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const c of tables) {
      expect(c.width, c.title).toBeGreaterThan(0.9);
      expect(c.height, c.title).toBeGreaterThan(0.6);
    }
  });
});
