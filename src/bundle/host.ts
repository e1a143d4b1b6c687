// What the bundled entry's launcher offers the code it loads. The writers and the memo worker are
// loaded only when an output must be rendered (deck/load-writer.ts, memo/load-writer.ts): in the
// development layout (tsc's dist/, ES modules) by dynamic imports; in the bundled entry
// (dist/briefing.cjs and dist/bundled/, see scripts/bundle.mjs) each is a bundle of its own that the
// launcher loads through the V8 code cache, so the main bundle carries neither pdfmake nor pptxgenjs.

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
