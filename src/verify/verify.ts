// Proving the summary against the documents: every quote occurs, every figure is in its quotes,
// every id names a document. Citations are numbered globally in order of first appearance in the
// summary (the build numbers them again in reading order, see numbering.ts).
import { didYouMean, MARK_CLOSE, MARK_OPEN, markDifference } from '../diagnostics/curator.js';
import { diagnostic, excerpt, type Diagnostic } from '../diagnostics/diagnostic.js';
import { pathLabel } from '../diagnostics/path-label.js';
import type { SourceDocument } from '../inputs/sources.js';
import { placeRef } from '../inputs/document.js';
import { characterName, firstInvisible, firstStrayMark, hasInvisible, markName, stripInvisible } from '../inputs/invisible.js';
import { figureFindings, figureWithValue } from './figures.js';
import type { Locator, YamlPath } from '../diagnostics/yaml-locator.js';
import { closestPassage, findQuote, foldQuote, occurrences, type InsideWord } from './match.js';
import { isUndated, looksLikeDate, parseWhen, WHEN_FORMS } from '../inputs/when.js';
import { containedCitations, renumberVerification } from './numbering.js';
import { duplicateIds } from './item-ids.js';
import { lookalikeDifference } from './lookalike.js';
import { distinctSources, overlapping, sourceIdentity, type Span } from './source-identity.js';
import { supportOf, type QuoteFrame, type SupportMode, type SupportQuote, type SupportResult } from './support.js';
import { quoteFrame } from './quote-frame.js';

/** A verified quote: its text, its document, and its frame there. */
type VerifiedQuote = { text: string; source: string; frame?: QuoteFrame };
import { supportKey, type SupportMemo } from './support-memo.js';
import { isHeadlineTeamView, isTeamView, SECTION_KEYS, type Citation, type SectionKey, type Summary } from '../inputs/summary-schema.js';
import { pushAll } from '../common/arrays.js';

export const MIN_QUOTE_LENGTH = 12;
/** Up to this many uncited documents are reported one by one. */
const UNCITED_ONE_BY_ONE = 5;
const UNCITED_NAMED = 5;

export interface ResolvedCitation {
  /** Global citation number, 1-based, shared by the deck and the memo. */
  n: number;
  doc: string;
  /** The quote as the summary writes it. */
  quote: string;
  verified: boolean;
  /** Offsets and line of the passage in the document's normalised text, when found. */
  start?: number;
  end?: number;
  line?: number;
  /** The page of the passage, for a PDF. */
  page?: number;
  /** The passage as the document writes it. */
  passage?: string;
  /** Where the summary first cites it. */
  summaryLine?: number;
}

/** A statement of the summary: the fields that speak, and the citations that support them. */
export interface StatementRef {
  section: SectionKey;
  path: YamlPath;
  fields: { name: string; value: string }[];
  cite: Citation[];
  /** The team's view (`view: true`): exempt from the support check. */
  view: boolean;
}

export interface Verification {
  citations: ResolvedCitation[];
  /** Citation number for each statement's cite list, keyed by `path.join('.')`. */
  numbersByStatement: Map<string, number[]>;
  /** Citation number of every cited passage, keyed by `citationKey` (a quote merged into a longer one has the longer one's). */
  numberOf: Map<string, number>;
  /** How many distinct sources each statement rests on (documents of the same content count once). */
  corroboration: { path: string; documents: number }[];
  /** Document id → the id of the first document with the same content (itself for most). */
  canonicalOf: Map<string, string>;
  /**
   * Citation keys (`citationKey`) of every cited passage that overlaps a passage a side of a
   * disagreement (`conflicts`) cites: a statement citing one of them is disputed.
   */
  disputedKeys: Set<string>;
  /** Statements (path labels) with a citation that does not hold. */
  failedStatements: Set<string>;
  /** The support of every field that speaks (support.ts), in the order of the summary. */
  support: StatementSupport[];
  diagnostics: Diagnostic[];
}

/**
 * The support of one field by its quotes: `path` is its YAML path joined by dots
 * ("takeaways.0.text", "headlines.friction"), `label` as messages write it.
 */
export interface StatementSupport extends SupportResult {
  path: string;
  label: string;
  /** Line of the field in briefing.yaml. */
  line?: number;
  /** The team's view: exempt, so `findings` is empty (the words are kept for the record). */
  view?: true;
}

/**
 * How the support check reads each field of an item (support.ts): a statement of fact, a name,
 * or a hypothetical (a signpost, what would confirm or refute it, a disagreement's question).
 * Fields not listed (an alternative's kind, an amount, a date, a scenario's likelihood, which is the
 * team's view, a recommendation's owner) are the curator's labels or figures.
 */
export const SUPPORT_FIELDS: Readonly<Record<string, SupportMode>> = {
  text: 'statement',
  title: 'statement',
  label: 'statement',
  name: 'name',
  maker: 'name',
  pursuedBy: 'name',
  party: 'name',
  signpost: 'hypothetical',
  confirms: 'hypothetical',
  refutes: 'hypothetical',
  topic: 'hypothetical',
  // A scenario's trigger is what would set it off: said as a possibility, like a signpost.
  trigger: 'hypothetical',
};

export function citationKey(c: Citation): string {
  return `${c.doc}\u0000${foldQuote(c.quote)}`;
}

export function statementsOf(summary: Summary): StatementRef[] {
  const refs: StatementRef[] = [];
  const add = (section: SectionKey, path: YamlPath, item: Record<string, unknown>, names: string[], cite: Citation[]) => {
    const fields = names
      .filter((name) => typeof item[name] === 'string')
      .map((name) => ({ name, value: item[name] as string }));
    refs.push({ section, path, fields, cite, view: isTeamView(item as { view?: boolean }) });
  };
  summary.takeaways.forEach((s, i) => add('takeaways', ['takeaways', i], s, ['text'], s.cite));
  summary.implications.forEach((s, i) => add('implications', ['implications', i], s, ['title', 'text'], s.cite));
  // A recommendation's `when` is checked like a signpost's, as the outputs show it.
  summary.recommendations.forEach((s, i) => add('recommendations', ['recommendations', i], { ...s, when: whenShown(s.when) }, ['text', 'owner', 'when'], s.cite));
  // A `when` is checked as the outputs show it ("15 Mar 2021", "Q3 2021", "Oct–Dec 2022"): at its precision, each end of a range.
  summary.watch.forEach((s, i) => add('watch', ['watch', i], { ...s, when: whenShown(s.when) }, ['signpost', 'confirms', 'refutes', 'when'], s.cite));
  summary.investment.forEach((s, i) =>
    add('investment', ['investment', i], { ...s, when: whenShown(s.when), amount: s.amount?.value, party: s.amount?.party }, ['when', 'amount', 'party', 'label', 'text'], s.cite),
  );
  summary.friction.forEach((s, i) => add('friction', ['friction', i], s, ['title', 'text'], s.cite));
  summary.alternatives.forEach((s, i) => add('alternatives', ['alternatives', i], s, ['name', 'kind', 'maker', 'pursuedBy', 'text'], s.cite));
  summary.outlook.forEach((s, i) => add('outlook', ['outlook', i], s, ['title', 'text', 'likelihood', 'trigger'], s.cite));
  summary.conflicts.forEach((c, i) => {
    c.sides.forEach((s, j) => add('conflicts', ['conflicts', i, 'sides', j], s, ['text'], s.cite));
  });
  return refs;
}

/** The private-use characters the tool marks citations and hedges with (U+E000–U+E004). */
const MARKER_CHARACTER = /[\uE000-\uE004]/u;

/**
 * Characters no summary text may hold, each an error at its line: the tool's marker characters
 * (they could forge a citation), and invisible characters (zero-width, soft hyphen, bidi controls:
 * "5\u200B150" is shown 5150 but would be read as 5 and 150; "\u202E15\u202C" is shown 51).
 */
function forbiddenCharacters(summary: Summary, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (value: unknown, at: YamlPath) => {
    if (typeof value === 'string') {
      const m = MARKER_CHARACTER.exec(value);
      if (m) {
        const code = `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase()}`;
        out.push(diagnostic('citation-marker', `${pathLabel(at)} contains ${code}, a character the tool uses to mark citations; remove it`, locator.at(at)));
      }
      const invisible = firstInvisible(value);
      if (invisible) {
        const before = value.slice(Math.max(0, invisible.index - 24), invisible.index).replace(/\s+/g, ' ');
        const count = [...value].filter((ch) => hasInvisible(ch)).length;
        const more = count > 1 ? ` (and ${count - 1} more)` : '';
        const message = `${pathLabel(at)} contains ${characterName(invisible.char)}${more}, an invisible character, at character ${invisible.index + 1}${before ? `, after "${before}"` : ''}; what is checked must be what is shown: remove it`;
        out.push(diagnostic('invisible-character', message, locator.at(at)));
      }
      const mark = firstStrayMark(value);
      if (mark) {
        const before = value.slice(Math.max(0, mark.index - mark.on.length - 24), mark.index - mark.on.length).replace(/\s+/g, ' ');
        const on = /\s/u.test(mark.on) || mark.on === '' ? 'a space' : `"${mark.on}"`;
        const message = `${pathLabel(at)} has ${markName(mark.char)} on ${on} at character ${mark.index + 1}${before ? `, after "${before}"` : ''}; a mark drawn on a digit or sign, or through or around what it is on, changes what is shown but not what is checked: remove it`;
        out.push(diagnostic('combining-mark', message, locator.at(at)));
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
  };
  walk(summary, []);
  return out;
}

/** Where the audience's field is in briefing.yaml: a one-line audience is `audience` itself. */
function audiencePath(summary: Summary, field: 'who' | 'holds' | 'decides'): YamlPath {
  return summary.audience && Object.keys(summary.audience).length === 1 && field === 'who' ? ['audience'] : ['audience', field];
}

/** A `when` as the figures check reads it: as the deck and the memo show it when it is a date, else as written. */
function whenShown(when: string | undefined): string | undefined {
  if (when === undefined || isUndated(when)) return undefined;
  return parseWhen(when)?.display ?? when;
}

/** Undated events (a warning: they are listed beside the timeline) and malformed dates (an error). */
function undatedEvents(summary: Summary, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (section: 'investment' | 'watch' | 'recommendations', i: number, when: string | undefined, what: string) => {
    if (when === undefined) {
      if (section === 'investment') out.push(diagnostic('undated-event', `${pathLabel([section, i])} ("${excerpt(what, 50)}") has no date (when: ${WHEN_FORMS}); it is listed beside the timeline, not on it; write when: undated if the sources give none`, locator.at([section, i])));
      return;
    }
    // The curator has checked: the sources give no date.
    if (isUndated(when) || parseWhen(when)) return;
    if (looksLikeDate(when)) {
      out.push(diagnostic('when-invalid', `${pathLabel([section, i, 'when'])} "${when}" is not a real date in one of the forms ${WHEN_FORMS}`, locator.at([section, i, 'when'])));
    } else if (section === 'investment') {
      out.push(diagnostic('undated-event', `${pathLabel([section, i, 'when'])} "${excerpt(when, 40)}" is not a date (${WHEN_FORMS}); the event is listed beside the timeline, not on it; write when: undated if the sources give none`, locator.at([section, i, 'when'])));
    }
  };
  summary.investment.forEach((e, i) => check('investment', i, e.when, e.label));
  summary.watch.forEach((w, i) => check('watch', i, w.when, w.signpost));
  summary.recommendations.forEach((r, i) => check('recommendations', i, r.when, r.text));
  return out;
}

export function verifySummary(
  summary: Summary,
  documents: SourceDocument[],
  locator: Locator,
  unreadable: ReadonlySet<string> = new Set(),
  supportMemo?: SupportMemo,
): Verification {
  const identity = sourceIdentity(documents);
  const verifier = new Verifier(documents, locator, unreadable, identity.canonicalOf, supportMemo);
  verifier.add(identity.diagnostics);
  for (const statement of statementsOf(summary)) verifier.statement(statement);
  verifier.disputed(summary.conflicts.flatMap((c) => c.sides.flatMap((side) => side.cite)));
  verifier.add(undatedEvents(summary, locator));
  // An amount's kind is printed (the chart's title and axis, call-outs): its figures are its statement's.
  summary.investment.forEach((item, i) => {
    const kind = item.amount?.kind;
    if (kind !== undefined) verifier.figures(kind, verifier.quotesOfStatement(['investment', i]), ['investment', i, 'amount', 'kind'], 'its quotes', verifier.datesOfStatement(['investment', i]));
  });
  summary.conflicts.forEach((conflict, i) => {
    const quotes = conflict.sides.flatMap((s) => s.cite.map((c) => c.quote));
    const dates = conflict.sides.flatMap((s) => s.cite.map((c) => ownDate(documents.find((d) => d.id === c.doc))).filter((d): d is string => d !== undefined));
    verifier.figures(conflict.topic, quotes, ['conflicts', i, 'topic'], 'its quotes', dates);
    verifier.support(conflict.topic, verifier.verifiedQuotes(conflict.sides.flatMap((s) => s.cite)), ['conflicts', i, 'topic'], 'hypothetical');
  });
  for (const section of SECTION_KEYS) {
    const headline = summary.headlines[section];
    if (headline === undefined) continue;
    verifier.figures(headline, verifier.quotesOf(section), ['headlines', section], `any quote of the ${section} section`, verifier.datesOf(section));
    if (!verifier.failedSections.has(section)) verifier.support(headline, verifier.verifiedQuotesOf(section), ['headlines', section], 'statement', isHeadlineTeamView(summary, section));
  }
  // The title, subtitle and memo subject speak for the whole briefing: their figures must occur in some quote.
  // So do the author and the memo's header: every field that reaches an output is checked.
  const framing: [YamlPath, string | undefined][] = [
    [['title'], summary.title],
    [['subtitle'], summary.subtitle],
    [['author'], summary.author],
    [['memo', 'to'], summary.memo.to],
    [['memo', 'from'], summary.memo.from],
    [['memo', 'subject'], summary.memo.subject],
    [audiencePath(summary, 'who'), summary.audience?.who],
    [audiencePath(summary, 'holds'), summary.audience?.holds],
    [audiencePath(summary, 'decides'), summary.audience?.decides],
  ];
  for (const [path, text] of framing) if (text !== undefined) verifier.figures(text, verifier.quotesOf(), path, 'any quote of the summary', verifier.datesOf());
  // A title or publisher the curator gives a document speaks for that document: its figures must be in its text.
  for (const [id, meta] of Object.entries(summary.sources)) {
    const doc = documents.find((d) => d.id === id);
    if (!doc) continue;
    const date = ownDate(doc);
    for (const key of ['title', 'publisher'] as const) {
      const value = meta[key];
      if (value !== undefined) verifier.figures(value, [doc.text], ['sources', id, key], `the text of document ${id}`, date ? [date] : [], { stating: 'the document states' });
    }
    // A document's own date is what it says; the summary may give one only where it gives none (shown as the editor's).
    if (meta.date !== undefined && date !== undefined && meta.date !== date) {
      const message = `sources.${id}.date ${meta.date} differs from the date document ${id} gives itself, ${date}; remove it (a date the summary gives is shown as the editor's, and only for a document without one)`;
      verifier.add([diagnostic('source-date-conflict', message, locator.at(['sources', id, 'date']))]);
    }
  }
  verifier.add(forbiddenCharacters(summary, locator));
  verifier.add(duplicateIds(summary, locator));
  verifier.sourcesBlock(Object.keys(summary.sources));
  verifier.uncitedDocuments();
  return verifier.result();
}

/** The verifier's state while it walks the statements, and one method per rule. */
class Verifier {
  private readonly byId: Map<string, SourceDocument>;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly citations: ResolvedCitation[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly numbersByStatement = new Map<string, number[]>();
  private readonly corroboration: Verification['corroboration'] = [];
  private readonly failedStatements = new Set<string>();
  private readonly citedDocs = new Set<string>();
  private readonly sectionQuotes = new Map<SectionKey, string[]>();
  private readonly sectionDates = new Map<SectionKey, string[]>();
  private readonly statementGround = new Map<string, { quotes: string[]; dates: string[] }>();
  private readonly sectionVerified = new Map<SectionKey, VerifiedQuote[]>();
  private readonly supportResults: StatementSupport[] = [];
  /** Sections with a statement whose citations do not all hold: their headline's support is not judged. */
  readonly failedSections = new Set<SectionKey>();

  constructor(
    private readonly documents: SourceDocument[],
    private readonly locator: Locator,
    private readonly unreadable: ReadonlySet<string>,
    private readonly canonicalOf: Map<string, string>,
    /** Support results of earlier runs, by what they read (support-memo.ts); this run's are added to it. */
    private readonly supportMemo?: SupportMemo,
  ) {
    this.byId = new Map(documents.map((d) => [d.id, d]));
  }

  private readonly disputedKeys = new Set<string>();

  /** Every cited passage that overlaps a passage a side of a disagreement cites is disputed (by key). */
  disputed(sides: readonly Citation[]): void {
    const spanOf = (n: number | undefined): Span | undefined => {
      const c = n === undefined ? undefined : this.citations[n - 1];
      return c?.verified && c.start !== undefined && c.end !== undefined ? { doc: c.doc, start: c.start, end: c.end } : undefined;
    };
    const hedged = sides.map((c) => spanOf(this.numberOf.get(citationKey(c)))).filter((s): s is Span => s !== undefined);
    if (hedged.length === 0) return;
    const spans = new Map<Span, string[]>();
    const byNumber = new Map<number, Span>();
    for (const [key, n] of this.numberOf) {
      let span = byNumber.get(n);
      if (!span) {
        span = spanOf(n);
        if (!span) continue;
        byNumber.set(n, span);
      }
      spans.get(span)?.push(key) ?? spans.set(span, [key]);
    }
    for (const span of overlapping([...spans.keys()], hedged, this.byId, this.canonicalOf)) for (const key of spans.get(span) ?? []) this.disputedKeys.add(key);
  }

  /** A statement's citations, numbered; then its figures against the quotes that hold. */
  statement(statement: StatementRef): void {
    const label = pathLabel(statement.path);
    const errorsBefore = this.diagnostics.length;
    const seen = new Set<string>();
    const numbers: number[] = [];
    const quotes: string[] = [];
    const dates: string[] = [];
    let unreadable = false;
    statement.cite.forEach((c, k) => {
      const n = this.citation(c, [...statement.path, 'cite', k], seen);
      if (n === 'unreadable') {
        this.failedStatements.add(label);
        unreadable = true;
      }
      if (typeof n !== 'number') return;
      numbers.push(n);
      quotes.push(c.quote);
      const date = ownDate(this.byId.get(c.doc));
      if (date !== undefined) dates.push(date);
    });
    if (this.diagnostics.length > errorsBefore) this.failedStatements.add(label);
    this.numbersByStatement.set(statement.path.join('.'), numbers);
    this.corroboration.push({ path: label, documents: distinctSources(statement.cite, this.canonicalOf, this.byId) });
    appendTo(this.sectionQuotes, statement.section, quotes);
    appendTo(this.sectionDates, statement.section, dates);
    this.statementGround.set(statement.path.join('.'), { quotes, dates });
    // A quote of a source that could not be read (or whose id two files claim) grounds nothing and
    // refutes nothing: its figures are not checked against the other quotes alone, which would
    // only add errors that follow from the one on the source. (Nor its support, nor its section's headline's.)
    if (unreadable) {
      this.failedSections.add(statement.section);
      return;
    }
    // An amount is a chart's value: it cannot say "more than", so its qualifier is the label's to keep (checked there).
    for (const field of statement.fields) this.figures(field.value, quotes, [...statement.path, field.name], 'its quotes', dates, { qualifiers: field.name !== 'amount' });
    const verified = this.verifiedQuotes(statement.cite);
    appendTo(this.sectionVerified, statement.section, verified);
    // A statement with a citation that does not hold is reported for that: its support waits until it holds.
    if (this.failedStatements.has(label)) {
      this.failedSections.add(statement.section);
      return;
    }
    for (const field of statement.fields) {
      const mode = SUPPORT_FIELDS[field.name];
      if (mode !== undefined) this.support(field.value, verified, [...statement.path, field.name], mode, statement.view);
    }
  }

  /** The quotes of a cite list that were found in their documents (each once), with their documents. */
  verifiedQuotes(cite: readonly Citation[]): VerifiedQuote[] {
    const quotes: VerifiedQuote[] = [];
    for (const c of cite) {
      const n = this.numberOf.get(citationKey(c));
      const resolved = n === undefined ? undefined : this.citations[n - 1];
      if (!resolved?.verified || quotes.some((q) => q.text === c.quote && q.source === c.doc)) continue;
      // Where the passage is in its document: the rest of its sentence and its list's lead-in frame it (quote-frame.ts).
      const doc = this.byId.get(c.doc);
      const frame = doc && resolved.start !== undefined && resolved.end !== undefined ? quoteFrame(doc.text, resolved.start, resolved.end) : undefined;
      quotes.push(frame === undefined ? { text: c.quote, source: c.doc } : { text: c.quote, source: c.doc, frame });
    }
    return quotes;
  }

  /** The verified quotes of one section (each once). */
  verifiedQuotesOf(section: SectionKey): VerifiedQuote[] {
    const seen = new Set<string>();
    return (this.sectionVerified.get(section) ?? []).filter((q) => {
      const key = `${q.source}\u0000${q.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /**
   * Whether a field says what its verified quotes say (support.ts): its result kept, each finding
   * a warning at the field. The team's view is exempt: its words are kept for the record, no finding.
   */
  support(text: string, quotes: readonly SupportQuote[], path: YamlPath, mode: SupportMode, view = false): void {
    if (quotes.length === 0) return;
    const key = this.supportMemo ? supportKey(text, quotes, mode) : '';
    const result = this.supportMemo?.known.get(key) ?? supportOf(text, quotes, mode);
    this.supportMemo?.used.set(key, result);
    // A headline written { text, view } is placed at its text (the locator falls back to the plain form's node).
    const position = this.locator.at(path[0] === 'headlines' && path.length === 2 ? [...path, 'text'] : path);
    const entry: StatementSupport = { path: path.join('.'), label: pathLabel(path), ...result };
    if (position.line !== undefined) entry.line = position.line;
    if (view) {
      entry.view = true;
      entry.findings = [];
    }
    this.supportResults.push(entry);
    for (const finding of entry.findings) this.diagnostics.push(diagnostic(finding.rule, `${pathLabel(path)} ${finding.message}`, position));
  }

  /** One citation: its number, or why it has none ('unreadable' when its source could not be read). */
  private citation(c: Citation, citePath: YamlPath, seen: Set<string>): number | 'unreadable' | undefined {
    const quotePos = this.locator.at([...citePath, 'quote']);
    const folded = foldQuote(c.quote);
    if (folded === '') return void this.diagnostics.push(diagnostic('quote-empty', 'quote is empty', quotePos));
    if (folded.length < MIN_QUOTE_LENGTH) {
      const message = `quote "${excerpt(c.quote, 40)}" is too short to prove anything (${folded.length} characters; at least ${MIN_QUOTE_LENGTH})`;
      return void this.diagnostics.push(diagnostic('quote-too-short', message, quotePos));
    }
    const key = citationKey(c);
    if (seen.has(key)) return void this.diagnostics.push(diagnostic('quote-duplicate', `quote "${excerpt(c.quote, 60)}" is cited twice here`, quotePos));
    seen.add(key);
    const doc = this.byId.get(c.doc);
    // A source that could not be read is reported once, on the source itself.
    if (!doc && this.unreadable.has(c.doc)) return 'unreadable';
    if (!doc) return void this.diagnostics.push(this.unknownDoc(c.doc, this.locator.at([...citePath, 'doc'])));
    this.citedDocs.add(doc.id);
    const known = this.numberOf.get(key);
    if (known !== undefined) {
      if (!this.citations[known - 1]?.verified) this.diagnostics.push(this.notVerified(doc, c.quote, quotePos));
      return known;
    }
    const n = this.citations.length + 1;
    this.numberOf.set(key, n);
    const { onBoundaries: match, insideWord } = occurrences(doc, c.quote);
    const resolved: ResolvedCitation = { n, doc: doc.id, quote: c.quote.trim(), verified: match !== undefined };
    if (quotePos.line !== undefined) resolved.summaryLine = quotePos.line;
    if (match) Object.assign(resolved, { start: match.start, end: match.end, line: match.line, passage: match.passage }, match.page !== undefined ? { page: match.page } : {});
    else if (insideWord) this.diagnostics.push(quoteInsideWord(doc, c.quote, insideWord, quotePos));
    else this.diagnostics.push(quoteNotFound(doc, c.quote, quotePos, this.documents));
    this.citations.push(resolved);
    return n;
  }

  /** Why a quote did not verify: it is only inside words of the document, or not there at all. */
  private notVerified(doc: SourceDocument, quote: string, position: ReturnType<Locator['at']>): Diagnostic {
    const { insideWord } = occurrences(doc, quote);
    return insideWord ? quoteInsideWord(doc, quote, insideWord, position) : quoteNotFound(doc, quote, position, this.documents);
  }

  private unknownDoc(id: string, position: ReturnType<Locator['at']>): Diagnostic {
    const padded = /^\d+$/.test(id) ? this.documents.find((d) => /^\d+$/.test(d.id) && Number(d.id) === Number(id)) : undefined;
    const known = this.documents.map((d) => d.id).join(', ') || 'none';
    // A number one digit off is another document, not a slip: only ids with letters get a suggestion.
    const near = padded?.id ?? (/^\d+$/.test(id) ? undefined : didYouMean(id, this.documents.map((d) => d.id)));
    const hint = padded
      ? `; did you mean "${padded.id}"? Quote ids in YAML: doc: "${padded.id}"`
      : near !== undefined
        ? `; did you mean "${near}"?`
        : ` (documents: ${known})`;
    return diagnostic('unknown-doc', `no document with id "${id}"${hint}`, position);
  }

  /**
   * Every figure of `text` must be stated by one of `quotes`, in value, unit and scale (a date may
   * contain one of `dates`, of the documents cited). `stating` names who states the closest figure.
   */
  figures(text: string, quotes: readonly string[], path: YamlPath, where: string, dates: readonly string[] = [], options: { stating?: string; qualifiers?: boolean } = {}): void {
    const stating = options.stating ?? 'the quotes state';
    // Read as shown: an invisible character (an error of its own) neither splits nor joins a figure.
    for (const finding of figureFindings(stripInvisible(text), quotes.map(stripInvisible), dates)) {
      const shown = figureWithValue(finding.figure);
      if (finding.status === 'qualifier-dropped') {
        if (options.qualifiers === false) continue;
        const message = `figure "${finding.figure.text}" in ${pathLabel(path)} drops the qualifier of ${where}: ${stating} ${figureWithValue(finding.by)}; keep the qualifier`;
        this.diagnostics.push(diagnostic('figure-qualifier-dropped', message, this.locator.at(path)));
        continue;
      }
      const orDate = finding.figure.kind === 'date' ? ' nor in the date of a document cited' : '';
      const closest = finding.closest ? `; ${stating} ${figureWithValue(finding.closest)}` : '';
      this.diagnostics.push(diagnostic('figure-not-in-quotes', `figure ${shown} in ${pathLabel(path)} does not occur in ${where}${orDate}${closest}`, this.locator.at(path)));
    }
  }

  /** The quotes that hold of one statement (by its path). */
  quotesOfStatement(path: YamlPath): string[] {
    return this.statementGround.get(path.join('.'))?.quotes ?? [];
  }

  /** The dates of the documents one statement cites. */
  datesOfStatement(path: YamlPath): string[] {
    return this.statementGround.get(path.join('.'))?.dates ?? [];
  }

  /** The quotes that hold in one section, or in all of them. */
  quotesOf(section?: SectionKey): string[] {
    return section ? (this.sectionQuotes.get(section) ?? []) : [...this.sectionQuotes.values()].flat();
  }

  /** The dates of the documents cited in one section, or in all of them. */
  datesOf(section?: SectionKey): string[] {
    return section ? (this.sectionDates.get(section) ?? []) : [...this.sectionDates.values()].flat();
  }

  sourcesBlock(ids: string[]): void {
    for (const id of ids) {
      if (this.byId.has(id) || this.unreadable.has(id)) continue;
      this.diagnostics.push(diagnostic('unknown-source-metadata', `sources names "${id}", but there is no such document`, this.locator.at(['sources', id], 'key')));
    }
  }

  /** A few uncited documents are named one by one; many, in one warning with a count and the first ids. */
  uncitedDocuments(): void {
    const uncited = this.documents.filter((doc) => !this.citedDocs.has(doc.id));
    if (uncited.length <= UNCITED_ONE_BY_ONE) {
      for (const doc of uncited) this.diagnostics.push(diagnostic('uncited-document', `document ${doc.id} is not cited by any statement`, { file: doc.file }));
      return;
    }
    const first = uncited.slice(0, UNCITED_NAMED).map((d) => d.id).join(', ');
    const message = `${uncited.length} documents are not cited by any statement: ${first} and ${uncited.length - UNCITED_NAMED} more; "briefing draft --update" proposes statements from them`;
    this.diagnostics.push(diagnostic('uncited-document', message, { file: this.locator.file }));
  }

  add(diagnostics: readonly Diagnostic[]): void {
    pushAll(this.diagnostics, diagnostics);
  }

  /** A quote within another quote of the same document is one reference with it: the longer. */
  result(): Verification {
    const { citations, numbersByStatement, numberOf, corroboration, canonicalOf, disputedKeys, failedStatements, diagnostics } = this;
    const verification = { citations, numbersByStatement, numberOf, corroboration, canonicalOf, disputedKeys, failedStatements, support: this.supportResults, diagnostics };
    const into = containedCitations(citations);
    return into.size === 0 ? verification : renumberVerification(verification, [], into).verification;
  }
}

/**
 * The date a document gives itself. A document loaded with the summary's metadata says apart
 * the date its file gives (`fileDate`) from one only the summary's `sources` block gives, which proves nothing.
 */
function ownDate(doc: (SourceDocument & { fileDate?: string | undefined }) | undefined): string | undefined {
  if (!doc) return undefined;
  return 'fileDate' in doc ? doc.fileDate : doc.date;
}

/**
 * A quote that is not in its document: in another document, said so; else the quote and the
 * closest passage in full, the first word where they part marked.
 */
function quoteNotFound(doc: SourceDocument, quote: string, position: ReturnType<Locator['at']>, documents: readonly SourceDocument[]): Diagnostic {
  for (const other of documents) {
    if (other === doc) continue;
    const match = findQuote(other, quote);
    if (match) {
      const where = placeRef(other.id, other.format, match).replace(`${other.id}:`, `${other.id}, line `);
      return diagnostic('quote-not-found', `quote not found in ${doc.id}: "${flat(quote)}"; found in ${where}: cite it as doc: "${other.id}"`, position);
    }
  }
  const closest = closestPassage(doc, quote);
  if (!closest) return diagnostic('quote-not-found', `quote not found in ${doc.id}: "${flat(quote)}"`, position);
  const marked = markDifference(quote.trim(), closest.passage, foldQuote);
  const lookalike = lookalikeDifference(quote.trim(), closest.passage, foldQuote);
  return diagnostic(
    'quote-not-found',
    `quote not found in ${doc.id}: "${marked.quote}"; closest: "${marked.passage}" at ${placeRef(doc.id, doc.format, closest)} (they part at the word marked ${MARK_OPEN}${MARK_CLOSE}${lookalike ? `; ${lookalike}` : ''})`,
    position,
  );
}

/**
 * A quote that occurs only where it starts or ends inside a word or a number of the document
 * ("profitable" in "unprofitable", "5 percent" in "15 percent"): it would print less than the
 * document says. The message names the word and gives the quote widened to whole words.
 */
function quoteInsideWord(doc: SourceDocument, quote: string, found: InsideWord, position: ReturnType<Locator['at']>): Diagnostic {
  const widened = found.figure
    ? widenToWords(doc.text, Math.min(found.start, found.figure.start), Math.max(found.end, found.figure.end))
    : widenToWords(doc.text, found.start, found.end);
  const where = placeRef(doc.id, doc.format, found);
  const side = found.side === 'start' ? 'starts' : 'ends';
  return diagnostic(
    'quote-inside-word',
    `quote "${flat(quote)}" ${side} inside the ${found.figure ? 'figure' : /^[^\p{L}]*\p{N}/u.test(found.word) ? 'number' : 'word'} "${flat(found.word)}" at ${where}; a quote must start and end on whole words${found.figure ? ' and whole figures' : ''}, as in "${flat(widened)}"`,
    position,
  );
}

/** The passage text[start, end) widened at each end to whole words. */
function widenToWords(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  const inner = /[\p{L}\p{M}\p{N}'\u2019.,\-\u2010\u2011]/u;
  while (from > 0 && inner.test(text[from - 1] as string)) from--;
  while (to < text.length && inner.test(text[to] as string)) to++;
  // A sentence's full stop or a comma after the last word is not part of it.
  while (to > end && /[.,]/.test(text[to - 1] as string)) to--;
  while (from < start && /[.,'\u2019\-]/.test(text[from] as string)) from++;
  return text.slice(from, to);
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export { pathLabel };

/** Appends to the list kept under `key` (a section's quotes grow by each statement's: no copy each time). */
function appendTo<K, V>(lists: Map<K, V[]>, key: K, items: readonly V[]): void {
  const list = lists.get(key);
  if (list) for (const item of items) list.push(item);
  else lists.set(key, [...items]);
}
