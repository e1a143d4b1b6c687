// Handlebars, isolated and strict: templates render the view into Markdown.
import Handlebars from 'handlebars';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { CiteList, citeMarkers, LINE_BREAK } from './view.js';

export const DEFAULT_TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
export const TEMPLATE_NAMES = { deck: 'deck.md.hbs', memo: 'memo.md.hbs' } as const;
export type TemplateName = keyof typeof TEMPLATE_NAMES;

function createEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('cite', (list: unknown) => {
    if (list instanceof CiteList) return citeMarkers(list.numbers);
    if (Array.isArray(list)) return list.map((l) => (l instanceof CiteList ? citeMarkers(l.numbers) : '')).join('');
    throw new Error('cite takes a statement\'s "cite" field');
  });
  hb.registerHelper('br', () => LINE_BREAK);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  hb.registerHelper('join', (items: unknown, sep: unknown) => (Array.isArray(items) ? items.join(typeof sep === 'string' ? sep : ', ') : ''));
  return hb;
}

export interface LoadedTemplate {
  name: TemplateName;
  file: string;
  source: string;
  render: (view: Record<string, unknown>) => { text?: string; diagnostics: Diagnostic[] };
}

const environment = createEnvironment();

/** Read and compile a template; a workspace's own `templates/` or `--templates DIR` come first. */
export async function loadTemplate(name: TemplateName, dirs: readonly string[]): Promise<LoadedTemplate | Diagnostic> {
  let lastError: unknown;
  for (const dir of [...dirs, DEFAULT_TEMPLATES_DIR]) {
    const file = path.join(dir, TEMPLATE_NAMES[name]);
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (error) {
      lastError = error;
      continue;
    }
    return compileTemplate(name, file, source);
  }
  return diagnostic('template-error', `no template ${TEMPLATE_NAMES[name]}: ${(lastError as Error | undefined)?.message ?? 'not found'}`);
}

export function compileTemplate(name: TemplateName, file: string, source: string): LoadedTemplate | Diagnostic {
  try {
    // Parse now so that syntax errors surface here, with their line.
    environment.parse(source);
  } catch (error) {
    const parsed = templateErrorPosition(error);
    return diagnostic('template-error', parsed.message, { file, ...parsed.position });
  }
  const compiled = environment.compile(source, { strict: true, noEscape: true });
  return {
    name,
    file,
    source,
    render(view) {
      try {
        return { text: compiled(view), diagnostics: [] };
      } catch (error) {
        const parsed = templateErrorPosition(error);
        return { diagnostics: [diagnostic('template-error', parsed.message, { file, ...parsed.position })] };
      }
    },
  };
}

function templateErrorPosition(error: unknown): { message: string; syntax: boolean; position: { line?: number; column?: number } } {
  const err = error as { message?: string; lineNumber?: number; column?: number };
  const raw = err.message ?? String(error);
  const syntax = /^Parse error|Expecting|doesn't match|Invalid path/m.test(raw);
  let line = err.lineNumber;
  let column = err.column;
  const strictMatch = /"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(raw);
  if (strictMatch) {
    line = Number(strictMatch[2]);
    column = Number(strictMatch[3]) + 1;
    return { message: `unknown field "${strictMatch[1]}" in template`, syntax: false, position: { line, column } };
  }
  const parseMatch = /Parse error on line (\d+):/.exec(raw);
  if (parseMatch) line = Number(parseMatch[1]);
  const message = raw.split('\n').filter((l) => l.trim() !== '' && !/^-*\^$/.test(l.trim()))[0] ?? raw;
  const position: { line?: number; column?: number } = {};
  if (line !== undefined) position.line = line;
  if (column !== undefined && column !== null) position.column = column + 1;
  return { message: message.replace(/^Parse error on line \d+:\s*/, 'template syntax error: '), syntax, position };
}

/** The template file each name resolves to, first found in `dirs`, then the defaults. */
export async function resolveTemplateFiles(dirs: readonly string[]): Promise<{ name: TemplateName; file: string; source: string }[]> {
  const found: { name: TemplateName; file: string; source: string }[] = [];
  for (const name of Object.keys(TEMPLATE_NAMES) as TemplateName[]) {
    for (const dir of [...dirs, DEFAULT_TEMPLATES_DIR]) {
      const file = path.join(dir, TEMPLATE_NAMES[name]);
      const source = await readFile(file, 'utf8').catch(() => undefined);
      if (source !== undefined) {
        found.push({ name, file, source });
        break;
      }
    }
  }
  return found;
}
