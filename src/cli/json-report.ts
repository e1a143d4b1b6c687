// The machine-readable report of check and build (--json).
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { StatementSupport } from '../verify/verify.js';

export interface CheckReport {
  ok: boolean;
  documents: { id: string; file: string; title: string; date?: string; sha256: string; cited: boolean }[];
  citations: { n: number; doc: string; quote: string; verified: boolean; line?: number; page?: number; start?: number; end?: number }[];
  corroboration: { path: string; documents: number }[];
  /** Per field that speaks, what its quotes support (src/verify/support.ts; ARCHITECTURE.md "Support"). */
  support: StatementSupport[];
  diagnostics: Diagnostic[];
}

export function workspaceToReport(ws: VerifiedWorkspace): CheckReport {
  const citations = ws.verification?.citations ?? [];
  const cited = new Set(citations.map((c) => c.doc));
  return {
    ok: !hasErrors(ws.diagnostics),
    documents: ws.documents.map((d) => {
      const doc: CheckReport['documents'][number] = { id: d.id, file: d.file, title: d.title, sha256: d.sha256, cited: cited.has(d.id) };
      if (d.date !== undefined) doc.date = d.date;
      return doc;
    }),
    citations: citations.map((c) => {
      const entry: CheckReport['citations'][number] = { n: c.n, doc: c.doc, quote: c.quote, verified: c.verified };
      if (c.line !== undefined) Object.assign(entry, { line: c.line, start: c.start, end: c.end }, c.page !== undefined ? { page: c.page } : {});
      return entry;
    }),
    corroboration: ws.verification?.corroboration ?? [],
    support: ws.verification?.support ?? [],
    diagnostics: ws.diagnostics,
  };
}
