// What changed since a baseline (the previous build, the last build that reported its changes,
// or a manifest named by --since): documents, and the statements that rest on them.
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { labelPath } from '../diagnostics/path-label.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import { summaryFields, type BuildState, type Manifest, type StatementRecord } from './manifest.js';
import { matchStatements, type ChangedStatement, type StatementMatch } from './statement-match.js';
import type { AmountFinding, NewDocumentReport } from './new-documents.js';

export interface ChangeReport {
  /** False when there is nothing to compare with: no earlier build, or (for --changes) none that reported its changes. */
  hasPrevious: boolean;
  /**
   * What the report compares with: for the tool's messages ("the previous build") and for readers
   * ("the build of 1 November 2025"); the baseline's date and file when known.
   */
  since: { label: string; reader: string; file?: string; date?: string };
  /** Why there is no baseline, when --changes found none to compare with. */
  nothingToCompare?: string;
  documents: { added: string[]; removed: string[]; changed: string[] };
  /** Statements citing a passage that no longer holds. */
  broken: { path: string; text: string }[];
  /** Statements whose documents changed but whose passages still hold. */
  reverified: { path: string; text: string }[];
  /** Documents no statement cites, among the ones added since the baseline. */
  uncitedNew: string[];
  /** The statements paired by identity: matched, moved, changed (fields and figures old → new), added, withdrawn. */
  statements: StatementMatch;
  /** What each document added since the baseline says: who cites it, what it corroborates or contradicts. */
  newDocuments: NewDocumentReport[];
  /** The contradictions of newDocuments, one list: a new document states another value of the same kind of amount. */
  conflictCandidates: ConflictCandidate[];
  /** The summary's other fields that changed ("title", "memo.to"); "the summary file" when the previous build did not record them. */
  summary: string[];
  /** Other inputs that changed: templates, the theme and its logo, the tool itself. */
  inputs: string[];
}

export type ConflictCandidate = AmountFinding & { doc: string };

export function emptyReport(): ChangeReport {
  return {
    hasPrevious: false,
    since: { label: 'the previous build', reader: 'the previous version' },
    documents: { added: [], removed: [], changed: [] },
    broken: [],
    reverified: [],
    uncitedNew: [],
    statements: { matched: 0, moved: [], changed: [], added: [], withdrawn: [] },
    newDocuments: [],
    conflictCandidates: [],
    summary: [],
    inputs: [],
  };
}

/** Templates, theme files and the tool whose bytes differ from the previous build's. */
export function changedInputs(previous: Manifest | undefined, current: { templates: FileHash[]; theme: FileHash[]; fingerprint: string }): string[] {
  if (!previous) return [];
  const changed: string[] = [];
  const compare = (label: string, before: FileHash[], after: FileHash[]) => {
    const old = new Map(before.map((f) => [f.file, f.sha256]));
    const now = new Map(after.map((f) => [f.file, f.sha256]));
    for (const [file, sha] of now) if (old.get(file) !== sha) changed.push(`${label} ${file}`);
    for (const file of old.keys()) if (!now.has(file)) changed.push(`${label} ${file} (removed)`);
  };
  compare('template', previous.inputs.templates, current.templates);
  compare('theme', previous.inputs.theme, current.theme);
  if (previous.tool.fingerprint !== current.fingerprint) changed.push('briefing itself (a new version of the tool)');
  return changed;
}

type FileHash = { file: string; sha256: string };

export function compareBuilds(previous: BuildState | undefined, ws: VerifiedWorkspace, current: StatementRecord[]): ChangeReport {
  const report = emptyReport();
  if (!previous) return report;
  report.hasPrevious = true;
  const before = new Map(previous.documents.map((d) => [d.id, d]));
  const now = new Map(ws.documents.map((d) => [d.id, d]));
  for (const [id, doc] of now) {
    const old = before.get(id);
    if (!old) report.documents.added.push(id);
    else if (old.sha256 !== doc.sha256) report.documents.changed.push(id);
  }
  for (const id of before.keys()) if (!now.has(id)) report.documents.removed.push(id);

  const citedNow = new Set(current.flatMap((s) => s.docs));
  report.uncitedNew = report.documents.added.filter((id) => !citedNow.has(id));

  const touched = new Set([...report.documents.changed, ...report.documents.removed]);
  const failed = ws.verification?.failedStatements ?? new Set<string>();
  for (const s of current) {
    if (failed.has(s.path)) report.broken.push({ path: s.path, text: s.text });
    else if (s.docs.some((d) => touched.has(d))) report.reverified.push({ path: s.path, text: s.text });
  }

  report.statements = matchStatements(previous.statements, current);
  if (previous.fields) {
    const now = summaryFields(ws);
    const keys = new Set([...Object.keys(previous.fields), ...Object.keys(now)]);
    report.summary = [...keys].filter((k) => previous.fields?.[k] !== now[k]).sort();
  } else if (ws.summarySha256 !== undefined && previous.summarySha256 !== undefined && previous.summarySha256 !== ws.summarySha256 && isEmptyReport(report)) {
    report.summary = ['the summary file'];
  }
  return report;
}

export function isEmptyReport(r: ChangeReport): boolean {
  return (
    r.documents.added.length + r.documents.removed.length + r.documents.changed.length + r.broken.length +
        r.statements.added.length + r.statements.withdrawn.length + r.statements.changed.length + r.inputs.length + r.summary.length ===
    0
  );
}

/**
 * What the documents added since the baseline say (who cites them, what they corroborate or
 * contradict), into the report. Loaded only when documents were added.
 */
export async function describeNewDocuments(report: ChangeReport, ws: VerifiedWorkspace): Promise<void> {
  if (!report.hasPrevious || report.documents.added.length === 0 || !ws.summary) return;
  const { newDocumentsToReport } = await import('./new-documents.js');
  report.newDocuments = newDocumentsToReport(ws, report.documents.added);
  report.conflictCandidates = report.newDocuments.flatMap((d) => d.contradicts.map((c) => ({ doc: d.id, ...c })));
}

/**
 * The change report as diagnostics, for the --json report: documents added, removed or changed
 * (at the document's file), statements whose citation broke or was re-verified (at the statement
 * in briefing.yaml), conflict candidates (at the new document's passage). stderr shows the same
 * report as the lines of formatChangeReport.
 */
export function changeDiagnostics(r: ChangeReport, ws: VerifiedWorkspace): Diagnostic[] {
  if (!r.hasPrevious) return [];
  const fileOf = (id: string) => {
    const doc = ws.documents.find((d) => d.id === id);
    return doc ? { file: doc.file } : { file: path.join(ws.shownDir, id) };
  };
  const at = (label: string) => ws.locator?.at(labelPath(label)) ?? { file: ws.summaryFile };
  const lineOf = (place: string) => Number(/:(\d+)$/.exec(place)?.[1] ?? NaN);
  return [
    ...r.documents.added.map((id) => diagnostic('document-added', `document ${id} was added since ${r.since.label}`, fileOf(id))),
    ...r.documents.removed.map((id) => diagnostic('document-removed', `document ${id} was removed since ${r.since.label}`, { file: ws.shownDir })),
    ...r.documents.changed.map((id) => diagnostic('document-changed', `document ${id} changed since ${r.since.label}`, fileOf(id))),
    ...r.broken.map((s) => diagnostic('citation-broken', `${s.path} no longer rests on its sources: ${short(s.text)}`, at(s.path))),
    ...r.reverified.map((s) => diagnostic('citation-reverified', `${s.path} re-verified against changed documents: ${short(s.text)}`, at(s.path))),
    ...r.conflictCandidates.map((c) => {
      const line = lineOf(c.place);
      return diagnostic('conflict-candidate', conflictMessage(c), Number.isNaN(line) ? fileOf(c.doc) : { ...fileOf(c.doc), line });
    }),
  ];
}

function conflictMessage(c: ConflictCandidate): string {
  return `new document ${c.doc} states ${c.documentFigure} (${c.kind}) where ${c.path} says ${c.statementFigure}: a conflict candidate; check which account holds`;
}

/** Human-readable lines for stderr. */
export function formatChangeReport(r: ChangeReport): string[] {
  if (r.nothingToCompare !== undefined) return [`changes: nothing to compare with: ${r.nothingToCompare}`];
  if (!r.hasPrevious) return [];
  if (isEmptyReport(r)) return [`changes: none since ${r.since.label}`];
  const lines: string[] = [`changes since ${r.since.label}:`];
  const list = (label: string, ids: string[]) => ids.length > 0 && lines.push(`  ${label}: ${ids.join(', ')}`);
  list('documents added', r.documents.added);
  list('documents removed', r.documents.removed);
  list('documents changed', r.documents.changed);
  for (const s of r.broken) lines.push(`  citation broken: ${s.path}: ${short(s.text)}`);
  for (const s of r.reverified) lines.push(`  re-verified: ${s.path}: ${short(s.text)}`);
  for (const c of r.conflictCandidates) lines.push(`  conflict candidate: ${conflictMessage(c).replace(/^new document /, 'document ')} (${c.place})`);
  for (const id of r.uncitedNew) lines.push(`  new document ${id} is not cited yet: run "briefing draft --update" to propose statements from it`);
  for (const s of r.statements.changed) lines.push(`  statement changed: ${s.path}${s.previousPath ? ` (was ${s.previousPath})` : ''}: ${changeSummary(s)}`);
  for (const s of r.statements.added) lines.push(`  statement added: ${s.path}: ${short(s.text)}`);
  for (const s of r.statements.withdrawn) lines.push(`  statement withdrawn: ${s.path}: ${short(s.text)}`);
  if (r.summary.length > 0) lines.push(`  summary changed: ${r.summary.join(', ')}`);
  for (const input of r.inputs) lines.push(`  changed: ${input}`);
  return lines;
}

/** "$13.75 billion → $13 billion", or the fields that changed, or "citations". */
function changeSummary(s: ChangedStatement): string {
  if (s.figures.length > 0) return s.figures.map((f) => `${f.old ?? '(none)'} → ${f.new ?? '(none)'}`).join(', ');
  if (s.fields.length > 0) return `${s.fields.map((f) => f.field).join(', ')} reworded: ${short(s.text)}`;
  const parts = [s.citations.added.length > 0 ? `${s.citations.added.length} citation(s) added` : '', s.citations.removed.length > 0 ? `${s.citations.removed.length} removed` : ''];
  return parts.filter((p) => p !== '').join(', ');
}

export function short(text: string): string {
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}
