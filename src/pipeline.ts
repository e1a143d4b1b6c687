// Workspace → templates → Markdown → Deck and Memo models. Pure: returns diagnostics as values.
import path from 'node:path';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { blockCites } from './model/build.js';
import { markdownToDeck, markdownToMemo } from './model/build.js';
import type { Deck, Memo } from './model/types.js';
import { loadTemplate, type LoadedTemplate } from './render/templates.js';
import { workspaceToView, type ViewExtras } from './render/view.js';
import type { LoadedWorkspace } from './workspace.js';

export interface RenderOptions {
  /** A folder given with --templates; it comes before the workspace's own templates/. */
  templatesDir?: string | undefined;
  extras?: ViewExtras;
}

export interface Models {
  deck?: Deck;
  memo?: Memo;
  templates: LoadedTemplate[];
  diagnostics: Diagnostic[];
}

export function templateDirs(ws: LoadedWorkspace, options: RenderOptions): string[] {
  const dirs = [path.join(ws.dir, 'templates')];
  if (options.templatesDir) dirs.unshift(path.resolve(options.templatesDir));
  return dirs;
}

export async function workspaceToModels(ws: LoadedWorkspace, options: RenderOptions = {}): Promise<Models> {
  const diagnostics: Diagnostic[] = [];
  const dirs = templateDirs(ws, options);
  const [deckTemplate, memoTemplate] = await Promise.all([loadTemplate('deck', dirs), loadTemplate('memo', dirs)]);
  const templates: LoadedTemplate[] = [];
  for (const t of [deckTemplate, memoTemplate]) {
    if ('render' in t) templates.push(t);
    else diagnostics.push(t);
  }
  if (diagnostics.length > 0) return { templates, diagnostics };
  const view = workspaceToView(ws, options.extras);
  const models: Models = { templates, diagnostics };
  const deckTemplateLoaded = deckTemplate as LoadedTemplate;
  const memoTemplateLoaded = memoTemplate as LoadedTemplate;
  const deckMd = deckTemplateLoaded.render(view);
  diagnostics.push(...deckMd.diagnostics);
  if (deckMd.text !== undefined) {
    const built = markdownToDeck(deckMd.text, ws, deckTemplateLoaded.file);
    diagnostics.push(...built.diagnostics);
    if (built.deck) models.deck = built.deck;
  }
  const memoMd = memoTemplateLoaded.render(view);
  diagnostics.push(...memoMd.diagnostics);
  if (memoMd.text !== undefined) {
    const built = markdownToMemo(memoMd.text, ws);
    diagnostics.push(...built.diagnostics);
    models.memo = built.memo;
  }
  if (models.deck) diagnostics.push(...unrendered(ws, 'deck', new Set(models.deck.slides.flatMap((s) => s.cites))));
  if (models.memo) diagnostics.push(...unrendered(ws, 'memo', new Set(models.memo.blocks.flatMap(blockCites))));
  return models;
}

/** Statements none of whose citations made it into an output: a template left them, or their citations, out. */
function unrendered(ws: LoadedWorkspace, output: 'deck' | 'memo', shown: Set<number>): Diagnostic[] {
  const missing: string[] = [];
  for (const [key, numbers] of ws.verification?.numbersByStatement ?? []) {
    if (numbers.length > 0 && !numbers.some((n) => shown.has(n))) missing.push(pathLabelOf(key));
  }
  if (missing.length === 0) return [];
  const list = missing.length > 6 ? `${missing.slice(0, 6).join(', ')} and ${missing.length - 6} more` : missing.join(', ');
  const what = missing.length > 1 ? `${missing.length} statements` : 'a statement';
  return [diagnostic('statement-not-rendered', `the ${output} shows no citation of ${what} (left out by its template?): ${list}`, { file: ws.summaryFile })];
}

function pathLabelOf(key: string): string {
  return key.split('.').map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
