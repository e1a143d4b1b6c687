// Proving the summary against the documents: every quote occurs, every figure is in its quotes,
// every id names a document. Citations are numbered globally in order of first appearance.
import { diagnostic, excerpt, type Diagnostic } from '../diagnostics.js';
import type { SourceDocument } from '../sources/read.js';
import { ungroundedFigures } from './figures.js';
import type { Locator, YamlPath } from './load.js';
import { closestPassage, findQuote, foldQuote } from './match.js';
import { SECTION_KEYS, type Citation, type SectionKey, type Summary } from './schema.js';

export const MIN_QUOTE_LENGTH = 12;

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
}

export interface Verification {
  citations: ResolvedCitation[];
  /** Citation number for each statement's cite list, keyed by `path.join('.')`. */
  numbersByStatement: Map<string, number[]>;
  corroboration: { path: string; documents: number }[];
  /** Statements (path labels) with a citation that does not hold. */
  failedStatements: Set<string>;
  diagnostics: Diagnostic[];
}

export function citationKey(c: Citation): string {
  return `${c.doc}\u0000${foldQuote(c.quote)}`;
}

export function statementsOf(summary: Summary): StatementRef[] {
  const refs: StatementRef[] = [];
  const add = (section: SectionKey, path: YamlPath, item: Record<string, unknown>, names: string[], cite: Citation[]) => {
    const fields = names
      .filter((name) => typeof item[name] === 'string')
      .map((name) => ({ name, value: item[name] as string }));
    refs.push({ section, path, fields, cite });
  };
  summary.takeaways.forEach((s, i) => add('takeaways', ['takeaways', i], s, ['text'], s.cite));
  summary.investment.forEach((s, i) => add('investment', ['investment', i], s, ['when', 'amount', 'label', 'text'], s.cite));
  summary.friction.forEach((s, i) => add('friction', ['friction', i], s, ['title', 'text'], s.cite));
  summary.alternatives.forEach((s, i) => add('alternatives', ['alternatives', i], s, ['name', 'text'], s.cite));
  summary.outlook.forEach((s, i) => add('outlook', ['outlook', i], s, ['title', 'text'], s.cite));
  summary.conflicts.forEach((c, i) => {
    c.sides.forEach((s, j) => add('conflicts', ['conflicts', i, 'sides', j], s, ['text'], s.cite));
  });
  return refs;
}

export function verifySummary(
  summary: Summary,
  documents: SourceDocument[],
  locator: Locator,
  unreadable: ReadonlySet<string> = new Set(),
): Verification {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const diagnostics: Diagnostic[] = [];
  const citations: ResolvedCitation[] = [];
  const numberOf = new Map<string, number>();
  const numbersByStatement = new Map<string, number[]>();
  const corroboration: Verification['corroboration'] = [];
  const citedDocs = new Set<string>();
  const sectionQuotes = new Map<SectionKey, string[]>();
  const statements = statementsOf(summary);
  const failedStatements = new Set<string>();

  for (const statement of statements) {
    const numbers: number[] = [];
    const errorsBefore = diagnostics.length;
    const seen = new Set<string>();
    const quotes: string[] = [];
    statement.cite.forEach((c, k) => {
      const citePath = [...statement.path, 'cite', k];
      const key = citationKey(c);
      const folded = foldQuote(c.quote);
      if (folded === '') {
        diagnostics.push(diagnostic('quote-empty', 'quote is empty', locator.at([...citePath, 'quote'])));
        return;
      }
      if (folded.length < MIN_QUOTE_LENGTH) {
        diagnostics.push(
          diagnostic(
            'quote-too-short',
            `quote "${excerpt(c.quote, 40)}" is too short to prove anything (${folded.length} characters; at least ${MIN_QUOTE_LENGTH})`,
            locator.at([...citePath, 'quote']),
          ),
        );
        return;
      }
      if (seen.has(key)) {
        diagnostics.push(diagnostic('quote-duplicate', `quote "${excerpt(c.quote, 60)}" is cited twice here`, locator.at([...citePath, 'quote'])));
        return;
      }
      seen.add(key);
      const doc = byId.get(c.doc);
      if (!doc && unreadable.has(c.doc)) {
        // The source could not be read; that is reported once, on the source itself.
        failedStatements.add(pathLabel(statement.path));
        return;
      }
      if (!doc) {
        const known = documents.map((d) => d.id).join(', ') || 'none';
        const padded = /^\d+$/.test(c.doc) ? documents.find((d) => /^\d+$/.test(d.id) && Number(d.id) === Number(c.doc)) : undefined;
        const hint = padded ? `; did you mean "${padded.id}"? Quote ids in YAML: doc: "${padded.id}"` : ` (documents: ${known})`;
        diagnostics.push(diagnostic('unknown-doc', `no document with id "${c.doc}"${hint}`, locator.at([...citePath, 'doc'])));
        return;
      }
      citedDocs.add(doc.id);
      quotes.push(c.quote);
      let n = numberOf.get(key);
      if (n === undefined) {
        n = citations.length + 1;
        numberOf.set(key, n);
        const match = findQuote(doc, c.quote);
        const resolved: ResolvedCitation = { n, doc: doc.id, quote: c.quote.trim(), verified: match !== undefined };
        const quotePos = locator.at([...citePath, 'quote']);
        if (quotePos.line !== undefined) resolved.summaryLine = quotePos.line;
        if (match) {
          Object.assign(resolved, { start: match.start, end: match.end, line: match.line, passage: match.passage });
        } else {
          diagnostics.push(quoteNotFound(doc, c.quote, quotePos));
        }
        citations.push(resolved);
      } else if (!citations[n - 1]?.verified) {
        diagnostics.push(quoteNotFound(doc, c.quote, locator.at([...citePath, 'quote'])));
      }
      numbers.push(n);
    });
    if (diagnostics.length > errorsBefore) failedStatements.add(pathLabel(statement.path));
    numbersByStatement.set(statement.path.join('.'), numbers);
    const docs = new Set(statement.cite.filter((c) => byId.has(c.doc)).map((c) => c.doc));
    corroboration.push({ path: pathLabel(statement.path), documents: docs.size });
    const list = sectionQuotes.get(statement.section) ?? [];
    list.push(...quotes);
    sectionQuotes.set(statement.section, list);
    for (const field of statement.fields) {
      for (const figure of ungroundedFigures(field.value, quotes)) {
        diagnostics.push(
          diagnostic(
            'figure-not-in-quotes',
            `figure "${figure.text}" in ${pathLabel([...statement.path, field.name])} does not occur in its quotes`,
            locator.at([...statement.path, field.name]),
          ),
        );
      }
    }
  }

  summary.conflicts.forEach((conflict, i) => {
    const quotes = conflict.sides.flatMap((s) => s.cite.map((c) => c.quote));
    for (const figure of ungroundedFigures(conflict.topic, quotes)) {
      diagnostics.push(
        diagnostic('figure-not-in-quotes', `figure "${figure.text}" in conflicts[${i}].topic does not occur in its quotes`, locator.at(['conflicts', i, 'topic'])),
      );
    }
  });

  for (const section of SECTION_KEYS) {
    const headline = summary.headlines[section];
    if (headline === undefined) continue;
    for (const figure of ungroundedFigures(headline, sectionQuotes.get(section) ?? [])) {
      diagnostics.push(
        diagnostic(
          'figure-not-in-quotes',
          `figure "${figure.text}" in headlines.${section} does not occur in any quote of the ${section} section`,
          locator.at(['headlines', section]),
        ),
      );
    }
  }

  // The title, subtitle and memo subject speak for the whole briefing: their figures must occur in some quote.
  const allQuotes = [...sectionQuotes.values()].flat();
  const framing: [YamlPath, string | undefined][] = [
    [['title'], summary.title],
    [['subtitle'], summary.subtitle],
    [['memo', 'subject'], summary.memo.subject],
  ];
  for (const [path, text] of framing) {
    if (text === undefined) continue;
    for (const figure of ungroundedFigures(text, allQuotes)) {
      diagnostics.push(diagnostic('figure-not-in-quotes', `figure "${figure.text}" in ${pathLabel(path)} does not occur in any quote of the summary`, locator.at(path)));
    }
  }

  for (const id of Object.keys(summary.sources)) {
    if (!byId.has(id) && !unreadable.has(id)) {
      diagnostics.push(diagnostic('unknown-source-metadata', `sources names "${id}", but there is no such document`, locator.at(['sources', id], 'key')));
    }
  }
  for (const doc of documents) {
    if (!citedDocs.has(doc.id)) {
      diagnostics.push(diagnostic('uncited-document', `document ${doc.id} is not cited by any statement`, { file: doc.file }));
    }
  }
  return { citations, numbersByStatement, corroboration, failedStatements, diagnostics };
}

function quoteNotFound(doc: SourceDocument, quote: string, position: ReturnType<Locator['at']>): Diagnostic {
  const closest = closestPassage(doc, quote);
  const hint = closest ? `; closest: "${excerpt(closest.passage, 90)}" at ${doc.id}:${closest.line}` : '';
  return diagnostic('quote-not-found', `quote not found in ${doc.id}: "${excerpt(quote, 80)}"${hint}`, position);
}

export function pathLabel(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
