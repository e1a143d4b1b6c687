#!/usr/bin/env node
// npm run score:draft: bundles test/draft-gold/run.ts (the scorer and the draft of src/, with
// esbuild, packages left to node_modules) and runs it with this script's arguments. The bundle is
// written beside test/helpers/workspace.ts, whose ROOT is found from its own place, and removed.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'test/helpers', `.score-run-${process.pid}.mjs`);
await esbuild.build({
  entryPoints: [path.join(root, 'test/draft-gold/run.ts')],
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
