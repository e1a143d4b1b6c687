// briefing find [workspace] <words…>
import { stat } from 'node:fs/promises';
import { diagnostic, EXIT, hasErrors, shownText } from '../diagnostics/diagnostic.js';
import { citationText, findPassages } from '../find/find.js';
import { printDiagnostics, type Io } from './io.js';
import { readSources } from '../inputs/sources.js';
import { assertWorkspaceFolder } from '../inputs/workspace.js';
import { documentsToAnalyse } from '../find/analysed.js';

export interface FindCommandOptions {
  /** The words; the first names the workspace when it is a folder and more words follow. */
  words: string[];
  json: boolean;
  limit: number;
}

export async function runFind(options: FindCommandOptions, io: Io): Promise<number> {
  let words = options.words;
  let workspace = 'seeds';
  if (words.length > 1 && (await stat(words[0] as string).catch(() => undefined))?.isDirectory()) {
    workspace = words[0] as string;
    words = words.slice(1);
  }
  const dir = await assertWorkspaceFolder(workspace);
  const sources = await readSources(dir, workspace);
  printDiagnostics(sources.diagnostics, io);
  if (hasErrors(sources.diagnostics) && sources.documents.length === 0) return EXIT.content;
  const analysed = documentsToAnalyse(sources.documents, 'find');
  printDiagnostics(analysed.diagnostics, io);
  const found = await findPassages(analysed.documents, words, Math.max(1, Math.floor(options.limit)));
  if (options.json) {
    io.stdout(`${JSON.stringify(found.map((f) => ({ ...f, cite: { doc: f.doc, quote: f.quote } })), null, 2)}\n`);
  } else {
    for (const f of found) io.stdout(`${shownText(`${f.doc}:${f.line}  ${f.passage}`)}\n    ${shownText(citationText(f))}\n\n`);
  }
  if (found.length === 0) {
    printDiagnostics([diagnostic('nothing-found', `no passage of the ${sources.documents.length} documents in ${workspace} matches "${words.join(' ')}"`)], io);
    return EXIT.content;
  }
  return EXIT.ok;
}
