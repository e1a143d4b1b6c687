// A worker thread that renders memos, so that the memo (the slower output) is laid out on the
// second core while the main thread renders the deck. Messages are plain data.
import { parentPort } from 'node:worker_threads';
import { bundleHost } from '../bundle/host.js';
import { loadMemoWriter } from './load-writer.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Memo } from '../model/types.js';
import type { MemoPages } from './pdf-writer.js';

export interface MemoJob {
  id: number;
  memo: Memo;
  date: string;
  pdfa: boolean;
}

export interface MemoJobResult {
  id: number;
  bytes?: Uint8Array;
  diagnostics: Diagnostic[];
  pages?: MemoPages;
  error?: string;
}

const port = parentPort;
if (port) {
  // Load pdfmake and the fonts as soon as the thread starts, while the main thread verifies.
  const writer = loadMemoWriter();
  port.on('message', (job: MemoJob | { close: true }) => {
    if ('close' in job) {
      // Asked to stop: the bundled entry's code cache is written now, when the code has run.
      bundleHost()?.saveCodeCache();
      process.exit(0);
    }
    writer
      .then(({ renderMemo }) => renderMemo(job.memo, { date: new Date(job.date), pdfa: job.pdfa }))
      .then(
        (result) => {
          const bytes = result.bytes;
          const reply: MemoJobResult = { id: job.id, bytes, diagnostics: result.diagnostics };
          if (result.pages) reply.pages = result.pages;
          port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
        },
        (error: unknown) => port.postMessage({ id: job.id, diagnostics: [], error: (error as Error).message ?? String(error) } satisfies MemoJobResult),
      );
  });
  port.postMessage({ ready: true });
  void writer.then(({ warmUp }) => warmUp?.());
}
