// The change report as the "What changed" slide and memo section see it, written for the reader,
// in this order: new or changed facts (figures old → new), what the new documents say (title,
// date, what they support or may contradict), statements withdrawn, documents added but not yet
// cited, and sources revised or removed. Every string escaped for Markdown.
import { citationKey, statementsOf } from '../verify/verify.js';
import { labelPath, pathLabel } from '../diagnostics/path-label.js';
import { shownTitle } from '../inputs/shown-title.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import { CiteList, escapeMarkdown } from '../template/view.js';
import type { ChangeReport } from './changes.js';
import { previousWording, type FigureChange } from './statement-match.js';
import { itemIdentity, type StatementRecord } from './manifest.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date at the precision it is written with: "2025" · "October 2025" · "28 October 2025". */
export function datePrecise(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  if (month === undefined) return year as string;
  const name = MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** The figures of a change as a reader reads them: "$13.75 billion → $13 billion". */
function figuresLine(figures: readonly FigureChange[]): string {
  return figures.map((f) => (f.old !== undefined && f.new !== undefined ? `${f.old} → ${f.new}` : f.new !== undefined ? `new figure ${f.new}` : `${f.old} no longer given`)).join('; ');
}

/** What a reader calls a statement: its label or title when it has one, else its text. */
function nameOf(fields: Record<string, string>): string {
  return fields.label ?? fields.title ?? fields.name ?? readerText(fields);
}

/** The reader's words for a statement: its `text` (or signpost), else all its fields. */
function readerText(fields: Record<string, string>): string {
  return fields.text ?? fields.signpost ?? Object.values(fields).join(' · ');
}

export function changesToView(r: ChangeReport, ws: VerifiedWorkspace): Record<string, unknown> {
  const e = escapeMarkdown;
  const numbers = ws.verification?.numberOf ?? new Map<string, number>();
  const cites = new Map((ws.summary ? statementsOf(ws.summary) : []).map((s) => [pathLabel(s.path), [...new Set(s.cite.map((c) => numbers.get(citationKey(c))).filter((n): n is number => n !== undefined))]]));
  const citeOf = (path: string) => new CiteList(cites.get(path) ?? []);
  const named = (path: string) => e(nameOf(ws.summary ? itemIdentity(ws.summary, labelPath(path)).fields : {}));
  const docs = new Map(ws.documents.map((d) => [d.id, d]));
  const docView = (id: string) => {
    const d = docs.get(id);
    // The editor's date (from the summary's sources block) in brackets, as everywhere else.
    const date = d?.date !== undefined ? datePrecise(d.date) : '';
    return { id: e(id), title: e(d ? shownTitle(d) : id), date: e(d?.dateFrom === 'editor' && date !== '' ? `[${date}]` : date) };
  };

  // Only a change a reader can see is a changed fact: its wording. Citations alone changing are not.
  const facts = [
    ...r.statements.changed
      .filter((s) => s.fields.length > 0)
      .map((s) => ({
        changed: true,
        text: e(readerText(s.wording.new)),
        /** The stretch of the old wording that changed, in context (the whole of it in the speaker notes and --json). */
        previous: e(previousWording(readerText(s.wording.old), readerText(s.wording.new))),
        previousWhole: e(readerText(s.wording.old)),
        reworded: readerText(s.wording.new) !== readerText(s.wording.old),
        figures: e(figuresLine(s.figures)),
        /** The fields that changed when the text itself did not ("label", "amount.kind"). */
        other: e(s.fields.map((f) => f.field).filter((f) => f !== 'text' && f !== 'signpost').join(', ')),
        cite: citeOf(s.path),
      })),
    ...r.statements.added.map((s) => ({ changed: false, text: e(readerText(s.fields ?? { text: s.text })), previous: '', previousWhole: '', reworded: false, figures: '', other: '', cite: citeOf(s.path) })),
  ];

  // New documents with something to say: cited, corroborating or contradicting a statement.
  const telling = r.newDocuments.filter((d) => d.citedBy.length + d.corroborates.length + d.contradicts.length > 0);
  const newSources = telling.map((d) => ({
    ...docView(d.id),
    cited: d.citedBy.length > 0,
    supports: [...new Set([...d.citedBy.map((s) => s.path), ...d.corroborates.map((c) => c.path)])].map(named),
    contradicts: d.contradicts.map((c) => ({
      documentFigure: e(c.documentFigure),
      statementFigure: e(c.statementFigure),
      statement: named(c.path),
      kind: e(c.kind),
    })),
  }));
  const toldIds = new Set(telling.map((d) => d.id));
  const uncited = r.uncitedNew.filter((id) => !toldIds.has(id)).map(docView);
  const withdrawn = r.statements.withdrawn.map((s: StatementRecord) => ({ text: e(readerText(s.fields ?? { text: s.text })) }));
  const revised = r.documents.changed.map(docView);
  const removed = r.documents.removed.map((id) => ({ id: e(id) }));
  const conflicts = newSources.reduce((n, d) => n + d.contradicts.length, 0);
  return {
    hasPrevious: r.hasPrevious,
    since: e(r.since.reader),
    facts,
    newSources,
    withdrawn,
    uncited,
    revised,
    removed,
    conflicts,
    any: facts.length + newSources.length + withdrawn.length + uncited.length + revised.length + removed.length > 0,
  };
}
