// ReviewPage → review.html: one self-contained page. Every string of the documents and the
// summary goes through escapeText or escapeAttr (escape.ts); the documents' stretches that
// citations open travel as JSON (scriptJson) and become text nodes in the browser. The
// Content-Security-Policy allows the page's own style and script by their hashes and nothing
// else: no request can leave it.
import { createHash } from 'node:crypto';
import { escapeAttr, escapeText, scriptJson } from './escape.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { isProblem, statusOf, type ItemStatus, type ReviewCite, type ReviewField, type ReviewItem, type ReviewNote, type ReviewPage, type ReviewSection } from './review-model.js';

/** The page's Content-Security-Policy: nothing but its own style and script, by hash. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src '${hashSource(PAGE_STYLE)}'`,
    `script-src '${hashSource(PAGE_SCRIPT)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function hashSource(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

const STATUS_LABEL: Record<ItemStatus, string> = {
  failed: 'Error',
  warning: 'Warning',
  unreviewed: 'Awaiting review',
  view: 'Team\u2019s view',
  verified: 'Verified',
};

export function reviewToHtml(page: ReviewPage): string {
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy())}">\n`,
    '<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<title>Review: ${escapeText(page.title)}</title>\n<style>${PAGE_STYLE}</style>\n</head>\n<body data-filter="all">\n`,
  );
  out.push(topBar(page));
  out.push('<main>\n');
  out.push(generalNotes(page.general));
  if (page.sections.length === 0) out.push('<p class="empty">No statements to show: the summary could not be read (see the problems above).</p>\n');
  for (const section of page.sections) out.push(sectionHtml(section, page));
  out.push(uncitedHtml(page));
  out.push('</main>\n');
  out.push(`<script id="review-data" type="application/json">${scriptJson({ documents: page.documents, contexts: page.contexts })}</script>\n`);
  out.push(`<script>${PAGE_SCRIPT}</script>\n</body>\n</html>\n`);
  return out.join('');
}

function topBar(page: ReviewPage): string {
  const c = page.counts;
  const sub = [page.subtitle, page.asOf ? `as of ${page.asOf}` : undefined, `reviewed from ${page.summaryFile}${page.date !== undefined ? ` on ${page.date}` : ''}`].filter((s) => s !== undefined);
  const part = (n: number, cls: string, what: string) => `<span class="c-${cls}"><b>${n}</b> ${what}</span>`;
  const counts = [
    part(c.verified, 'verified', 'verified'),
    part(c.failed, 'failed', 'with errors'),
    part(c.warning, 'warning', 'with warnings'),
    part(c.unreviewed, 'unreviewed', 'awaiting review'),
    part(c.view, 'view', 'the team\u2019s view'),
  ].join(', ');
  const documents = `<b>${c.documents}</b> ${c.documents === 1 ? 'document' : 'documents'}, <span class="c-${c.uncited > 0 ? 'warning' : 'verified'}"><b>${c.uncited}</b> not cited</span>`;
  const filter = (name: string, label: string, n: number, pressed = false) => `<button type="button" data-filter="${name}" aria-pressed="${pressed}">${label} (${n})</button>`;
  return [
    '<header class="top">\n',
    `<h1>${escapeText(page.title)}</h1>\n`,
    `<p class="sub">${sub.map(escapeText).join(' \u00b7 ')}</p>\n`,
    // The filters count items (a disagreement's sides are one item): say so when the numbers differ.
    `<p class="counts"><b>${c.statements}</b> ${c.statements === 1 ? 'statement' : 'statements'}${c.items !== c.statements ? ` in <b>${c.items}</b> ${c.items === 1 ? 'item' : 'items'}` : ''}: ${counts}; ${documents}</p>\n`,
    '<div class="filters" role="group" aria-label="Show">',
    filter('all', 'All', c.items, true),
    filter('problems', 'Only problems', c.problemItems),
    filter('unreviewed', 'Awaiting review', c.unreviewedItems),
    filter('view', 'Team\u2019s view', c.viewItems),
    '</div>\n',
    '<p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous statement, <kbd>n</kbd>/<kbd>p</kbd> next/previous problem, <kbd>o</kbd> open its passages, <kbd>1</kbd>\u2013<kbd>9</kbd> one passage, <kbd>Esc</kbd> close, <kbd>f</kbd> only problems</p>\n',
    '</header>\n',
  ].join('');
}

function generalNotes(notes: readonly ReviewNote[]): string {
  if (notes.length === 0) return '';
  const serious = notes.some((n) => n.severity !== 'info');
  return `<details class="general section"${serious ? ' open' : ''}><summary>${notes.length} ${notes.length === 1 ? 'note' : 'notes'} about no one statement (documents, templates, the summary\u2019s header)</summary>\n${notesHtml(notes)}</details>\n`;
}

function sectionHtml(section: ReviewSection, page: ReviewPage): string {
  const statements = section.items.reduce((sum, item) => sum + (item.sides?.length ?? 1), 0);
  const out = [`<section class="section statements" id="s-${escapeAttr(section.key)}" aria-labelledby="h-${escapeAttr(section.key)}">\n`];
  out.push(`<h2 id="h-${escapeAttr(section.key)}">${escapeText(section.heading)} <span class="n">(${statements})</span></h2>\n`);
  if (section.headline !== undefined) {
    const view = section.headlineView ? ` <span class="badge b-view">${STATUS_LABEL.view}</span>` : '';
    out.push(`<p class="headline">${fieldText(section.headline)}${view} ${place(page, section.headlineLine)}</p>\n${supportLines(section.headline)}`);
  }
  out.push(notesHtml(section.notes));
  for (const item of section.items) out.push(itemHtml(item, page));
  out.push('</section>\n');
  return out.join('');
}

function itemHtml(item: ReviewItem, page: ReviewPage): string {
  const status = statusOf(item);
  const classes = ['item', `st-${status}`];
  if (isProblem(item)) classes.push('problem');
  if (item.unreviewed) classes.push('unreviewed');
  if (item.view || (item.sides ?? []).some((s) => s.view)) classes.push('view');
  const out = [`<article class="${classes.join(' ')}" id="${escapeAttr(item.id)}" tabindex="-1" aria-label="${escapeAttr(`${item.label}: ${STATUS_LABEL[status]}`)}">\n`];
  out.push(`<div class="ih">${badges(item)}${place(page, item.line)}</div>\n`);
  if (item.heading) out.push(`<h3>${fieldText(item.heading)}</h3>\n${supportLines(item.heading)}`);
  out.push(statementBody(item));
  if (item.sides) {
    out.push('<div class="sides">\n');
    for (const side of item.sides) {
      out.push(`<section class="side st-${statusOf(side)}" id="${escapeAttr(side.id)}" aria-label="${escapeAttr(side.label)}">\n`);
      out.push(`<div class="ih">${badges(side)}${place(page, side.line)}</div>\n`);
      out.push(statementBody(side));
      out.push('</section>\n');
    }
    out.push('</div>\n');
  }
  out.push('</article>\n');
  return out.join('');
}

function statementBody(item: ReviewItem): string {
  const out: string[] = [];
  if (item.text) out.push(`<p class="text">${fieldText(item.text)}</p>\n${supportLines(item.text)}`);
  if (item.fields.length > 0) out.push(`<dl class="fields">${item.fields.map(fieldHtml).join('')}</dl>\n${item.fields.map(supportLines).join('')}`);
  out.push(notesHtml(item.notes));
  if (item.cites.length > 0) out.push(`<ol class="cites">${item.cites.map((c, k) => citeHtml(c, `${item.id}-c${k}`)).join('')}</ol>\n`);
  return out.join('');
}

function fieldHtml(field: ReviewField): string {
  return `<dt>${escapeText(field.label)}</dt><dd>${fieldText(field)}</dd>`;
}

/** A field's value, the words its quotes do not say marked. */
function fieldText(field: ReviewField): string {
  const words = field.unsupported ?? [];
  if (words.length === 0) return escapeText(field.value);
  const out: string[] = [];
  let at = 0;
  for (const [start, end] of wordRanges(field.value, words)) {
    out.push(escapeText(field.value.slice(at, start)), `<mark class="unsupported" title="not in its quotes">${escapeText(field.value.slice(start, end))}</mark>`);
    at = end;
  }
  out.push(escapeText(field.value.slice(at)));
  return out.join('');
}

/** Where the words occur in a text as whole words (as the support check writes them), merged and in order. */
export function wordRanges(text: string, words: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const word of new Set(words)) {
    if (word.trim() === '') continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The hedges or negations a field dropped or flipped, each side named. */
function supportLines(field: ReviewField): string {
  const lines: string[] = [];
  const side = (words: readonly string[]) => (words.length === 0 ? 'none' : words.map((w) => `\u201c${escapeText(w)}\u201d`).join(', '));
  if (field.hedges) lines.push(`<li><span class="sev">hedges</span>its quotes: ${side(field.hedges.quotes)}; ${escapeText(field.name === 'text' ? 'the statement' : field.label.toLowerCase())}: ${side(field.hedges.statement)}</li>`);
  if (field.negations) lines.push(`<li><span class="sev">negations</span>its quotes: ${side(field.negations.quotes)}; ${escapeText(field.name === 'text' ? 'the statement' : field.label.toLowerCase())}: ${side(field.negations.statement)}</li>`);
  return lines.length > 0 ? `<ul class="notes cues">${lines.join('')}</ul>\n` : '';
}

function badges(item: ReviewItem): string {
  const out: string[] = [];
  const status = statusOf(item);
  const support = status === 'warning' && [item, ...(item.sides ?? [])].some((i) => i.notes.some((n) => n.rule.startsWith('support-')));
  out.push(`<span class="badge b-${status}">${support ? 'Support warning' : STATUS_LABEL[status]}</span>`);
  if (item.unreviewed && status !== 'unreviewed') out.push(`<span class="badge b-unreviewed">${STATUS_LABEL.unreviewed}</span>`);
  if (item.view && status !== 'view') out.push(`<span class="badge b-view">${STATUS_LABEL.view}</span>`);
  if (item.disputed) out.push('<span class="badge b-disputed">Disputed</span>');
  if (item.documents === 1 && !item.sides) out.push('<span class="badge b-single">1 source</span>');
  return out.join(' ');
}

/** The link to a line of briefing.yaml, and its `path:line` to copy. */
function place(page: ReviewPage, line: number | undefined): string {
  if (line === undefined) return '';
  const at = `${page.summaryFile}:${line}`;
  return `<span class="loc"><a href="${escapeAttr(page.summaryHref)}" title="Open briefing.yaml (line ${line})">${escapeText(at)}</a><button type="button" class="copy">Copy</button></span>`;
}

function citeHtml(cite: ReviewCite, id: string): string {
  const number = cite.n !== undefined ? `<span class="num">${cite.n}</span>` : '';
  const quote = ` <q class="quote">${escapeText(cite.quote)}</q></li>`;
  if (cite.context === undefined) return `<li><button type="button" class="cite" id="${escapeAttr(id)}" disabled>${number}${escapeText(cite.doc)} \u00b7 not verified</button>${quote}`;
  const data = `data-c="${cite.context}" data-s="${cite.start}" data-e="${cite.end}" data-place="${escapeAttr(cite.place ?? '')}"`;
  if (cite.nearMiss) {
    const what = cite.nearMiss === 'inside-word' ? 'only inside a word' : 'not found; closest';
    return `<li><button type="button" class="cite miss" id="${escapeAttr(id)}" ${data} data-miss="${cite.nearMiss}" aria-expanded="false">${number}${escapeText(cite.doc)} \u00b7 ${what} at ${escapeText(cite.place ?? '')}</button>${quote}`;
  }
  return `<li><button type="button" class="cite" id="${escapeAttr(id)}" ${data} aria-expanded="false">${number}${escapeText(cite.doc)} \u00b7 ${escapeText(cite.place ?? '')}</button>${quote}`;
}

function notesHtml(notes: readonly ReviewNote[]): string {
  if (notes.length === 0) return '';
  const items = notes.map((n) => `<li class="n-${n.severity}"><span class="sev">${n.severity}</span>${n.where ? `<span class="where">${escapeText(n.where)}</span>` : ''}${escapeText(n.message)}<span class="rule">[${escapeText(n.rule)}]</span></li>`);
  return `<ul class="notes">${items.join('')}</ul>\n`;
}

function uncitedHtml(page: ReviewPage): string {
  if (page.uncited.length === 0) return '';
  const items = page.uncited.map((d) => {
    const meta = [d.id, d.date, d.format, d.file].filter((s): s is string => s !== undefined).map(escapeText).join(' \u00b7 ');
    return `<li><b>${escapeText(d.title)}</b> <span class="where">${meta}</span><div class="lines">${escapeText(d.lines.join('\n'))}</div></li>`;
  });
  return `<section class="section uncited" id="s-uncited" aria-labelledby="h-uncited">\n<h2 id="h-uncited">Documents no statement cites <span class="n">(${page.uncited.length})</span></h2>\n<ul>${items.join('\n')}</ul>\n</section>\n`;
}
