// Runs a TypeScript entry of test/ (a scorer and the code of src/ it imports) from a script:
// bundles it with esbuild (packages left to node_modules) beside test/helpers/workspace.ts, whose
// ROOT is found from its own place (so is test/support-heldout/score.ts's), imports it, removes it.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles ENTRY (relative to the repository) and runs it; the script's arguments are its own. */
export async function runBundled(entry) {
  const outfile = path.join(root, 'test/helpers', `.score-run-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  try {
    await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}
