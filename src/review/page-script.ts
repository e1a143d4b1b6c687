// The review page's one script, inline and allowed by its hash in the page's
// Content-Security-Policy. It makes no request: it reads the page's JSON (the documents and the
// stretches of them that citations open), builds a citation's passage only when it is opened
// (lazily: a page of a thousand statements opens at once), filters the statements, copies a
// statement's place in briefing.yaml and reads the keyboard. Text reaches the page through
// text nodes only (never as markup), characters that would hide or reorder text as their code point.
import { SHOWN_AS_CODE_SOURCE } from './escape.js';

/** Plain JavaScript for any current browser; `SHOWN` is escape.ts's pattern, so both sides show the same characters. */
export const PAGE_SCRIPT = `(function () {
'use strict';
var SHOWN = new RegExp(${JSON.stringify(SHOWN_AS_CODE_SOURCE)}, 'gu');
var BREAK = /\\n[ \\t]*\\n/g;
var LINE = /\\n/g;
var data = JSON.parse(document.getElementById('review-data').textContent);
var body = document.body;

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) addText(node, text);
  return node;
}

function code(ch) {
  var hex = ch.codePointAt(0).toString(16).toUpperCase();
  while (hex.length < 4) hex = '0' + hex;
  return 'U+' + hex;
}

/** Text as text nodes; a character that would hide or reorder text shown as its code point. */
function addText(parent, text) {
  var at = 0;
  SHOWN.lastIndex = 0;
  var m;
  while ((m = SHOWN.exec(text)) !== null) {
    if (m.index > at) parent.appendChild(document.createTextNode(text.slice(at, m.index)));
    var box = el('span', 'ctl');
    box.textContent = code(m[0]);
    box.title = code(m[0]);
    parent.appendChild(box);
    at = m.index + m[0].length;
  }
  if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
}

/** One paragraph [from, to) of a context, the quote [s, e) marked where it falls in it. */
function paragraph(text, from, to, s, e, miss) {
  var p = el('p', to <= s || from >= e ? 'near' : '');
  var a = Math.max(from, s);
  var b = Math.min(to, e);
  if (a < b) {
    addText(p, text.slice(from, a));
    var mark = el('mark', miss ? 'q miss' : 'q', text.slice(a, b));
    p.appendChild(mark);
    addText(p, text.slice(b, to));
  } else addText(p, text.slice(from, to));
  return p;
}

function passage(button) {
  var context = data.contexts[Number(button.dataset.c)];
  var doc = data.documents[context.doc];
  var s = Number(button.dataset.s);
  var e = Number(button.dataset.e);
  var panel = el('div', 'passage');
  panel.id = 'p-' + button.id;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Passage of ' + doc.id);
  var head = el('p', 'doc');
  head.appendChild(el('b', '', doc.title));
  var parts = [doc.id];
  if (doc.date) parts.push(doc.date + (doc.editorsDate ? ' (the summary\\u2019s date)' : ''));
  if (doc.publisher) parts.push(doc.publisher);
  parts.push(doc.format, doc.file + ', ' + button.dataset.place);
  addText(head, ' \\u00b7 ' + parts.join(' \\u00b7 '));
  if (doc.url && /^https?:\\/\\//i.test(doc.url)) {
    addText(head, ' \\u00b7 ');
    var link = el('a', '', doc.url);
    link.href = doc.url;
    link.rel = 'noopener noreferrer';
    head.appendChild(link);
  } else if (doc.url) addText(head, ' \\u00b7 ' + doc.url);
  panel.appendChild(head);
  var miss = button.dataset.miss;
  if (miss) {
    panel.appendChild(el('p', 'missing', miss === 'inside-word'
      ? 'The quote occurs here only inside a word: a quote must start and end on whole words.'
      : 'The quote is not in this document. The closest passage is marked: compare it with the quote.'));
  }
  var ctx = el('div', 'ctx');
  var text = context.text;
  var from = 0;
  var breaks = context.lines ? LINE : BREAK;
  breaks.lastIndex = 0;
  var m;
  var paragraphs = [];
  while ((m = breaks.exec(text)) !== null) {
    paragraphs.push([from, m.index]);
    from = m.index + m[0].length;
  }
  paragraphs.push([from, text.length]);
  paragraphs.forEach(function (range, i) {
    var p = paragraph(text, range[0], range[1], s, e, miss);
    if (i === 0 && context.clippedStart) p.insertBefore(document.createTextNode('\\u2026 '), p.firstChild);
    if (i === paragraphs.length - 1 && context.clippedEnd) p.appendChild(document.createTextNode(' \\u2026'));
    ctx.appendChild(p);
  });
  panel.appendChild(ctx);
  return panel;
}

function toggle(button, open) {
  var panel = document.getElementById('p-' + button.id);
  var isOpen = button.getAttribute('aria-expanded') === 'true';
  if (open === undefined) open = !isOpen;
  if (open && !panel) {
    panel = passage(button);
    button.parentNode.appendChild(panel);
    button.setAttribute('aria-controls', panel.id);
  }
  if (panel) panel.hidden = !open;
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  if (open) {
    var mark = panel.querySelector('mark');
    (mark || panel).scrollIntoView({ block: 'nearest' });
  }
}

function setFilter(name) {
  body.dataset.filter = name;
  document.querySelectorAll('.filters button').forEach(function (b) {
    b.setAttribute('aria-pressed', b.dataset.filter === name ? 'true' : 'false');
  });
}

/** Copies the place in briefing.yaml (\`path:line\`, the link's text before the button). */
function copy(button) {
  var text = button.previousElementSibling.textContent;
  var done = function () {
    button.textContent = 'Copied';
    setTimeout(function () { button.textContent = 'Copy'; }, 1500);
  };
  var select = function () {
    var range = document.createRange();
    range.selectNodeContents(button.previousElementSibling);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, select);
  else select();
}

document.addEventListener('click', function (event) {
  var target = event.target.closest('button');
  if (!target) return;
  if (target.classList.contains('cite') && !target.disabled) toggle(target);
  else if (target.dataset.filter) setFilter(target.dataset.filter);
  else if (target.classList.contains('copy')) copy(target);
});

function visible(node) {
  return node.getClientRects().length > 0;
}

function currentItem() {
  var active = document.activeElement;
  return active && active.closest ? active.closest('.item') : null;
}

/** Focus the next (step 1) or previous (-1) statement shown, or problem shown. */
function move(step, problemsOnly) {
  var items = Array.prototype.filter.call(document.querySelectorAll(problemsOnly ? '.item.problem' : '.item'), visible);
  if (items.length === 0) return;
  var current = currentItem();
  var next;
  var i = current ? items.indexOf(current) : -1;
  if (!current) next = step > 0 ? items[0] : items[items.length - 1];
  else if (i >= 0) next = items[Math.min(items.length - 1, Math.max(0, i + step))];
  else if (step > 0) {
    // The focused statement is not of the kind asked for: the first after it.
    next = items.find(function (x) { return current.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING; }) || items[items.length - 1];
  } else {
    var before = items.filter(function (x) { return current.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_PRECEDING; });
    next = before[before.length - 1] || items[0];
  }
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: 'nearest' });
}

function cites(item) {
  return Array.prototype.slice.call(item.querySelectorAll('button.cite:not(:disabled)'));
}

document.addEventListener('keydown', function (event) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  var item = currentItem();
  var key = event.key;
  if (key === 'j' || key === 'ArrowDown' && target === item) move(1, false);
  else if (key === 'k' || key === 'ArrowUp' && target === item) move(-1, false);
  else if (key === 'n') move(1, true);
  else if (key === 'p') move(-1, true);
  else if (key === 'f') setFilter(body.dataset.filter === 'problems' ? 'all' : 'problems');
  else if ((key === 'o' || key === 'Enter' && target === item) && item) {
    var list = cites(item);
    var open = list.some(function (b) { return b.getAttribute('aria-expanded') !== 'true'; });
    list.forEach(function (b) { toggle(b, open); });
    if (list[0]) list[0].scrollIntoView({ block: 'nearest' });
  } else if (/^[1-9]$/.test(key) && item) {
    var button = cites(item)[Number(key) - 1];
    if (!button) return;
    toggle(button);
  } else if (key === 'Escape' && item) {
    cites(item).forEach(function (b) { toggle(b, false); });
    item.focus();
  } else return;
  event.preventDefault();
});

var first = location.hash ? document.getElementById(location.hash.slice(1)) : null;
if (first && first.classList.contains('item')) first.focus();
})();
`;
