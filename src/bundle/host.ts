// The writers and the memo worker, loaded only when an output must be rendered. In the
// development layout (tsc's dist/, ES modules) they are dynamic imports; in the bundled entry
// (dist/briefing.cjs and dist/bundled/, see scripts/bundle.mjs) each is a bundle of its own that the launcher loads
// through the V8 code cache, so the main bundle carries neither pdfmake nor pptxgenjs.
import { fileURLToPath } from 'node:url';

export type BundleName = 'cli' | 'deck' | 'memo' | 'memo-worker';

/** What the bundled entry's launcher offers the code it loads (on globalThis.__briefingHost). */
export interface BundleHost {
  /** Loads (once) a bundle and returns its exports. */
  load(name: BundleName): unknown;
  /** The bundles loaded so far in this thread. */
  loaded: Set<BundleName>;
  /** The launcher's own file: a worker thread starts there and loads the bundle named in workerData. */
  launcher: string;
  /** Writes the code cache of this thread's bundles now (a worker does after its first job). */
  saveCodeCache(): void;
}

export function bundleHost(): BundleHost | undefined {
  return (globalThis as { __briefingHost?: BundleHost }).__briefingHost;
}

type DeckWriter = typeof import('../deck/pptx-writer.js');
type MemoWriter = typeof import('../memo/pdf-writer.js');

export async function loadDeckWriter(): Promise<DeckWriter> {
  const host = bundleHost();
  if (host) return host.load('deck') as DeckWriter;
  return import('../deck/pptx-writer.js');
}

export async function loadMemoWriter(): Promise<MemoWriter> {
  const host = bundleHost();
  if (host) return host.load('memo') as MemoWriter;
  return import('../memo/pdf-writer.js');
}

/** Where a memo worker thread starts: the worker module, or the launcher told which bundle to load. */
export function memoWorkerEntry(): { file: string; workerData?: { briefingBundle: BundleName } } {
  const host = bundleHost();
  if (host) return { file: host.launcher, workerData: { briefingBundle: 'memo-worker' } };
  return { file: fileURLToPath(new URL('../memo/worker.js', import.meta.url)) };
}
