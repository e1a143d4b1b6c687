// One build: load and verify the workspace, skip if nothing changed, render both outputs,
// write them atomically under a lock, then the manifest. Returns diagnostics; never prints.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, hasErrors, UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { prepareOutputs, templateDirs } from './pipeline.js';
import { DEFAULT_TEMPLATES_DIR, resolveTemplateFiles } from '../template/handlebars.js';
import { escapeMarkdown } from '../template/view.js';
import { CACHE_FOLDER } from '../inputs/cache.js';
import { sha256 } from '../inputs/sources.js';
import type { PlacedDeck } from '../deck/elements.js';
import type { Memo } from '../model/types.js';
import { loadTheme, type LoadedTheme } from '../inputs/theme.js';
import { loadWorkspace, type LoadedWorkspace } from '../inputs/workspace.js';
import { changedInputs, compareBuilds, emptyReport, type ChangeReport } from './changes.js';
import { loadDeckWriter } from '../bundle/host.js';
import { createMemoRenderer, type MemoRenderer } from '../memo/worker-client.js';
import {
  computeInputsHash,
  MANIFEST_FILE,
  readManifest,
  statementRecords,
  toolFingerprint,
  toolVersion,
  type InputFiles,
  type Manifest,
} from './manifest.js';
import { removeStaleTemporaries, withOutputLock, writeFileAtomic } from './atomic-output.js';

export const DECK_FILE = 'briefing.pptx';
export const MEMO_FILE = 'memo.pdf';

export interface BuildOptions {
  workspace: string;
  out: string;
  force?: boolean;
  changes?: boolean;
  templates?: string | undefined;
  pdfa?: boolean;
  env?: NodeJS.ProcessEnv;
  /** A memo renderer to reuse (watch mode keeps one); by default each build starts its own. */
  memoRenderer?: MemoRenderer;
}

export interface BuildResult {
  status: 'built' | 'up-to-date' | 'failed';
  workspace: LoadedWorkspace;
  diagnostics: Diagnostic[];
  changes: ChangeReport;
  manifest?: Manifest;
  /** Outputs left as they were on disk because their content would not change. */
  kept?: string[];
  timings: Record<string, number>;
}

/** The date written into the outputs: SOURCE_DATE_EPOCH, else the summary's as-of date. */
export function buildDate(asOf: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date(`${asOf}T00:00:00Z`);
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

async function buildWith(options: BuildOptions, memoRenderer: MemoRenderer): Promise<BuildResult> {
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = Math.round((performance.now() - since) * 10) / 10);
  const outDir = path.resolve(options.out);
  const ws = await loadWorkspace(options.workspace, { cacheDir: path.join(outDir, CACHE_FOLDER) });
  lap('verify', t0);
  const diagnostics = [...ws.diagnostics];
  const previous = await readManifest(outDir);
  const current = statementRecords(ws);
  const changes = ws.summary ? compareBuilds(previous, ws, current) : emptyReport();
  const result: BuildResult = { status: 'failed', workspace: ws, diagnostics, changes, timings };
  if (!ws.summary || hasErrors(diagnostics)) return result;

  const renderOptions = { templatesDir: options.templates };
  const dirs = templateDirs(ws, renderOptions);
  const themed = await loadTheme(ws.dir, ws.shownDir);
  diagnostics.push(...themed.diagnostics);
  if (hasErrors(diagnostics)) return result;
  const inputs = await inputFiles(ws, dirs, themed);
  const version = await toolVersion();
  const date = buildDate(ws.summary.asOf, options.env);
  const manifestOptions = { changes: !!options.changes, pdfa: !!options.pdfa, templates: options.templates ?? null };
  const fingerprint = await toolFingerprint();
  changes.inputs = changedInputs(previous, { ...inputs, fingerprint });
  const inputsHash = computeInputsHash({ version, fingerprint, date: date.toISOString(), options: manifestOptions, ws, inputs });
  if (!options.force && previous && previous.inputsHash === inputsHash && (await outputsIntact(outDir, previous))) {
    result.status = 'up-to-date';
    result.manifest = previous;
    lap('total', t0);
    return result;
  }

  diagnostics.push(...(await outputProblem(outDir, options.out)));
  if (hasErrors(diagnostics)) return result;
  const t1 = performance.now();
  const extras = options.changes ? { changes: changesToView(changes) } : {};
  const models = await prepareOutputs(ws, themed.theme, { ...renderOptions, extras });
  diagnostics.push(...models.diagnostics);
  lap('templates', t1);
  if (!models.deck || !models.placedDeck || !models.memo || hasErrors(diagnostics)) return result;

  const t2 = performance.now();
  // An output whose model, look and tool are those of the previous build is the file already on disk.
  const keys = {
    deck: renderKey({ output: DECK_FILE, model: models.deck, theme: themed.theme, date, fingerprint }),
    memo: renderKey({ output: MEMO_FILE, model: models.memo, pdfa: !!options.pdfa, date, fingerprint }),
  };
  const kept = options.force ? {} : await unchangedOutputs(outDir, previous, keys);
  const rendered = await renderOutputs(models.placedDeck, models.memo, { ...options, date, memoRenderer, kept }, lap);
  diagnostics.push(...rendered.diagnostics);
  lap('render', t2);
  if (!rendered.deck || !rendered.memo || hasErrors(diagnostics)) return result;
  const { deck, memo } = rendered;
  result.kept = [kept.deck ? DECK_FILE : '', kept.memo ? MEMO_FILE : ''].filter((f) => f !== '');

  const manifest = manifestOf({ ws, version, fingerprint, inputsHash, date, options: manifestOptions, inputs, current, diagnostics });
  manifest.outputs = [
    { file: DECK_FILE, sha256: sha256(deck), bytes: deck.length, key: keys.deck },
    { file: MEMO_FILE, sha256: sha256(memo), bytes: memo.length, key: keys.memo },
  ];
  const t3 = performance.now();
  const written = await writeOutputs(outDir, options.out, { deck: kept.deck ? undefined : deck, memo: kept.memo ? undefined : memo }, manifest);
  diagnostics.push(...written);
  if (hasErrors(written)) return result;
  lap('write', t3);
  lap('total', t0);
  result.status = 'built';
  result.manifest = manifest;
  return result;
}

/** The deck on this thread and the memo on the memo renderer's (another core), at once. */
async function renderOutputs(
  placedDeck: PlacedDeck,
  memoModel: Memo,
  options: BuildOptions & { date: Date; memoRenderer: MemoRenderer; kept: { deck?: Uint8Array; memo?: Uint8Array } },
  lap: (name: string, since: number) => void,
): Promise<{ deck?: Uint8Array; memo?: Uint8Array; diagnostics: Diagnostic[] }> {
  const { kept } = options;
  const memoTimer = performance.now();
  const memoPromise = kept.memo
    ? Promise.resolve({ bytes: kept.memo, diagnostics: [] as Diagnostic[] })
    : options.memoRenderer.render(memoModel, { date: options.date, pdfa: !!options.pdfa }).then((r) => {
        lap('memo', memoTimer);
        return r;
      });
  const deckTimer = performance.now();
  const deck = kept.deck
    ? { bytes: kept.deck, diagnostics: [] as Diagnostic[] }
    : await loadDeckWriter().then(({ writeDeck }) => writeDeck(placedDeck, { date: options.date }));
  if (!kept.deck) lap('deck', deckTimer);
  const memo = await memoPromise;
  return { deck: deck.bytes, memo: memo.bytes, diagnostics: [...deck.diagnostics, ...memo.diagnostics] };
}

/** The manifest of a build, but for its outputs. */
function manifestOf(parts: {
  ws: LoadedWorkspace;
  version: string;
  fingerprint: string;
  inputsHash: string;
  date: Date;
  options: Manifest['options'];
  inputs: InputFiles;
  current: Manifest['statements'];
  diagnostics: Diagnostic[];
}): Manifest {
  const { ws } = parts;
  return {
    tool: { name: 'briefing', version: parts.version, fingerprint: parts.fingerprint },
    inputsHash: parts.inputsHash,
    date: parts.date.toISOString(),
    options: parts.options,
    inputs: {
      documents: ws.documents.map((d) => ({ id: d.id, file: d.name, title: d.title, sha256: d.sha256 })),
      summary: { file: path.basename(ws.summaryFile), sha256: ws.summarySha256 ?? '' },
      templates: parts.inputs.templates,
      theme: parts.inputs.theme,
    },
    outputs: [],
    citations: (ws.verification?.citations ?? []).map((c) => {
      const entry: Manifest['citations'][number] = { n: c.n, doc: c.doc, quote: c.quote, verified: c.verified };
      if (c.start !== undefined) Object.assign(entry, { start: c.start, end: c.end, line: c.line }, c.page !== undefined ? { page: c.page } : {});
      return entry;
    }),
    statements: parts.current,
    warnings: parts.diagnostics.filter((d) => d.severity === 'warning'),
  };
}

/** The outputs that changed, then the manifest, each atomically, under the folder's lock. */
function writeOutputs(outDir: string, shownOut: string, files: { deck?: Uint8Array | undefined; memo?: Uint8Array | undefined }, manifest: Manifest): Promise<Diagnostic[]> {
  return guardOutput(shownOut, () =>
    withOutputLock(outDir, shownOut, async () => {
      await removeStaleTemporaries(outDir, [DECK_FILE, MEMO_FILE, MANIFEST_FILE]);
      if (files.deck) await writeFileAtomic(path.join(outDir, DECK_FILE), files.deck);
      if (files.memo) await writeFileAtomic(path.join(outDir, MEMO_FILE), files.memo);
      // The manifest goes last: if a build dies before it, the next one sees stale outputs and rebuilds.
      await writeFileAtomic(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    }),
  );
}

/** What an output's bytes depend on, hashed: its model, its look, its date and the tool's code. */
function renderKey(parts: Record<string, unknown>): string {
  return sha256(JSON.stringify(parts));
}

/** The previous build's outputs whose render key is the same, read back from disk (when intact). */
async function unchangedOutputs(
  outDir: string,
  previous: Manifest | undefined,
  keys: { deck: string; memo: string },
): Promise<{ deck?: Uint8Array; memo?: Uint8Array }> {
  const kept: { deck?: Uint8Array; memo?: Uint8Array } = {};
  for (const [which, file] of [['deck', DECK_FILE], ['memo', MEMO_FILE]] as const) {
    const before = previous?.outputs.find((o) => o.file === file);
    if (!before?.key || before.key !== keys[which]) continue;
    const bytes = await readFile(path.join(outDir, file)).catch(() => undefined);
    if (bytes && sha256(bytes) === before.sha256) kept[which] = new Uint8Array(bytes);
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

async function inputFiles(ws: LoadedWorkspace, dirs: string[], themed: LoadedTheme): Promise<InputFiles> {
  const templates = (await resolveTemplateFiles(dirs)).map((t) => ({ file: shownTemplatePath(ws, t.file), sha256: sha256(t.source) }));
  const theme = themed.inputs.map((i) => ({ file: i.file, sha256: sha256(i.bytes) }));
  return { templates, theme };
}

function shownTemplatePath(ws: LoadedWorkspace, file: string): string {
  const builtIn = path.relative(DEFAULT_TEMPLATES_DIR, file);
  if (!builtIn.startsWith('..')) return `builtin:${builtIn}`;
  const inWorkspace = path.relative(ws.dir, file);
  return inWorkspace.startsWith('..') ? file : inWorkspace;
}

async function outputsIntact(outDir: string, manifest: Manifest): Promise<boolean> {
  for (const output of manifest.outputs) {
    const file = path.join(outDir, output.file);
    const info = await stat(file).catch(() => undefined);
    if (!info || info.size !== output.bytes) return false;
    if (sha256(await readFile(file)) !== output.sha256) return false;
  }
  return true;
}

/** The change report as the templates see it: escaped strings, empty lists where nothing changed. */
export function changesToView(r: ChangeReport): Record<string, unknown> {
  const e = escapeMarkdown;
  const statement = (s: { path: string; text: string }) => ({ path: e(s.path), text: e(s.text) });
  return {
    hasPrevious: r.hasPrevious,
    documentsAdded: r.documents.added.map(e),
    documentsRemoved: r.documents.removed.map(e),
    documentsChanged: r.documents.changed.map(e),
    broken: r.broken.map(statement),
    reverified: r.reverified.map(statement),
    uncitedNew: r.uncitedNew.map(e),
    statementsAdded: r.statements.added.map(statement),
    statementsRemoved: r.statements.removed.map(statement),
    statementsAltered: r.statements.altered.map(statement),
    any:
      r.documents.added.length + r.documents.removed.length + r.documents.changed.length +
        r.statements.added.length + r.statements.removed.length + r.statements.altered.length > 0,
  };
}

