import { EXIT, hasErrors } from '../diagnostics/diagnostic.js';
import { printDiagnostics, type Io } from './io.js';
import { prepareOutputs } from '../build/pipeline.js';
import { workspaceToReport } from './json-report.js';
import { loadTheme } from '../inputs/theme.js';
import { loadWorkspace } from '../inputs/workspace.js';

/**
 * Everything a build checks before it writes: the sources, the summary and its citations, the
 * theme, the templates and the deck's layout (the same preparation as a build, thrown away).
 */
export async function runCheck(options: { workspace: string; json: boolean; templates?: string | undefined }, io: Io): Promise<number> {
  const ws = await loadWorkspace(options.workspace);
  if (!hasErrors(ws.diagnostics)) {
    const themed = await loadTheme(ws.dir, ws.shownDir);
    ws.diagnostics.push(...themed.diagnostics);
    if (!hasErrors(themed.diagnostics)) ws.diagnostics.push(...(await prepareOutputs(ws, themed.theme, { templatesDir: options.templates })).diagnostics);
  }
  printDiagnostics(ws.diagnostics, io);
  const failed = hasErrors(ws.diagnostics);
  if (options.json) io.stdout(`${JSON.stringify(workspaceToReport(ws), null, 2)}\n`);
  else if (!failed) {
    const n = ws.verification?.citations.length ?? 0;
    io.stderr(`${ws.summaryFile}: ok: ${n} citations verified in ${ws.documents.length} documents\n`);
  }
  return failed ? EXIT.content : EXIT.ok;
}
