// What a template may not print on its own: the private-use characters the tool uses for its
// citation and hedge markers (an error: a template could forge a citation), and literal figures
// (a warning at the line: figures come from the summary, where they are checked against the
// sources). And after rendering: every citation number printed belongs to a statement.
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { extractFigures } from '../verify/figures.js';
import { characterName, firstInvisible } from '../inputs/invisible.js';
import { DEFAULT_TEMPLATES_DIR, type LoadedTemplate } from './handlebars.js';

/** The characters of the tool's own markers (citations, line breaks, hedges): U+E000–U+E004. */
export const MARKER_CHARACTERS = /[\uE000-\uE004]/u;

/** Mustaches ({{…}}, {{{…}}}, {{!-- … --}}) and Markdown syntax that writes numbers of its own. */
const MUSTACHE = /\{\{!--[\s\S]*?--\}\}|\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}/g;
const SYNTAX = /^\s*(?:\d+[.)]\s|#{1,6}\s)/;

function hex(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Marker characters (errors) and literal figures (warnings) of a template, at their lines. */
export function templateProblems(template: Pick<LoadedTemplate, 'file' | 'source'>, builtIn: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Mustaches may span lines: blank them, keeping the line breaks, so line numbers hold.
  const literal = template.source.replace(MUSTACHE, (m) => m.replace(/[^\n]/g, ' '));
  template.source.split('\n').forEach((line, i) => {
    const marker = MARKER_CHARACTERS.exec(line);
    if (marker) {
      out.push(
        diagnostic('template-error', `the template contains ${hex(marker[0])}, a character the tool uses to mark citations; remove it (citations come from {{cite cite}})`, {
          file: template.file,
          line: i + 1,
        }),
      );
    }
    // What is printed must be what is read: no zero-width or bidi characters in a template's own text.
    const invisible = firstInvisible(line);
    if (invisible) {
      out.push(
        diagnostic('invisible-character', `the template contains ${characterName(invisible.char)}, an invisible character, at column ${invisible.index + 1}; remove it`, {
          file: template.file,
          line: i + 1,
          column: invisible.index + 1,
        }),
      );
    }
  });
  if (builtIn) return out;
  literal.split('\n').forEach((line, i) => {
    const figures = extractFigures(line.replace(SYNTAX, '')).filter((f) => !f.quoteOnly);
    if (figures.length === 0) return;
    const list = figures.map((f) => `"${f.text}"`).join(', ');
    out.push(
      diagnostic('template-figure', `the template prints ${list} as its own text; a figure should come from the summary, where it is checked against the sources`, {
        file: template.file,
        line: i + 1,
      }),
    );
  });
  return out;
}

/** Whether a template is one of the tool's own (its file as shown: relative to the current folder, or absolute). */
export function isBuiltIn(file: string): boolean {
  return path.resolve(file).startsWith(DEFAULT_TEMPLATES_DIR + path.sep);
}

/** Every citation number in a model (any `{ type: 'cite', n }` node, however deep). */
function citedNumbers(value: unknown, into: Set<number> = new Set()): Set<number> {
  if (Array.isArray(value)) for (const v of value) citedNumbers(v, into);
  else if (value !== null && typeof value === 'object') {
    const node = value as { type?: unknown; n?: unknown };
    if (node.type === 'cite' && typeof node.n === 'number') into.add(node.n);
    for (const v of Object.values(value)) citedNumbers(v, into);
  }
  return into;
}

/** A citation number that no statement owns is an error at the template that printed it. */
export function unownedCitations(model: unknown, owned: ReadonlySet<number>, file: string, output: string): Diagnostic[] {
  const stray = [...citedNumbers(model)].filter((n) => !owned.has(n)).sort((a, b) => a - b);
  if (stray.length === 0) return [];
  return [
    diagnostic('citation-unowned', `the ${output} prints citation ${stray.map((n) => `[${n}]`).join(', ')}, which no statement has; citations come from the summary`, { file }),
  ];
}
