// What `find` and `draft` analyse of each document: its language model costs about 3 µs a
// character, so a document's text beyond LIMITS.analysedText is left out (cut at a line end),
// with a warning naming the document and the limit, rather than running for minutes.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../inputs/sandbox.js';
import type { SourceDocument } from '../inputs/sources.js';

export function documentsToAnalyse<D extends SourceDocument>(documents: readonly D[], command: 'find' | 'draft', limit: number = LIMITS.analysedText): { documents: D[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const kept = documents.map((doc) => {
    if (doc.text.length <= limit) return doc;
    const lineEnd = doc.text.lastIndexOf('\n', limit);
    const cut = lineEnd > limit / 2 ? lineEnd + 1 : limit;
    diagnostics.push(
      diagnostic('text-limit', `document ${doc.id} has ${millions(doc.text.length)} characters of text; ${command} analyses its first ${millions(cut)} only (the limit is ${millions(limit)} a document)`, { file: doc.file }),
    );
    return { ...doc, text: doc.text.slice(0, cut) };
  });
  return { documents: kept, diagnostics };
}

/** "10.5 million", or the number itself below 100,000. */
function millions(n: number): string {
  return n >= 100_000 ? `${Number((n / 1e6).toFixed(1))} million` : String(n);
}
