// Each source format read as the text a person reads, with a map back to the file's lines
// (and pages), its title and date; and what a reader says about a file it cannot read.
import { mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOfText, parseDate, parseDateValue } from '../src/inputs/dates.js';
import { placeOf, placeRef, ReaderError, type SourceReader } from '../src/inputs/document.js';
import { docxReader } from '../src/inputs/readers/docx.js';
import { htmlReader } from '../src/inputs/readers/html.js';
import { readerFor } from '../src/inputs/readers/index.js';
import { markdownReader } from '../src/inputs/readers/markdown.js';
import { MAX_PDF_BYTES, pdfReader } from '../src/inputs/readers/pdf.js';
import { textReader } from '../src/inputs/readers/text.js';
import { describeText, readSources } from '../src/inputs/sources.js';
import { extractionCache, forgetExtractions } from '../src/inputs/cache.js';
import { findQuote } from '../src/verify/match.js';
import { makeDocx, makePdf, makeTextlessPdf } from './helpers/sources.js';
import { RAIL_FIXTURES, railDocx, railPdf } from './helpers/rail.js';
import { removeDir, tempDir } from './helpers/workspace.js';
import { sealEntry, unsealEntry } from '../src/cache/cache-dir.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function read(reader: SourceReader, content: string | Uint8Array) {
  const extracted = await reader.read(typeof content === 'string' ? utf8(content) : content, 'f');
  return { ...extracted, format: reader.format };
}

/** The file line (and page) where `quote` is found in the extracted text. */
function lineOf(doc: { text: string; map: never | Parameters<typeof placeOf>[0]['map'] }, quote: string) {
  const match = findQuote({ id: 'x', name: 'x', file: 'x', text: doc.text, map: doc.map, sha256: '', lead: '' }, quote);
  if (!match) throw new Error(`not found: ${quote}`);
  return match.page === undefined ? match.line : { page: match.page, line: match.line };
}

async function rejection(promise: Promise<unknown>): Promise<ReaderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReaderError);
  return error as ReaderError;
}

describe('the reader for a file', () => {
  it('is chosen by extension, in any case; other files have none', () => {
    expect(readerFor('a.TXT')?.format).toBe('text');
    expect(readerFor('b.markdown')?.format).toBe('markdown');
    expect(readerFor('c.htm')?.format).toBe('html');
    expect(readerFor('d.PDF')?.format).toBe('pdf');
    expect(readerFor('e.docx')?.format).toBe('docx');
    for (const other of ['f.pptx', 'g.xlsx', 'h.rtf', 'i.png', 'README']) expect(readerFor(other)).toBeUndefined();
  });
});

describe('plain text', () => {
  it('keeps the text, with CRLF made LF, and its own lines', async () => {
    const doc = await read(textReader, 'First line\r\nSecond line with a passage\r\n');
    expect(doc.text).toBe('First line\nSecond line with a passage\n');
    expect(lineOf(doc, 'line with a passage')).toBe(2);
  });

  it('says a file that is not UTF-8 is not', async () => {
    expect((await rejection(textReader.read(new Uint8Array([0x41, 0xff, 0x42]), 'f'))).problem).toBe('not-utf8');
  });
});

describe('Markdown', () => {
  const source = [
    '---',
    'title: "Front matter title: with a colon"',
    'date: 2024-05-02',
    '---',
    '',
    '# The heading',
    '',
    'The *authority* said it would examine the deal for **90 working days**,',
    'as [the bulletin](https://example.org) reported, under code `NL-CT`.',
    '',
    '- first item with __strong__ text',
    '- second item',
    '',
    '| Line | Length |',
    '|---|---|',
    '| Eastbank | 42 km |',
    '',
    '<div class="x">raw <b>html</b> inside</div>',
  ].join('\n');

  it('is read as rendered text: no emphasis, link, code or list markers, no raw HTML tags', async () => {
    const doc = await read(markdownReader, source);
    expect(doc.text).toContain('The authority said it would examine the deal for 90 working days, as the bulletin reported, under code NL-CT.');
    expect(doc.text).toContain('first item with strong text');
    expect(doc.text).toContain('Eastbank\t42 km');
    expect(doc.text).not.toMatch(/[*_`#[\]<>]|https?:|---/);
  });

  it('takes title and date from the front matter, and maps the text to the file lines', async () => {
    const doc = await read(markdownReader, source);
    expect(doc.title).toBe('Front matter title: with a colon');
    expect(doc.date).toBe('2024-05-02');
    expect(lineOf(doc, 'The authority said')).toBe(8);
    expect(lineOf(doc, 'as the bulletin reported')).toBe(9);
    expect(lineOf(doc, 'second item')).toBe(12);
    expect(lineOf(doc, 'Eastbank')).toBe(16);
  });

  it('leaves out struck and hidden text, and keeps the lines of what follows it', async () => {
    const doc = await read(markdownReader, 'Seen ~~not\nseen~~ and <span style="display:none">gone\ntoo</span> here,\nand on line four.\n');
    expect(doc.text.replace(/\s+/g, ' ')).toBe('Seen and here, and on line four.');
    expect(lineOf(doc, 'here,')).toBe(3);
    expect(lineOf(doc, 'and on line four')).toBe(4);
  });

  it('finds a date line inside emphasis, and the first heading as the title', async () => {
    const doc = await read(markdownReader, '# Deal closes\n\n*date 2024-11-22*\n\nThe deal closed.\n');
    expect(doc.title).toBe('Deal closes');
    expect(doc.date).toBe('2024-11-22');
    expect(doc.text).toBe('Deal closes\n\ndate 2024-11-22\n\nThe deal closed.');
  });
});

describe('HTML', () => {
  let page = '';
  beforeAll(async () => {
    page = await readFile(path.join(RAIL_FIXTURES, '001_ledger.html'), 'utf8');
  });

  it('is read as the article: no navigation, banner, script, style, aside or footer', async () => {
    const doc = await read(htmlReader, page);
    expect(doc.text).toContain('in a deal worth €2.4 billion');
    expect(doc.text).toContain('“Passengers will see one timetable and one ticket,” said Mara Lindqvist, Northline’s chief executive.');
    for (const boilerplate of ['Subscribe', 'Cookie notice', 'All rights reserved', 'Most read', 'tracking pixel', 'font-family', 'noopener', 'Bridge closure']) {
      expect(doc.text).not.toContain(boilerplate);
    }
    expect(doc.text).not.toMatch(/[<>]|&\w+;/);
  });

  it('takes the title from the heading and the date from article:published_time, and maps paragraphs to lines', async () => {
    const doc = await read(htmlReader, page);
    expect(doc.title).toBe('Northline and Cascade agree rail merger');
    expect(doc.date).toBe('2024-04-18');
    expect(lineOf(doc, 'Northline Railways and Cascade Transit said on Thursday')).toBe(26);
    expect(lineOf(doc, 'regional networks in a deal worth')).toBe(27);
    expect(lineOf(doc, 'Cascade operates eleven depots')).toBe(34);
  });

  const article = (head: string, body: string) =>
    `<html><head>${head}</head><body><article><h1>A headline about the depots</h1>${body}${'<p>The operators run trains on every line of the valley, and this sentence is here to make the article long enough to be an article. </p>'.repeat(4)}</article></body></html>`;

  it('reads the date from <time datetime>, from JSON-LD and from og:title', async () => {
    const time = await read(htmlReader, article('', '<p>By A. Writer, <time datetime="2023-09-25T10:00:00Z">Monday</time></p>'));
    expect(time.date).toBe('2023-09-25');
    const ld = await read(
      htmlReader,
      article('<meta property="og:title" content="OG title"><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2022-02-03"}]}</script>', ''),
    );
    expect(ld.date).toBe('2022-02-03');
  });

  it('reads only the one <article> (or <main>) of a page: a promo line beside it is not read', async () => {
    const story = '<h1>Deal agreed between the two companies</h1><p>The two companies agreed a deal worth $2 billion on Monday, the companies said in a joint statement.</p><p>The regulator will look at the deal next year, according to people familiar with the matter.</p>';
    const promo = '<p>Subscribe to our newsletter for the latest news.</p>';
    for (const page of [
      `<html><body><div class="wrap"><article>${story}</article>${promo}</div><p>Another promo line that ends with a full stop.</p></body></html>`,
      `<html><body>${promo}<main>${story}</main><div>${promo}</div></body></html>`,
      // Articles inside the article (a quoted post, comments) do not make it one of several.
      `<html><body><article>${story}<article><p>A reader comment inside the story, with words enough to count.</p></article></article>${promo}</body></html>`,
    ]) {
      const doc = await read(htmlReader, page);
      expect(doc.text).toContain('The two companies agreed a deal worth $2 billion on Monday');
      expect(doc.text).not.toContain('Subscribe');
      expect(doc.text).not.toContain('Another promo line');
    }
    // Two articles: the page is read whole (Readability picks), as is one article too short to be the story.
    const two = await read(htmlReader, `<html><body><article>${story}</article><article>${story.replace('$2 billion', '$3 billion')}</article></body></html>`);
    expect(two.text).toContain('$2 billion');
    const teaser = await read(htmlReader, `<html><body><article><p>Read next: a teaser.</p></article><div>${story}</div></body></html>`);
    expect(teaser.text).toContain('The two companies agreed a deal worth $2 billion on Monday');
  });

  it('says so when the page has no article', async () => {
    const empty = '<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>';
    const error = await rejection(htmlReader.read(utf8(empty), 'f'));
    expect(error.problem).toBe('no-article');
    expect(error.message).toMatch(/no article/);
  });
});

describe('PDF', () => {
  it('is read page by page, lines joined, hyphenation undone, each passage with its page', async () => {
    const doc = await read(pdfReader, await railPdf());
    expect(doc.text).toContain('where fares could rise by up to 8% without competition from another operator.');
    expect(doc.title).toBe('Interim findings on the Northline–Cascade merger');
    expect(doc.date).toBe('2024-07-12');
    expect(lineOf(doc, 'fares could rise by up to 8%')).toEqual({ page: 1, line: 5 });
    expect(lineOf(doc, 'A final decision is expected')).toEqual({ page: 2, line: 4 });
    expect(placeRef('004', 'pdf', { page: 2, line: 4 })).toBe('004 p. 2');
  });

  it('reads a date line at the top as the date, not as the start of the title, however close the next line is', async () => {
    const doc = await read(pdfReader, await makePdf({ pages: [['date 2025-03-10\nTwo companies agree a partnership worth billions over the coming decade\n\nThe body of the report.']] }));
    expect(doc.text).toBe('date 2025-03-10\n\nTwo companies agree a partnership worth billions over the coming decade\n\nThe body of the report.');
    expect(doc.date).toBe('2025-03-10');
    expect(describeText(doc.text).title).toBe('Two companies agree a partnership worth billions over the coming decade');
    // Further down, a line that only gives a date is part of its paragraph.
    const lower = await read(pdfReader, await makePdf({ pages: [['A title of the report\n\nOne\nTwo\nThree\nFour\nFive\nJune 2, 2025\nand the rest of the sentence.']] }));
    expect(lower.text).toContain('Five June 2, 2025 and the rest of the sentence.');
  });

  it('says a PDF without a text layer, an encrypted PDF and a corrupt one are so', async () => {
    expect((await rejection(pdfReader.read(await makeTextlessPdf(), 'f'))).message).toMatch(/no text layer.*OCR/);
    expect((await rejection(pdfReader.read(await makePdf({ pages: [['secret text']], userPassword: 'pw' }), 'f'))).message).toMatch(/encrypted/);
    const corrupt = await rejection(pdfReader.read(utf8('%PDF-1.7\n1 0 obj garbage'), 'f'));
    expect(corrupt.problem).toBe('corrupt');
    expect(corrupt.message).toMatch(/^not a readable PDF/);
  });
});

describe('Word', () => {
  it('reads paragraphs as text, the Title paragraph as the title and a date line as the date', async () => {
    const doc = await read(docxReader, await railDocx());
    expect(doc.title).toBe('Unions seek depot guarantees');
    expect(doc.date).toBe('2024-06-20');
    expect(doc.text).toContain('asked Northline and Cascade for a written guarantee that no depot will close before 2027.');
    expect(lineOf(doc, 'replacement buses')).toBe(4);
    expect(placeRef('005', 'docx', { line: 4 })).toBe('005 paragraph 4');
  });

  it('says a .docx that is not a zip is not a Word document', async () => {
    const error = await rejection(docxReader.read(utf8('plain text saved with the wrong name'), 'f'));
    expect(error.problem).toBe('corrupt');
    expect(error.message).toMatch(/not a Word document/);
    expect((await rejection(docxReader.read(await makeDocx([]), 'f'))).problem).toBe('empty');
  });
});

describe('document dates', () => {
  it('reads the common forms, and only real days', () => {
    const cases: [string, string | undefined][] = [
      ['date 2025-03-11', '2025-03-11'],
      ['Published: 2 June 2025', '2025-06-02'],
      ['Published on Monday, June 2, 2025 at 10:30 BST', '2025-06-02'],
      ['June 2, 2025', '2025-06-02'],
      ['Jun. 2nd, 2025', '2025-06-02'],
      ['2 Sept 2025', '2025-09-02'],
      ['LONDON, 2 June 2025 — Talks resumed.', '2025-06-02'],
      ['NEW YORK (Wire) - June 2, 2025 - Talks resumed.', '2025-06-02'],
      ['By Ada Fenwick | 18 April 2024', '2024-04-18'],
      ['date 2025-02-30', undefined],
      ['Updated: 2 June 2025', undefined],
      ['London, 2 June 2025 — lower-case place is a sentence, not a dateline', undefined],
      ['The deal was signed on 2 June 2025 in London.', undefined],
    ];
    for (const [line, date] of cases) expect([line, dateOfText(`Headline\n\n${line}\n\nBody.`)?.date]).toEqual([line, date]);
  });

  it('parses metadata values without moving them to another time zone', () => {
    expect(parseDateValue('2024-04-18T23:30:00-05:00')).toBe('2024-04-18');
    expect(parseDateValue('D:20240418083000Z')).toBe('2024-04-18');
    expect(parseDateValue('18 April 2024')).toBe('2024-04-18');
    expect(parseDateValue('soon')).toBeUndefined();
    expect(parseDate('2024/04/18')).toBe('2024-04-18');
  });
});

describe('reading a workspace', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => removeDir(dir));

  it('names every file it does not read in one warning, and none of its own files', async () => {
    const ws = path.join(dir, 'skip');
    await mkdir(ws);
    await writeFile(path.join(ws, '001_a.txt'), 'A plain text source with enough words.\n');
    for (const name of ['briefing.yaml', 'theme.yaml', 'logo.png', 'deck.pptx', 'notes.rtf', '.DS_Store']) await writeFile(path.join(ws, name), 'logo: logo.png\n');
    const { documents, diagnostics } = await readSources(ws, 'ws');
    expect(documents.map((d) => d.id)).toEqual(['001']);
    expect(diagnostics.map((d) => `${d.severity} ${d.rule}: ${d.message}`)).toEqual([
      'warning source-skipped: 3 files not read as sources (sources are .txt, .md, .markdown, .html, .htm, .xhtml, .pdf, .docx): deck.pptx, logo.png, notes.rtf',
    ]);
  });

  it('parses a PDF once: an unchanged file is read back from the cache by its sha256, a changed one again', async () => {
    const ws = path.join(dir, 'cache');
    const cacheDir = path.join(dir, 'cache-out');
    await mkdir(ws);
    await writeFile(path.join(ws, '004_review.pdf'), await railPdf());
    // Files of this worker that ran before may have read the same PDF: this process starts afresh.
    forgetExtractions();
    const first = await readSources(ws, 'ws', { cacheDir });
    const [entry] = await readdir(cacheDir);
    expect(entry).toBe(`${first.documents[0]?.sha256}.pdf-v${pdfReader.version}.entry`);
    // A new process finds it on disk: prove it reads the cache (not the PDF) by marking the cached
    // text, sealed again with its checksum (an entry edited without it is dropped, below).
    const stored = await readFile(path.join(cacheDir, entry as string));
    const cached = JSON.parse((unsealEntry(entry as string, stored) as Buffer).toString('utf8')) as { text: string };
    await writeFile(path.join(cacheDir, entry as string), sealEntry(entry as string, JSON.stringify({ ...cached, text: `${cached.text}\n\nMarker from the cache.` })));
    forgetExtractions();
    const again = await readSources(ws, 'ws', { cacheDir });
    expect(again.documents[0]?.text).toBe(`${first.documents[0]?.text}\n\nMarker from the cache.`);
    // The same edit without the checksum: the entry is dropped and the PDF read again.
    await writeFile(path.join(cacheDir, entry as string), Buffer.from(stored.toString('latin1').replace(/"text":"/, '"text":"Forged. '), 'latin1'));
    forgetExtractions();
    expect((await readSources(ws, 'ws', { cacheDir })).documents[0]?.text).toBe(first.documents[0]?.text);
    // A changed file is parsed again, under its new sha256.
    await writeFile(path.join(ws, '004_review.pdf'), await makePdf({ pages: [['A different report about the depots and the unions.']] }));
    const changed = await readSources(ws, 'ws', { cacheDir });
    expect(changed.documents[0]?.text).toBe('A different report about the depots and the unions.');
    // Both texts are kept (the cache is shared by workspaces): it is bounded, oldest first.
    const newer = `${changed.documents[0]?.sha256}.pdf-v${pdfReader.version}.entry`;
    expect((await readdir(cacheDir)).sort()).toEqual([entry, newer].sort());
    const small = extractionCache(cacheDir, { maxBytes: Number.POSITIVE_INFINITY, maxEntries: 1 });
    small.trim();
    expect((await readdir(cacheDir)).length).toBe(2); // it wrote nothing: nothing to trim
    await small.set('another.pdf-v1', { text: 'x', map: { offsets: [0], lines: [1] } });
    small.trim();
    expect(await readdir(cacheDir)).toEqual(['another.pdf-v1.entry']);
  });

  it('keeps extracted text in the user\'s cache folder by default, where check, build, draft and find all find it', async () => {
    const ws = path.join(dir, 'cache-default');
    const home = path.join(dir, 'xdg');
    await mkdir(ws);
    await writeFile(path.join(ws, '004_review.pdf'), await railPdf());
    const before = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = home;
    try {
      forgetExtractions();
      const first = await readSources(ws, 'ws');
      expect(await readdir(path.join(home, 'briefing', 'extracted'))).toEqual([`${first.documents[0]?.sha256}.pdf-v${pdfReader.version}.entry`]);
      forgetExtractions();
      const off = await readSources(ws, 'ws', { cacheDir: null });
      expect(off.documents[0]?.text).toBe(first.documents[0]?.text);
    } finally {
      if (before === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = before;
    }
  });

  it('refuses a PDF over the size limit before reading it, naming the file', async () => {
    const ws = path.join(dir, 'large');
    await mkdir(ws);
    const file = path.join(ws, '009_huge.pdf');
    await writeFile(file, '%PDF-1.7\n');
    await truncate(file, 200 * 1024 * 1024);
    const { documents, diagnostics, failedIds } = await readSources(ws, 'ws');
    expect(documents).toEqual([]);
    expect(failedIds.has('009')).toBe(true);
    expect(diagnostics.map((d) => `${d.file}: ${d.severity}: ${d.message} [${d.rule}]`)).toEqual([
      `ws/009_huge.pdf: error: PDF source is 200 MB; the limit is ${MAX_PDF_BYTES / 1024 / 1024} MB [source-too-large]`,
    ]);
    await rm(file);
  });
});
