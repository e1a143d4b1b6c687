// One build: load and verify the workspace, skip if nothing changed, render both outputs,
// write them atomically under a lock, then the manifest. Returns diagnostics; never prints.
import { readdir, rm, stat } from 'node:fs/promises';
import { isProblem, readRegularFile } from '../inputs/sandbox.js';
import path from 'node:path';
import { diagnostic, hasErrors, STRICT_RULES, UserError, type Diagnostic, type RuleId } from '../diagnostics/diagnostic.js';
import { layOutDeck, loadVerifiedWorkspace, prepareModels, templateDirs } from './pipeline.js';
import type { TemplateDir } from '../template/template-files.js';
import { hashWorkspaceInputs, templateInputs } from './inputs-hash.js';
import { HISTORY_FOLDER, readSinceManifest, recordHistory } from './history.js';
import { OLD_CACHE_FOLDER } from '../inputs/cache.js';
import { sha256 } from '../common/file-hashes.js';
import type { PlacedDeck } from '../deck/elements.js';
import type { Memo } from '../model/types.js';
import { loadTheme, type LoadedTheme } from '../inputs/theme.js';
import { assertWorkspaceFolder, SUMMARY_FILE } from '../inputs/workspace.js';
import type { VerifiedWorkspace } from '../verify/verify-workspace.js';
import { changedInputs, compareBuilds, describeNewDocuments, emptyReport, type ChangeReport } from './changes.js';
import { changesToView, datePrecise } from './changes-view.js';
import { loadDeckWriter } from '../deck/load-writer.js';
import { createMemoRenderer, type MemoRenderer } from '../memo/worker-client.js';
import type { MemoPages } from '../memo/pdf-writer.js';
import {
  computeInputsHash,
  MANIFEST_FILE,
  readManifest,
  stateOf,
  type BuildState,
  statementRecords,
  manifestOf,
  manifestText,
  toolFingerprint,
  toolVersion,
  type InputFiles,
  type Manifest,
} from './manifest.js';
import { commitOutputs, needsRecovery, recoverOutputs, withOutputLock, type OutputFile } from './atomic-output.js';
import { memoLengthWarning } from '../memo/length.js';
import { pushAll } from '../common/arrays.js';
import { REVIEW_FILE, reviewHtml, reviewModel } from '../review/review.js';

export const DECK_FILE = 'briefing.pptx';
export const MEMO_FILE = 'memo.pdf';
export { REVIEW_FILE };
/** The files a build writes, in the order they are put in place: the manifest last. */
export const OUTPUT_FILES = [DECK_FILE, MEMO_FILE, REVIEW_FILE, MANIFEST_FILE] as const;

export interface BuildOptions {
  workspace: string;
  out: string;
  force?: boolean;
  changes?: boolean;
  /**
   * A preview (watch mode): with `changes`, the report compares with the last build that reported
   * its changes, as `build --changes` does, but this build does not become the baseline: the
   * session's edits are reported together until a `build --changes` delivers them.
   */
  preview?: boolean;
  /** An earlier build.json (a file of the output folder's history, say) the change report compares with; implies `changes`. */
  since?: string | undefined;
  templates?: string | undefined;
  pdfa?: boolean;
  /** `--strict`: the warnings of STRICT_RULES are errors (the build fails and writes nothing). */
  strict?: boolean;
  env?: NodeJS.ProcessEnv;
  /** A memo renderer to reuse (watch mode keeps one); by default each build starts its own. */
  memoRenderer?: MemoRenderer;
  /**
   * When every input hashes as in the previous build's manifest, say "up to date" without parsing
   * and verifying the summary again (the same tool verified the same bytes then), repeating that
   * build's warnings. The JSON report needs the verified workspace, so `--json` leaves this off.
   */
  trustManifest?: boolean;
  /** Whether a summary parsed by this build is kept in the cache of parsed summaries (default: yes; watch mode: no). */
  keepParsedSummary?: boolean;
}

export interface BuildResult {
  status: 'built' | 'up-to-date' | 'failed';
  workspace: VerifiedWorkspace;
  diagnostics: Diagnostic[];
  changes: ChangeReport;
  manifest?: Manifest;
  /** Outputs left as they were on disk because their content would not change. */
  kept?: string[];
  timings: Record<string, number>;
}

/** The date written into the outputs: SOURCE_DATE_EPOCH, else the summary's as-of date. */
export function buildDate(asOf: string, env: NodeJS.ProcessEnv = process.env): Date {
  return epochDate(env) ?? new Date(`${asOf}T00:00:00Z`);
}

/** The date SOURCE_DATE_EPOCH gives, if it is set. */
export function epochDate(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return undefined;
}

export async function buildBriefing(options: BuildOptions): Promise<BuildResult> {
  if (options.memoRenderer) return buildWith(options, options.memoRenderer);
  // The memo's worker starts only if the memo must be rendered; it then loads pdfmake and the
  // fonts on the other core while this thread renders the deck.
  const memoRenderer = createMemoRenderer();
  try {
    return await buildWith(options, memoRenderer);
  } finally {
    await memoRenderer.close();
  }
}

/**
 * How a build holds the output folder's lock: from its start, when the folder exists (everything
 * it reads of the folder, the previous manifest, outputs it keeps, the history, is read under
 * it); else only to commit, once it has rendered, when there was nothing to read.
 */
type Locking = { mode: 'held' } | { mode: 'at-commit' };

async function buildWith(options: BuildOptions, memoRenderer: MemoRenderer): Promise<BuildResult> {
  const t0 = performance.now();
  const outDir = path.resolve(options.out);
  const warnings: Diagnostic[] = [];
  if (!(await stat(outDir).catch(() => undefined))?.isDirectory()) {
    // Nothing to read: render without the lock (a build that fails leaves no folder behind).
    const result = await buildLocked(options, memoRenderer, { mode: 'at-commit' }, t0, warnings);
    // Another build made the folder and committed meanwhile: build again, under the lock, from what it wrote.
    if (result !== 'stale') return result;
  }
  try {
    return (await withOutputLock(outDir, options.out, () => buildLocked(options, memoRenderer, { mode: 'held' }, t0, warnings), (d) => warnings.push(d))) as BuildResult;
  } catch (error) {
    const diagnostics = [...warnings, ...(await guardOutput(options.out, () => Promise.reject(error)))];
    return { status: 'failed', workspace: shownWorkspace(options), diagnostics, changes: emptyReport(), timings: { total: Math.round((performance.now() - t0) * 10) / 10 } };
  }
}

/** The workspace as the user named it, loaded no further (a build that failed before reading it). */
function shownWorkspace(options: BuildOptions): VerifiedWorkspace {
  return { dir: path.resolve(options.workspace), shownDir: options.workspace, summaryFile: path.join(options.workspace, SUMMARY_FILE), documents: [], failedIds: new Set(), diagnostics: [] };
}

async function buildLocked(options: BuildOptions, memoRenderer: MemoRenderer, locking: Locking, t0: number, lockWarnings: Diagnostic[]): Promise<BuildResult | 'stale'> {
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = Math.round((performance.now() - since) * 10) / 10);
  const outDir = path.resolve(options.out);
  // A build killed while it replaced the outputs left a journal: put the previous set back first,
  // and remove what a killed build left (temporaries, backups). The lock is held: nobody else is writing.
  if (locking.mode === 'held' && (await needsRecovery(outDir, OUTPUT_FILES))) await recoverOutputs(outDir, OUTPUT_FILES);
  if (options.trustManifest && !options.force && options.since === undefined) {
    const quick = await upToDateByHashes(options, outDir);
    if (quick) {
      lap('total', t0);
      return { ...quick, diagnostics: [...lockWarnings, ...quick.diagnostics], timings };
    }
  }
  const ws = await loadVerifiedWorkspace(options.workspace, { keepParsedSummary: options.keepParsedSummary ?? true, strict: options.strict === true });
  lap('verify', t0);
  const diagnostics = [...lockWarnings, ...ws.diagnostics];
  const lockWarningCount = lockWarnings.length;
  const previous = await readManifest(outDir);
  const current = statementRecords(ws);
  const baseline = await baselineOf(options, previous);
  if ('problem' in baseline) diagnostics.push(baseline.problem);
  const changes = ws.summary && !('problem' in baseline) ? compareBuilds(baseline.base, ws, current) : emptyReport();
  if (!('problem' in baseline)) {
    changes.since = baseline.since;
    if (baseline.nothingToCompare !== undefined) changes.nothingToCompare = baseline.nothingToCompare;
    await describeNewDocuments(changes, ws);
  }
  const result: BuildResult = { status: 'failed', workspace: ws, diagnostics, changes, timings };
  if (!ws.summary || hasErrors(diagnostics) || 'problem' in baseline) return result;
  const reporting = !!options.changes || options.since !== undefined;

  const renderOptions = { templatesDir: options.templates };
  const dirs = templateDirs(ws, renderOptions);
  const themed = await loadTheme(ws.dir, ws.shownDir);
  pushAll(diagnostics, themed.diagnostics);
  if (hasErrors(diagnostics)) return result;
  const inputs = await inputFiles(ws, dirs, themed);
  const version = await toolVersion();
  const date = buildDate(ws.summary.asOf, options.env);
  const manifestOptions = optionsOf(options, baseline.sinceHash);
  const fingerprint = await toolFingerprint();
  changes.inputs = changedInputs(previous, { ...inputs, fingerprint });
  const inputsHash = computeInputsHash({ version, fingerprint, date: date.toISOString(), options: manifestOptions, ws, inputs });
  if (!options.force && previous && previous.inputsHash === inputsHash && (await outputsIntact(outDir, previous))) {
    result.status = 'up-to-date';
    result.manifest = previous;
    lap('total', t0);
    return result;
  }

  pushAll(diagnostics, (await outputProblem(outDir, options.out)));
  if (hasErrors(diagnostics)) return result;
  const t1 = performance.now();
  const extras = reporting ? { changes: changesToView(changes, ws) } : {};
  const models = await prepareModels(ws, themed.theme, { ...renderOptions, extras });
  const modelDiagnostics = models.diagnostics.length;
  pushAll(diagnostics, models.diagnostics);
  if (!models.deck || !models.memo || hasErrors(diagnostics)) return result;
  // An output whose model, look and tool are those of the previous build is the file already on disk.
  const keys = {
    deck: renderKey({ output: DECK_FILE, model: models.deck, theme: themed.theme, date, fingerprint }),
    memo: renderKey({ output: MEMO_FILE, model: models.memo, pdfa: !!options.pdfa, date, fingerprint }),
  };
  const kept = options.force ? {} : await unchangedOutputs(outDir, previous, [['deck', DECK_FILE, keys.deck], ['memo', MEMO_FILE, keys.memo]]);
  // The memo goes to its renderer (a worker: the other core) now, while this thread lays the deck out.
  const t2 = performance.now();
  const memoJob = renderMemoJob(models.memo, { ...options, date, memoRenderer, kept }, lap);
  const prepared = await layOutDeck(ws, themed.theme, models);
  pushAll(diagnostics, prepared.diagnostics.slice(modelDiagnostics));
  lap('templates', t1);
  if (!prepared.placedDeck || hasErrors(diagnostics)) {
    await memoJob.catch(() => undefined);
    return result;
  }
  const rendered = await renderOutputs(prepared.placedDeck, memoJob, { ...options, date, kept }, lap);
  pushAll(diagnostics, rendered.diagnostics);
  lap('render', t2);
  if (!rendered.deck || !rendered.memo || hasErrors(diagnostics)) return result;
  const { deck, memo } = rendered;
  // The review page, from everything this build found (its warnings included); its render key is
  // its content, so an unchanged page is the file already on disk.
  // (Not the lock's warnings: they are about the output folder, not the briefing.)
  const page = reviewModel(ws, { diagnostics: diagnostics.slice(lockWarningCount), date, pageDir: outDir });
  const reviewKey = renderKey({ output: REVIEW_FILE, model: page, fingerprint });
  const keptReview = options.force ? undefined : (await unchangedOutputs(outDir, previous, [['review', REVIEW_FILE, reviewKey]])).review;
  const review = keptReview ?? reviewHtml(page);
  result.kept = [kept.deck ? DECK_FILE : '', kept.memo ? MEMO_FILE : '', keptReview ? REVIEW_FILE : ''].filter((f) => f !== '');

  const memoPages = rendered.memoPages ?? pagesOf(previous?.outputs.find((o) => o.file === MEMO_FILE));
  // The memo's body as laid out: more than an executive reads is a warning (check estimates it).
  if (memoPages) pushAll(diagnostics, memoLengthWarning(memoPages.body, ws.summaryFile, false));
  const dateSource = epochDate(options.env) ? 'SOURCE_DATE_EPOCH' : 'asOf';
  const manifest = manifestOf({ ws, version, fingerprint, inputsHash, date, dateSource, options: manifestOptions, inputs, current, diagnostics });
  // A build that reports its changes is the new baseline; one that does not carries the old one forward.
  const carried = (reporting && !options.preview) || !previous ? undefined : (previous.baseline ?? stateOf(previous));
  if (carried) manifest.baseline = carried;
  manifest.outputs = [
    { file: DECK_FILE, sha256: sha256(deck), bytes: deck.length, key: keys.deck },
    { file: MEMO_FILE, sha256: sha256(memo), bytes: memo.length, key: keys.memo, ...(memoPages ? { pages: memoPages.total, bodyPages: memoPages.body } : {}) },
    { file: REVIEW_FILE, sha256: sha256(review), bytes: review.length, key: reviewKey },
  ];
  const t3 = performance.now();
  const written = await writeOutputs(outDir, options.out, { deck: kept.deck ? undefined : deck, memo: kept.memo ? undefined : memo, review: keptReview ? undefined : review }, manifest, locking);
  if (written === 'stale') return 'stale';
  pushAll(diagnostics, written);
  if (hasErrors(written)) return result;
  // Older versions kept extracted text in the output folder; it is in the user's cache folder now.
  await rm(path.join(outDir, OLD_CACHE_FOLDER), { recursive: true, force: true }).catch(() => undefined);
  lap('write', t3);
  lap('total', t0);
  result.status = 'built';
  result.manifest = manifest;
  return result;
}

/**
 * "Up to date" from hashes alone: the documents, the summary's bytes, the templates, the theme,
 * the options, the date and the tool hash as in the previous manifest, and the outputs intact.
 * The date needs the summary's as-of date unless SOURCE_DATE_EPOCH gives it: with the summary's
 * bytes unchanged, its as-of date is the one the previous build used, if that build took its date
 * from the summary. Undefined means: do the full check.
 */
async function upToDateByHashes(options: BuildOptions, outDir: string): Promise<Omit<BuildResult, 'timings'> | undefined> {
  const previous = await readManifest(outDir);
  if (!previous) return undefined;
  // Under --strict, a previous build's warnings of STRICT_RULES are errors now: build again to report them.
  if (options.strict && previous.warnings.some((w) => STRICT_RULES.has(w.rule as RuleId))) return undefined;
  const epoch = epochDate(options.env);
  if (!epoch && previous.dateSource !== 'asOf') return undefined;
  const dir = await assertWorkspaceFolder(options.workspace);
  // The theme file comes first among the theme's inputs, then the logo it names.
  const logos = previous.inputs.theme.slice(1).map((t) => t.file);
  const hashed = await hashWorkspaceInputs(dir, { templateDirs: templateDirs({ dir }, { templatesDir: options.templates }), logos });
  if (!hashed.readable) return undefined;
  const date = epoch ?? new Date(previous.date);
  const manifestOptions = optionsOf(options);
  const [version, fingerprint] = await Promise.all([toolVersion(), toolFingerprint()]);
  const inputsHash = computeInputsHash({ version, fingerprint, date: date.toISOString(), options: manifestOptions, ws: hashed, inputs: hashed.inputs });
  if (inputsHash !== previous.inputsHash || !(await outputsIntact(outDir, previous))) return undefined;
  const ws: VerifiedWorkspace = {
    dir,
    shownDir: options.workspace,
    summaryFile: path.join(options.workspace, SUMMARY_FILE),
    documents: [],
    failedIds: new Set(),
    diagnostics: [],
  };
  if (hashed.summarySha256 !== undefined) ws.summarySha256 = hashed.summarySha256;
  return { status: 'up-to-date', workspace: ws, diagnostics: previous.warnings as Diagnostic[], changes: emptyReport(), manifest: previous };
}

/** The options a build's outputs depend on, as the manifest records them (and hashes them). */
function optionsOf(options: BuildOptions, sinceHash?: string): Manifest['options'] {
  const recorded: Manifest['options'] = { changes: !!options.changes || options.since !== undefined, pdfa: !!options.pdfa, templates: options.templates ?? null };
  if (sinceHash !== undefined) recorded.since = sinceHash;
  if (options.preview && recorded.changes) recorded.preview = true;
  return recorded;
}

/**
 * What the change report compares with: the manifest `--since` names; else, for `--changes`, the
 * last build that reported its changes (carried forward by the builds since), so that nothing a
 * build without `--changes` saw change goes unreported, and nothing when no build reported its
 * changes (the folder's first build is a draft no reader saw); else the previous build.
 */
async function baselineOf(
  options: BuildOptions,
  previous: Manifest | undefined,
): Promise<{ base: BuildState | undefined; since: ChangeReport['since']; sinceHash?: string; nothingToCompare?: string } | { problem: Diagnostic }> {
  if (options.since !== undefined) {
    const read = await readSinceManifest(options.since);
    const relative = path.relative(process.cwd(), options.since);
    const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? options.since : relative;
    if ('problem' in read) return { problem: diagnostic('since-invalid', `--since ${shown}: ${read.problem}`, { file: shown }) };
    const day = read.manifest.date.slice(0, 10);
    return {
      base: stateOf(read.manifest),
      since: { label: `the build of ${day} in ${shown}`, reader: `the build of ${datePrecise(day)}`, file: shown, date: day },
      sinceHash: sha256(read.text),
    };
  }
  if (!options.changes) return { base: previous ? stateOf(previous) : undefined, since: emptyReport().since };
  const reported = previous ? (previous.baseline ?? stateOf(previous)) : undefined;
  if (!reported?.reported) {
    const none = previous ? `no earlier build in ${options.out} reported its changes` : `no earlier build in ${options.out}`;
    const next = options.preview ? 'the first "build --changes" will be the baseline' : 'this one is the baseline of the next --changes build';
    const why = `${none}; ${next} (--since names an earlier build.json)`;
    return { base: undefined, since: { label: 'nothing', reader: 'nothing' }, nothingToCompare: why };
  }
  const day = reported.date.slice(0, 10);
  return { base: reported, since: { label: `the last build that reported its changes (${day})`, reader: `the build of ${datePrecise(day)}`, date: day } };
}

type RenderedMemo = { bytes: Uint8Array; diagnostics: Diagnostic[]; pages?: MemoPages };

/** The memo, started on the memo renderer (another core), or the kept file. */
function renderMemoJob(
  memoModel: Memo,
  options: BuildOptions & { date: Date; memoRenderer: MemoRenderer; kept: { memo?: Uint8Array } },
  lap: (name: string, since: number) => void,
): Promise<RenderedMemo> {
  if (options.kept.memo) return Promise.resolve({ bytes: options.kept.memo, diagnostics: [] });
  const memoTimer = performance.now();
  const job = options.memoRenderer.render(memoModel, { date: options.date, pdfa: !!options.pdfa }).then((r) => {
    lap('memo', memoTimer);
    return r;
  });
  // Awaited by the build; until then, a failure is not an unhandled rejection.
  job.catch(() => undefined);
  return job;
}

/** The deck on this thread while the memo renders on the other. */
async function renderOutputs(
  placedDeck: PlacedDeck,
  memoJob: Promise<RenderedMemo>,
  options: BuildOptions & { date: Date; kept: { deck?: Uint8Array } },
  lap: (name: string, since: number) => void,
): Promise<{ deck?: Uint8Array; memo?: Uint8Array; memoPages?: MemoPages | undefined; diagnostics: Diagnostic[] }> {
  const { kept } = options;
  const deckTimer = performance.now();
  const deck = kept.deck
    ? { bytes: kept.deck, diagnostics: [] as Diagnostic[] }
    : await loadDeckWriter().then(({ writeDeck }) => writeDeck(placedDeck, { date: options.date }));
  if (!kept.deck) lap('deck', deckTimer);
  const memo = await memoJob;
  return { deck: deck.bytes, memo: memo.bytes, memoPages: memo.pages, diagnostics: [...deck.diagnostics, ...memo.diagnostics] };
}

/** A kept memo's page counts, as the build that wrote it recorded them. */
function pagesOf(output: Manifest['outputs'][number] | undefined): MemoPages | undefined {
  return output?.pages !== undefined ? { total: output.pages, body: output.bodyPages ?? output.pages } : undefined;
}

/**
 * The outputs that changed and the manifest, all or nothing (the manifest last). Under the lock
 * the build holds; or, for a build that found no folder, under the lock taken now, provided the
 * folder still has no manifest ('stale' when another build wrote one meanwhile).
 */
async function writeOutputs(
  outDir: string,
  shownOut: string,
  files: { deck?: Uint8Array | undefined; memo?: Uint8Array | undefined; review?: Uint8Array | undefined },
  manifest: Manifest,
  locking: Locking,
): Promise<Diagnostic[] | 'stale'> {
  const outputs: OutputFile[] = [];
  if (files.deck) outputs.push({ name: DECK_FILE, bytes: files.deck });
  if (files.memo) outputs.push({ name: MEMO_FILE, bytes: files.memo });
  if (files.review) outputs.push({ name: REVIEW_FILE, bytes: files.review });
  const text = manifestText(manifest);
  outputs.push({ name: MANIFEST_FILE, bytes: text });
  const warnings: Diagnostic[] = [];
  const commit = async () => {
    await commitOutputs(outDir, outputs);
    // The build is in place; its manifest joins the folder's history (for --since). A history
    // that cannot be written is worth a warning, not the build.
    await recordHistory(outDir, manifest, text).catch((error: unknown) => {
      warnings.push(diagnostic('history-unwritable', `cannot keep this build's manifest in ${path.join(shownOut, HISTORY_FOLDER)}: ${(error as Error).message}`));
    });
  };
  if (locking.mode === 'held') return [...(await guardOutput(shownOut, commit)), ...warnings];
  let stale = false;
  const problems = await guardOutput(shownOut, () =>
    withOutputLock(
      outDir,
      shownOut,
      async () => {
        if ((await readdir(outDir)).includes(MANIFEST_FILE)) stale = true;
        else await commit();
      },
      (d) => warnings.push(d),
    ),
  );
  return stale ? 'stale' : [...problems, ...warnings];
}

/** What an output's bytes depend on, hashed: its model, its look, its date and the tool's code. */
function renderKey(parts: Record<string, unknown>): string {
  return sha256(JSON.stringify(parts));
}

/** The previous build's outputs whose render key is the same, read back from disk (when intact). */
async function unchangedOutputs<W extends string>(
  outDir: string,
  previous: Manifest | undefined,
  outputs: readonly (readonly [W, string, string])[],
): Promise<Partial<Record<W, Uint8Array>>> {
  const kept: Partial<Record<W, Uint8Array>> = {};
  for (const [which, file, key] of outputs) {
    const before = previous?.outputs.find((o) => o.file === file);
    if (!before?.key || before.key !== key) continue;
    const bytes = await readRegularFile(path.join(outDir, file), 'manifest', { follow: false, limit: before.bytes });
    if (!isProblem(bytes) && sha256(bytes) === before.sha256) kept[which] = new Uint8Array(bytes);
  }
  return kept;
}

/**
 * File-system failures while writing (a file where the folder should be, no permission, a full
 * disk) and a lock held by another build are the user's to fix: diagnostics, not exceptions.
 */
async function guardOutput(shownOut: string, work: () => Promise<void>): Promise<Diagnostic[]> {
  try {
    await work();
    return [];
  } catch (error) {
    if (error instanceof UserError) return error.diagnostics;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    return [diagnostic('output-unwritable', `cannot write to ${shownOut}: ${(error as Error).message}`)];
  }
}

/** The output folder, if it exists, must be a folder: found before anything is rendered. */
async function outputProblem(outDir: string, shownOut: string): Promise<Diagnostic[]> {
  const info = await stat(outDir).catch(() => undefined);
  if (info && !info.isDirectory()) return [diagnostic('output-unwritable', `cannot write to ${shownOut}: it is a file, not a folder`)];
  return [];
}

async function inputFiles(ws: VerifiedWorkspace, dirs: TemplateDir[], themed: LoadedTheme): Promise<InputFiles> {
  const templates = await templateInputs(ws.dir, dirs);
  const theme = themed.inputs.map((i) => ({ file: i.file, sha256: sha256(i.bytes) }));
  return { templates, theme };
}

/** Every output of `manifest` is in the folder as it wrote it (a regular file, not a link, with its bytes). */
async function outputsIntact(outDir: string, manifest: Manifest): Promise<boolean> {
  for (const output of manifest.outputs) {
    const bytes = await readRegularFile(path.join(outDir, output.file), 'manifest', { follow: false, limit: output.bytes });
    if (isProblem(bytes) || bytes.length !== output.bytes || sha256(bytes) !== output.sha256) return false;
  }
  return true;
}
