// The package pptxgenjs builds, repaired and pinned, written one part at a time:
//   - pptxgenjs 4.0.1 writes one <a:pPr> per run, so a paragraph mixing text and a superscript
//     citation gets several and loses its bullet: keep the first of each paragraph;
//   - it writes the current time into docProps/core.xml, every zip entry and the chart's
//     embedded workbook: pin them all to the deck's date, and number charts from 1.
// pptxgenjs's zip is taken before it is written (src/deck/zip-writer.ts writes the same bytes
// jszip would): each part is repaired, compressed and let go in turn, so a deck of thousands of
// slides never holds an uncompressed copy of itself, nor reads back a zip it has just written.
import type JSZipType from 'jszip';
import { pack, RunPacker, ZIP_LEVEL, ZipWriter, type Packed } from './zip-writer.js';
import { WeighedMap } from '../cache/weighed-map.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- jszip's entries as they are held, and pptxgenjs's runtime */
type Pptx = any;

const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g;
const PPR = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/** Keep only the first <a:pPr> of each paragraph (pptxgenjs writes one per run). */
export function keepFirstParagraphProperties(xml: string): string {
  return xml.replace(PARAGRAPH, (_m, inner: string) => {
    let seen = false;
    const fixed = inner.replace(PPR, (ppr) => {
      if (seen) return '';
      seen = true;
      return ppr;
    });
    return `<a:p>${fixed}</a:p>`;
  });
}

function pinCoreXml(xml: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
}

/** A zip entry's date is a DOS date: 1980 to 2107. A date outside is clamped to that range. */
export function zipDate(date: Date): Date {
  const first = Date.UTC(1980, 0, 1);
  const last = Date.UTC(2107, 11, 31, 23, 59, 58);
  return new Date(Math.min(Math.max(date.getTime(), first), last));
}

/**
 * The parts of the package in the order pptxgenjs adds them. A part of text whose repair is
 * known when it is added (all but those naming a chart or a workbook, whose numbers are known at
 * the end) is repaired and compressed at once, and its text let go; the others are kept, as text
 * or in pptxgenjs's zip, until the end.
 */
/**
 * Parts packed before in this process (a watch session), by the text pptxgenjs gave: slides
 * (repaired, then packed) apart from the others (packed as they are). The notes' run packer gives
 * the bytes pack() gives, so a notes part packed either way is the same.
 */
const PACKED_SLIDES = new WeighedMap<string, Packed>(8_000_000);
const PACKED_TEXT = new WeighedMap<string, Packed>(8_000_000);

class Parts {
  readonly order = new Map<string, Packed | string | undefined>();

  /** Notes of successive slides: a section's continued slides repeat its talking points. */
  private readonly notes = new RunPacker();

  constructor(private readonly date: Date) {}

  /** A part of text pptxgenjs adds. */
  text(name: string, xml: string): void {
    const weight = () => xml.length;
    if (NOTES.test(name) && !NAMES_A_PART.test(xml)) this.order.set(name, PACKED_TEXT.getOrMake(xml, weight, () => this.notes.pack(xml)));
    else if (SLIDE.test(name)) this.order.set(name, PACKED_SLIDES.getOrMake(xml, weight, () => pack(keepFirstParagraphProperties(xml))));
    else if (name === CORE) this.order.set(name, pack(pinCoreXml(xml, this.date)));
    else if (!TEXT_PART.test(name) || !NAMES_A_PART.test(xml)) this.order.set(name, PACKED_TEXT.getOrMake(xml, weight, () => pack(xml)));
    else this.order.set(name, xml);
  }

  /** A part left in pptxgenjs's zip (media, the workbook): its place in the order. */
  elsewhere(name: string): void {
    // A Map keeps a name's first place, as jszip keeps a file's when it is added again.
    this.order.set(name, undefined);
  }
}

const SLIDE = /^ppt\/slides\/slide\d+\.xml$/;
const NOTES = /^ppt\/notesSlides\/notesSlide\d+\.xml$/;
const CORE = 'docProps/core.xml';
const TEXT_PART = /\.(?:xml|rels)$/;
/** What chartRenaming() could change: a numbered part name (slide5.xml, chart2.xml, …5.xlsx). */
const NAMES_A_PART = /\d\.(?:xml|xlsx)/;

/**
 * The package pptxgenjs writes, part by part as it adds them (see Parts), then the zip it fills,
 * taken when it asks for it to be written. Should the zip not be caught (another jszip than
 * pptxgenjs's), the file pptxgenjs wrote is read back instead.
 */
export async function writePptx(pptx: Pptx, date: Date, JSZip: typeof JSZipType): Promise<Buffer> {
  const proto = JSZip.prototype as any;
  const { generateAsync, file } = proto;
  const parts = new Parts(date);
  // The package's zip, never the chart's workbook (a zip of its own, with no ppt/ folder).
  const isPackage = (zip: JSZipType & { root?: string }) => zip.root === '' && zip.files['ppt/'] !== undefined;
  let caught: JSZipType | undefined;
  proto.file = function (this: JSZipType, name: string, data: unknown, options: unknown) {
    if (arguments.length < 2 || !isPackage(this)) return file.apply(this, arguments);
    if (typeof data === 'string' && options === undefined) {
      parts.text(name, data);
      return this;
    }
    parts.elsewhere(name);
    return file.apply(this, arguments);
  };
  proto.generateAsync = function (this: JSZipType, options: { type?: string }, onUpdate: unknown) {
    if (caught === undefined && options?.type === 'nodebuffer' && isPackage(this)) {
      caught = this;
      return Promise.resolve(Buffer.alloc(0));
    }
    return generateAsync.call(this, options, onUpdate);
  };
  let written: Uint8Array;
  try {
    written = (await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array;
  } finally {
    proto.generateAsync = generateAsync;
    proto.file = file;
  }
  const zip = caught ?? (await JSZip.loadAsync(written));
  for (const name of Object.keys(zip.files)) if (!zip.files[name]?.dir && !parts.order.has(name)) parts.elsewhere(name);
  return finishPptx(parts, zip, date, JSZip);
}

/** A part's content as jszip holds it: the text pptxgenjs gave, or bytes. */
async function partContent(entry: any): Promise<string | Uint8Array> {
  const held: unknown = await entry._data;
  if (typeof held === 'string' && entry._dataBinary === false) return held;
  if (held instanceof Uint8Array) return held;
  return entry.async('uint8array') as Promise<Uint8Array>;
}

/** The deck's file: the parts kept till now repaired, the charts numbered from 1, in pptxgenjs's order. */
async function finishPptx(parts: Parts, zip: JSZipType, date: Date, JSZip: typeof JSZipType): Promise<Buffer> {
  const decoder = new TextDecoder();
  const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : decoder.decode(content));
  const rename = chartRenaming([...parts.order.keys()]);
  const out = new ZipWriter(zipDate(date));
  for (const [name, held] of parts.order) {
    if (held !== undefined && typeof held !== 'string') {
      out.addPacked(rename(name), held);
      continue;
    }
    let content: string | Uint8Array;
    if (typeof held === 'string') content = held;
    else {
      const entry = zip.files[name];
      if (!entry) continue;
      content = await partContent(entry);
    }
    parts.order.delete(name);
    delete zip.files[name];
    let data: string | Uint8Array = content;
    if (SLIDE.test(name)) data = keepFirstParagraphProperties(text(content));
    else if (name === CORE) data = pinCoreXml(text(content), date);
    else if (TEXT_PART.test(name)) data = rename(text(content));
    else if (/^ppt\/embeddings\/.+\.xlsx$/.test(name)) {
      data = await rezip(typeof content === 'string' ? new TextEncoder().encode(content) : content, date, JSZip, async (inner, bytes) =>
        inner === CORE ? pinCoreXml(decoder.decode(bytes), date) : bytes,
      );
    }
    out.add(rename(name), data);
  }
  return out.finish();
}

/** Reload a (small) zip, apply `transform` to its entries, and write it again with every date pinned. */
async function rezip(bytes: Uint8Array, date: Date, JSZip: typeof JSZipType, transform: (name: string, content: Uint8Array) => Promise<Uint8Array | string>): Promise<Uint8Array> {
  const input = await JSZip.loadAsync(bytes);
  const output = new JSZip();
  const entryDate = zipDate(date);
  for (const name of Object.keys(input.files)) {
    const entry = input.files[name];
    if (!entry || entry.dir) continue;
    const data = await transform(name, await entry.async('uint8array'));
    output.file(name, typeof data === 'string' ? new TextEncoder().encode(data) : data, { date: entryDate, createFolders: false, binary: true });
  }
  return output.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: ZIP_LEVEL }, platform: 'UNIX' });
}

/**
 * pptxgenjs numbers charts with a process-wide counter (chart5.xml on the fifth deck a process
 * renders): number them from 1 in every file, in every part that names them.
 */
function chartRenaming(names: readonly string[]): (text: string) => string {
  const map = new Map<string, string>();
  // Charts, and the workbook embedded with each (whose file stem pptxgenjs names after the spreadsheet program).
  for (const re of [/^ppt\/charts\/(chart)(\d+)(\.xml)$/, /^ppt\/embeddings\/([A-Za-z_]+?)(\d+)(\.xlsx)$/]) {
    const found = names.flatMap((n) => {
      const m = re.exec(n);
      return m ? [{ stem: m[1] as string, n: Number(m[2]), ext: m[3] as string }] : [];
    });
    found.sort((a, b) => a.n - b.n).forEach((f, k) => map.set(`${f.stem}${f.n}${f.ext}`, `${f.stem}${k + 1}${f.ext}`));
  }
  if ([...map].every(([a, b]) => a === b)) return (text) => text;
  const stems = [...new Set([...map.keys()].map((k) => k.replace(/\d+\.\w+$/, '')))];
  const pattern = new RegExp(`(?:${stems.join('|')})\\d+\\.(?:xml|xlsx)`, 'g');
  return (text) => text.replace(pattern, (m) => map.get(m) ?? m);
}
