// The command table: thin, one lazily imported function per command; `main.ts` runs it for the
// process, tests run it in theirs. Only the CLI prints.
import path from 'node:path';
import yargs from 'yargs';
import { diagnostic, EXIT, shownText, UserError } from '../diagnostics/diagnostic.js';
import { checkSourceDateEpoch } from '../inputs/dates.js';
import { checkLimitVariables } from '../inputs/sandbox.js';
import { printDiagnostics, type Io } from './io.js';

/** The options several commands share, described once. */
const WORKSPACE = { type: 'string', default: 'seeds', describe: 'workspace folder' } as const;
const OUT = { type: 'string', default: 'output', describe: 'output folder' } as const;
const JSON_REPORT = { type: 'boolean', default: false, describe: 'print a machine-readable report on stdout' } as const;
const TEMPLATES = { type: 'string', describe: 'folder of templates that replaces the defaults' } as const;
const STRICT = { type: 'boolean', default: false, describe: 'treat the support check\'s warnings (a statement its quotes do not support) and items still marked for review as errors' } as const;

/** Run the command line `argv` (without node and the script), printing to `io`; the exit code. */
export async function runCommandLine(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser = yargs(argv)
    .scriptName('briefing')
    .usage('$0 <command> [workspace] [options]\n\nTurn a folder of source documents into a cited executive briefing.')
    .command(
      'build [workspace]',
      'verify the summary and write the deck, the memo and build.json',
      (y) =>
        y
          .positional('workspace', WORKSPACE)
          .option('out', OUT)
          .option('json', JSON_REPORT)
          .option('force', { type: 'boolean', default: false, describe: 'rebuild even when nothing changed' })
          .option('changes', { type: 'boolean', default: false, describe: 'add a "what changed" slide and memo section (since the last build that reported changes)' })
          .option('since', { type: 'string', describe: 'with --changes: compare with this earlier build.json, or a manifest of OUT/.briefing-history by name or its start' })
          .option('templates', TEMPLATES)
          .option('pdfa', { type: 'boolean', default: false, describe: 'write the memo as PDF/A' })
          .option('strict', STRICT),
      async (args) => {
        const { runBuild } = await import('./build-command.js');
        const out = outFolder(args.out);
        await outputNotASource(out, args.workspace, args.templates);
        exitCode = await runBuild(
          {
            workspace: args.workspace,
            json: args.json,
            force: args.force,
            changes: args.changes || args.since !== undefined,
            since: await sinceFile(args.since, out),
            templates: await templatesFolder(args.templates),
            out,
            pdfa: args.pdfa,
            strict: args.strict,
          },
          io,
        );
      },
    )
    .command(
      'check [workspace]',
      'validate the summary and verify every citation; writes nothing',
      (y) =>
        y
          .positional('workspace', WORKSPACE)
          .option('json', JSON_REPORT)
          .option('templates', TEMPLATES)
          .option('strict', STRICT)
          .option('review', { type: 'string', describe: 'also write the review page to FILE (written whatever the check finds)' }),
      async (args) => {
        const { runCheck } = await import('./check-command.js');
        const review = await reviewFile(args.review, args.workspace, args.templates);
        exitCode = await runCheck({ workspace: args.workspace, json: args.json, templates: await templatesFolder(args.templates), strict: args.strict, ...(review !== undefined ? { review } : {}) }, io, env);
      },
    )
    .command(
      'watch [workspace]',
      'build, then rebuild on every change until stopped (Ctrl-C)',
      (y) =>
        y
          .positional('workspace', WORKSPACE)
          .option('out', OUT)
          .option('templates', TEMPLATES)
          .option('changes', { type: 'boolean', default: false, describe: 'add a "what changed" slide and memo section' })
          .option('strict', STRICT),
      async (args) => {
        await outputNotASource(outFolder(args.out), args.workspace, args.templates);
        const { runWatch } = await import('./watch-command.js');
        exitCode = await runWatch(
          { workspace: args.workspace, out: outFolder(args.out), templates: await templatesFolder(args.templates), changes: args.changes, strict: args.strict },
          io,
        );
      },
    )
    .command(
      'draft [workspace]',
      'write a first briefing.yaml from the documents (extractive: every statement is its quote)',
      (y) =>
        y
          .positional('workspace', WORKSPACE)
          .option('force', { type: 'boolean', default: false, describe: 'replace an existing briefing.yaml' })
          .option('update', { type: 'boolean', default: false, describe: 'keep briefing.yaml and append proposals from new or changed documents' })
          .option('out', { type: 'string', default: 'output', describe: 'output folder of the last build (its build.json tells which documents are new)' }),
      async (args) => {
        if (args.force && args.update) throw new UsageError('--force and --update do not go together: --update keeps briefing.yaml');
        const { runDraft } = await import('./draft-command.js');
        exitCode = await runDraft(
          { workspace: args.workspace, force: args.force, update: args.update, out: outFolder(args.out), tty: process.stderr.isTTY === true },
          io,
        );
      },
    )
    .command(
      'find <words..>',
      'find passages for some words, with a ready-to-paste citation (a first word that names a folder is the workspace; default seeds)',
      (y) =>
        y
          .positional('words', { type: 'string', array: true, describe: '[workspace] and the words to look for' })
          .option('json', { type: 'boolean', default: false, describe: 'print the passages as JSON on stdout' })
          .option('limit', { type: 'number', default: 10, describe: 'how many passages to show' }),
      async (args) => {
        // yargs reads "--limit abc" as NaN: a usage error, not a search that finds nothing.
        if (!Number.isInteger(args.limit) || args.limit < 1) throw new UsageError(`--limit needs a whole number of passages, 1 or more (got ${shownArgument(argv, '--limit')})`);
        const { runFind } = await import('./find-command.js');
        exitCode = await runFind({ words: (args.words ?? []).map(String), json: args.json, limit: args.limit }, io);
      },
    )
    .demandCommand(1, 'name a command: build, check, watch, draft or find')
    .strict()
    .help()
    .version()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message);
    });
  try {
    // Every command dates what it writes or checks from SOURCE_DATE_EPOCH when it is set.
    const epochProblem = checkSourceDateEpoch(env.SOURCE_DATE_EPOCH);
    if (epochProblem) throw new UsageError(epochProblem);
    const limitProblem = checkLimitVariables(env);
    if (limitProblem) throw new UsageError(limitProblem);
    // yargs renders the whole help text after every command, in case the command asks for it
    // later (none does); a few milliseconds of every run.
    const usage = (parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
    if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => undefined;
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      // --json promises JSON on stdout, a usage error included.
      if (argv.includes('--json')) {
        const report = { ok: false, status: 'usage-error', diagnostics: [diagnostic('usage-error', error.message)] };
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      }
      io.stderr(`briefing: ${shownText(error.message)}\nRun 'briefing --help' for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      if (argv.includes('--json')) io.stdout(`${JSON.stringify({ ok: false, status: 'failed', diagnostics: error.diagnostics }, null, 2)}\n`);
      printDiagnostics(error.diagnostics, io);
      return error.exitCode;
    }
    throw error;
  }
  return exitCode;
}

class UsageError extends Error {}

/** The value given to `flag` on the command line, as typed (`--limit abc`, `--limit=abc`), for a message. */
function shownArgument(argv: readonly string[], flag: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === flag) return JSON.stringify(argv[i + 1] ?? '');
    if (arg.startsWith(`${flag}=`)) return JSON.stringify(arg.slice(flag.length + 1));
  }
  return 'nothing';
}

/** --out must name a folder. */
function outFolder(out: string): string {
  if (out.trim() === '') throw new UsageError('--out needs a folder name');
  return out;
}

/** A path with its links resolved; for one that does not exist yet, its nearest existing folder's. */
async function realPath(file: string): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  const resolved = path.resolve(file);
  const real = await realpath(resolved).catch(() => undefined);
  if (real !== undefined) return real;
  const parent = path.dirname(resolved);
  return parent === resolved ? resolved : path.join(await realPath(parent), path.basename(resolved));
}

/**
 * The outputs are never sources (issue 19.7): --out may not be the workspace folder (its memo.pdf
 * would be read as a document, citable by the statements it prints), nor a folder of templates.
 * A subfolder of the workspace is fine: the workspace reads only the files at its top, and watch
 * leaves the output folder out.
 */
async function outputNotASource(out: string, workspace: string, templates: string | undefined, problem = outIsInput): Promise<void> {
  const outReal = await realPath(out);
  const folders: [string, string][] = [
    [workspace, 'the workspace folder'],
    [path.join(workspace, 'templates'), "the workspace's templates folder"],
    ...(templates !== undefined ? ([[templates, 'the --templates folder']] as [string, string][]) : []),
  ];
  for (const [folder, what] of folders) {
    if (outReal !== (await realPath(folder))) continue;
    throw new UsageError(problem(out, what, workspace));
  }
}

function outIsInput(out: string, what: string, workspace: string): string {
  return `--out ${out} is ${what}: the outputs would be read back as inputs (memo.pdf as a document); write them elsewhere, or to a subfolder such as ${path.join(workspace, 'output')} (the workspace reads only the files at its top)`;
}

/**
 * --review FILE: a file name, not a folder, and not in a folder the tool reads (the page at the top
 * of the workspace would be read as a document the next time).
 */
async function reviewFile(value: string | undefined, workspace: string, templates: string | undefined): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError('--review needs a file name (the review page to write, such as output/review.html)');
  const { stat } = await import('node:fs/promises');
  if ((await stat(value).catch(() => undefined))?.isDirectory()) throw new UsageError(`--review ${value} is a folder: name the page to write, such as ${path.join(value, 'review.html')}`);
  await outputNotASource(path.dirname(value), workspace, templates, (_dir, what) => `--review ${value} is in ${what}: the page would be read back as a document; write it elsewhere, such as ${path.join(workspace, 'output', 'review.html')} (the workspace reads only the files at its top)`);
  return value;
}

/** --since names an earlier build.json, or a manifest of the output folder's history. */
async function sinceFile(value: string | undefined, out: string): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError('--since needs a build.json, or the name of a manifest in the output folder\'s .briefing-history');
  const { resolveSince, historyNames, HISTORY_FOLDER } = await import('../pipeline/history.js');
  const file = await resolveSince(value, out);
  if (file !== undefined) return file;
  const kept = await historyNames(out);
  const listed = kept.length > 0 ? `; ${out}/${HISTORY_FOLDER} has ${kept.join(', ')}` : `; ${out}/${HISTORY_FOLDER} is empty`;
  throw new UsageError(`--since: no such file, and no single manifest in the history starts with "${value}"${listed}`);
}

/** --templates must name an existing folder. */
async function templatesFolder(dir: string | undefined): Promise<string | undefined> {
  if (dir === undefined) return undefined;
  const { stat } = await import('node:fs/promises');
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`--templates: folder not found: ${dir}`);
  return dir;
}
