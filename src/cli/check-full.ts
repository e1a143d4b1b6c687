// The full check: everything a build checks before it writes.
import { EXIT, hasErrors, shownText } from '../diagnostics/diagnostic.js';
import { printDiagnostics, type Io } from './io.js';
import { loadVerifiedWorkspace, prepareOutputs } from '../pipeline/pipeline.js';
import { workspaceToReport } from './json-report.js';
import { loadTheme } from '../inputs/theme.js';
import type { CheckOptions } from './check-record.js';
import { pushAll } from '../common/arrays.js';

/**
 * The sources, the summary and its citations, the theme, the templates and the deck's layout
 * (the same preparation as a build, thrown away). Also returns the logo the theme names, which
 * the check's record hashes with the other inputs.
 */
export async function fullCheck(options: CheckOptions, io: Io): Promise<{ exitCode: number; logos: string[] }> {
  const ws = await loadVerifiedWorkspace(options.workspace, { strict: options.strict === true });
  const logos: string[] = [];
  if (!hasErrors(ws.diagnostics)) {
    const themed = await loadTheme(ws.dir, ws.shownDir);
    if (themed.logo !== undefined) logos.push(themed.logo);
    pushAll(ws.diagnostics, themed.diagnostics);
    if (!hasErrors(themed.diagnostics)) pushAll(ws.diagnostics, (await prepareOutputs(ws, themed.theme, { templatesDir: options.templates })).diagnostics);
  }
  printDiagnostics(ws.diagnostics, io);
  const failed = hasErrors(ws.diagnostics);
  if (options.json) io.stdout(`${JSON.stringify(workspaceToReport(ws), null, 2)}\n`);
  else if (!failed) {
    const n = ws.verification?.citations.length ?? 0;
    io.stderr(`${shownText(ws.summaryFile)}: ok: ${n} citations verified in ${ws.documents.length} documents\n`);
  }
  return { exitCode: failed ? EXIT.content : EXIT.ok, logos };
}
