// Where the memo is rendered: in a worker thread when one can be started (two cores: the deck
// and the memo are laid out at once), else in this thread. A watch session keeps the worker.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { bundleHost } from '../bundle/host.js';
import { loadMemoWriter, memoWorkerEntry } from './load-writer.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Memo } from '../model/types.js';
import type { MemoPages } from './pdf-writer.js';
import type { MemoJob, MemoJobResult } from './worker.js';

export interface MemoRenderer {
  render(memo: Memo, options: { date: Date; pdfa: boolean }): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[]; pages?: MemoPages }>;
  close(): Promise<void>;
}

/**
 * A memo renderer whose worker starts with the first memo to render: a build that renders no memo
 * (up to date, failed, or the memo kept as it is) never loads pdfmake or the fonts.
 */
export function createMemoRenderer(): MemoRenderer {
  let started: MemoRenderer | undefined;
  return {
    render(memo, options) {
      started ??= startMemoRenderer();
      return started.render(memo, options);
    },
    async close() {
      await started?.close();
    },
  };
}

/** Starts the worker now, so that it loads pdfmake and the fonts while the caller does other work. */
export function startMemoRenderer(): MemoRenderer {
  const entry = memoWorkerEntry();
  if (process.env.BRIEFING_NO_WORKER || !existsSync(entry.file)) return inProcessRenderer();
  let worker: Worker;
  try {
    worker = new Worker(entry.file, { workerData: entry.workerData });
  } catch {
    return inProcessRenderer();
  }
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: MemoJobResult) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  worker.on('message', (message: MemoJobResult | { ready: true }) => {
    if (!('id' in message)) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    waiter?.resolve(message);
  });
  worker.on('error', (error) => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  return {
    async render(memo, options) {
      if (failure) return inProcessRenderer().render(memo, options);
      const id = nextId++;
      const reply = await new Promise<MemoJobResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, memo, date: options.date.toISOString(), pdfa: options.pdfa } satisfies MemoJob);
      });
      if (reply.error !== undefined || !reply.bytes) throw new Error(reply.error ?? 'the memo worker returned nothing');
      const result = { bytes: new Uint8Array(reply.bytes), diagnostics: reply.diagnostics };
      return reply.pages ? { ...result, pages: reply.pages } : result;
    },
    async close() {
      // The bundled entry's worker writes its code cache before it stops: ask it to stop, and
      // end it anyway after a while. The development layout has no cache: end it at once.
      if (!bundleHost() || failure) {
        await worker.terminate();
        return;
      }
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ close: true });
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function inProcessRenderer(): MemoRenderer {
  return {
    async render(memo, options) {
      const { renderMemo } = await loadMemoWriter();
      return renderMemo(memo, options);
    },
    async close() {},
  };
}
