// Helpers for the deck tests: build a deck from a workspace folder, read a .pptx back, and
// check a LibreOffice rendering of it for words outside the page or on top of each other.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { loadVerifiedWorkspace, workspaceToModels } from '../../src/pipeline/pipeline.js';
import { DEFAULT_THEME } from '../../src/inputs/theme.js';
import { layoutDeck } from '../../src/deck/layout.js';
import { writeDeck } from '../../src/deck/pptx-writer.js';
import type { Theme } from '../../src/inputs/theme.js';
import type { Deck } from '../../src/model/types.js';
import { ROOT as ROOT_DIR, SEEDS } from './workspace.js';
import { boxOf, SLIDE_H, SLIDE_W, type Element, type PlacedSlide } from '../../src/deck/elements.js';
import { textHeight } from '../../src/deck/measure.js';

const run = promisify(execFile);
export const AS_OF = new Date('2025-11-01T00:00:00Z');

export async function deckOf(workspaceDir: string): Promise<Deck> {
  const ws = await loadVerifiedWorkspace(workspaceDir);
  const models = await workspaceToModels(ws);
  if (!models.deck) throw new Error(`no deck model: ${JSON.stringify(models.diagnostics)}`);
  return models.deck;
}

/** The layout stage then the writer, as a build runs them. */
export function renderDeck(deck: Deck, options: { theme: Theme; date: Date }) {
  return writeDeck(layoutDeck(deck, options.theme).placed, { date: options.date });
}

export async function renderWorkspaceDeck(workspaceDir: string) {
  return renderDeck(await deckOf(workspaceDir), { theme: DEFAULT_THEME, date: AS_OF });
}

/** A copy of the seeds whose summary lists every friction point and alternative twice. */
export async function doubledSeeds(dir: string): Promise<string> {
  const ws = path.join(dir, 'doubled');
  await cp(SEEDS, ws, { recursive: true });
  const file = path.join(ws, 'briefing.yaml');
  const summary = parseYaml(await readFile(file, 'utf8')) as Record<string, { name?: string; title?: string }[]>;
  for (const key of ['friction', 'alternatives'] as const) {
    const items = summary[key] ?? [];
    const again = items.map((item) => ({ ...item, ...(item.name ? { name: `${item.name} (again)` } : {}), ...(item.title ? { title: `${item.title} (again)` } : {}) }));
    summary[key] = [...items, ...again];
  }
  await writeFile(file, stringifyYaml(summary));
  return ws;
}

export interface PptxParts {
  zip: JSZip;
  names: string[];
  /** Slide XML in slide order. */
  slides: string[];
  /** Notes XML by slide number (1-based). */
  notes: Map<number, string>;
}

export async function readPptx(bytes: Uint8Array): Promise<PptxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const numbered = (re: RegExp) =>
    names
      .map((n) => ({ n, m: re.exec(n) }))
      .filter((x) => x.m)
      .sort((a, b) => Number(a.m?.[1]) - Number(b.m?.[1]));
  const slides: string[] = [];
  for (const { n } of numbered(/^ppt\/slides\/slide(\d+)\.xml$/)) slides.push(await (zip.file(n) as JSZip.JSZipObject).async('string'));
  const notes = new Map<number, string>();
  for (const { n, m } of numbered(/^ppt\/notesSlides\/notesSlide(\d+)\.xml$/)) notes.set(Number(m?.[1]), await (zip.file(n) as JSZip.JSZipObject).async('string'));
  return { zip, names, slides, notes };
}

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** Text of the shape named `name` (the layout's role) in a slide's XML. */
export function shapeText(slideXml: string, name: string): string | undefined {
  const start = slideXml.indexOf(`name="${name}"`);
  if (start < 0) return undefined;
  const end = slideXml.indexOf('</p:sp>', start);
  const part = slideXml.slice(start, end);
  return decodeXml([...part.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''));
}

export function allText(xml: string): string {
  return decodeXml([...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' '));
}

export async function hasCommand(command: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}

/** Convert a .pptx to PDF with LibreOffice, in a private profile; returns the PDF's path. */
export async function pptxToPdf(pptxFile: string, outDir: string): Promise<string> {
  return (await pptxToPdfs([pptxFile], outDir))[0] as string;
}

/** Convert several .pptx files to PDF with one start of LibreOffice (a few seconds each saved); the PDFs' paths, in order. */
export async function pptxToPdfs(pptxFiles: readonly string[], outDir: string): Promise<string[]> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...pptxFiles], { timeout: 180_000 });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const written = await readdir(outDir);
  return pptxFiles.map((file) => {
    const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
    if (!written.includes(path.basename(pdf))) throw new Error(`LibreOffice wrote no PDF for ${file}`);
    return pdf;
  });
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PageWords {
  width: number;
  height: number;
  words: Word[];
}

/** Every word of a PDF with its box, from `pdftotext -bbox`. */
export async function pdfWords(pdfFile: string): Promise<PageWords[]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdfFile, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages: PageWords[] = [];
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (const m of stdout.matchAll(re)) {
    if (m[1] !== undefined) pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
    else {
      const page = pages[pages.length - 1];
      if (!page) continue;
      page.words.push({ page: pages.length, text: decodeXml(m[7] ?? ''), xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
    }
  }
  return pages;
}

/** Words outside their page, and pairs of words whose boxes overlap (by more than `tolerance` points across, and more than the shared sliver of neighbouring lines down). */
export function layoutProblems(pages: PageWords[], tolerance = 1): string[] {
  const problems: string[] = [];
  pages.forEach((page, p) => {
    for (const w of page.words) {
      if (w.xMin < -tolerance || w.yMin < -tolerance || w.xMax > page.width + tolerance || w.yMax > page.height + tolerance) {
        problems.push(`page ${p + 1}: "${w.text}" lies outside the page`);
      }
    }
    const words = [...page.words].sort((a, b) => a.xMin - b.xMin);
    for (let i = 0; i < words.length; i++) {
      const a = words[i] as Word;
      for (let j = i + 1; j < words.length; j++) {
        const b = words[j] as Word;
        if (b.xMin >= a.xMax - tolerance) break;
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        // pdftotext's boxes span the font's full ascent and descent (about 1.3 em), taller than
        // a line at 1.2 line spacing: neighbouring lines may share a sliver of that.
        const vertical = Math.max(tolerance, 0.3 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin));
        if (dx > tolerance && dy > vertical) problems.push(`page ${p + 1}: "${a.text}" overlaps "${b.text}"`);
      }
    }
  });
  return problems;
}

/**
 * What is wrong with placed slides, as a reader would see it: a box off its slide, two text boxes
 * (or tables, charts) on top of each other, text taller than its box.
 */
export function placementProblems(slides: readonly PlacedSlide[]): string[] {
  const problems: string[] = [];
  const within = (e: Element) => {
    const b = boxOf(e);
    return b.x >= -1e-6 && b.y >= -1e-6 && b.x + b.w <= SLIDE_W + 1e-6 && b.y + b.h <= SLIDE_H + 1e-6;
  };
  const overlaps = (a: Element, b: Element) => {
    const p = boxOf(a);
    const q = boxOf(b);
    return Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x) > 1e-3 && Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y) > 1e-3;
  };
  for (const slide of slides) {
    const boxes = slide.elements.filter((e) => e.kind === 'text' || e.kind === 'table' || e.kind === 'chart');
    for (const e of boxes) if (!within(e)) problems.push(`${slide.title}: ${e.role} is off the slide`);
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => overlaps(a, b) && problems.push(`${slide.title}: ${a.role} overlaps ${b.role}`)));
    for (const e of slide.elements) {
      if (e.kind === 'text' && !e.slideNumber && textHeight(e.paragraphs, e.fontSize, e.w * 72, e.insets) > e.h * 72 + 1e-6) problems.push(`${slide.title}: the text of ${e.role} is taller than its box`);
    }
  }
  return problems;
}

/** A copy of the seeds with every list but the takeaways repeated `times` times (scripts/gen-workspace.mjs --repeat). */
export async function repeatedSeeds(dir: string, times: number): Promise<string> {
  const ws = path.join(dir, `repeated-${times}`);
  await run(process.execPath, [path.join(ROOT_DIR, 'scripts/gen-workspace.mjs'), ws, '--repeat', String(times)]);
  return ws;
}
