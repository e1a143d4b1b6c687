// Where templates come from, and their text, apart from Handlebars: the up-to-date checks hash
// the templates a build or check would use without compiling them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problemDiagnostic, readTextInside } from '../inputs/sandbox.js';

export const DEFAULT_TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
export const TEMPLATE_NAMES = { deck: 'deck.md.hbs', memo: 'memo.md.hbs' } as const;
export type TemplateName = keyof typeof TEMPLATE_NAMES;

/** A folder of templates, and the folder its files must stay inside (the workspace, or the --templates folder). */
export interface TemplateDir {
  dir: string;
  root: string;
}

/** Where templates are looked for, first to last: a --templates folder, then the workspace's templates/. */
export function templateDirs(ws: { dir: string }, options: { templatesDir?: string | undefined }): TemplateDir[] {
  const dirs: TemplateDir[] = [{ dir: path.join(ws.dir, 'templates'), root: ws.dir }];
  if (options.templatesDir) {
    const dir = path.resolve(options.templatesDir);
    dirs.unshift({ dir, root: dir });
  }
  return dirs;
}

/**
 * A template's text from `dir`: undefined when it has none; a diagnostic when it has one that may
 * not be read (a link out of its root, not a regular file, too large).
 */
export async function readTemplate(dir: TemplateDir | undefined, file: string): Promise<string | Diagnostic | undefined> {
  if (!dir) return readFile(file, 'utf8').catch(() => undefined);
  const text = await readTextInside(dir.root, file, 'template');
  if (typeof text === 'string') return text;
  return text.problem === 'missing' ? undefined : problemDiagnostic('template', text, { file: shownPath(file) });
}

/** A template's path as the user sees it: relative to the working folder when it is inside it. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** The template file each name resolves to, first found in `dirs`, then the defaults. */
export async function resolveTemplateFiles(dirs: readonly TemplateDir[]): Promise<{ name: TemplateName; file: string; source: string }[]> {
  const found: { name: TemplateName; file: string; source: string }[] = [];
  for (const name of Object.keys(TEMPLATE_NAMES) as TemplateName[]) {
    for (const dir of [...dirs, undefined]) {
      const file = path.join(dir?.dir ?? DEFAULT_TEMPLATES_DIR, TEMPLATE_NAMES[name]);
      const source = await readTemplate(dir, file);
      if (source === undefined) continue;
      // A template that may not be read still counts, so that no up-to-date check passes over it.
      found.push({ name, file, source: typeof source === 'string' ? source : `\u0000${source.message}` });
      break;
    }
  }
  return found;
}
