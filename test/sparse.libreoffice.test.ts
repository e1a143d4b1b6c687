// Slides that fit their content: a section with few items uses the space (larger cards that fill
// the body, a table with larger type, rows given air, centred) rather than leaving half a slide
// empty. Checked as a person sees it: LibreOffice draws the deck, poppler rasterises each slide,
// and what is drawn in the body area (text, card fills, table rules) must span most of it.
import { execFile } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadVerifiedWorkspace, workspaceToModels } from '../src/pipeline/pipeline.js';
import { layoutDeck } from '../src/deck/layout.js';
import { writeDeck } from '../src/deck/pptx-writer.js';
import { BODY_H, CONTENT_W, GRID } from '../src/deck/grid.js';
import { DEFAULT_THEME } from '../src/inputs/theme.js';
import { AS_OF, hasCommand, pptxToPdf } from './helpers/deck.js';
import { removeDir, SEEDS, tempDir } from './helpers/workspace.js';

const run = promisify(execFile);
const available = (await hasCommand('soffice')) && (await hasCommand('pdftoppm'));
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

describe.skipIf(!available)('a sparse summary in LibreOffice', () => {
  let dir: string;
  let coverage: { title: string; layout: string; width: number; height: number }[];

  beforeAll(async () => {
    dir = await tempDir('briefing-sparse-');
    const ws = await loadVerifiedWorkspace(await sparseSeeds(dir));
    const models = await workspaceToModels(ws);
    if (!models.deck) throw new Error(JSON.stringify(models.diagnostics));
    const { placed } = layoutDeck(models.deck, DEFAULT_THEME);
    const { bytes } = await writeDeck(placed, { date: AS_OF });
    const file = path.join(dir, 'sparse.pptx');
    await writeFile(file, bytes);
    const pdf = await pptxToPdf(file, dir);
    await run('pdftoppm', ['-gray', '-r', String(DPI), pdf, path.join(dir, 'slide')]);
    const pages = (await readdir(dir)).filter((n) => /^slide-\d+\.pgm$/.test(n)).sort();
    expect(pages).toHaveLength(placed.slides.length);
    coverage = await Promise.all(
      placed.slides.map(async (slide, k) => ({ title: slide.title, layout: slide.layout, ...bodyCoverage(readPgm(await readFile(path.join(dir, pages[k] as string)))) })),
    );
  }, 180_000);
  afterAll(() => removeDir(dir));

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
