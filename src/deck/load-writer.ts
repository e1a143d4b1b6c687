// The PowerPoint writer (pptxgenjs, jszip), loaded only when a deck must be written: in the
// development layout (tsc's dist/) a dynamic import; in the bundled entry a bundle of its own that
// the launcher loads through the V8 code cache (see bundle/host.ts and scripts/bundle.mjs).
import { bundleHost } from '../bundle/host.js';

type DeckWriter = typeof import('./pptx-writer.js');

export async function loadDeckWriter(): Promise<DeckWriter> {
  const host = bundleHost();
  if (host) return host.load('deck') as DeckWriter;
  return import('./pptx-writer.js');
}
