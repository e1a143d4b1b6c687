import { EXIT, hasErrors } from '../diagnostics.js';
import { printDiagnostics, type Io } from '../io.js';
import { workspaceToReport } from '../report.js';
import { loadWorkspace } from '../workspace.js';

export async function runCheck(options: { workspace: string; json: boolean }, io: Io): Promise<number> {
  const ws = await loadWorkspace(options.workspace);
  printDiagnostics(ws.diagnostics, io);
  const failed = hasErrors(ws.diagnostics);
  if (options.json) io.stdout(`${JSON.stringify(workspaceToReport(ws), null, 2)}\n`);
  else if (!failed) {
    const n = ws.verification?.citations.length ?? 0;
    io.stderr(`${ws.summaryFile}: ok: ${n} citations verified in ${ws.documents.length} documents\n`);
  }
  return failed ? EXIT.content : EXIT.ok;
}
