// Handlebars, isolated and strict: templates render the view into Markdown.
import Handlebars from 'handlebars';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CiteList, citeMarkers, LINE_BREAK } from './view.js';
import { DEFAULT_TEMPLATES_DIR, readTemplate, shownPath, TEMPLATE_NAMES, type TemplateDir, type TemplateName } from './template-files.js';
import { PRECOMPILED } from './precompiled.js';
import { sha256 } from '../common/file-hashes.js';
import { formatBytes, LIMITS } from '../inputs/sandbox.js';

export { DEFAULT_TEMPLATES_DIR, resolveTemplateFiles, TEMPLATE_NAMES, type TemplateDir, type TemplateName } from './template-files.js';

function createEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('cite', (list: unknown) => {
    if (list instanceof CiteList) return citeMarkers(list.numbers);
    if (Array.isArray(list)) return list.map((l) => (l instanceof CiteList ? citeMarkers(l.numbers) : '')).join('');
    throw new Error('cite takes a statement\'s "cite" field');
  });
  hb.registerHelper('br', () => LINE_BREAK);
  // Keeps a short value on one line ("$80 billion" in a narrow column): its spaces made non-breaking.
  hb.registerHelper('nowrap', (text: unknown) => (typeof text === 'string' ? text.replace(/ /g, '\u00A0') : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  hb.registerHelper('join', (items: unknown, sep: unknown) => (Array.isArray(items) ? items.join(typeof sep === 'string' ? sep : ', ') : ''));
  bounded(hb);
  return hb;
}

/** A template that went past one of its bounds (LIMITS.templateBlocks, templateOutput, templateMs). */
class TemplateLimit extends Error {}

/** What the template being rendered has used so far (rendering is synchronous: one at a time). */
let budget: { blocks: number; output: number; started: number } | undefined;

function spend(output: number): void {
  if (!budget) return;
  budget.blocks++;
  budget.output += output;
  if (budget.blocks > LIMITS.templateBlocks) throw new TemplateLimit(`it rendered more than ${LIMITS.templateBlocks / 1e6} million blocks ({{#each}} items and partials), the limit; nested loops multiply`);
  if (budget.output > LIMITS.templateOutput) throw new TemplateLimit(`its loops rendered more than ${formatBytes(LIMITS.templateOutput)} of text, the limit`);
  if ((budget.blocks & 1023) === 0 && performance.now() - budget.started > LIMITS.templateMs) throw new TemplateLimit(`it ran longer than ${LIMITS.templateMs / 1000} s, the limit`);
}

/**
 * Every loop body and partial a template renders is counted, with the text it makes and the
 * time: a template of sixteen nested {{#each}} (10^16 bodies) stops with a diagnostic instead of
 * running for ever. `each` (also behind `{{#list}}…{{/list}}` on a list) and partials are the only
 * ways a template repeats work.
 */
function bounded(hb: typeof Handlebars): void {
  const each = hb.helpers.each as Handlebars.HelperDelegate;
  hb.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options.fn;
    const counted = Object.assign((item: unknown, opts?: Handlebars.RuntimeOptions) => {
      const text = fn(item, opts);
      spend(text.length);
      return text;
    }, fn);
    return each.call(this, context, { ...options, fn: counted });
  });
  const vm = (hb as unknown as { VM: { invokePartial: (...args: unknown[]) => string } }).VM;
  const invokePartial = vm.invokePartial;
  (hb as unknown as { VM: unknown }).VM = {
    ...vm,
    invokePartial(this: unknown, ...args: unknown[]): string {
      const text = invokePartial.apply(this, args);
      spend(typeof text === 'string' ? text.length : 0);
      return text;
    },
  };
}

/** `render` with the template's budget; a template past a bound is a diagnostic naming it. */
function renderBounded(render: () => string): { text: string } | { limit: string } {
  budget = { blocks: 0, output: 0, started: performance.now() };
  try {
    const text = render();
    if (text.length > LIMITS.templateOutput) return { limit: `it rendered ${formatBytes(text.length)} of text; the limit is ${formatBytes(LIMITS.templateOutput)}` };
    return { text };
  } catch (error) {
    if (error instanceof TemplateLimit) return { limit: error.message };
    throw error;
  } finally {
    budget = undefined;
  }
}

export interface LoadedTemplate {
  name: TemplateName;
  file: string;
  source: string;
  /** Compiled when the bundle was built (the text is one of the tool's own templates). */
  precompiled?: true;
  render: (view: Record<string, unknown>) => { text?: string; diagnostics: Diagnostic[] };
}

const environment = createEnvironment();

/** How every template is compiled: a missing field is an error, and nothing is HTML-escaped. */
const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/**
 * A template compiled to the JavaScript source of its specification, as Handlebars.precompile
 * writes it: from the parsed tree, as compiledTemplate compiles it, so that the code is the same.
 */
export function precompileTemplate(source: string): string {
  // The types say a specification object; precompile returns its JavaScript source.
  return environment.precompile(environment.parse(source), { ...COMPILE_OPTIONS }) as unknown as string;
}

/** Read and compile a template; a workspace's own `templates/` or `--templates DIR` come first. */
export async function loadTemplate(name: TemplateName, dirs: readonly TemplateDir[]): Promise<LoadedTemplate | Diagnostic> {
  for (const dir of [...dirs, undefined]) {
    const file = path.join(dir?.dir ?? DEFAULT_TEMPLATES_DIR, TEMPLATE_NAMES[name]);
    const source = await readTemplate(dir, file);
    if (source === undefined) continue;
    if (typeof source !== 'string') return source;
    return compileTemplate(name, shownPath(file), source);
  }
  return diagnostic('template-error', `no template ${TEMPLATE_NAMES[name]}: not found`);
}

/**
 * Templates compiled in this process, by source text: a watch session compiles each template once
 * (Handlebars' parser and code generator cost tens of milliseconds a build). A few entries at most.
 */
const compiledBySource = new Map<string, HandlebarsTemplateDelegate>();
const MAX_COMPILED = 8;

function compiledTemplate(source: string): HandlebarsTemplateDelegate {
  let compiled = compiledBySource.get(source);
  if (compiled) return compiled;
  // Parse now so that syntax errors surface here, with their line; then compile the parsed tree
  // (Handlebars generates the code at the first render, once for the cached function).
  const parsed = environment.parse(source);
  compiled = environment.compile(parsed, { ...COMPILE_OPTIONS });
  if (compiledBySource.size >= MAX_COMPILED) compiledBySource.delete(compiledBySource.keys().next().value as string);
  compiledBySource.set(source, compiled);
  return compiled;
}

export function compileTemplate(name: TemplateName, file: string, source: string): LoadedTemplate | Diagnostic {
  const spec = PRECOMPILED[sha256(source)];
  let compiled: HandlebarsTemplateDelegate;
  if (spec) compiled = environment.template(spec);
  else {
    try {
      compiled = compiledTemplate(source);
    } catch (error) {
      const parsed = templateErrorPosition(error);
      return diagnostic('template-error', parsed.message, { file, ...parsed.position });
    }
  }
  return {
    name,
    file,
    source,
    ...(spec ? { precompiled: true as const } : {}),
    render(view) {
      try {
        const rendered = renderBounded(() => compiled(view));
        if ('limit' in rendered) return { diagnostics: [diagnostic('template-limit', `template ${TEMPLATE_NAMES[name]} was stopped: ${rendered.limit}`, { file })] };
        return { text: rendered.text, diagnostics: [] };
      } catch (error) {
        const parsed = templateErrorPosition(error);
        return { diagnostics: [diagnostic('template-error', parsed.message, { file, ...parsed.position })] };
      }
    },
  };
}

const TOKEN_NAMES: Record<string, string> = {
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  OPEN_ENDBLOCK: 'a closing {{/…}}',
  EOF: 'the end of the template',
  INVALID: 'something else',
};

function templateErrorPosition(error: unknown): { message: string; position: { line?: number; column?: number } } {
  const err = error as { message?: string; lineNumber?: number; column?: number };
  const raw = err.message ?? String(error);
  const strictMatch = /"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(raw);
  if (strictMatch) {
    return { message: `unknown field "${strictMatch[1]}" in template`, position: { line: Number(strictMatch[2]), column: Number(strictMatch[3]) + 1 } };
  }
  const parseMatch = /^Parse error on line (\d+):[\s\S]*?Expecting (.*), got '([A-Z_]+)'/.exec(raw);
  if (parseMatch) {
    const expected = [...(parseMatch[2] ?? '').matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] as string);
    const wanted = expected.includes('CLOSE') ? TOKEN_NAMES.CLOSE : expected.includes('OPEN_ENDBLOCK') ? TOKEN_NAMES.OPEN_ENDBLOCK : expected.slice(0, 3).join(', ');
    const got = TOKEN_NAMES[parseMatch[3] as string] ?? parseMatch[3];
    return { message: `template syntax error: expected ${wanted}, found ${got}`, position: { line: Number(parseMatch[1]) } };
  }
  const blockMatch = /^(.*) - (\d+):(\d+)$/.exec(raw.split('\n')[0] ?? '');
  if (blockMatch) {
    return { message: `template syntax error: ${blockMatch[1]}`, position: { line: Number(blockMatch[2]), column: Number(blockMatch[3]) + 1 } };
  }
  const position: { line?: number; column?: number } = {};
  if (typeof err.lineNumber === 'number') position.line = err.lineNumber;
  return { message: `template error: ${raw.split('\n')[0] ?? raw}`, position };
}
