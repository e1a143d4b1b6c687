// A workspace: source documents plus the curated summary, loaded (read, parsed, typed). Verifying
// the summary against the documents is the next stage (verify/verify-workspace.ts).
import path from 'node:path';
import { problemDiagnostic, readTextInside } from './sandbox.js';
import { parse as parseYaml } from 'yaml';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { assertWorkspaceFolder, SUMMARY_FILE } from './workspace-folder.js';
import { readSources, sha256, type ReadSourcesOptions, type SourceDocument } from './sources.js';
import { summaryFromParsed, summaryFromYaml, type LoadedSummary, type Locator } from './summary-load.js';
import { MAX_TEXT_KEPT, readParsedSummary, summaryStore, writeParsedSummary, type ParsedSummary } from './summary-cache.js';
import type { Summary } from './summary-schema.js';
import { compareCodePoints } from '../common/file-hashes.js';
import { pushAll } from '../common/arrays.js';
import { unreviewedItems } from './review-marks.js';

export { shownTitle } from './shown-title.js';

export { assertWorkspaceFolder, SUMMARY_FILE };

/** A document with the metadata the summary adds. */
export interface BriefingDocument extends SourceDocument {
  title: string;
  /**
   * Where the title comes from: the document itself; the summary's `sources` block only (the
   * editor's, not the publication's); or, with neither, the document's opening words.
   */
  titleFrom?: 'document' | 'editor' | 'lead';
  /** The date the file gives, or else the one the summary's `sources` block gives. */
  date?: string;
  /** Where the date comes from: the document itself, or only the summary's `sources` block (the editor's, shown as such). */
  dateFrom?: 'document' | 'editor';
  /** The date the file itself gives: only this one grounds the years and months of statements. */
  fileDate: string | undefined;
  publisher?: string;
  url?: string;
}

export interface LoadedWorkspace {
  dir: string;
  /** The workspace path as the user gave it, for messages. */
  shownDir: string;
  summaryFile: string;
  summaryText?: string;
  summarySha256?: string;
  summary?: Summary;
  /** Positions of briefing.yaml's nodes, for diagnostics of later stages. */
  locator?: Locator;
  documents: BriefingDocument[];
  /** Ids of the documents that could not be read: a citation of one is reported as such, not as a quote not found. */
  failedIds: ReadonlySet<string>;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** Where text parsed from slow formats is kept between runs (default: the user's cache folder; null: memory only). */
  cacheDir?: string | null;
  /**
   * Whether a summary parsed now is written to the cache of parsed summaries (summary-cache.ts);
   * the cache is read either way. Watch mode, which parses every edit once in a warm process,
   * leaves it off.
   */
  keepParsedSummary?: boolean;
  /** `--strict`: the warnings of STRICT_RULES (the support check's) are errors. */
  strict?: boolean;
}

export async function loadWorkspace(shownDir: string, options: LoadOptions = {}): Promise<LoadedWorkspace> {
  const dir = await assertWorkspaceFolder(shownDir);
  const summaryFile = path.join(shownDir, SUMMARY_FILE);
  const readOptions: ReadSourcesOptions = { ownFiles: new Set([SUMMARY_FILE, ...(await themeLogo(dir))]) };
  if (options.cacheDir !== undefined) readOptions.cacheDir = options.cacheDir;
  const sources = await readSources(dir, shownDir, readOptions);
  const diagnostics: Diagnostic[] = [...sources.diagnostics];
  const workspace: LoadedWorkspace = { dir, shownDir, summaryFile, documents: [], failedIds: sources.failedIds, diagnostics };
  const summaryText = await readTextInside(dir, path.join(dir, SUMMARY_FILE), 'summary');
  if (typeof summaryText !== 'string') {
    diagnostics.push(
      summaryText.problem === 'missing'
        ? diagnostic('summary-missing', `no ${SUMMARY_FILE} in the workspace; write one (see README: "The summary")`, { file: summaryFile })
        : problemDiagnostic(SUMMARY_FILE, summaryText, { file: summaryFile }),
    );
    workspace.documents = sources.documents.map((d) => withMetadata(d, undefined));
    workspace.diagnostics = sortDiagnostics(diagnostics);
    return workspace;
  }
  workspace.summaryText = summaryText;
  workspace.summarySha256 = sha256(summaryText);
  const loaded = await loadSummary(summaryText, workspace.summarySha256, summaryFile, options);
  workspace.locator = loaded.locator;
  pushAll(diagnostics, loaded.diagnostics);
  workspace.documents = sources.documents.map((d) => withMetadata(d, loaded.summary));
  if (!loaded.summary) {
    workspace.diagnostics = sortDiagnostics(diagnostics);
    return workspace;
  }
  workspace.summary = loaded.summary;
  pushAll(diagnostics, asOfProblems(loaded.summary.asOf, workspace.documents, loaded.locator.at(['asOf'])));
  pushAll(diagnostics, unreviewedItems(summaryText, summaryFile));
  workspace.diagnostics = sortDiagnostics(diagnostics);
  return workspace;
}

/** briefing.yaml parsed, or taken from the cache of texts parsed before (summary-cache.ts). */
async function loadSummary(text: string, textSha256: string, file: string, options: LoadOptions): Promise<LoadedSummary> {
  const store = options.cacheDir === null ? undefined : summaryStore();
  const cached = store ? await readParsedSummary(store, textSha256) : undefined;
  if (cached) {
    try {
      return summaryFromParsed(cached, file);
    } catch {
      // An entry this version did not write (the folder is the user's): parsed again below.
    }
  }
  let parsed: ParsedSummary | undefined;
  const keep = store !== undefined && options.keepParsedSummary !== false && text.length <= MAX_TEXT_KEPT;
  const loaded = summaryFromYaml(text, file, keep ? (p) => (parsed = p) : undefined);
  if (store && parsed) await writeParsedSummary(store, textSha256, parsed);
  return loaded;
}

/** The logo the workspace's theme names, if it names one at the top of the workspace: a file that is not a source. */
export async function themeLogo(dir: string): Promise<string[]> {
  const text = await readTextInside(dir, path.join(dir, 'theme.yaml'), 'theme');
  if (typeof text !== 'string') return [];
  try {
    const logo = (parseYaml(text) as { logo?: unknown } | null)?.logo;
    return typeof logo === 'string' ? [path.normalize(logo.trim())] : [];
  } catch {
    return [];
  }
}

/** How long after its newest dated source a briefing may be dated before its currency is in doubt. */
export const CURRENCY_DAYS = 90;

/**
 * A briefing dated before the newest of its documents has not caught up with them; one dated
 * more than CURRENCY_DAYS after the newest claims a currency no source gives it.
 */
function asOfProblems(asOf: string, documents: BriefingDocument[], position: ReturnType<Locator['at']>): Diagnostic[] {
  const dated = documents.filter((d) => d.date !== undefined).sort((a, b) => compareCodePoints(a.date as string, b.date as string));
  const newest = dated[dated.length - 1];
  if (!newest) return [];
  const newestDate = newest.date as string;
  if (newestDate > asOf) {
    const message = `asOf ${asOf} is earlier than the newest document, ${newest.id} dated ${newestDate}; set asOf to the date of the briefing`;
    return [diagnostic('as-of-before-sources', message, position)];
  }
  const days = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${newestDate}T00:00:00Z`)) / 86_400_000);
  if (days <= CURRENCY_DAYS) return [];
  const message = `asOf ${asOf} is ${days} days after the newest dated document, ${newest.id} of ${newestDate}: no source is that recent, so the briefing says more about the present than its sources do; date it within ${CURRENCY_DAYS} days of ${newestDate}, or add a newer source`;
  return [diagnostic('as-of-after-sources', message, position)];
}

function withMetadata(doc: SourceDocument, summary: Summary | undefined): BriefingDocument {
  const meta = summary?.sources[doc.id] ?? {};
  const titleFrom = meta.title !== undefined && meta.title !== doc.title ? 'editor' : meta.title !== undefined || doc.title !== undefined ? 'document' : 'lead';
  const result: BriefingDocument = { ...doc, title: meta.title ?? doc.title ?? doc.lead, titleFrom, fileDate: doc.date };
  // A document's own date wins: a `sources` date that differs from it is an error (source-date-conflict).
  const date = doc.date ?? meta.date;
  if (date !== undefined) {
    result.date = date;
    result.dateFrom = doc.date !== undefined ? 'document' : 'editor';
  }
  if (meta.publisher !== undefined) result.publisher = meta.publisher;
  if (meta.url !== undefined) result.url = meta.url;
  return result;
}
