// The full check: everything a build checks before it writes (and, with --review, the review page).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, hasErrors, shownText } from '../diagnostics/diagnostic.js';
import { printDiagnostics, type Io } from './io.js';
import { loadVerifiedWorkspace, prepareOutputs } from '../pipeline/pipeline.js';
import { workspaceToReport } from './json-report.js';
import { loadTheme } from '../inputs/theme.js';
import type { CheckOptions } from './check-record.js';
import { pushAll } from '../common/arrays.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildDate, epochDate } from '../pipeline/build-briefing.js';
import { writeFileAtomically } from '../pipeline/atomic-output.js';
import { reviewHtml, reviewModel } from '../review/review.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';

/**
 * The sources, the summary and its citations, the theme, the templates and the deck's layout
 * (the same preparation as a build, thrown away). Also returns the logo the theme names, which
 * the check's record hashes with the other inputs.
 */
export async function fullCheck(options: CheckOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<{ exitCode: number; logos: string[] }> {
  const ws = await loadVerifiedWorkspace(options.workspace, { strict: options.strict === true });
  const logos: string[] = [];
  if (!hasErrors(ws.diagnostics)) {
    const themed = await loadTheme(ws.dir, ws.shownDir);
    if (themed.logo !== undefined) logos.push(themed.logo);
    pushAll(ws.diagnostics, themed.diagnostics);
    if (!hasErrors(themed.diagnostics)) pushAll(ws.diagnostics, (await prepareOutputs(ws, themed.theme, { templatesDir: options.templates })).diagnostics);
  }
  const review = options.review !== undefined ? await writeReview(ws, options.review, env) : undefined;
  if (review) pushAll(ws.diagnostics, review.diagnostics);
  printDiagnostics(ws.diagnostics, io);
  if (review?.written) io.stderr(`${shownText(options.review as string)}: review page written: ${review.written}\n`);
  const failed = hasErrors(ws.diagnostics);
  if (options.json) io.stdout(`${JSON.stringify(workspaceToReport(ws), null, 2)}\n`);
  else if (!failed) {
    const n = ws.verification?.citations.length ?? 0;
    io.stderr(`${shownText(ws.summaryFile)}: ok: ${n} citations verified in ${ws.documents.length} documents\n`);
  }
  return { exitCode: failed ? EXIT.content : EXIT.ok, logos };
}

/**
 * The review page of what this check found, errors included (a failing check is when it helps
 * most), written to `file` on its own, atomically. Dated as a build would be (SOURCE_DATE_EPOCH,
 * else the summary's as-of date; undated when the summary could not be read).
 */
async function writeReview(ws: VerifiedWorkspace, file: string, env: NodeJS.ProcessEnv): Promise<{ diagnostics: Diagnostic[]; written?: string }> {
  const date = ws.summary ? buildDate(ws.summary.asOf, env) : epochDate(env);
  const page = reviewModel(ws, { diagnostics: ws.diagnostics, date, pageDir: path.dirname(path.resolve(file)) });
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFileAtomically(file, reviewHtml(page));
  } catch (error) {
    return { diagnostics: [diagnostic('review-unwritable', `cannot write the review page ${file}: ${(error as Error).message}`, { file })] };
  }
  const { statements, problemItems } = page.counts;
  return { diagnostics: [], written: `${statements} ${statements === 1 ? 'statement' : 'statements'}, ${problemItems} to look at` };
}
