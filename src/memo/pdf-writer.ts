// Memo → PDF bytes with pdfmake. Fonts come from npm packages (never the system) and are read
// once per process into pdfmake's virtual file system; pdfmake itself is imported lazily.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Memo } from '../model/types.js';
import { memoToDocDefinition, REFERENCES_ID } from './document.js';
import { toolFingerprint } from '../cache/fingerprint.js';
import { saveShapingCache, shareFonts, shareScaledRuns } from './fonts.js';
import { cacheMeasuredText, keepMeasuredText } from './measure-cache.js';
import { gatherStreamText, keepCompressedStreams } from './pdfkit-streams.js';
import { wrapMethod } from './wrap-method.js';
import { compareCodePoints } from '../common/file-hashes.js';
import { writeLinesWhole } from './merged-runs.js';
import { SANS, SERIF } from './style.js';

export interface MemoRenderOptions {
  /** Written as the PDF's creation and modification dates: the same date gives the same bytes. */
  date: Date;
  /** Write PDF/A-2b (embedded fonts, XMP metadata, sRGB output intent). */
  pdfa: boolean;
}

/** The part of pdfmake's server build this writer uses. */
interface PdfMake {
  addFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer>; getStream(): Promise<PdfKitDocument> };
}

/** The pdfkit document pdfmake builds, before it is ended. */
interface PdfKitDocument {
  info: Record<string, unknown>;
  /** The font pdfkit used last: one of its font objects (see shareScaledRuns). */
  _font?: Parameters<typeof shareScaledRuns>[0];
  _addInfo?: () => void;
  _root?: { data?: { Pages?: { data?: { Kids?: unknown[] } }; Names?: { data?: { Dests?: { get(name: string): unknown[] | undefined } } } } };
}

/** How long the memo is: every page, and the body's (the pages before the references). */
export interface MemoPages {
  total: number;
  body: number;
}

const FONT_FILES = {
  [SERIF]: {
    package: '@expo-google-fonts/source-serif-4',
    normal: '400Regular/SourceSerif4_400Regular.ttf',
    bold: '700Bold/SourceSerif4_700Bold.ttf',
    italics: '400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
    bolditalics: '700Bold_Italic/SourceSerif4_700Bold_Italic.ttf',
  },
  [SANS]: {
    package: '@expo-google-fonts/source-sans-3',
    normal: '400Regular/SourceSans3_400Regular.ttf',
    bold: '600SemiBold/SourceSans3_600SemiBold.ttf',
    italics: '400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
    bolditalics: '600SemiBold_Italic/SourceSans3_600SemiBold_Italic.ttf',
  },
} as const;

let engine: Promise<PdfMake> | undefined;

/** pdfmake with the memo's fonts, configured once per process. */
function loadEngine(): Promise<PdfMake> {
  engine ??= configureEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

async function configureEngine(): Promise<PdfMake> {
  const mod = (await import('pdfmake')) as unknown as { default?: PdfMake } & PdfMake;
  const pdfmake = mod.default ?? mod;
  await reuseMeasuredText();
  const require = createRequire(import.meta.url);
  const fonts: Parameters<PdfMake['addFonts']>[0] = {};
  const buffers: Buffer[] = [];
  for (const [family, files] of Object.entries(FONT_FILES)) {
    const dir = path.dirname(require.resolve(`${files.package}/package.json`));
    const styles = ['normal', 'bold', 'italics', 'bolditalics'] as const;
    const entry = {} as (typeof fonts)[string];
    await Promise.all(
      styles.map(async (style) => {
        const name = `${family}-${style}.ttf`;
        const bytes = await readFile(path.join(dir, files[style]));
        buffers.push(bytes);
        pdfmake.virtualfs.writeFileSync(name, bytes);
        entry[style] = name;
      }),
    );
    fonts[family] = entry;
  }
  pdfmake.addFonts(fonts);
  shareFonts(buffers, await toolFingerprint());
  // Everything the memo needs is in memory: no network, no file system.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  // pdfkit's streams gather their text (see pdfkit-streams.ts): its class is reached through a
  // document, so a blank one is made (its catalog is one of them) before the first memo.
  const probe = await pdfmake.createPdf({ content: '', defaultStyle: { font: SERIF } }).getStream();
  if (probe._root) gatherStreamText(probe._root as unknown as Parameters<typeof gatherStreamText>[0]);
  sortNamesByCodePoint(probe._root);
  return pdfmake;
}

/**
 * pdfkit sorts the keys of a name tree (the named destinations citations link to) with
 * localeCompare, whose order depends on the process's locale (LANG=cs_CZ.UTF-8 puts "ch" after
 * "h"): the memo's bytes would too. Its class is reached through the blank document's tree.
 */
function sortNamesByCodePoint(root: unknown): void {
  const dests = (root as { data?: { Names?: { data?: { Dests?: object } } } } | undefined)?.data?.Names?.data?.Dests;
  if (!dests) return;
  wrapMethod<(a: string, b: string) => number>(Object.getPrototypeOf(dests) as object, '_compareKeys', () => (a: string, b: string) => compareCodePoints(String(a), String(b)));
}

/** pdfmake's text measurement kept across the memos of this process (see measure-cache.ts). */
async function reuseMeasuredText(): Promise<void> {
  const [docMeasure, styleStack, renderer] = await Promise.all([
    import('pdfmake/js/DocMeasure.js'),
    import('pdfmake/js/StyleContextStack.js'),
    import('pdfmake/js/Renderer.js'),
  ]);
  // A CommonJS module's `exports.default`, however the module system wraps it.
  const classOf = (mod: { default?: unknown }) => {
    const d = mod.default as { default?: unknown } | undefined;
    return (typeof d === 'function' ? d : d?.default) as never;
  };
  cacheMeasuredText(classOf(docMeasure), classOf(styleStack));
  writeLinesWhole(classOf(renderer));
}

export async function renderMemo(memo: Memo, options: MemoRenderOptions): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[]; pages?: MemoPages }> {
  const diagnostics: Diagnostic[] = [];
  try {
    const pdfmake = await loadEngine();
    const doc = memoToDocDefinition(memo, options);
    const created = pdfmake.createPdf(doc);
    const laidOut = await created.getStream();
    if (options.pdfa) escapeXmpMetadata(laidOut);
    const pages = pageCounts(laidOut);
    const buffer = await created.getBuffer();
    // From the next memo of this process on (a watch session), pdfkit's scaled runs of the shared
    // fonts, pdfmake's measured paragraphs and the compressed streams are kept and reused.
    if (laidOut._font) shareScaledRuns(laidOut._font);
    keepMeasuredText();
    keepCompressedStreams();
    saveShapingCache();
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    return pages ? { bytes, diagnostics, pages } : { bytes, diagnostics };
  } catch (error) {
    diagnostics.push(diagnostic('render-failed', `could not write the memo PDF: ${(error as Error).message ?? String(error)}`));
    return { bytes: new Uint8Array(), diagnostics };
  }
}

/**
 * The pages pdfkit holds once pdfmake has laid the memo out, and the page the references'
 * heading (its named destination) is on: the body is every page before it.
 */
function pageCounts(doc: PdfKitDocument): MemoPages | undefined {
  const kids = doc._root?.data?.Pages?.data?.Kids;
  if (!Array.isArray(kids)) return undefined;
  const dest = doc._root?.data?.Names?.data?.Dests?.get(REFERENCES_ID);
  const at = dest ? kids.indexOf(dest[0]) : -1;
  return { total: kids.length, body: at >= 0 ? at : kids.length };
}

/**
 * pdfkit writes the document info into the XMP packet of a PDF/A file without escaping it:
 * a title with "&" or "<" would make the packet invalid XML. Escape while it writes.
 */
function escapeXmpMetadata(doc: PdfKitDocument): void {
  const addInfo = doc._addInfo;
  if (typeof addInfo !== 'function') return;
  doc._addInfo = function (this: PdfKitDocument) {
    const original = this.info;
    this.info = Object.fromEntries(Object.entries(original).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v]));
    try {
      addInfo.call(this);
    } finally {
      this.info = original;
    }
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Load pdfmake and the fonts ahead of the first memo. */
export function warmUp(): Promise<unknown> {
  return loadEngine();
}
