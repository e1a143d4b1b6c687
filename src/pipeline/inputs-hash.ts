// One hash over everything a result depends on, and the files' hashes it is made of, read without
// parsing anything: an up-to-date `build` compares it with its manifest's, an up-to-date `check`
// with its record's (see cli/check-record.ts). Loads no reader, no YAML, no schema, no Handlebars.
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareCodePoints, mapLimited, sha256 } from '../common/file-hashes.js';
import { isSourceName } from '../inputs/readers/formats.js';
import { isProblem, readInside } from '../inputs/sandbox.js';
import { SUMMARY_FILE, THEME_FILES } from '../inputs/workspace-folder.js';
import { DEFAULT_TEMPLATES_DIR, resolveTemplateFiles, type TemplateDir } from '../template/template-files.js';

let cachedVersion: string | undefined;
export async function toolVersion(): Promise<string> {
  if (cachedVersion) return cachedVersion;
  const pkgFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
  const pkg = JSON.parse(await readFile(pkgFile, 'utf8')) as { version: string };
  cachedVersion = pkg.version;
  return cachedVersion;
}

export interface InputFiles {
  templates: { file: string; sha256: string }[];
  theme: { file: string; sha256: string }[];
}

/** The documents (by file name) and the summary, as the inputs hash names them. */
export interface HashedDocuments {
  documents: readonly { name: string; sha256: string }[];
  summarySha256?: string | undefined;
}

export function computeInputsHash(parts: {
  version: string;
  fingerprint: string;
  date: string;
  options: object;
  ws: HashedDocuments;
  inputs: InputFiles;
  /** Lines of anything else the result depends on (a check's: its folder's listing, the Node version). */
  extra?: readonly string[];
}): string {
  const lines = [
    `briefing ${parts.version} ${parts.fingerprint}`,
    `date ${parts.date}`,
    `options ${JSON.stringify(parts.options)}`,
    ...parts.ws.documents.map((d) => `doc ${d.name} ${d.sha256}`),
    `summary ${parts.ws.summarySha256 ?? ''}`,
    ...parts.inputs.templates.map((t) => `template ${t.file} ${t.sha256}`),
    ...parts.inputs.theme.map((t) => `theme ${t.file} ${t.sha256}`),
    ...(parts.extra ?? []),
  ];
  return sha256(lines.join('\n'));
}

/** The templates `dirs` resolve to, each named as a manifest names it, with the hash of its text. */
export async function templateInputs(workspaceDir: string, dirs: readonly TemplateDir[]): Promise<InputFiles['templates']> {
  return (await resolveTemplateFiles(dirs)).map((t) => ({ file: shownTemplatePath(workspaceDir, t.file), sha256: sha256(t.source) }));
}

function shownTemplatePath(workspaceDir: string, file: string): string {
  const builtIn = path.relative(DEFAULT_TEMPLATES_DIR, file);
  if (!builtIn.startsWith('..')) return `builtin:${builtIn}`;
  const inWorkspace = path.relative(workspaceDir, file);
  return inWorkspace.startsWith('..') ? file : inWorkspace;
}

export interface WorkspaceInputs extends HashedDocuments {
  documents: { name: string; sha256: string }[];
  inputs: InputFiles;
  /**
   * A line for each entry of the folder (its name and kind) and for each input that could not
   * be read (and why): what else the messages of a check depend on.
   */
  other: string[];
  /** False when an input could not be read (or the summary is missing): no build of it is up to date. */
  readable: boolean;
}

/** How many files are hashed at once. */
const CONCURRENCY = 8;

/**
 * The hashes of a workspace's inputs as they are now: every source file's bytes, the summary's
 * text, the theme file and the `logos` it named when it was last read (the theme's bytes are
 * hashed, so while they are unchanged it names the same logo), and the templates in `dirs`.
 */
export async function hashWorkspaceInputs(dir: string, options: { templateDirs: readonly TemplateDir[]; logos?: readonly string[] }): Promise<WorkspaceInputs> {
  const hashed: WorkspaceInputs = { documents: [], inputs: { templates: [], theme: [] }, other: [], readable: true };
  const problem = (line: string) => {
    hashed.other.push(line);
    hashed.readable = false;
  };
  let entries: Dirent[] = [];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => compareCodePoints(a.name, b.name));
  } catch (error) {
    problem(`folder !${(error as Error).message}`);
  }
  const kinds = await mapLimited(entries, CONCURRENCY, (e) => entryKind(dir, e));
  const own = new Set([SUMMARY_FILE, ...THEME_FILES]);
  const sources = entries.filter((e, i) => isSourceName(e.name) && !own.has(e.name) && !kinds[i]?.includes('folder')).map((e) => e.name);
  entries.forEach((e, i) => hashed.other.push(`entry ${e.name} ${kinds[i]}`));
  const read = await mapLimited(sources, CONCURRENCY, (name) => readInside(dir, path.join(dir, name), 'source'));
  sources.forEach((name, i) => {
    const bytes = read[i] as Awaited<ReturnType<typeof readInside>>;
    if (isProblem(bytes)) problem(`source ${name} !${bytes.problem} ${bytes.message}`);
    else hashed.documents.push({ name, sha256: sha256(bytes) });
  });
  const summary = await readInside(dir, path.join(dir, SUMMARY_FILE), 'summary');
  // The text's hash, as a build's manifest records it (the summary is read as text).
  if (isProblem(summary)) problem(`summary !${summary.problem} ${summary.message}`);
  else hashed.summarySha256 = sha256(summary.toString('utf8'));
  await hashTheme(dir, options.logos ?? [], hashed, problem);
  hashed.inputs.templates = await templateInputs(dir, options.templateDirs);
  return hashed;
}

async function hashTheme(dir: string, logos: readonly string[], hashed: WorkspaceInputs, problem: (line: string) => void): Promise<void> {
  for (const name of THEME_FILES) {
    const bytes = await readInside(dir, path.join(dir, name), 'theme');
    if (isProblem(bytes) && bytes.problem === 'missing') continue;
    if (isProblem(bytes)) return problem(`theme ${name} !${bytes.problem} ${bytes.message}`);
    hashed.inputs.theme.push({ file: name, sha256: sha256(bytes) });
    for (const logo of logos) {
      const image = await readInside(dir, path.resolve(dir, logo), 'logo');
      if (isProblem(image)) problem(`logo ${logo} !${image.problem} ${image.message}`);
      else hashed.inputs.theme.push({ file: logo, sha256: sha256(image) });
    }
    return;
  }
}

async function entryKind(dir: string, entry: Dirent): Promise<string> {
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return 'other';
  const target = await stat(path.join(dir, entry.name)).catch(() => undefined);
  return !target ? 'broken link' : target.isDirectory() ? 'link to a folder' : target.isFile() ? 'link to a file' : 'link to another kind';
}
