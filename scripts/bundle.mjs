// node scripts/bundle.mjs: the bundled entry, run by `npm run build` after tsc (and so by
// `npm install` through `prepare`). esbuild writes minified CommonJS bundles with source maps:
//   dist/bundled/cli.cjs          the CLI and every stage up to the document models and layout
//   dist/bundled/deck.cjs         the PowerPoint writer with pptxgenjs and jszip
//   dist/bundled/memo.cjs         the PDF writer with pdfmake, pdfkit and fontkit
//   dist/bundled/memo-worker.cjs  the memo's worker thread
//   dist/briefing.cjs             the launcher (`bin`): loads them through a V8 code cache
// The tool's fingerprint is computed here, once, and written into the bundles, and so are the
// tool's own templates, compiled (src/template/precompile.ts). The script checks
// that the CLI bundle holds no writer library and that the memo bundle holds one fontkit.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('bundle: esbuild is not installed: run `npm install` (package.json lists it since the bundled entry)');
  process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/bundled');
const { sourceFingerprint } = await import(path.join(root, 'dist/cache/fingerprint.js'));
const fingerprint = await sourceFingerprint(root);
if (!fingerprint) throw new Error('bundle: src/ not found');
const { precompiledModule } = await import(path.join(root, 'dist/template/precompile.js'));
const precompiled = await precompiledModule();

/** The tool's own templates, compiled now (see src/template/precompile.ts): no run-time compile for them. */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(build) {
    build.onLoad({ filter: /src[\\/]template[\\/]precompiled\.ts$/ }, () => ({ contents: precompiled, loader: 'js' }));
  },
};

/** The writers are bundles of their own: in every bundle, the loaders' imports of them stay out. */
const WRITER_LOADERS = [path.join('src', 'deck', 'load-writer.ts'), path.join('src', 'memo', 'load-writer.ts')];
const writersApart = {
  name: 'writers-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/(pptx-writer|pdf-writer)\.js$/ }, (args) =>
      WRITER_LOADERS.some((loader) => args.importer.endsWith(loader)) ? { path: args.path, external: true } : undefined,
    );
  },
};

/** pdfkit's own fontkit, as one module with pdfkit's require('fontkit') (see src/memo/pdfkit-fontkit.ts). */
const oneFontkit = {
  name: 'one-fontkit',
  setup(build) {
    build.onLoad({ filter: /src[\\/]memo[\\/]pdfkit-fontkit\.ts$/ }, () => ({
      contents: "export function pdfkitFontkit() { return require('fontkit'); }\n",
      loader: 'ts',
    }));
  },
};

/**
 * string-width (yargs, cliui and wrap-ansi each import a copy) builds, when its module is
 * evaluated, a Unicode-set RegExp of every emoji sequence and an Intl.Segmenter: about 60 ms of a
 * cold start that only help text and wrapped usage lines ever need. Each import gets a stand-in
 * that requires the real module (kept in the bundle, evaluated lazily by esbuild) on first call.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents:
        `let real;\n` +
        `export default function stringWidth(text, options) {\n` +
        `  real ??= require(${JSON.stringify(args.path)}).default;\n` +
        `  return real(text, options);\n` +
        `}\n`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
  // No import() in the bundles (the launcher compiles them as scripts): require() instead.
  supported: { 'dynamic-import': false },
  // import.meta.url as ES modules see it: the bundle's own file (dist/bundled/ is one level below
  // dist/, like the ES module layout, so paths relative to it name the same files).
  define: { 'import.meta.url': 'import_meta_url', __BRIEFING_FINGERPRINT__: JSON.stringify(fingerprint) },
  banner: { js: 'var import_meta_url=require("url").pathToFileURL(__filename).href;' },
  plugins: [writersApart, oneFontkit, precompiledTemplates, lazyStringWidth],
  // The language model of `draft` and `find` (megabytes of data) stays out of the bundles: it is
  // required from node_modules only when one of those commands runs.
  external: ['wink-nlp', 'wink-eng-lite-web-model'],
};

/**
 * The libraries that read PDF, Word and HTML sources stay out of the bundles: they are loaded
 * from node_modules (require) only when such a file is parsed, which an up-to-date build never
 * does (see src/inputs/cache.ts). pdfjs-dist is an ES module that loads its own worker module.
 */
const SOURCE_READER_LIBRARIES = ['pdfjs-dist', 'pdfjs-dist/*', 'mammoth', 'jszip', 'linkedom', '@mozilla/readability', 'htmlparser2'];

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const entries = {
  cli: 'src/cli/main.ts',
  deck: 'src/deck/pptx-writer.ts',
  memo: 'src/memo/pdf-writer.ts',
  'memo-worker': 'src/memo/worker.ts',
};
const hashes = {};
const inputs = {};
/** The input files of each bundle that left code in it (tree shaking may drop a file whole). */
const kept = {};
for (const [name, entry] of Object.entries(entries)) {
  const outfile = path.join(outDir, `${name}.cjs`);
  const result = await esbuild.build({ ...common, entryPoints: [path.join(root, entry)], outfile, external: [...SOURCE_READER_LIBRARIES, ...common.external] });
  inputs[name] = Object.keys(result.metafile.inputs);
  kept[name] = Object.entries(Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {}).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f);
  hashes[name] = createHash('sha256').update(readFileSync(outfile)).digest('hex');
}

// pdfkit reads the sRGB colour profile of a PDF/A memo from the folder beside its code: in the
// bundle, that is dist/bundled/data/. (Its standard fonts are never used: the memo embeds its own.)
const pdfkitData = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfkit')), 'data');
mkdirSync(path.join(outDir, 'data'), { recursive: true });
copyFileSync(path.join(pdfkitData, 'sRGB_IEC61966_2_1.icc'), path.join(outDir, 'data', 'sRGB_IEC61966_2_1.icc'));

const packagesOf = (name) => new Set(inputs[name].map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter(Boolean));
for (const heavy of ['pdfmake', 'pdfkit', 'pptxgenjs', 'fontkit', 'jszip']) {
  if (packagesOf('cli').has(heavy)) throw new Error(`bundle: the CLI bundle must not contain ${heavy}`);
}
// `import * as z from 'zod'` lets esbuild keep only what is used; `import { z }` keeps all of zod
// (every locale, JSON Schema conversion): a third of the CLI bundle.
for (const [name, files] of Object.entries(kept)) {
  const locales = files.filter((f) => /node_modules\/zod\/v4\/locales\/(?!(?:en|index)\.js$)/.test(f));
  if (locales.length > 0) throw new Error(`bundle: ${name} holds all of zod (${locales.length} locales): import it as \`import * as z from 'zod'\``);
}
const fontkits = inputs.memo.filter((f) => /node_modules\/fontkit\/dist\//.test(f));
if (fontkits.length !== 1) throw new Error(`bundle: the memo bundle must hold one fontkit, not ${fontkits.join(', ') || 'none'}`);
for (const [name, files] of Object.entries(inputs)) {
  if (name !== 'memo' && files.some((f) => /node_modules\/fontkit\//.test(f))) throw new Error(`bundle: ${name} must not contain fontkit`);
}

await esbuild.build({
  ...common,
  plugins: [],
  entryPoints: [path.join(root, 'src/bundle/launcher.ts')],
  outfile: path.join(root, 'dist/briefing.cjs'),
  define: { ...common.define, __BRIEFING_BUNDLE_HASHES__: JSON.stringify(hashes) },
  banner: { js: '#!/usr/bin/env node' },
  minify: false,
  sourcemap: false,
});
writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify({ fingerprint, bundles: hashes }, null, 2)}\n`);
const kb = (name) => Math.round(readFileSync(path.join(outDir, `${name}.cjs`)).length / 1024);
console.log(`bundled: ${Object.keys(entries).map((n) => `${n} ${kb(n)} KB`).join(', ')}; fingerprint ${fingerprint.slice(0, 12)}`);
