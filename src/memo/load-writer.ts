// The PDF writer (pdfmake, pdfkit, fontkit), loaded only when a memo must be rendered: in the
// development layout (tsc's dist/) a dynamic import; in the bundled entry a bundle of its own that
// the launcher loads through the V8 code cache (see bundle/host.ts and scripts/bundle.mjs).
import { fileURLToPath } from 'node:url';
import { bundleHost, type BundleName } from '../bundle/host.js';

type MemoWriter = typeof import('./pdf-writer.js');

export async function loadMemoWriter(): Promise<MemoWriter> {
  const host = bundleHost();
  if (host) return host.load('memo') as MemoWriter;
  return import('./pdf-writer.js');
}

/** Where a memo worker thread starts: the worker module, or the launcher told which bundle to load. */
export function memoWorkerEntry(): { file: string; workerData?: { briefingBundle: BundleName } } {
  const host = bundleHost();
  if (host) return { file: host.launcher, workerData: { briefingBundle: 'memo-worker' } };
  return { file: fileURLToPath(new URL('./worker.js', import.meta.url)) };
}
