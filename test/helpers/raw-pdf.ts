// PDFs written by hand, operator by operator, for what a PDF library will not write: white text,
// invisible text (rendering mode 3), 1 pt text, text off the page, text over an image (as OCR
// leaves it), and tens of thousands of pages. The standard font Helvetica, not embedded.

export interface RawPage {
  /** The page's content stream: PDF operators (`BT /F1 12 Tf 72 720 Td (Text) Tj ET`). */
  content: string;
  /** [x0 y0 x1 y1]; US Letter by default. */
  mediaBox?: [number, number, number, number];
  cropBox?: [number, number, number, number];
}

export interface RawPdfOptions {
  pages: RawPage[];
  /** Whether the layer /L1 (optional content, drawn with `/OC /L1 BDC … EMC`) is off; on by default. */
  layerOff?: boolean;
  /** The first page written this many times (sharing its content stream): a PDF of many pages. */
  repeat?: number;
}

/**
 * A PDF of the pages given. Every page's resources hold the font /F1 (Helvetica), the image /Im1
 * (one grey pixel, drawn with `q 200 0 0 100 72 600 cm /Im1 Do Q`), the graphics state /GS0
 * (fill opacity 0) and the layer /L1.
 */
export function rawPdf(options: RawPdfOptions): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const pages = options.repeat ? Array.from({ length: options.repeat }, () => options.pages[0] as RawPage) : options.pages;
  add(`<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [6 0 R] /D << /${options.layerOff ? 'OFF' : 'ON'} [6 0 R] >> >> >>`);
  add(''); // the page tree, filled in below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream');
  add('<< /Type /ExtGState /ca 0 >>');
  add('<< /Type /OCG /Name (Notes) >>');
  const resources = '<< /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> /ExtGState << /GS0 5 0 R >> /Properties << /L1 6 0 R >> >>';
  const contents = new Map<string, number>();
  const kids: number[] = [];
  for (const page of pages) {
    let content = contents.get(page.content);
    if (content === undefined) {
      add(`<< /Length ${Buffer.byteLength(page.content, 'latin1')} >>\nstream\n${page.content}\nendstream`);
      content = objects.length;
      contents.set(page.content, content);
    }
    const box = (name: string, b?: number[]) => (b ? ` /${name} [${b.join(' ')}]` : '');
    add(`<< /Type /Page /Parent 2 0 R${box('MediaBox', page.mediaBox ?? [0, 0, 612, 792])}${box('CropBox', page.cropBox)} /Resources ${resources} /Contents ${content} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const parts: string[] = ['%PDF-1.4\n'];
  let offset = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const text = `${i + 1} 0 obj\n${body}\nendobj\n`;
    offsets.push(offset);
    parts.push(text);
    offset += Buffer.byteLength(text, 'latin1');
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(xref, `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

/** A line of text at (x, y) in Helvetica of `size` points, with the operators `before` it (colour, mode). */
export function textAt(text: string, x: number, y: number, size = 12, before = ''): string {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  return `BT ${before} /F1 ${size} Tf ${x} ${y} Td (${escaped}) Tj ET`;
}
