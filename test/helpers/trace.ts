// Run the CLI with module tracing (trace-loads.mjs): what the process loaded, which workers it
// started and which writers it used.
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './workspace.js';

const TRACER = path.join(ROOT, 'test/helpers/trace-loads.mjs');
/** The libraries a command that renders nothing should never load. */
export const HEAVY = /node_modules\/(pdfmake|pdfkit|pptxgenjs|fontkit|jszip)\//;
/** The parsers an up-to-date check should never load. */
export const PARSERS = /node_modules\/(yaml|zod|handlebars|markdown-it)\//;

export interface Trace {
  code: number;
  stdout: string;
  stderr: string;
  /** The packages matching the pattern asked for that were loaded. */
  heavy: string[];
  workers: string[];
  writers: string[];
}

export async function traced(entry: string, args: string[], dir: string, options: { env?: NodeJS.ProcessEnv; packages?: RegExp } = {}): Promise<Trace> {
  // Outside the working folder, which may be the repository.
  const file = path.join(os.tmpdir(), `briefing-trace-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', TRACER, entry, ...args],
      { cwd: dir, env: { ...process.env, ...options.env, BRIEFING_TRACE_LOADS: file }, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
  const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n');
  await rm(file, { force: true });
  const pattern = options.packages ?? HEAVY;
  const packages = new Set(lines.map((l) => pattern.exec(l)?.[1]).filter((p): p is string => !!p));
  return {
    code,
    stdout,
    stderr,
    heavy: [...packages].sort(),
    workers: lines.filter((l) => l.startsWith('worker ')),
    writers: lines.filter((l) => /(\/(deck\/pptx-writer|memo\/pdf-writer)\.js|^bundle (deck|memo)$)/.test(l)).map((l) => l.replace(/^.*\//, '')).sort(),
  };
}
