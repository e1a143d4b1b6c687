// Every reader is bounded (issue 21, point 3): a hostile file gets one diagnostic naming the limit
// and the variable that raises it, fast and without holding the file's inflated size; a file
// within the limits is read whole. The hostile files are made here (test/helpers/hostile.ts).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReaderError, type SourceReader } from '../src/inputs/document.js';
import { docxReader } from '../src/inputs/readers/docx.js';
import { zipEntryCount } from '../src/inputs/readers/docx-zip.js';
import { htmlReader } from '../src/inputs/readers/html.js';
import { markdownReader } from '../src/inputs/readers/markdown.js';
import { pdfReader, visiblePageObjects } from '../src/inputs/readers/pdf.js';
import { checkLimitVariables, limitVariable, readerLimit, READER_LIMITS } from '../src/inputs/sandbox.js';
import { runInProcess } from './corpus/harness.js';
import { longHtml, nestedHtml, nestedMarkdown, writeDenseLinePdf, writeDocxBomb, writeDocxOfManyEntries, writeManyPagePdf } from './helpers/hostile.js';
import { makePdf } from './helpers/sources.js';
import { removeDir, tempDir } from './helpers/workspace.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function refusal(reader: SourceReader, bytes: Uint8Array): Promise<{ error: ReaderError; ms: number }> {
  const t0 = performance.now();
  const error = await reader.read(bytes, 'f').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReaderError);
  expect((error as ReaderError).problem).toBe('over-limit');
  return { error: error as ReaderError, ms: performance.now() - t0 };
}

/** Run `body` with the environment variables `vars` set. */
async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('the table of limits', () => {
  it('names one variable for each limit, and reads a whole number above 0 from it', () => {
    expect(limitVariable('pdfPages')).toBe('BRIEFING_LIMIT_PDF_PAGES');
    expect(limitVariable('htmlDepth')).toBe('BRIEFING_LIMIT_HTML_DEPTH');
    expect(readerLimit('pdfPages', {})).toBe(READER_LIMITS.pdfPages.value);
    expect(readerLimit('pdfPages', { BRIEFING_LIMIT_PDF_PAGES: ' 9000 ' })).toBe(9000);
    for (const bad of ['0', '-5', '1e9', 'many', '12.5']) {
      expect(readerLimit('pdfPages', { BRIEFING_LIMIT_PDF_PAGES: bad })).toBe(READER_LIMITS.pdfPages.value);
      expect(checkLimitVariables({ BRIEFING_LIMIT_PDF_PAGES: bad })).toBe(`BRIEFING_LIMIT_PDF_PAGES must be a whole number above 0, such as 1000; got "${bad}"`);
    }
    expect(checkLimitVariables({ BRIEFING_LIMIT_PDF_PAGES: '' })).toBeUndefined();
  });

  it('refuses a limit variable that is not a number as a usage error (exit 2)', async () => {
    const dir = await tempDir();
    try {
      const result = await runInProcess(['check', 'nowhere'], dir, { BRIEFING_LIMIT_HTML_DEPTH: 'deep' });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('briefing: BRIEFING_LIMIT_HTML_DEPTH must be a whole number above 0, such as 256; got "deep"');
    } finally {
      await removeDir(dir);
    }
  });
});

describe('web pages', () => {
  it('refuses 1,000 and 10,000 nested divs at once, naming the depth and the limit (they took 54 s and overflowed the stack)', async () => {
    for (const depth of [1000, 10_000]) {
      const { error, ms } = await refusal(htmlReader, utf8(nestedHtml(depth)));
      expect(error.message).toBe(`web page nests its elements ${(depth + 3).toLocaleString('en-US')} levels deep; the limit is 256 levels (set BRIEFING_LIMIT_HTML_DEPTH to raise it)`);
      expect(ms).toBeLessThan(10_000);
    }
  });

  it('reads a page within the depth limit, and one deeper when the variable raises the limit', async () => {
    expect((await htmlReader.read(utf8(nestedHtml(60)), 'f')).text).toBe('The deal was agreed on Monday by the two companies after long talks with the regulator.');
    await withEnv({ BRIEFING_LIMIT_HTML_DEPTH: '20' }, async () => {
      expect((await refusal(htmlReader, utf8(nestedHtml(60)))).error.message).toMatch(/63 levels deep; the limit is 20 levels/);
    });
  });

  it('refuses a page of more elements than the limit: counted in the DOM, or, far past it, as tags before parsing', async () => {
    await withEnv({ BRIEFING_LIMIT_HTML_ELEMENTS: '100' }, async () => {
      expect((await refusal(htmlReader, utf8(longHtml(150)))).error.message).toBe('web page has 153 elements; the limit is 100 elements (set BRIEFING_LIMIT_HTML_ELEMENTS to raise it)');
      expect((await refusal(htmlReader, utf8(longHtml(500)))).error.message).toBe('web page has 503 tags; the limit is 100 elements (set BRIEFING_LIMIT_HTML_ELEMENTS to raise it)');
    });
    expect((await htmlReader.read(utf8(longHtml(150)), 'f')).text.split('\n\n')).toHaveLength(150);
  });
});

describe('Markdown', () => {
  it('refuses 10,000 nested block quotes with one diagnostic, where the text after them was dropped without a word', async () => {
    const { error, ms } = await refusal(markdownReader, utf8(nestedMarkdown(10_000)));
    expect(error.message).toBe('Markdown nests its blocks (block quotes, lists) 100 levels deep or more; the limit is 100 levels (set BRIEFING_LIMIT_MARKDOWN_NESTING to raise it)');
    expect(ms).toBeLessThan(10_000);
  });

  it('reads lists nested 12 levels deep whole (markdown-it\'s CommonMark preset stopped at 20 token levels, about 6 lists)', async () => {
    const nested = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    const doc = await markdownReader.read(utf8(`${nested}\n\nThe text after the list.\n`), 'f');
    expect(doc.text).toContain('level 12');
    expect(doc.text).toContain('The text after the list.');
  });

  it('refuses a list of a million items before parsing it (it took 10 s and 1.7 GB), and reads one at the limit', async () => {
    const { error, ms } = await refusal(markdownReader, utf8(`# Notes\n\n${'- item\n'.repeat(1_000_000)}`));
    expect(error.message).toBe(
      'Markdown document has more than 200,000 blocks (paragraphs, list items, quoted lines, headings, table rows); the limit is 200,000 blocks (set BRIEFING_LIMIT_MARKDOWN_BLOCKS to raise it)',
    );
    expect(ms).toBeLessThan(5_000); // refused at once (0.4-0.6 s measured; the bound leaves room for a loaded machine: parsing took 10 s)
    // Hard-wrapped prose is one block a paragraph, not one a line: 300,000 lines in 30,000 paragraphs are read.
    const prose = Array.from({ length: 30_000 }, (_, i) => `Paragraph ${i} begins here and\ngoes on\nover\nten\nlines\nof\nthe\nfile\nto\nits end.`).join('\n\n');
    expect((await markdownReader.read(utf8(prose), 'f')).text).toContain('Paragraph 29999 begins');
    await withEnv({ BRIEFING_LIMIT_MARKDOWN_BLOCKS: '10' }, async () => {
      const many = Array.from({ length: 11 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
      expect((await refusal(markdownReader, utf8(many))).error.message).toContain('more than 10 blocks');
      expect((await markdownReader.read(utf8(many.split('\n\n').slice(0, 10).join('\n\n')), 'f')).text).toContain('Paragraph 9.');
    });
  });

  it('refuses a paragraph of a million emphasised words before parsing it (it took 10 s and 1.2 GB)', async () => {
    const { error, ms } = await refusal(markdownReader, utf8(`# Notes\n\n${'*a* '.repeat(1_000_000)}\n`));
    expect(error.message).toBe(
      'Markdown document has more than 1,000,000 markup characters (* _ ` [ ] < ~); the limit is 1,000,000 markup characters (set BRIEFING_LIMIT_MARKDOWN_MARKS to raise it)',
    );
    expect(ms).toBeLessThan(5_000); // refused at once (0.4-0.6 s measured; the bound leaves room for a loaded machine: parsing took 10 s)
  });
});

describe('Word documents', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => removeDir(dir));

  it('refuses a 1 MB .docx inflating to 272 MB fast, without inflating it all (it reached 4.5 GB and died)', async () => {
    const file = await writeDocxBomb(path.join(dir, 'bomb.docx'), 272 * 1024 * 1024);
    const bytes = await readFile(file);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const { error, ms } = await refusal(docxReader, bytes);
    expect(error.message).toBe("Word document's text (its XML) inflates to more than 10 MB; the limit is 10 MB (set BRIEFING_LIMIT_DOCX_XML to raise it)");
    expect(ms).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });

  it('reads the number of entries from the end record, and from the ZIP64 end record past 65,535', () => {
    const end = (count: number) => {
      const record = Buffer.alloc(22);
      record.writeUInt32LE(0x06054b50, 0);
      record.writeUInt16LE(count, 8);
      record.writeUInt16LE(count, 10);
      return record;
    };
    expect(zipEntryCount(Buffer.concat([Buffer.from('PK entries…'), end(12)]))).toBe(12);
    expect(zipEntryCount(Buffer.from('not an archive at all'))).toBeUndefined();
    // ZIP64: the end record says 0xFFFF; the locator before it points at the ZIP64 end record.
    const zip64 = Buffer.alloc(56);
    zip64.writeUInt32LE(0x06064b50, 0);
    zip64.writeBigUInt64LE(70_000n, 32);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(0n, 8);
    expect(zipEntryCount(Buffer.concat([zip64, locator, end(0xffff)]))).toBe(70_000);
  });

  it('refuses an archive of more entries than the limit, from its end record, before opening it', async () => {
    const file = await writeDocxOfManyEntries(path.join(dir, 'many.docx'), 12_000);
    const { error } = await refusal(docxReader, await readFile(file));
    expect(error.message).toBe('Word document holds 12,003 entries; the limit is 10,000 entries (set BRIEFING_LIMIT_DOCX_ENTRIES to raise it)');
    await withEnv({ BRIEFING_LIMIT_DOCX_ENTRIES: '20000' }, async () => {
      expect((await docxReader.read(await readFile(file), 'f')).text).toContain('The deal was agreed on Monday');
    });
  });
});

describe('PDF', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => removeDir(dir));

  it('refuses a PDF of 150,000 pages before pdfjs walks its page tree (it ran past 150 s)', async () => {
    const file = await writeManyPagePdf(path.join(dir, 'pages.pdf'), 150_000);
    const { error, ms } = await refusal(pdfReader, await readFile(file));
    expect(error.message).toBe('PDF has 150,000 pages; the limit is 1,000 pages (set BRIEFING_LIMIT_PDF_PAGES to raise it)');
    expect(ms).toBeLessThan(10_000);
  });

  it('counts pages that only pdfjs sees (in compressed object streams) when it opens the file', async () => {
    const pdf = await makePdf({ pages: [['One'], ['Two'], ['Three']] });
    expect(visiblePageObjects(pdf)).toBeLessThanOrEqual(3);
    await withEnv({ BRIEFING_LIMIT_PDF_PAGES: '2' }, async () => {
      expect((await refusal(pdfReader, pdf)).error.message).toBe('PDF has 3 pages; the limit is 2 pages (set BRIEFING_LIMIT_PDF_PAGES to raise it)');
    });
  });

  it('refuses a page of 200,000 lines (10 million characters) as pdfjs streams it, without reading it all (it took 72 s and 1.5 GB)', async () => {
    const { error, ms } = await refusal(pdfReader, await readFile(await writeDenseLinePdf(path.join(dir, 'dense.pdf'), 200_000)));
    expect(error.message).toBe('PDF page 1 holds more than 200,000 characters of text; the limit is 200,000 characters (set BRIEFING_LIMIT_PDF_PAGE_TEXT to raise it)');
    expect(ms).toBeLessThan(10_000);
    // Within the limit, the page is read whole.
    const read = await pdfReader.read(await readFile(await writeDenseLinePdf(path.join(dir, 'fine.pdf'), 2_000)), 'f');
    expect(read.text.match(/The deal was agreed on Monday by the two companies\./g)).toHaveLength(2_000);
  });

  it('refuses a PDF whose text passes the limit, naming the page where it did', async () => {
    const pdf = await makePdf({ pages: [['A first page of some text.'], ['A second page of some more text.']] });
    await withEnv({ BRIEFING_LIMIT_PDF_TEXT: '30' }, async () => {
      expect((await refusal(pdfReader, pdf)).error.message).toBe('PDF has more than 30 characters of text (by page 2); the limit is 30 characters (set BRIEFING_LIMIT_PDF_TEXT to raise it)');
    });
  });
});

describe('a workspace with a source past a limit', () => {
  it('gives one diagnostic naming the file and the rule, and exit 1', async () => {
    const dir = await tempDir();
    try {
      const ws = path.join(dir, 'ws');
      await mkdir(ws);
      await writeFile(path.join(ws, '001_deep.html'), nestedHtml(1000));
      await writeFile(path.join(ws, 'briefing.yaml'), 'title: T\nasOf: 2025-01-01\ntakeaways: []\n');
      const result = await runInProcess(['check', 'ws'], dir, { XDG_CACHE_HOME: path.join(dir, 'cache') });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('ws/001_deep.html: error: web page nests its elements 1,003 levels deep; the limit is 256 levels (set BRIEFING_LIMIT_HTML_DEPTH to raise it) [source-over-limit]\n');
    } finally {
      await removeDir(dir);
    }
  });
});
