// What the documents added since the baseline say that matters to the summary: which statements
// cite them, which statements they corroborate (they state the same amount of the same kind for
// the same party), and which they may contradict (the same kind of amount for the same party and
// period, with another value close enough to be another account of one figure: a conflict
// candidate, for the curator to check). Offline and cheap: no language model, only the figures
// rule and the draft's cue words for kinds of amounts.
import { extractFigures, figureText } from '../verify/figures.js';
import { statementsOf, type StatementRef } from '../verify/verify.js';
import { pathLabel } from '../diagnostics/path-label.js';
import { placeOf, placeRef } from '../inputs/document.js';
import { parseWhen } from '../inputs/when.js';
import { normalKind } from '../template/view.js';
import { AMOUNT_CUES, AMOUNT_KIND_ORDER, amountKindAt } from '../verify/amount-kinds.js';
import type { BriefingDocument } from '../inputs/workspace.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import type { Summary } from '../inputs/summary-schema.js';

/** Two values further apart than this factor are two different things, not two accounts of one. */
const SAME_FIGURE_FACTOR = 2;
const STAKE = /\bstake\b|\bshare of\b|\bholding\b|\bownership\b/i;
const YEAR = /(?<![\p{L}\p{N}])((?:19|20)\d\d)(?![\p{L}\p{N}])/gu;
/** A year after these words is where a period starts, not when the amount was stated. */
/** What comes before the first word of a sentence: nothing, or the end of the one before. */
const SENTENCE_START = /(?:^|[.!?:;]["”’)]?\s+["“‘(]?|^["“‘(])$/u;
const START_OF_PERIOD = /\b(?:since|from|after|between)\s+(?:early\s+|late\s+|mid-?)?$/i;

export interface AmountFinding {
  /** The statement, as the change report names it ("investment[5]"). */
  path: string;
  text: string;
  /** The kind of amount both state ("total", "investment", "valuation", "stake"…). */
  kind: string;
  /** The figure as the statement writes it. */
  statementFigure: string;
  /** The figure as the new document writes it. */
  documentFigure: string;
  /** The document's sentence that states it, and where ("005:3"). */
  passage: string;
  place: string;
}

export interface NewDocumentReport {
  id: string;
  title: string;
  /** The document's date as it gives it (YYYY-MM-DD), when it gives one. */
  date?: string;
  /** Statements of the summary that cite it. */
  citedBy: { path: string; text: string }[];
  corroborates: AmountFinding[];
  /** Conflict candidates: the same kind of amount for the same thing, another value. */
  contradicts: AmountFinding[];
}

interface Amount {
  kind: string;
  currency: string;
  value: number;
  text: string;
  names: Set<string>;
  year?: string;
}

interface StatementAmount extends Amount {
  ref: StatementRef;
  /** Whose figure it is, when the summary says (amount.party): the document must name it. */
  party?: Set<string>;
}

interface DocumentAmount extends Amount {
  sentence: string;
  offset: number;
}

/** The findings for each document `ids` names, in that order. */
export function newDocumentsToReport(ws: VerifiedWorkspace, ids: readonly string[]): NewDocumentReport[] {
  if (!ws.summary || ids.length === 0) return [];
  const refs = statementsOf(ws.summary);
  // By kind and currency: a document's amount is compared only with the statements' of its kind.
  const statementAmounts = new Map<string, StatementAmount[]>();
  for (const a of refs.flatMap((ref) => amountsOfStatement(ws.summary as Summary, ref))) {
    const key = `${a.kind}\u0000${a.currency}`;
    statementAmounts.set(key, [...(statementAmounts.get(key) ?? []), a]);
  }
  const byId = new Map(ws.documents.map((d) => [d.id, d]));
  const reports: NewDocumentReport[] = [];
  for (const id of ids) {
    const doc = byId.get(id);
    if (!doc) continue;
    const report: NewDocumentReport = {
      id,
      title: doc.title,
      citedBy: refs.filter((r) => r.cite.some((c) => c.doc === id)).map((r) => ({ path: pathLabel(r.path), text: statementText(r) })),
      corroborates: [],
      contradicts: [],
    };
    if (doc.date !== undefined) report.date = doc.date;
    compareAmounts(doc, statementAmounts, report);
    reports.push(report);
  }
  return reports;
}

function statementText(ref: StatementRef): string {
  return ref.fields.find((f) => f.name === 'text' || f.name === 'signpost')?.value ?? ref.fields.map((f) => f.value).join(' · ');
}

/** The document's amounts against the statements': equal values corroborate, close ones are conflict candidates. */
function compareAmounts(doc: BriefingDocument, statementAmounts: ReadonlyMap<string, StatementAmount[]>, report: NewDocumentReport): void {
  const finding = (s: StatementAmount, d: DocumentAmount): AmountFinding => ({
    path: pathLabel(s.ref.path),
    text: statementText(s.ref),
    kind: s.kind,
    statementFigure: s.text,
    documentFigure: d.text,
    passage: d.sentence.trim(),
    place: placeRef(doc.id, doc.format, placeOf(doc, d.offset)),
  });
  const contradicted = new Map<string, AmountFinding>();
  const corroborated = new Map<string, AmountFinding>();
  for (const d of amountsOfDocument(doc)) {
    const same = (statementAmounts.get(`${d.kind}\u0000${d.currency}`) ?? []).filter((s) => sameThing(s, d));
    const equal = same.filter((s) => s.value === d.value);
    if (equal.length > 0) {
      for (const s of equal) if (!corroborated.has(pathLabel(s.ref.path))) corroborated.set(pathLabel(s.ref.path), finding(s, d));
      continue;
    }
    for (const s of same) {
      if (Math.max(s.value, d.value) > SAME_FIGURE_FACTOR * Math.min(s.value, d.value)) continue;
      const key = `${pathLabel(s.ref.path)}\u0000${s.text}`;
      if (!contradicted.has(key)) contradicted.set(key, finding(s, d));
    }
  }
  report.contradicts = [...contradicted.values()];
  // A document that states a statement's figure and another one for it is a conflict candidate, not support.
  const disputed = new Set(report.contradicts.map((f) => f.path));
  report.corroborates = [...corroborated.values()].filter((f) => !disputed.has(f.path));
}

/** The same kind and currency, a name in common (the party's, when the summary gives one), and no other year. */
function sameThing(s: StatementAmount, d: DocumentAmount): boolean {
  if (s.kind !== d.kind || s.currency !== d.currency) return false;
  if (s.year !== undefined && d.year !== undefined && s.year !== d.year) return false;
  const names = s.party ?? s.names;
  for (const n of names) if (d.names.has(n)) return true;
  return false;
}

/** A kind as the summary writes it, read with the draft's cue words ("cumulative investment" is a total). */
function kindOfWords(kind: string): string {
  const k = normalKind(kind);
  if (k === 'commitment') return 'plan';
  return AMOUNT_KIND_ORDER.find((c) => AMOUNT_CUES[c].test(k)) ?? k;
}

/** The money amounts (and stakes) a statement states, each with its kind, names and year. */
function amountsOfStatement(summary: Summary, ref: StatementRef): StatementAmount[] {
  const item = itemAt(summary, ref.path);
  const amount = item?.amount as { value?: string; kind?: string; party?: string } | undefined;
  const when = typeof item?.when === 'string' ? parseWhen(item.when) : undefined;
  const itemYear = when && when.years.length === 1 ? when.years[0] : undefined;
  const quotes = ref.cite.map((c) => figureText(c.quote));
  const names = new Set([...ref.fields.flatMap((f) => namesIn(f.value, true)), ...quotes.flatMap((q) => namesIn(q, true))]);
  const party = amount?.party !== undefined ? new Set(namesIn(amount.party)) : undefined;
  const found: StatementAmount[] = [];
  for (const field of ref.fields) {
    if (field.name === 'when') continue;
    for (const figure of amountsIn(figureText(field.value))) {
      let kind: string | undefined;
      let year = itemYear;
      if (field.name === 'amount' && amount?.kind !== undefined) kind = kindOfWords(amount.kind);
      // Else the kind (and the year) the cited passage gives the same amount.
      for (const q of quotes) {
        if (kind !== undefined && year !== undefined) break;
        const inQuote = amountsIn(q).find((a) => a.currency === figure.currency && a.value === figure.value);
        if (!inQuote) continue;
        kind ??= inQuote.kind;
        year ??= yearNear(q, inQuote.at);
      }
      kind ??= figure.kind;
      if (kind === undefined) continue;
      const a: StatementAmount = { ref, kind, currency: figure.currency, value: figure.value, text: figure.text, names };
      if (year !== undefined) a.year = year;
      if (party && party.size > 0) a.party = party;
      if (!found.some((f) => f.kind === a.kind && f.currency === a.currency && f.value === a.value)) found.push(a);
    }
  }
  return found;
}

/** The item of the summary at a statement's path. */
function itemAt(summary: Summary, path: readonly (string | number)[]): Record<string, unknown> | undefined {
  let node: unknown = summary;
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

/** The money amounts and stakes of a sentence, with their kinds and offsets. */
function amountsIn(text: string): { text: string; at: number; currency: string; value: number; kind: string | undefined }[] {
  const out: { text: string; at: number; currency: string; value: number; kind: string | undefined }[] = [];
  let from = 0;
  for (const f of extractFigures(text)) {
    if (f.kind !== 'money' && f.kind !== 'percent') continue;
    const at = text.indexOf(f.text, from);
    if (at < 0) continue;
    from = at + f.text.length;
    if (f.kind === 'money') {
      if (f.value > 0) out.push({ text: f.text, at, currency: f.currency, value: f.value, kind: amountKindAt(text, at) });
    } else if (STAKE.test(text)) out.push({ text: f.text, at, currency: '%', value: f.value, kind: 'stake' });
  }
  return out;
}

/** The sentences of a document that state amounts, each amount with its kind, names and year. */
function amountsOfDocument(doc: BriefingDocument): DocumentAmount[] {
  const out: DocumentAmount[] = [];
  const docYear = doc.date?.slice(0, 4);
  for (const { text: sentence, start } of sentences(doc.text)) {
    if (!/\d/.test(sentence)) continue;
    const folded = figureText(sentence);
    const names = new Set(namesIn(folded));
    for (const a of amountsIn(folded)) {
      if (a.kind === undefined) continue;
      const amount: DocumentAmount = { kind: a.kind, currency: a.currency, value: a.value, text: a.text, names, sentence, offset: start + Math.min(a.at, sentence.length) };
      // A total or a valuation with no year of its own is the one of the document's date.
      const year = yearNear(folded, a.at) ?? (a.kind === 'total' || a.kind === 'valuation' || a.kind === 'stake' ? docYear : undefined);
      if (year !== undefined) amount.year = year;
      out.push(amount);
    }
  }
  return out;
}

/** The year the clause around an amount gives it, unless that year starts a period ("since 2019"). */
function yearNear(text: string, at: number): string | undefined {
  const start = Math.max(text.lastIndexOf(';', at), text.lastIndexOf('. ', at)) + 1;
  const rest = text.slice(at).search(/;|\. /);
  const clause = text.slice(start, rest < 0 ? text.length : at + rest);
  for (const m of clause.matchAll(YEAR)) {
    if (START_OF_PERIOD.test(clause.slice(0, m.index))) continue;
    return m[1];
  }
  return undefined;
}

/** Sentences with their offsets: lines, cut again after a full stop, question or exclamation mark. */
function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const boundary = /[.!?]["”’)]?\s+(?=["“‘(]?[\p{Lu}\p{N}])|\n+/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = (m.index ?? 0) + m[0].length;
    if (text.slice(start, end).trim() !== '') out.push({ text: text.slice(start, end), start });
    start = end;
  }
  if (text.slice(start).trim() !== '') out.push({ text: text.slice(start), start });
  return out;
}

/**
 * Names: words written with a capital letter ("Acme", "NordRail", "EU"). With `inner`, only those
 * inside a sentence, not at its start, where a capital says nothing ("The", "Reports").
 */
function namesIn(text: string, inner = false): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\p{Lu}[\p{L}\p{N}&-]*/gu)) {
    const at = m.index ?? 0;
    if (m[0].length < 2 || (inner && SENTENCE_START.test(text.slice(Math.max(0, at - 4), at)))) continue;
    names.push(m[0]);
  }
  return names;
}
