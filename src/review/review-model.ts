// The review page's content, as plain data: the verified workspace and the run's diagnostics →
// sections in reading order, each statement with its status, its problems, its citations (with
// the stretch of its document each one opens) and its line in briefing.yaml. No HTML here
// (render-html.ts writes the page); the data is what the page's render key hashes.
import { pathLabel } from '../diagnostics/path-label.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { YamlPath } from '../diagnostics/yaml-locator.js';
import { placeLabel, placeOf } from '../inputs/document.js';
import { reviewMarkLines } from '../inputs/review-marks.js';
import { shownTitle, type BriefingDocument } from '../inputs/workspace.js';
import { isHeadlineTeamView, SECTION_KEYS, type Citation, type SectionKey, type Summary } from '../inputs/summary-schema.js';
import { DEFAULT_HEADLINES } from '../template/view.js';
import { closestPassage, foldQuote, occurrences } from '../verify/match.js';
import { citationKey, statementsOf, type ResolvedCitation, type StatementRef, type StatementSupport, type Verification } from '../verify/verify.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import { contextRange, firstLines } from './passages.js';

/** A diagnostic as the page shows it: where (file:line), how bad, what. */
export interface ReviewNote {
  severity: Severity;
  rule: string;
  message: string;
  /** `file:line:col`, or the file, or nothing. */
  where: string;
}

/** One field of an item as it is shown: its name, the label before it, its value. */
export interface ReviewField {
  name: string;
  label: string;
  value: string;
  /** Its words that none of its quotes says (the support check's), to highlight; none for the team's view. */
  unsupported?: string[];
  /** The hedges and negations on each side, when the support check found one dropped or flipped. */
  hedges?: { quotes: string[]; statement: string[] };
  negations?: { quotes: string[]; statement: string[] };
}

/** A citation of a statement: its number, its document and quote, and what a click opens. */
export interface ReviewCite {
  n?: number;
  doc: string;
  quote: string;
  verified: boolean;
  /** "line 12", "p. 2", "paragraph 4": where the quote starts in its document. */
  place?: string;
  /** The index of the context (in ReviewPage.contexts) it opens, and the quote's offsets in that context's text. */
  context?: number;
  start?: number;
  end?: number;
  /**
   * For a quote that does not hold, what it opens instead: where it occurs only inside a word
   * ("inside-word"), or the closest passage of its document ("closest").
   */
  nearMiss?: 'inside-word' | 'closest';
}

export type ItemStatus = 'failed' | 'warning' | 'unreviewed' | 'view' | 'verified';

/** A statement (or a disagreement, whose sides are statements) of the summary. */
export interface ReviewItem {
  /** The element id: "takeaways-0", "conflicts-1-sides-0". */
  id: string;
  /** As messages write it: "takeaways[0]". */
  label: string;
  /** Line of the item in briefing.yaml. */
  line?: number;
  /** The field shown as its heading (title, name, signpost, label, a disagreement's topic). */
  heading?: ReviewField;
  /** The statement itself. */
  text?: ReviewField;
  /** Every other field (when, amount, kind, would confirm…). */
  fields: ReviewField[];
  cites: ReviewCite[];
  notes: ReviewNote[];
  failed: boolean;
  warning: boolean;
  unreviewed: boolean;
  view: boolean;
  /** A passage it cites is one a side of a disagreement cites. */
  disputed: boolean;
  /** How many distinct documents it rests on. */
  documents?: number;
  /** A disagreement's sides. */
  sides?: ReviewItem[];
}

export interface ReviewSection {
  key: SectionKey;
  heading: string;
  /** The section's headline (its action title) when the summary gives one, and whether it is the team's view. */
  headline?: ReviewField;
  headlineLine?: number;
  headlineView?: boolean;
  notes: ReviewNote[];
  items: ReviewItem[];
}

/** A document as the page names it when a citation of it is opened. */
export interface ReviewDocument {
  id: string;
  title: string;
  date?: string;
  /** The date is the summary's (sources block), not the document's. */
  editorsDate?: boolean;
  format: string;
  file: string;
  publisher?: string;
  url?: string;
}

/** A stretch of a document the page shows around cited passages (built in the browser when opened). */
export interface ReviewContext {
  /** Index of its document in ReviewPage.documents. */
  doc: number;
  /** Offset of `text` in the document's text. */
  from: number;
  text: string;
  clippedStart: boolean;
  clippedEnd: boolean;
  /** Its paragraphs are separated by single line feeds (its document has no blank line). */
  lines: boolean;
}

export interface UncitedDocument {
  id: string;
  title: string;
  file: string;
  format: string;
  date?: string;
  lines: string[];
}

export interface ReviewCounts {
  statements: number;
  verified: number;
  failed: number;
  warning: number;
  unreviewed: number;
  view: number;
  documents: number;
  uncited: number;
  /** Items (statements, or disagreements) the "problems" filter shows, and the "unreviewed" and "view" ones. */
  problemItems: number;
  unreviewedItems: number;
  viewItems: number;
  items: number;
}

export interface ReviewPage {
  title: string;
  subtitle?: string;
  asOf?: string;
  /** The date the page is dated (the build's, YYYY-MM-DD), when there is one. */
  date?: string;
  summaryFile: string;
  /** The summary's address from the page's folder (a relative URL). */
  summaryHref: string;
  counts: ReviewCounts;
  /** Diagnostics about no one statement (documents, templates, the theme, the summary's header). */
  general: ReviewNote[];
  sections: ReviewSection[];
  uncited: UncitedDocument[];
  documents: ReviewDocument[];
  contexts: ReviewContext[];
}

export interface ReviewOptions {
  /** Every diagnostic of the run (the workspace's and the later stages'). */
  diagnostics: readonly Diagnostic[];
  /** The page's date, YYYY-MM-DD. */
  date?: string;
  /** The summary's address relative to the page's folder. */
  summaryHref: string;
}

/** The fields shown as an item's heading, the first one it has. */
const HEADING_FIELDS = ['title', 'name', 'signpost', 'label', 'topic'];
/** How the other fields are labelled; a field not listed is labelled by its name. */
const FIELD_LABELS: Record<string, string> = {
  when: 'When',
  amount: 'Amount',
  party: 'Party',
  kind: 'Kind',
  maker: 'Maker',
  pursuedBy: 'Pursued by',
  owner: 'Owner',
  confirms: 'Would confirm',
  refutes: 'Would refute',
};
/** Fields that are not shown: the item's id, its citations, its sides (shown as items). */
const HIDDEN_FIELDS = new Set(['id', 'cite', 'sides', 'view']);

export function workspaceToReview(ws: VerifiedWorkspace, options: ReviewOptions): ReviewPage {
  const summary = ws.summary;
  const page: ReviewPage = {
    title: summary?.title ?? ws.shownDir,
    summaryFile: ws.summaryFile,
    summaryHref: options.summaryHref,
    counts: emptyCounts(ws.documents.length),
    general: [],
    sections: [],
    uncited: [],
    documents: [],
    contexts: [],
  };
  if (options.date !== undefined) page.date = options.date;
  if (summary?.subtitle !== undefined) page.subtitle = summary.subtitle;
  if (summary) page.asOf = summary.asOf;
  const anchors = new Anchors(ws, page.general);
  if (summary && ws.locator) {
    const passages = new Passages(ws, page);
    const refs = statementsOf(summary);
    for (const section of sectionsInReadingOrder(summary, ws.verification)) {
      page.sections.push(sectionOf(section, refs.filter((ref) => ref.section === section), summary, ws, anchors, passages));
    }
    markUnreviewed(page, ws.summaryText ?? '');
  }
  for (const d of options.diagnostics) anchors.place(d);
  for (const section of page.sections) for (const item of section.items) settle(item);
  page.uncited = uncitedDocuments(ws);
  page.counts = countsOf(page, ws.documents.length);
  return page;
}

function emptyCounts(documents: number): ReviewCounts {
  return { statements: 0, verified: 0, failed: 0, warning: 0, unreviewed: 0, view: 0, documents, uncited: 0, problemItems: 0, unreviewedItems: 0, viewItems: 0, items: 0 };
}

/**
 * Sections in the order a reader meets them. Citation numbers are in the outputs' reading order
 * (once a build or check has numbered them), so walking the numbers up, a number that no section
 * placed so far cites is the first of the next section; when several cite it, the one whose
 * following numbers come first. Sections without citations follow, in the summary's order.
 */
function sectionsInReadingOrder(summary: Summary, verification: Verification | undefined): SectionKey[] {
  const present = SECTION_KEYS.filter((key) => (summary[key] as unknown[]).length > 0);
  const numbers = new Map<SectionKey, number[]>(present.map((key) => [key, []]));
  for (const [key, list] of verification?.numbersByStatement ?? []) {
    const own = numbers.get(key.split('.')[0] as SectionKey);
    if (own) for (const n of list) own.push(n);
  }
  const cites = new Map<SectionKey, Set<number>>();
  for (const [key, list] of numbers) {
    const unique = [...new Set(list)].sort((a, b) => a - b);
    numbers.set(key, unique);
    cites.set(key, new Set(unique));
  }
  const all = [...new Set([...numbers.values()].flat())].sort((a, b) => a - b);
  const placed: SectionKey[] = [];
  for (const n of all) {
    if (placed.some((key) => cites.get(key)?.has(n))) continue;
    const candidates = present.filter((key) => !placed.includes(key) && cites.get(key)?.has(n));
    const later = (key: SectionKey) => (numbers.get(key) ?? []).filter((m) => m >= n);
    candidates.sort((a, b) => compareNumberLists(later(a), later(b)));
    if (candidates[0]) placed.push(candidates[0]);
  }
  return [...placed, ...present.filter((key) => !placed.includes(key))];
}

/** Lists of numbers in lexicographic order (a list that is a prefix of another comes first). */
function compareNumberLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

function sectionOf(key: SectionKey, refs: readonly StatementRef[], summary: Summary, ws: VerifiedWorkspace, anchors: Anchors, passages: Passages): ReviewSection {
  const locator = ws.locator as NonNullable<VerifiedWorkspace['locator']>;
  const section: ReviewSection = { key, heading: DEFAULT_HEADLINES[key], notes: [], items: [] };
  const headline = summary.headlines[key];
  if (headline !== undefined) {
    section.headline = supported({ name: 'headline', label: 'Headline', value: headline }, passages.support(`headlines.${key}`));
    const line = locator.at(['headlines', key]).line;
    if (line !== undefined) section.headlineLine = line;
    if (isHeadlineTeamView(summary, key)) section.headlineView = true;
  }
  anchors.add(locator.at([key], 'key'), section.notes);
  anchors.add(locator.at(['headlines', key]), section.notes);
  if (key !== 'conflicts') {
    for (const ref of refs) section.items.push(statementItem(ref, summary, ws, anchors, passages));
    return section;
  }
  summary.conflicts.forEach((conflict, i) => {
    const path: YamlPath = ['conflicts', i];
    const item = emptyItem(path, locator.at(path).line);
    item.heading = supported({ name: 'topic', label: 'Topic', value: conflict.topic }, passages.support(`conflicts.${i}.topic`));
    anchors.add(locator.at(path), item.notes);
    item.sides = refs.filter((ref) => ref.path[1] === i).map((ref) => statementItem(ref, summary, ws, anchors, passages));
    section.items.push(item);
  });
  return section;
}

function emptyItem(path: YamlPath, line: number | undefined): ReviewItem {
  const item: ReviewItem = {
    id: path.join('-'),
    label: pathLabel(path),
    fields: [],
    cites: [],
    notes: [],
    failed: false,
    warning: false,
    unreviewed: false,
    view: false,
    disputed: false,
  };
  if (line !== undefined) item.line = line;
  return item;
}

/** One statement: its fields as the summary writes them, its citations, its standing. */
function statementItem(ref: StatementRef, summary: Summary, ws: VerifiedWorkspace, anchors: Anchors, passages: Passages): ReviewItem {
  const locator = ws.locator as NonNullable<VerifiedWorkspace['locator']>;
  const position = locator.at(ref.path);
  const item = emptyItem(ref.path, position.line);
  anchors.add(position, item.notes);
  const source = valueAt(summary, ref.path);
  item.view = ref.view;
  for (const shown of shownFields(source)) {
    const field = supported(shown, passages.support(`${ref.path.join('.')}.${shown.name}`));
    if (field.name === 'text') item.text = field;
    else if (!item.heading && HEADING_FIELDS.includes(field.name)) item.heading = field;
    else item.fields.push(field);
  }
  const verification = ws.verification;
  if (verification) {
    const label = pathLabel(ref.path);
    item.failed = verification.failedStatements.has(label);
    const documents = passages.corroboration(label);
    if (documents !== undefined) item.documents = documents;
    item.disputed = ref.section !== 'conflicts' && ref.cite.some((c) => verification.disputedKeys.has(citationKey(c)));
    item.cites = ref.cite.map((c) => passages.cite(c));
  } else {
    item.cites = ref.cite.map((c) => ({ doc: c.doc, quote: c.quote, verified: false }));
  }
  return item;
}

/**
 * A field with what the support check found of it: the words its quotes do not say (none for the
 * team's view, which is exempt), and the hedges and negations of both sides when one was dropped
 * or flipped.
 */
function supported(field: ReviewField, support: StatementSupport | undefined): ReviewField {
  if (!support || support.view) return field;
  if (support.uncovered.length > 0) field.unsupported = [...support.uncovered];
  const rules = new Set(support.findings.map((f) => f.rule));
  if (rules.has('support-hedge')) field.hedges = { quotes: [...support.hedges.quotes], statement: [...support.hedges.statement] };
  if (rules.has('support-negation')) field.negations = { quotes: [...support.negations.quotes], statement: [...support.negations.statement] };
  return field;
}

/** The item at a path of the summary. */
function valueAt(summary: Summary, path: YamlPath): Record<string, unknown> {
  let value: unknown = summary;
  for (const key of path) value = (value as Record<string | number, unknown>)[key];
  return value as Record<string, unknown>;
}

/** An item's fields that hold text, in the order the schema gives them; an object's (an amount's) one level down. */
function shownFields(item: Record<string, unknown>): ReviewField[] {
  const fields: ReviewField[] = [];
  const add = (name: string, value: unknown) => {
    if (typeof value === 'string' && value.trim() !== '') fields.push({ name, label: FIELD_LABELS[name] ?? name, value });
  };
  for (const [name, value] of Object.entries(item)) {
    if (HIDDEN_FIELDS.has(name)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) add(inner === 'value' ? name : inner, innerValue);
    } else add(name, value);
  }
  return fields;
}

/** Items marked "# drafted from …: review" or "# proposed from …: review": the first item after each mark. */
function markUnreviewed(page: ReviewPage, summaryText: string): void {
  const marks = reviewMarkLines(summaryText);
  if (marks.length === 0) return;
  const items = page.sections.flatMap((s) => s.items.flatMap((item) => [item, ...(item.sides ?? [])]));
  const byLine = items.filter((i) => i.line !== undefined).sort((a, b) => (a.line as number) - (b.line as number));
  for (const mark of marks) {
    const item = byLine.find((i) => (i.line as number) > mark);
    if (!item) continue;
    item.unreviewed = true;
    for (const side of item.sides ?? []) side.unreviewed = true;
  }
}

/** A statement's standing from its notes (and its sides', for a disagreement). */
function settle(item: ReviewItem): void {
  for (const side of item.sides ?? []) settle(side);
  const sides = item.sides ?? [];
  item.failed ||= item.notes.some((n) => n.severity === 'error') || sides.some((s) => s.failed);
  item.warning ||= item.notes.some((n) => n.severity === 'warning') || sides.some((s) => s.warning);
  item.unreviewed ||= sides.some((s) => s.unreviewed);
}

/** The status a statement is shown with: the worst it has. */
export function statusOf(item: ReviewItem): ItemStatus {
  if (item.failed) return 'failed';
  if (item.warning) return 'warning';
  if (item.unreviewed) return 'unreviewed';
  if (item.view) return 'view';
  return 'verified';
}

export function isProblem(item: ReviewItem): boolean {
  return item.failed || item.warning || item.unreviewed;
}

function countsOf(page: ReviewPage, documents: number): ReviewCounts {
  const counts = emptyCounts(documents);
  counts.uncited = page.uncited.length;
  for (const section of page.sections) {
    for (const item of section.items) {
      counts.items++;
      if (isProblem(item)) counts.problemItems++;
      if (item.unreviewed) counts.unreviewedItems++;
      if (item.view || (item.sides ?? []).some((s) => s.view)) counts.viewItems++;
      for (const statement of item.sides ?? [item]) {
        counts.statements++;
        counts[statusOf(statement)]++;
      }
    }
  }
  return counts;
}

/** Documents no statement cites, with their first lines. */
function uncitedDocuments(ws: VerifiedWorkspace): UncitedDocument[] {
  const cited = new Set<string>();
  for (const ref of ws.summary ? statementsOf(ws.summary) : []) for (const c of ref.cite) cited.add(c.doc);
  return ws.documents
    .filter((doc) => !cited.has(doc.id))
    .map((doc) => {
      const shown: UncitedDocument = { id: doc.id, title: shownTitle(doc), file: doc.file, format: doc.format ?? 'text', lines: firstLines(doc.text) };
      if (doc.date !== undefined) shown.date = doc.date;
      return shown;
    });
}

/** The stretches of documents citations open, each kept once, and the documents they come from. */
class Passages {
  private readonly byId: Map<string, BriefingDocument>;
  private readonly byNumber = new Map<number, ResolvedCitation>();
  private readonly docIndex = new Map<string, number>();
  private readonly contextIndex = new Map<string, number>();

  constructor(
    ws: VerifiedWorkspace,
    private readonly page: ReviewPage,
  ) {
    this.byId = new Map(ws.documents.map((d) => [d.id, d]));
    for (const c of ws.verification?.citations ?? []) this.byNumber.set(c.n, c);
    this.verification = ws.verification;
  }

  private readonly verification: Verification | undefined;
  private supportByPath: Map<string, StatementSupport> | undefined;

  private corroborationByLabel: Map<string, number> | undefined;

  /** How many distinct documents a statement rests on, by its label. */
  corroboration(label: string): number | undefined {
    this.corroborationByLabel ??= new Map((this.verification?.corroboration ?? []).map((c) => [c.path, c.documents]));
    return this.corroborationByLabel.get(label);
  }

  /** What the support check found of a field, by its path ("takeaways.0.text", "headlines.watch"). */
  support(path: string): StatementSupport | undefined {
    this.supportByPath ??= new Map((this.verification?.support ?? []).map((s) => [s.path, s]));
    return this.supportByPath.get(path);
  }

  /** A statement's citation: its number, and, when it holds, the stretch of its document it opens. */
  cite(c: Citation): ReviewCite {
    const n = this.verification?.numberOf.get(citationKey(c));
    const resolved = n === undefined ? undefined : this.byNumber.get(n);
    const cite: ReviewCite = { doc: c.doc, quote: c.quote.trim(), verified: resolved?.verified === true };
    if (n !== undefined) cite.n = n;
    const doc = this.byId.get(c.doc);
    if (!doc) {
      cite.verified = false;
      return cite;
    }
    if (!resolved?.verified || resolved.start === undefined || resolved.end === undefined) {
      cite.verified = false;
      // Where the quote went: inside a word, or the closest passage (what the error message names).
      const { insideWord } = occurrences(doc, c.quote);
      const near = insideWord ?? closestPassage(doc, c.quote);
      if (near) {
        cite.nearMiss = insideWord ? 'inside-word' : 'closest';
        this.open(cite, doc, near);
      }
      return cite;
    }
    // A quote merged into a longer passage (its number is the longer one's) is highlighted as itself.
    const own = foldQuote(resolved.quote) === foldQuote(c.quote) ? { start: resolved.start, end: resolved.end } : occurrences(doc, c.quote).onBoundaries;
    this.open(cite, doc, own ?? { start: resolved.start, end: resolved.end });
    return cite;
  }

  /** What the citation opens: the context of span [start, end) of its document. */
  private open(cite: ReviewCite, doc: BriefingDocument, span: { start: number; end: number }): void {
    cite.place = placeLabel(doc.format, placeOf(doc, span.start));
    const range = contextRange(doc, span.start, span.end);
    cite.context = this.context(doc, range);
    cite.start = span.start - range.from;
    cite.end = span.end - range.from;
  }

  private context(doc: BriefingDocument, range: ReturnType<typeof contextRange>): number {
    const key = `${doc.id}\u0000${range.from}\u0000${range.to}`;
    const known = this.contextIndex.get(key);
    if (known !== undefined) return known;
    const index = this.page.contexts.length;
    this.page.contexts.push({
      doc: this.document(doc),
      from: range.from,
      text: doc.text.slice(range.from, range.to),
      clippedStart: range.clippedStart,
      clippedEnd: range.clippedEnd,
      lines: range.lines,
    });
    this.contextIndex.set(key, index);
    return index;
  }

  private document(doc: BriefingDocument): number {
    const known = this.docIndex.get(doc.id);
    if (known !== undefined) return known;
    const shown: ReviewDocument = { id: doc.id, title: shownTitle(doc), format: doc.format ?? 'text', file: doc.file };
    if (doc.date !== undefined) shown.date = doc.date;
    if (doc.dateFrom === 'editor') shown.editorsDate = true;
    if (doc.publisher !== undefined) shown.publisher = doc.publisher;
    if (doc.url !== undefined) shown.url = doc.url;
    this.docIndex.set(doc.id, this.page.documents.length);
    this.page.documents.push(shown);
    return this.docIndex.get(doc.id) as number;
  }
}

/** Rules whose one diagnostic speaks of many items (at the first one's line): the page's general notes. */
const SUMMARY_WIDE = new Set<string>(['unreviewed-item']);

/**
 * Where each diagnostic of briefing.yaml belongs: to the item (or section) whose node starts last
 * at or before its position. Anchors are every item, each section's key and headline, and every
 * top-level key of the summary (whose diagnostics are the page's general ones).
 */
class Anchors {
  private readonly list: { line: number; column: number; notes: ReviewNote[] }[] = [];
  private sorted = true;

  constructor(
    private readonly ws: VerifiedWorkspace,
    private readonly general: ReviewNote[],
  ) {
    if (ws.summary && ws.locator) for (const key of Object.keys(ws.summary)) this.add(ws.locator.at([key], 'key'), general);
  }

  add(position: { line?: number; column?: number }, notes: ReviewNote[]): void {
    if (position.line === undefined) return;
    this.list.push({ line: position.line, column: position.column ?? 1, notes });
    this.sorted = false;
  }

  place(d: Diagnostic): void {
    const note: ReviewNote = { severity: d.severity, rule: d.rule, message: d.message, where: whereOf(d) };
    if (d.file !== this.ws.summaryFile || d.line === undefined || SUMMARY_WIDE.has(d.rule)) {
      this.general.push(note);
      return;
    }
    if (!this.sorted) {
      this.list.sort((a, b) => a.line - b.line || a.column - b.column);
      this.sorted = true;
    }
    const line = d.line;
    const column = d.column ?? Number.MAX_SAFE_INTEGER;
    // The last anchor at or before (line, column), by bisection.
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const a = this.list[mid] as { line: number; column: number };
      if (a.line < line || (a.line === line && a.column <= column)) lo = mid + 1;
      else hi = mid;
    }
    (lo > 0 ? (this.list[lo - 1] as { notes: ReviewNote[] }).notes : this.general).push(note);
  }
}

function whereOf(d: Diagnostic): string {
  if (d.file === undefined) return '';
  if (d.line === undefined) return d.file;
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}
