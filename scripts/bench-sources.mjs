// node scripts/bench-sources.mjs [COUNT]: reading a pile of mixed source documents.
// Generates COUNT documents (default 1,000) in a temporary folder, deterministically: 30 % plain
// text (CRLF), 25 % Markdown with front matter and emphasis, 25 % web pages with navigation and
// footer around the article, 12 % PDFs (two pages, made with pdfmake) and 8 % Word documents
// (made with jszip). Then, each in a fresh process, reads them all as `build` does:
//   cold: no cache, every file parsed (the first build of a new pile);
//   warm: the cache the cold run left (an up-to-date build, or one where a few files changed).
// Prints wall time, CPU time (steadier on a shared machine) and peak resident memory (the
// target: within 3 s and 500 MB). KEEP=1 keeps the generated folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

if (process.argv[2] === '--read') {
  // The child: read the workspace once, report time and peak memory.
  const [, , , dir, cacheDir] = process.argv;
  const { readSources } = await import(path.join(root, 'dist/inputs/sources.js'));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const result = await readSources(dir, 'ws', { cacheDir });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  console.log(JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), peakMB: Math.round(peak / 1048576), documents: result.documents.length, errors: errors.length, firstError: errors[0]?.message }));
  process.exit(0);
}

const count = Number(process.argv[2] ?? 1000);
const WORDS = 'the operator said regional network timetable fares depot union station authority review merger passengers line service track signal freight budget council ministry contract tender capacity'.split(' ');

/** A deterministic paragraph: sentences of words from the list, with a figure now and then. */
function paragraph(seed, sentences = 4) {
  let x = seed * 7919 + 17;
  const next = () => (x = (x * 48271) % 2147483647);
  const out = [];
  for (let s = 0; s < sentences; s++) {
    const words = [];
    for (let w = 0; w < 14; w++) words.push(WORDS[next() % WORDS.length]);
    if (s % 2 === 0) words.push(`€${(next() % 900) / 10 + 1} million`);
    const sentence = words.join(' ');
    out.push(`${sentence[0].toUpperCase()}${sentence.slice(1)}.`);
  }
  return out.join(' ');
}

function article(i, paragraphs = 8) {
  return Array.from({ length: paragraphs }, (_, k) => paragraph(i * 100 + k));
}

const date = (i) => `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;

function text(i) {
  return [`Report number ${i} on the regional network`, '', `date ${date(i)}`, '', ...article(i).flatMap((p) => [p, ''])].join('\r\n');
}

function markdown(i) {
  const body = article(i).map((p, k) => (k % 3 === 0 ? p.replace(/(\w+ \w+)/, '**$1**') : p.replace(/(\w+)\./, '*$1*.')));
  return [`---`, `title: Bulletin ${i} on the network`, `date: ${date(i)}`, `---`, '', `# Bulletin ${i} on the network`, '', ...body.flatMap((p) => [p, ''])].join('\n');
}

function html(i) {
  const nav = '<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/subscribe">Subscribe today</a></nav><div role="banner">Cookie notice: we use cookies.</div></header>';
  const body = article(i).map((p) => `<p>${p.replace(/€/g, '&euro;')}</p>`).join('\n');
  const foot = '<aside><h2>Most read</h2><ul><li><a href="/a">Bridge closure extended</a></li></ul></aside><footer><p>&copy; 2024 The Ledger. All rights reserved.</p></footer><script>var x = 1;</script>';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Story ${i} | The Ledger</title><meta property="article:published_time" content="${date(i)}T08:00:00Z"><style>p{margin:0}</style></head><body>${nav}<main><article><h1>Story ${i} about the network</h1>\n${body}\n</article></main>${foot}</body></html>`;
}

let pdfmake;
async function pdf(i) {
  if (!pdfmake) {
    const mod = await import('pdfmake');
    pdfmake = mod.default ?? mod;
    const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'build/fonts/Roboto');
    const { readFileSync } = await import('node:fs');
    pdfmake.virtualfs.writeFileSync('Roboto-Regular.ttf', readFileSync(path.join(dir, 'Roboto-Regular.ttf')));
    pdfmake.addFonts({ Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Regular.ttf', italics: 'Roboto-Regular.ttf', bolditalics: 'Roboto-Regular.ttf' } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
  }
  const paragraphs = article(i);
  const content = [`Findings ${i} on the network`, `Published: ${date(i)}`, ...paragraphs].map((p, k) => ({ text: p, margin: [0, 0, 0, 8], ...(k === 6 ? { pageBreak: 'before' } : {}) }));
  const doc = { content, defaultStyle: { font: 'Roboto', fontSize: 10 }, info: { creationDate: new Date('2024-01-01T00:00:00Z') } };
  return new Uint8Array(await pdfmake.createPdf(doc).getBuffer());
}

async function docx(i) {
  const zip = new JSZip();
  const d = new Date('2024-01-01T00:00:00Z');
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', { date: d });
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>', { date: d });
  const paras = [`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Memo ${i} on the network</w:t></w:r></w:p>`, `<w:p><w:r><w:t>${date(i)}</w:t></w:r></w:p>`, ...article(i).map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`)];
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras.join('')}</w:body></w:document>`, { date: d });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const work = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-sources-'));
const ws = path.join(work, 'ws');
const cache = path.join(work, 'cache/briefing/extracted');
mkdirSync(ws, { recursive: true });
const mix = { txt: 0, md: 0, html: 0, pdf: 0, docx: 0 };
try {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const slot = i % 100;
    const id = String(i).padStart(4, '0');
    let kind;
    if (slot < 30) kind = 'txt';
    else if (slot < 55) kind = 'md';
    else if (slot < 80) kind = 'html';
    else if (slot < 92) kind = 'pdf';
    else kind = 'docx';
    mix[kind]++;
    const content = kind === 'txt' ? text(i) : kind === 'md' ? markdown(i) : kind === 'html' ? html(i) : kind === 'pdf' ? await pdf(i) : await docx(i);
    writeFileSync(path.join(ws, `${id}_doc.${kind}`), content);
  }
  console.log(`generated ${count} documents (${Object.entries(mix).map(([k, v]) => `${v} ${k}`).join(', ')}) in ${Math.round(performance.now() - started)} ms`);
  const run = (label) => {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--read', ws, cache], { encoding: 'utf8' });
    const r = JSON.parse(out);
    console.log(`${label}: ${r.documents} documents read in ${r.ms} ms (CPU ${r.cpuMs} ms), peak RSS ${r.peakMB} MB${r.errors ? `, ${r.errors} errors (${r.firstError})` : ''}`);
    return r;
  };
  const cold = run('cold (no cache: every file parsed)');
  const warm = run('warm (cache from the cold run)    ');
  console.log(JSON.stringify({ count, mix, cold, warm }));
} finally {
  if (process.env.KEEP) console.log(`kept ${ws}`);
  else rmSync(work, { recursive: true, force: true });
}
