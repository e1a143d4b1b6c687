// briefing draft [workspace] [--force] [--update] [--out DIR]
import { rename, writeFile } from 'node:fs/promises';
import { problemDiagnostic, readTextInside } from '../inputs/sandbox.js';
import path from 'node:path';
import { readManifest } from '../pipeline/manifest.js';
import { diagnostic, EXIT, hasErrors, shownText, type Diagnostic } from '../diagnostics/diagnostic.js';
import { documentsToDraftYaml, documentsToProposals } from '../draft/draft.js';
import { proposalsIntoYaml } from '../draft/update.js';
import { printDiagnostics, type Io } from './io.js';
import { readSources } from '../inputs/sources.js';
import { documentsToAnalyse } from '../find/analysed.js';
import { assertWorkspaceFolder, SUMMARY_FILE } from '../inputs/workspace.js';

export interface DraftCommandOptions {
  workspace: string;
  force: boolean;
  update: boolean;
  /** Where the last build's manifest is (build's --out). */
  out: string;
  /** Whether stderr is a terminal: progress is shown only there. */
  tty?: boolean;
}

export async function runDraft(options: DraftCommandOptions, io: Io): Promise<number> {
  const dir = await assertWorkspaceFolder(options.workspace);
  const summaryFile = path.join(options.workspace, SUMMARY_FILE);
  const target = path.join(dir, SUMMARY_FILE);
  const read = await readTextInside(dir, target, 'summary');
  if (typeof read !== 'string' && read.problem !== 'missing') return fail(io, [problemDiagnostic(SUMMARY_FILE, read, { file: summaryFile })]);
  const existing = typeof read === 'string' ? read : undefined;
  if (options.update) {
    if (existing === undefined) return fail(io, [diagnostic('summary-missing', `no ${SUMMARY_FILE} to update; run "briefing draft ${options.workspace}" first`, { file: summaryFile })]);
  } else if (existing !== undefined && !options.force) {
    return fail(io, [diagnostic('summary-exists', `${SUMMARY_FILE} exists and was left as it is; use --force to replace it, or --update to add proposals from new documents`, { file: summaryFile })]);
  }
  const loaded = await readSources(dir, options.workspace);
  if (hasErrors(loaded.diagnostics)) return fail(io, loaded.diagnostics);
  printDiagnostics(loaded.diagnostics, io);
  const analysed = documentsToAnalyse(loaded.documents, 'draft');
  printDiagnostics(analysed.diagnostics, io);
  const sources = { ...loaded, documents: analysed.documents };
  if (sources.documents.length === 0) {
    return fail(io, [diagnostic('summary-missing', 'no source documents in the workspace to draft from', { file: options.workspace })]);
  }
  const progress = progressLine(io, options.tty ?? false, sources.documents.length);
  if (options.update) {
    const manifest = await readManifest(options.out);
    const result = await proposalsIntoYaml(existing as string, summaryFile, sources.documents, manifest, path.join(options.out, 'build.json'), { progress }, documentsToProposals);
    progress?.(sources.documents.length, sources.documents.length, true);
    if (hasErrors(result.diagnostics)) return fail(io, result.diagnostics);
    printDiagnostics(result.diagnostics, io);
    if (result.text !== existing) await writeAtomically(target, result.text);
    for (const line of result.messages) io.stderr(`${shownText(line)}\n`);
    return EXIT.ok;
  }
  const { yaml, draft } = await documentsToDraftYaml(dir, sources.documents, { progress });
  progress?.(sources.documents.length, sources.documents.length, true);
  if (draft.sections.takeaways.length < 3) {
    return fail(io, [diagnostic('draft-too-little', `the documents hold ${draft.sections.takeaways.length === 0 ? 'no sentence' : 'too few sentences'} to draft three takeaways from; write ${SUMMARY_FILE} by hand`, { file: options.workspace })]);
  }
  await writeAtomically(target, yaml);
  const counts = (['investment', 'friction', 'alternatives', 'outlook', 'conflicts'] as const).map((k) => `${draft.sections[k].length} ${k}`).join(', ');
  io.stderr(`${shownText(summaryFile)}: drafted from ${sources.documents.length} documents: ${draft.sections.takeaways.length} takeaways, ${counts}; review the items marked "review", then run "briefing check ${shownText(options.workspace)}"\n`);
  return EXIT.ok;
}

function fail(io: Io, diagnostics: Diagnostic[]): number {
  printDiagnostics(diagnostics, io);
  return EXIT.content;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}

/** A progress line on stderr, only when it is a terminal and the pile is large enough to wait for. */
function progressLine(io: Io, tty: boolean, total: number): ((done: number, all: number, last?: boolean) => void) | undefined {
  if (!tty || total < 50) return undefined;
  let shown = -1;
  return (done, all, last = false) => {
    const percent = Math.floor((done * 100) / all);
    if (percent === shown && !last) return;
    shown = percent;
    io.stderr(`\rreading documents: ${done}/${all}${last ? '\n' : ''}`);
  };
}
