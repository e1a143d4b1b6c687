import { buildBriefing, MEMO_FILE, type BuildResult } from '../pipeline/build-briefing.js';
import { changeDiagnostics, formatChangeReport } from '../pipeline/changes.js';
import { MANIFEST_FILE } from '../pipeline/manifest.js';
import { EXIT, hasErrors, shownText } from '../diagnostics/diagnostic.js';
import { printDiagnostics, type Io } from './io.js';
import { workspaceToReport } from './json-report.js';

export interface BuildCommandOptions {
  workspace: string;
  out: string;
  json: boolean;
  force: boolean;
  changes: boolean;
  since?: string | undefined;
  templates?: string | undefined;
  pdfa: boolean;
  strict?: boolean;
}

/** ", 3 pages + 5 of references": how long the memo is (its body is what a reader reads). */
function pagesNote(output: { pages?: number | undefined; bodyPages?: number | undefined }): string {
  if (output.pages === undefined) return '';
  const body = output.bodyPages ?? output.pages;
  const refs = output.pages - body;
  return `, ${body} ${body === 1 ? 'page' : 'pages'}${refs > 0 ? ` + ${refs} of references` : ''}`;
}

export async function runBuild(options: BuildCommandOptions, io: Io): Promise<number> {
  const result = await buildBriefing({ ...options, trustManifest: !options.json });
  reportBuild(result, options, io);
  return result.status === 'failed' || hasErrors(result.diagnostics) ? EXIT.content : EXIT.ok;
}

/** Print a build's diagnostics, change report and outcome (stderr), or its JSON report (stdout). */
export function reportBuild(result: BuildResult, options: { out: string; json: boolean }, io: Io): void {
  printDiagnostics(result.diagnostics, io);
  if (result.status !== 'up-to-date') for (const line of formatChangeReport(result.changes)) io.stderr(`${shownText(line)}\n`);
  if (options.json) {
    const report = {
      ...workspaceToReport(result.workspace),
      ok: result.status !== 'failed',
      status: result.status,
      diagnostics: [...result.diagnostics, ...changeDiagnostics(result.changes, result.workspace)],
      changes: result.changes,
      outputs: result.manifest?.outputs ?? [],
      timings: result.timings,
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const out = shownText(options.out);
  const ms = result.timings.total !== undefined ? ` in ${Math.round(result.timings.total)} ms` : '';
  if (result.status === 'up-to-date') io.stderr(`${out}: up to date${ms} (use --force to rebuild)\n`);
  else if (result.status === 'built') {
    const kept = result.kept ?? [];
    const written = (result.manifest?.outputs ?? []).filter((o) => !kept.includes(o.file));
    const files = [...written.map((o) => `${o.file} (${Math.round(o.bytes / 1024)} KB${pagesNote(o)})`), MANIFEST_FILE].join(', ');
    const keptNote = kept.length > 0 ? `; kept ${joinAnd(kept)}: unchanged` : '';
    const n = result.workspace.verification?.citations.length ?? 0;
    const memo = result.manifest?.outputs.find((o) => o.file === MEMO_FILE && kept.includes(o.file) && o.pages !== undefined);
    const memoNote = memo ? `; ${MEMO_FILE}${pagesNote(memo).replace(',', ':')}` : '';
    io.stderr(`${out}: wrote ${files}${ms}${keptNote}${memoNote}; ${n} citations verified\n`);
  } else io.stderr(`build failed: ${out} was left as it was\n`);
}

/** "a", "a and b", "a, b and c". */
function joinAnd(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
