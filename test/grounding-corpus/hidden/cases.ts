// Text a reader cannot see never grounds a statement (issue 19, point 5): for every format, one
// case per way of hiding a passage. Each case makes a document twice, the passage hidden and
// its faithful twin with the passage shown (same words, same markup but the hiding), and a
// workspace whose summary cites the passage: `check` must fail with quote-not-found on the
// hidden one and pass on the twin. Documents are made here (no binary is committed).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rawPdf, textAt, type RawPdfOptions } from '../../helpers/raw-pdf.js';
import { makeDocxPackage } from '../../helpers/sources.js';
import { TINY_DOCUMENTS, TINY_SUMMARY } from '../../helpers/tiny.js';

/** The passage every case hides, and the statement that cites it. */
export const HIDDEN_QUOTE = 'approved a buyback of $7 billion';
export const HIDDEN_SENTENCE = 'The board approved a buyback of $7 billion on Friday.';
const STATEMENT = 'The board approved a buyback of $7 billion.';

export type HiddenFormat = 'markdown' | 'html' | 'docx' | 'pdf';

export interface HiddenCase {
  /** A short name: format, then how the passage is hidden. */
  id: string;
  format: HiddenFormat;
  /** How the passage is hidden, as a reader would describe it. */
  covers: string;
  /** The document's file name in the workspace (its id is 002). */
  file: string;
  /** The document: with the passage hidden (`shown` false), or its twin with the passage shown. */
  document(shown: boolean): Promise<string | Uint8Array>;
}

const OTHER = 'Analysts said the company had a strong quarter, with sales up in every region and costs kept flat.';

/** A Markdown document whose second paragraph holds the passage, written by `wrap`. */
function markdown(id: string, covers: string, wrap: (sentence: string, shown: boolean) => string): HiddenCase {
  return {
    id: `md-${id}`,
    format: 'markdown',
    covers,
    file: '002_note.md',
    document: async (shown) => `# Quarterly note\n\n${OTHER}\n\n${wrap(HIDDEN_SENTENCE, shown)}\n\nThe next meeting is in May.\n`,
  };
}

/** A web page whose article holds the passage, written by `wrap`; `head` goes into <head>. */
function html(id: string, covers: string, wrap: (sentence: string, shown: boolean) => string, head: (shown: boolean) => string = () => ''): HiddenCase {
  return {
    id: `html-${id}`,
    format: 'html',
    covers,
    file: '002_page.html',
    document: async (shown) =>
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quarterly note</title>${head(shown)}</head><body><article><h1>Quarterly note</h1><p>${OTHER}</p>${wrap(HIDDEN_SENTENCE, shown)}<p>The next meeting is in May, when the board will also discuss the dividend and the new plant.</p></article></body></html>`,
  };
}

export const MARKDOWN_CASES: HiddenCase[] = [
  markdown('struck', '~~struck~~ text', (s, shown) => (shown ? s : `~~${s}~~`)),
  markdown('del', 'a raw <del> element', (s, shown) => (shown ? `<ins>${s}</ins>` : `<del>${s}</del>`)),
  markdown('s', 'a raw <s> element', (s, shown) => (shown ? `<em>${s}</em>` : `<s>${s}</s>`)),
  markdown('strike', 'a raw <strike> element', (s, shown) => (shown ? `<b>${s}</b>` : `<strike>${s}</strike>`)),
  markdown('display-none', '<span style="display:none">', (s, shown) => `<span style="${shown ? 'display:inline' : 'display: none'}">${s}</span>`),
  markdown('hidden-attribute', '<span hidden>', (s, shown) => `<span${shown ? '' : ' hidden'}>${s}</span>`),
  markdown('white', 'white text on the white page', (s, shown) => `<span style="color:#ffffff${shown ? ';background-color:#000000' : ''}">${s}</span>`),
  markdown('font-size-zero', 'text of font size 0', (s, shown) => `<span style="font-size:${shown ? '12px' : '0'}">${s}</span>`),
  markdown('comment', 'an HTML comment inside a paragraph', (s, shown) => (shown ? `Note: ${s}` : `Note: <!-- ${s} -->`)),
  markdown('comment-block', 'an HTML comment on lines of its own', (s, shown) => (shown ? s : `<!--\n${s}\n-->`)),
  markdown('hidden-block', 'a paragraph between <div hidden> and </div> lines', (s, shown) => `<div${shown ? '' : ' hidden'}>\n\n${s}\n\n</div>`),
  markdown('display-none-block', 'a paragraph inside an HTML block styled display:none', (s, shown) => `<section class="note">\n<div style="display:${shown ? 'block' : 'none'}">\n\n${s}\n\n</div>\n</section>`),
  // Red-team pass: the web page reader dropped <noscript>, the Markdown reader read it.
  markdown('noscript', 'a paragraph inside <noscript> (shown only when scripts are off)', (s, shown) => (shown ? `<div>\n\n${s}\n\n</div>` : `<noscript>\n\n${s}\n\n</noscript>`)),
];

export const HTML_CASES: HiddenCase[] = [
  html('del', '<del>', (s, shown) => `<p>${shown ? `<ins>${s}</ins>` : `<del>${s}</del>`}</p>`),
  html('s', '<s>', (s, shown) => `<p>${shown ? `<em>${s}</em>` : `<s>${s}</s>`}</p>`),
  html('strike', '<strike>', (s, shown) => `<p>${shown ? `<b>${s}</b>` : `<strike>${s}</strike>`}</p>`),
  html('display-none', 'inline style display:none', (s, shown) => `<p style="${shown ? 'display:block' : 'DISPLAY : none !important'}">${s}</p>`),
  html('visibility-hidden', 'inline style visibility:hidden', (s, shown) => `<p><span style="visibility:${shown ? 'visible' : 'hidden'}">${s}</span></p>`),
  html('hidden-attribute', 'the hidden attribute', (s, shown) => `<p${shown ? '' : ' hidden'}>${s}</p>`),
  html('template', '<template>', (s, shown) => (shown ? `<div><p>${s}</p></div>` : `<template><p>${s}</p></template>`)),
  html('font-size-zero', 'font-size:0', (s, shown) => `<p><span style="font-size:${shown ? '1em' : '0px'}">${s}</span></p>`),
  html('tiny', 'font-size:1px', (s, shown) => `<p><span style="font-size:${shown ? '14px' : '1px'}">${s}</span></p>`),
  html('white', 'white text on the white page', (s, shown) => `<p><span style="color:#fff">${s}</span></p>`.replace('<p>', shown ? '<p style="background:#222">' : '<p>')),
  html('white-font', '<font color="white"> on white', (s, shown) => `<p><font color="${shown ? 'black' : 'white'}">${s}</font></p>`),
  html('opacity', 'opacity:0', (s, shown) => `<p style="opacity:${shown ? '1' : '0'}">${s}</p>`),
  html('off-screen', 'moved 9999px off the screen', (s, shown) => `<p style="position:absolute;left:${shown ? '20px' : '-9999px'}">${s}</p>`),
  html('clipped', 'clipped to nothing (the screen-reader-only pattern)', (s, shown) => `<p style="position:absolute;overflow:hidden;${shown ? 'clip:auto' : 'width:1px;height:1px;clip:rect(0 0 0 0)'}">${s}</p>`),
  html('style-rule', 'a <style> rule with display:none', (s) => `<p class="note">${s}</p>`, (shown) => `<style>.note { display: ${shown ? 'block' : 'none'}; }</style>`),
  html('comment', 'an HTML comment', (s, shown) => (shown ? `<p>${s}</p>` : `<!-- <p>${s}</p> -->`)),
  // Red-team pass: each of these was read as text before.
  html('style-rule-colour', 'a <style> rule that colours the passage white', (s) => `<p class="note">${s}</p>`, (shown) => `<style>.note { color: ${shown ? '#222' : '#ffffff'}; }</style>`),
  html('hsl-white', 'white written hsl(0, 0%, 100%)', (s, shown) => `<p style="color:hsl(0, 0%, ${shown ? '10' : '100'}%)">${s}</p>`),
  html('near-white-name', 'a near-white colour name (ivory) on white', (s, shown) => `<p style="color:${shown ? 'navy' : 'ivory'}">${s}</p>`),
  html('max-height-zero', 'a box of max-height 0 with its overflow hidden', (s, shown) => `<div style="max-height:${shown ? '40em' : '0'};overflow:hidden"><p>${s}</p></div>`),
  html('content-visibility', 'content-visibility:hidden', (s, shown) => `<p style="content-visibility:${shown ? 'visible' : 'hidden'}">${s}</p>`),
  html('clip-path-inset', 'clip-path:inset(100%)', (s, shown) => `<p style="clip-path:inset(${shown ? '0' : '100%'})">${s}</p>`),
  html('comment-in-declaration', 'display:/**/none (a comment inside the declaration)', (s, shown) => `<p style="display:/**/${shown ? 'block' : 'none'}">${s}</p>`),
  html(
    'meta-only',
    'og:title metadata, shown nowhere on the page',
    (s, shown) => (shown ? `<p>${s.replace(/\.$/, '')}</p>` : ''),
    () => `<meta property="og:title" content="${HIDDEN_SENTENCE.replace(/\.$/, '')}">`,
  ),
];

const run = (text: string, properties = '') => `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${text.replace(/&/g, '&amp;')}</w:t></w:r>`;

/** A Word document: a title, a visible paragraph, then the passage as `passage` writes it. */
function docx(id: string, covers: string, passage: (sentence: string, shown: boolean) => string, extra: (shown: boolean) => { styles?: string; beforeBody?: string } = () => ({})): HiddenCase {
  return {
    id: `docx-${id}`,
    format: 'docx',
    covers,
    file: '002_memo.docx',
    document: (shown) =>
      makeDocxPackage({
        body: `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>${run('Quarterly note')}</w:p><w:p>${run(OTHER)}</w:p>${passage(HIDDEN_SENTENCE, shown)}<w:p>${run('The next meeting is in May.')}</w:p>`,
        ...extra(shown),
      }),
  };
}

export const DOCX_CASES: HiddenCase[] = [
  docx('vanish', 'hidden text (w:vanish)', (s, shown) => `<w:p>${run(s, shown ? '<w:b/>' : '<w:vanish/>')}</w:p>`),
  docx('strike', 'struck text (w:strike)', (s, shown) => `<w:p>${run(s, shown ? '<w:strike w:val="false"/>' : '<w:strike/>')}</w:p>`),
  docx('dstrike', 'double-struck text (w:dstrike)', (s, shown) => `<w:p>${run(s, shown ? '<w:i/>' : '<w:dstrike w:val="true"/>')}</w:p>`),
  docx('deleted', 'a deleted run (tracked change, w:del)', (s, shown) =>
    shown ? `<w:p><w:ins w:id="1" w:author="A">${run(s)}</w:ins></w:p>` : `<w:p><w:del w:id="1" w:author="A"><w:r><w:delText xml:space="preserve">${s}</w:delText></w:r></w:del></w:p>`,
  ),
  docx('moved-away', 'text moved away (tracked change, w:moveFrom)', (s, shown) => `<w:p><w:${shown ? 'moveTo' : 'moveFrom'} w:id="1" w:author="A">${run(s)}</w:${shown ? 'moveTo' : 'moveFrom'}></w:p>`),
  docx('white', 'white text on the white page', (s, shown) => `<w:p>${run(s, `<w:color w:val="FFFFFF"/>${shown ? '<w:shd w:val="clear" w:color="auto" w:fill="1F1F1F"/>' : ''}`)}</w:p>`),
  docx('shading', 'text the colour of its paragraph\'s shading', (s, shown) => `<w:p><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/></w:pPr>${run(s, `<w:color w:val="${shown ? '000000' : 'D9D9D9'}"/>`)}</w:p>`),
  docx('cell-shading', 'white text in a white table cell', (s, shown) =>
    `<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${shown ? '003366' : 'FFFFFF'}"/></w:tcPr><w:p>${run(s, '<w:color w:val="FFFFFF"/>')}</w:p></w:tc></w:tr></w:tbl>`,
  ),
  docx('tiny', '1 pt text (w:sz of 2 half-points)', (s, shown) => `<w:p>${run(s, `<w:sz w:val="${shown ? '24' : '2'}"/>`)}</w:p>`),
  docx('character-style', 'a character style that hides its runs', (s) => `<w:p>${run(s, '<w:rStyle w:val="Aside"/>')}</w:p>`, (shown) => ({
    styles: `<w:style w:type="character" w:styleId="Aside"><w:name w:val="Aside"/><w:rPr>${shown ? '<w:i/>' : '<w:vanish/>'}</w:rPr></w:style>`,
  })),
  docx('paragraph-style', 'a paragraph style based on one with white text', (s) => `<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr>${run(s)}</w:p>`, (shown) => ({
    styles: `<w:style w:type="paragraph" w:styleId="Quiet"><w:name w:val="Quiet"/><w:rPr><w:color w:val="${shown ? '333333' : 'FFFFFF'}"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Quiet"/></w:style>`,
  })),
  docx('page-colour', 'text the colour of the page', (s) => `<w:p>${run(s, '<w:color w:val="FFFFFF"/>')}</w:p>`, (shown) => (shown ? { beforeBody: '<w:background w:color="000000"/>' } : {})),
  // Red-team pass: each of these was read as text before.
  docx('spec-vanish', 'special hidden text (w:specVanish)', (s, shown) => `<w:p>${run(s, shown ? '<w:b/>' : '<w:specVanish/>')}</w:p>`),
  docx('theme-background', 'text in the theme\'s background colour (w:themeColor="background1", no value)', (s, shown) => `<w:p>${run(s, `<w:color w:val="auto" w:themeColor="${shown ? 'text1' : 'background1'}"/>`)}</w:p>`),
  docx('squeezed', 'characters squeezed to 1% of their width (w:w)', (s, shown) => `<w:p>${run(s, `<w:w w:val="${shown ? '90' : '1'}"/>`)}</w:p>`),
];

/**
 * A one-page PDF: a title, a visible line, the passage as `passage` draws it at y = 600 (each
 * piece of text in its own q … Q: colours and modes do not leak), and a last line.
 */
function pdf(id: string, covers: string, passage: (sentence: string, shown: boolean) => string, page: (shown: boolean) => Partial<RawPdfOptions['pages'][number]> & { layerOff?: boolean } = () => ({})): HiddenCase {
  return {
    id: `pdf-${id}`,
    format: 'pdf',
    covers,
    file: '002_report.pdf',
    document: async (shown) => {
      const { layerOff, ...box } = page(shown);
      const content = [textAt('Quarterly note', 72, 720, 16), textAt(OTHER, 72, 680, 10), passage(HIDDEN_SENTENCE, shown), textAt('The next meeting is in May.', 72, 560, 10)].map((c) => `q ${c} Q`).join('\n');
      return new Uint8Array(rawPdf({ pages: [{ content, ...box }], layerOff: layerOff ?? false }));
    },
  };
}

export const PDF_CASES: HiddenCase[] = [
  pdf('white', 'white text on the white page', (s, shown) => `${shown ? '0 0 0 rg 60 590 480 24 re f ' : ''}${textAt(s, 72, 600, 10, '1 1 1 rg')}`),
  pdf('invisible', 'text rendered invisible (mode 3) with no image under it', (s, shown) => `${shown ? 'q 480 0 0 40 60 590 cm /Im1 Do Q ' : ''}${textAt(s, 72, 600, 10, '3 Tr')}`),
  pdf('tiny', '1 pt text', (s, shown) => textAt(s, 72, 600, shown ? 10 : 1)),
  pdf('off-page', 'text placed beyond the page\'s right edge', (s, shown) => textAt(s, shown ? 72 : 700, 600, 10)),
  pdf('cropped', 'text outside the crop box', (s) => textAt(s, 72, 600, 10), (shown) => (shown ? {} : { cropBox: [0, 620, 612, 792] })),
  pdf('transparent', 'text of fill opacity 0', (s, shown) => `${shown ? '' : '/GS0 gs '}${textAt(s, 72, 600, 10)}`),
  pdf('same-colour', 'grey text on a box of the same grey', (s, shown) => `0.85 g 60 590 480 24 re f ${textAt(s, 72, 600, 10, shown ? '0 g' : '0.85 g')}`),
  pdf('mid-line', 'white words in the middle of a visible line', (s, shown) => `BT /F1 10 Tf 72 600 Td (Meanwhile: ) Tj ${shown ? '' : '1 1 1 rg '}(${s}) Tj 0 0 0 rg ( Shares rose.) Tj ET`),
  pdf('layer', 'text in a layer that is off (optional content)', (s) => `/OC /L1 BDC ${textAt(s, 72, 600, 10)} EMC`, (shown) => ({ layerOff: !shown })),
  pdf('redacted', 'text under a black box drawn over it (a redaction that left the text)', (s, shown) => `${textAt(s, 72, 600, 10)} 0 g 60 ${shown ? 400 : 590} 480 24 re f`),
  pdf('clipped', 'text outside the clipping path it is drawn in', (s, shown) => `${shown ? '0 0 612 792' : '0 0 10 10'} re W n ${textAt(s, 72, 600, 10)}`),
  pdf('ocr-image-after', 'invisible text, with the scan\'s image drawn after it in the twin (OCR layers come both ways)', (s, shown) => `${textAt(s, 72, 600, 10, '3 Tr')}${shown ? ' q 480 0 0 40 60 590 cm /Im1 Do Q' : ''}`),
];

export const HIDDEN_CASES: HiddenCase[] = [...MARKDOWN_CASES, ...HTML_CASES, ...DOCX_CASES, ...PDF_CASES];

/** The tiny workspace's summary, its last takeaway citing the passage in document 002 instead. */
export function hiddenCaseSummary(): string {
  return TINY_SUMMARY.replace('Beta revenue rose 40% last year.', STATEMENT).replace('revenue rose 40% last year', HIDDEN_QUOTE);
}

/** A workspace at `<dir>/ws` for one case: the tiny workspace's document 001, the case's document 002 and the summary. */
export async function hiddenCaseWorkspace(dir: string, c: HiddenCase, shown: boolean): Promise<string> {
  const ws = path.join(dir, 'ws');
  await mkdir(ws, { recursive: true });
  await writeFile(path.join(ws, '001_alpha.txt'), TINY_DOCUMENTS['001_alpha.txt']);
  await writeFile(path.join(ws, c.file), await c.document(shown));
  await writeFile(path.join(ws, 'briefing.yaml'), hiddenCaseSummary());
  return ws;
}
