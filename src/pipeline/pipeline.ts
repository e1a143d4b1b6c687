// Workspace → verified workspace → templates → Markdown → Deck and Memo models. Returns
// diagnostics as values.
import { diagnostic, excerpt, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlacedDeck } from '../deck/elements.js';
import type { Theme } from '../inputs/theme.js';
import { blockCites } from '../model/from-markdown.js';
import { markdownToDeck, markdownToMemo, workspaceToCitationRefs } from '../model/from-markdown.js';
import { deckFirstUses, firstUses, renumberDeck, renumberMemo } from '../model/renumber.js';
import { readingOrder, renumberVerification } from '../verify/numbering.js';
import { plainText, type Block, type Deck, type Memo } from '../model/types.js';
import { statementsOf } from '../verify/verify.js';
import { loadTemplate, type LoadedTemplate } from '../template/handlebars.js';
import { templateDirs } from '../template/template-files.js';
import { isBuiltIn, templateProblems, unownedCitations } from '../template/template-checks.js';
import { wideTables } from '../memo/table-fit.js';
import { memoGlyphWarnings } from '../memo/glyph-coverage.js';
import { estimateBodyPages, memoLengthWarning } from '../memo/length.js';
import { workspaceToView, type ViewExtras } from '../template/view.js';
import { loadWorkspace, type LoadOptions } from '../inputs/workspace.js';
import { verifyWorkspace, type VerifiedWorkspace } from '../verify/verify-workspace.js';
import { readSupportMemo, writeSupportMemo } from '../verify/support-memo.js';
import { layoutLocator } from './locate.js';
import { keyPath, pathLabel } from '../diagnostics/path-label.js';
import { pushAll } from '../common/arrays.js';

export { templateDirs };

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

/** What `check` and `build` both compute: the models, the deck laid out, and every diagnostic. */
export interface Prepared extends Models {
  placedDeck?: PlacedDeck;
}

/** The first two stages, which `check` and `build` share: the workspace loaded, then verified. */
export async function loadVerifiedWorkspace(shownDir: string, options: LoadOptions = {}): Promise<VerifiedWorkspace> {
  const ws = await loadWorkspace(shownDir, options);
  // The support results of the last run on this folder (support-memo.ts): unchanged statements are not read again.
  const supportMemo = options.cacheDir === null ? undefined : await readSupportMemo(ws.dir);
  const verified = verifyWorkspace(ws, { strict: options.strict === true, ...(supportMemo ? { supportMemo } : {}) });
  // Watch mode, which verifies each edit once in a warm process, reads the memo but leaves it (as it does the parsed summaries).
  if (supportMemo && options.keepParsedSummary !== false) await writeSupportMemo(ws.dir, supportMemo);
  return verified;
}

/**
 * The preparation `check` and `build` share, so they cannot disagree: templates → models →
 * the deck laid out. Overflows are errors placed in briefing.yaml (or the deck template when it
 * wrote the text); shrunk and continued slides are the layout working as designed and are not reported.
 */
export async function prepareOutputs(ws: VerifiedWorkspace, theme: Theme, options: RenderOptions = {}): Promise<Prepared> {
  const prepared = await layOutDeck(ws, theme, await prepareModels(ws, theme, options));
  // What check cannot lay out without writing the PDF (a build counts the pages): the memo's length, estimated.
  if (prepared.memo && !hasErrors(prepared.diagnostics)) pushAll(prepared.diagnostics, memoLengthWarning(estimateBodyPages(prepared.memo), ws.summaryFile, true));
  return prepared;
}

/** The first step: the templates rendered into the deck's and the memo's models (a build starts the memo from here). */
export function prepareModels(ws: VerifiedWorkspace, theme: Theme, options: RenderOptions = {}): Promise<Models> {
  return workspaceToModels(ws, { ...options, extras: { ...options.extras, markers: theme.markers } });
}

/** The second step: the deck laid out on its slides, its text made safe for XML. */
export async function layOutDeck(ws: VerifiedWorkspace, theme: Theme, models: Models): Promise<Prepared> {
  const prepared: Prepared = models;
  if (!prepared.deck || hasErrors(prepared.diagnostics)) return prepared;
  const { layoutDeck } = await import('../deck/layout.js');
  const laidOut = layoutDeck(prepared.deck, theme, layoutLocator(ws, prepared.templates));
  pushAll(prepared.diagnostics, laidOut.diagnostics.filter((d) => d.severity !== 'info'));
  // Every string of the deck is XML: what XML 1.0 forbids is removed here, with a warning.
  const { xmlSafeDeck } = await import('../deck/xml-safe.js');
  const safe = xmlSafeDeck(laidOut.placed, ws.summaryFile);
  pushAll(prepared.diagnostics, safe.diagnostics);
  prepared.placedDeck = safe.deck;
  return prepared;
}

export async function workspaceToModels(ws: VerifiedWorkspace, options: RenderOptions = {}): Promise<Models> {
  const diagnostics: Diagnostic[] = [];
  const dirs = templateDirs(ws, options);
  const [deckTemplate, memoTemplate] = await Promise.all([loadTemplate('deck', dirs), loadTemplate('memo', dirs)]);
  const templates: LoadedTemplate[] = [];
  for (const t of [deckTemplate, memoTemplate]) {
    if ('render' in t) templates.push(t);
    else diagnostics.push(t);
  }
  if (diagnostics.length > 0) return { templates, diagnostics };
  for (const t of templates) pushAll(diagnostics, templateProblems(t, isBuiltIn(t.file)));
  if (hasErrors(diagnostics)) return { templates, diagnostics };
  const view = workspaceToView(ws, options.extras);
  const models: Models = { templates, diagnostics };
  const deckTemplateLoaded = deckTemplate as LoadedTemplate;
  const memoTemplateLoaded = memoTemplate as LoadedTemplate;
  const deckMd = deckTemplateLoaded.render(view);
  pushAll(diagnostics, deckMd.diagnostics);
  if (deckMd.text !== undefined) {
    const built = markdownToDeck(deckMd.text, ws, deckTemplateLoaded.file, deckTemplateLoaded.source);
    pushAll(diagnostics, built.diagnostics);
    if (built.deck) models.deck = built.deck;
  }
  const memoMd = memoTemplateLoaded.render(view);
  pushAll(diagnostics, memoMd.diagnostics);
  if (memoMd.text !== undefined) {
    const built = markdownToMemo(memoMd.text, ws);
    pushAll(diagnostics, built.diagnostics);
    models.memo = built.memo;
  }
  if (models.deck) pushAll(diagnostics, unrendered(ws, 'deck', models.deck.slides.flatMap((s) => s.blocks)));
  if (models.memo) pushAll(diagnostics, unrendered(ws, 'memo', models.memo.blocks));
  if (models.memo) pushAll(diagnostics, wideTables(models.memo.blocks, memoTemplateLoaded.file));
  if (models.memo) pushAll(diagnostics, memoGlyphWarnings(models.memo, ws.summaryFile));
  // Every citation printed is a statement's (a template cannot print one of its own).
  const owned = new Set((ws.verification?.citations ?? []).map((c) => c.n));
  if (models.deck) pushAll(diagnostics, unownedCitations(models.deck.slides, owned, deckTemplateLoaded.file, 'deck'));
  if (models.memo) pushAll(diagnostics, unownedCitations(models.memo.blocks, owned, memoTemplateLoaded.file, 'memo'));
  if (hasErrors(diagnostics)) return models;
  pushAll(diagnostics, numberInReadingOrder(ws, models, deckTemplateLoaded.file));
  return models;
}

/**
 * Citations numbered in the order a reader meets them, the same in the deck and the memo: the
 * workspace's verification is numbered anew (so build.json and --json agree with the outputs),
 * then both models. When the two templates meet citations in different orders, the memo's wins.
 */
function numberInReadingOrder(ws: VerifiedWorkspace, models: Models, deckFile: string): Diagnostic[] {
  if (!ws.verification) return [];
  const before = ws.verification;
  const { order, conflict } = readingOrder(models.deck ? deckFirstUses(models.deck) : [], models.memo ? firstUses(models.memo.blocks) : []);
  const { verification, newNumber } = renumberVerification(before, order);
  ws.verification = verification;
  if (models.deck) models.deck = { ...renumberDeck(models.deck, newNumber), citations: workspaceToCitationRefs(ws) };
  if (models.memo) models.memo = { ...renumberMemo(models.memo, newNumber), citations: workspaceToCitationRefs(ws) };
  if (!conflict) return [];
  const passage = (n: number) => {
    const c = before.citations.find((x) => x.n === n);
    return c ? `${c.doc} "${excerpt(c.quote, 40)}"` : String(n);
  };
  const [a, b] = conflict;
  const message = `the deck cites ${passage(a)} before ${passage(b)}, the memo after it: give the deck and memo templates the same section order, so that citation numbers read in order in both`;
  return [diagnostic('citation-order', message, { file: deckFile })];
}

/**
 * Statements none of whose citations made it into an output: either the template prints the
 * statement without its citations (a claim with no visible source), or it leaves it out.
 */
function unrendered(ws: VerifiedWorkspace, output: 'deck' | 'memo', blocks: readonly Block[]): Diagnostic[] {
  const shown = new Set(blocks.flatMap(blockCites));
  const text = fold(blocks.map(blockText).join(' '));
  const texts = new Map((ws.summary ? statementsOf(ws.summary) : []).map((s) => [s.path.join('.'), s.fields.find((f) => f.name === 'text' || f.name === 'signpost')?.value ?? '']));
  const uncited: string[] = [];
  const missing: string[] = [];
  for (const [key, numbers] of ws.verification?.numbersByStatement ?? []) {
    if (numbers.length === 0 || numbers.some((n) => shown.has(n))) continue;
    const statement = fold(texts.get(key) ?? '');
    (statement !== '' && text.includes(statement) ? uncited : missing).push(pathLabelOf(key));
  }
  const diagnostics: Diagnostic[] = [];
  if (uncited.length > 0) {
    diagnostics.push(diagnostic('statement-without-citation', `the ${output} prints ${count(uncited)} without its citations (does the template call {{cite cite}}?): ${list(uncited)}`, { file: ws.summaryFile }));
  }
  if (missing.length > 0) {
    diagnostics.push(diagnostic('statement-not-rendered', `the ${output} leaves out ${count(missing)} (its template does not show them): ${list(missing)}`, { file: ws.summaryFile }));
  }
  return diagnostics;
}

function count(paths: string[]): string {
  return paths.length > 1 ? `${paths.length} statements` : 'a statement';
}

function list(paths: string[]): string {
  return paths.length > 6 ? `${paths.slice(0, 6).join(', ')} and ${paths.length - 6} more` : paths.join(', ');
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The visible text of a block, citations left out. */
function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'quote':
      return plainText(block.inlines);
    case 'list':
      return block.items.map(plainText).join(' ');
    case 'table':
      return [...block.header, ...block.rows.flat()].map(plainText).join(' ');
    case 'timeline':
      return block.events.map((e) => `${e.when} ${e.amount ?? ''} ${plainText(e.label)}`).join(' ');
    case 'chart':
      return block.points.map((p) => `${p.label} ${p.display}`).join(' ');
  }
}

function pathLabelOf(key: string): string {
  return pathLabel(keyPath(key));
}
