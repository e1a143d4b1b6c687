// The bundled entry (dist/briefing.cjs, the package's `bin`): loads the CLI bundle, and later the
// deck, memo and worker bundles, each compiled with a V8 code cache kept in the user's cache
// folder, so that a cold process skips most parsing and compiling. The cache is written after the
// code has run (so it holds the functions a command uses), keyed by the bundle's hash, the Node
// and V8 versions and the flags, and bounded in size. BRIEFING_DEBUG=1 loads the bundles with
// plain require() and source maps, so stack traces point at src/; BRIEFING_NO_CACHE=1 (or no
// cache folder) compiles without a cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { isMainThread, workerData } from 'node:worker_threads';
import { cacheStore } from '../cache/cache-dir.js';
import type { BundleHost, BundleName } from './host.js';

/** sha256 of each bundle, written in by scripts/bundle.mjs when it builds this file. */
declare const __BRIEFING_BUNDLE_HASHES__: Record<BundleName, string>;

const BUNDLE_DIR = path.join(__dirname, 'bundled');
const CODE_CACHE_BYTES = 64 * 1024 * 1024;

interface Compiled {
  name: BundleName;
  script: vm.Script;
  entry: string;
  /** True when there was no usable cache: this run's compiled code is worth writing. */
  stale: boolean;
}

const debug = !!process.env.BRIEFING_DEBUG;
const store = debug ? undefined : cacheStore('code-cache', CODE_CACHE_BYTES);
const compiled: Compiled[] = [];
const exportsOf = new Map<BundleName, unknown>();

/** The command decides which functions run, so each command has its own cache of the CLI bundle. */
function flavour(name: BundleName): string {
  if (name !== 'cli') return '';
  const command = process.argv[2] ?? '';
  return ['build', 'check', 'watch'].includes(command) ? command : 'other';
}

function cacheEntry(name: BundleName): string {
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        __BRIEFING_BUNDLE_HASHES__[name],
        process.version,
        process.versions.v8,
        process.arch,
        process.execArgv,
        process.env.NODE_OPTIONS ?? '',
        flavour(name),
      ]),
    )
    .digest('hex');
  return `${name}${flavour(name) ? `-${flavour(name)}` : ''}-${key.slice(0, 24)}.bin`;
}

function load(name: BundleName): unknown {
  if (exportsOf.has(name)) return exportsOf.get(name);
  const file = path.join(BUNDLE_DIR, `${name}.cjs`);
  let exported: unknown;
  if (debug) {
    exported = require(file);
  } else {
    const entry = cacheEntry(name);
    const cachedData = store?.read(entry);
    const source = readFileSync(file, 'utf8');
    // A shebang line is only valid at the very start of a file: keep the line, as a comment.
    const script = new vm.Script(Module.wrap(source.startsWith('#!') ? `//${source.slice(2)}` : source), {
      filename: file,
      cachedData,
    });
    compiled.push({ name, script, entry, stale: !cachedData || script.cachedDataRejected === true });
    const wrapper = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void;
    const mod = { exports: {} as unknown };
    wrapper.call(mod.exports, mod.exports, createRequire(file), mod, file, BUNDLE_DIR);
    exported = mod.exports;
  }
  exportsOf.set(name, exported);
  host.loaded.add(name);
  return exported;
}

/** Writes the code cache of every bundle this thread compiled without a usable one. Never throws. */
function saveCodeCache(): void {
  for (const c of compiled) {
    if (!c.stale || !store) continue;
    c.stale = false;
    try {
      store.write(c.entry, c.script.createCachedData());
    } catch {
      // a cache is an optimisation: no space or no permission only means no cache
    }
  }
}

const host: BundleHost = { load, loaded: new Set(), launcher: __filename, saveCodeCache };
(globalThis as { __briefingHost?: BundleHost }).__briefingHost = host;

if (debug) process.setSourceMapsEnabled(true);
if (isMainThread) {
  process.once('exit', saveCodeCache);
  load('cli');
} else {
  const wanted = (workerData as { briefingBundle?: BundleName } | undefined)?.briefingBundle;
  if (wanted) load(wanted);
}
