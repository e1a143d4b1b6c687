// The stage graph has no loops: every folder of src/ sits in one layer of LAYERS, and a folder
// imports only folders of the layers below its own (ARCHITECTURE.md draws the same graph).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/workspace.js';

/**
 * The layers of src/, bottom first. A folder may import any folder of a lower row, none of its own
 * row (the folders of a row are independent of each other) and none above. A new folder goes into
 * this table, in the lowest row above everything it imports.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['common', 'diagnostics', 'types'], // helpers every stage may use: hashes, code-point order; the rule catalogue
  ['cache'], // the user's cache folder, bounded in-process maps, the tool's fingerprint
  ['bundle'], // what the bundled entry's launcher offers the code it loads
  ['inputs'], // folder → LoadedWorkspace: sources read, briefing.yaml parsed and typed
  ['verify'], // LoadedWorkspace → VerifiedWorkspace: quotes found, figures grounded, citations numbered
  ['template'], // VerifiedWorkspace → view → Handlebars → Markdown
  ['model'], // Markdown → Deck, Memo
  ['deck', 'memo', 'review'], // Deck → placed slides → .pptx; Memo → .pdf; VerifiedWorkspace → review.html
  ['pipeline'], // the stages in order (check and build share them), manifests, changes, atomic outputs
  ['draft'], // a first briefing.yaml from the documents (reads a build's manifest)
  ['find'], // passage search (uses the draft's sentence splitting and ranking)
  ['cli'], // the commands: the only folder that prints
];

const SRC = path.join(ROOT, 'src');

/** The relative module specifiers a file imports, re-exports, requires or names as a worker URL. */
function importedSpecifiers(text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bnew\s+URL\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  return [...text.matchAll(pattern)].map((m) => m[1] as string);
}

/** The top folder of src/ a path inside it belongs to ('' for a file directly in src/). */
function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? (parts[0] as string) : '';
}

/** Each import of one top folder of src/ by another that the table does not allow, as `file: from → to`. */
function layerViolations(files: ReadonlyMap<string, string>, layers: readonly (readonly string[])[]): string[] {
  const rank = new Map<string, number>();
  layers.forEach((row, i) => row.forEach((folder) => rank.set(folder, i)));
  const problems: string[] = [];
  for (const [file, text] of files) {
    const from = folderOf(file);
    const fromRank = rank.get(from);
    if (fromRank === undefined) {
      problems.push(`${path.relative(ROOT, file)}: folder "${from}" is in no layer of the table`);
      continue;
    }
    for (const specifier of importedSpecifiers(text)) {
      const target = path.resolve(path.dirname(file), specifier);
      if (!target.startsWith(SRC + path.sep)) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const toRank = rank.get(to);
      if (toRank === undefined || toRank >= fromRank) problems.push(`${path.relative(ROOT, file)}: ${from} → ${to} (${specifier})`);
    }
  }
  return problems;
}

function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(SRC, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(file, readFileSync(file, 'utf8'));
  }
  return files;
}

describe('the stage graph', () => {
  it('every folder of src/ imports only folders of lower layers', () => {
    const files = sourceFiles();
    expect(files.size).toBeGreaterThan(100);
    expect(layerViolations(files, LAYERS)).toEqual([]);
  });

  it('every folder of src/ is in the table, and every folder of the table exists', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect([...LAYERS.flat()].sort()).toEqual(folders);
  });

  it('catches an import of a higher folder, of a folder of the same row, and of an unknown folder', () => {
    const at = (p: string) => path.join(SRC, p);
    const files = new Map([
      [at('inputs/workspace.ts'), "import { verifySummary } from '../verify/verify.js';\nimport type { X } from './sources.js';"],
      [at('deck/layout.ts'), "export * from '../memo/style.js';"],
      [at('cache/cache-dir.ts'), "const m = await import('../inputs/file-hashes.js');"],
      [at('memo/worker-client.ts'), "new Worker(new URL('../pipeline/worker.js', import.meta.url));"],
      [at('verify/match.ts'), "import { a } from '../inputs/x.js';\nimport b from '../diagnostics/y.js';\nimport '../nowhere/z.js';"],
      [at('cli/cli.ts'), "import { a } from '../pipeline/pipeline.js';"],
    ]);
    expect(layerViolations(files, LAYERS)).toEqual([
      'src/inputs/workspace.ts: inputs → verify (../verify/verify.js)',
      'src/deck/layout.ts: deck → memo (../memo/style.js)',
      'src/cache/cache-dir.ts: cache → inputs (../inputs/file-hashes.js)',
      'src/memo/worker-client.ts: memo → pipeline (../pipeline/worker.js)',
      'src/verify/match.ts: verify → nowhere (../nowhere/z.js)',
    ]);
  });

  it('names a folder missing from the table', () => {
    expect(layerViolations(new Map([[path.join(SRC, 'extra/a.ts'), '']]), LAYERS)).toEqual(['src/extra/a.ts: folder "extra" is in no layer of the table']);
  });
});
