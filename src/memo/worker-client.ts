// Where the memo is rendered: in a worker thread when one can be started (two cores: the deck
// and the memo are laid out at once), else in this thread. A watch session keeps the worker.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Memo } from '../model/types.js';
import type { MemoJob, MemoJobResult } from './worker.js';

export interface MemoRenderer {
  render(memo: Memo, options: { date: Date; pdfa: boolean }): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[] }>;
  close(): Promise<void>;
}

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/** Starts the worker now, so that it loads pdfmake and the fonts while the caller does other work. */
export function startMemoRenderer(): MemoRenderer {
  if (process.env.BRIEFING_NO_WORKER || !existsSync(WORKER_FILE)) return inProcessRenderer();
  let worker: Worker;
  try {
    worker = new Worker(WORKER_FILE);
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
      return { bytes: new Uint8Array(reply.bytes), diagnostics: reply.diagnostics };
    },
    async close() {
      await worker.terminate();
    },
  };
}

function inProcessRenderer(): MemoRenderer {
  return {
    async render(memo, options) {
      const { renderMemo } = await import('./pdf-writer.js');
      return renderMemo(memo, options);
    },
    async close() {},
  };
}
