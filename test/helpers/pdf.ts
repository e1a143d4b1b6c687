// Read a PDF back with pdfjs-dist: text per page (with positions), links, named destinations,
// the outline and the metadata. For tests of the memo writer.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  str: string;
  eol: boolean;
  x: number;
  y: number;
  /** The item's font size, as drawn (a superscript is smaller). */
  h: number;
}
export interface PdfLink {
  page: number;
  dest: string | null;
  rect: number[];
}
export interface PdfOutlineItem {
  title: string;
  /** Page (1-based) the entry opens. */
  page: number | null;
  items: PdfOutlineItem[];
}
export interface ReadPdf {
  pages: number;
  /** Text items of each page, in content order. */
  text: PdfText[][];
  /** Each page's text, items joined with spaces and white space folded. */
  pageText: string[];
  links: PdfLink[];
  /** Named destination → page (1-based) and y of the target. */
  destinations: Map<string, { page: number; y: number }>;
  outline: PdfOutlineItem[];
  info: Record<string, unknown>;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const text: PdfText[][] = [];
  const links: PdfLink[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    text.push(
      content.items.flatMap((item) => ('str' in item ? [{ str: item.str, eol: item.hasEOL, x: item.transform[4] as number, y: item.transform[5] as number, h: item.height }] : [])),
    );
    for (const a of await page.getAnnotations()) {
      if (a.subtype === 'Link') links.push({ page: p, dest: typeof a.dest === 'string' ? a.dest : null, rect: a.rect as number[] });
    }
  }
  const destinations = new Map<string, { page: number; y: number }>();
  const named = (await doc.getDestinations()) as Record<string, unknown[]>;
  for (const [name, dest] of Object.entries(named)) {
    const pageIndex = await doc.getPageIndex(dest[0] as { num: number; gen: number });
    destinations.set(name, { page: pageIndex + 1, y: Number(dest[3]) });
  }
  type RawItem = { title: string; dest: unknown; items: RawItem[] };
  const readOutline = (items: RawItem[]): Promise<PdfOutlineItem[]> =>
    Promise.all(
      items.map(async (i) => {
        const dest = typeof i.dest === 'string' ? ((await doc.getDestination(i.dest)) as unknown[] | null) : (i.dest as unknown[] | null);
        const page = Array.isArray(dest) ? (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1 : null;
        return { title: i.title, page, items: await readOutline(i.items) };
      }),
    );
  const outline = await readOutline(((await doc.getOutline()) ?? []) as unknown as RawItem[]);
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
  // pdfjs gives the spaces between words as items of their own, and marks line ends.
  const pageText = text.map((items) => items.map((i) => (i.eol ? `${i.str} ` : i.str)).join('').replace(/\s+/g, ' ').trim());
  await doc.destroy();
  return { pages: text.length, text, pageText, links, destinations, outline, info };
}

/** All text of the document with white space folded, for "does it contain" checks. */
export function allText(pdf: ReadPdf): string {
  return pdf.pageText.join(' ').replace(/\s+/g, ' ');
}
