// node --import ./test/helpers/trace-loads.mjs …: records, in the file BRIEFING_TRACE_LOADS names,
// every module the process resolves through the ES module loader ("esm URL"), every CommonJS
// module in require.cache at exit ("cjs PATH"), every worker thread started ("worker FILE") and
// every bundle the bundled entry loads ("bundle NAME"). Used by the tests that check what a
// command loads.
import { appendFileSync } from 'node:fs';
import { createRequire, register, syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BRIEFING_TRACE_LOADS;
if (file) {
  register('./trace-hooks.mjs', import.meta.url, { data: { file } });
  const require = createRequire(import.meta.url);
  const threads = require('node:worker_threads');
  const Original = threads.Worker;
  threads.Worker = class TracedWorker extends Original {
    constructor(entry, options) {
      appendFileSync(file, `worker ${entry}\n`);
      super(entry, options);
    }
  };
  syncBuiltinESMExports();
  const dump = () => {
    const lines = Object.keys(require.cache).map((k) => `cjs ${k}\n`);
    const host = globalThis.__briefingHost;
    if (host) for (const name of host.loaded) lines.push(`bundle ${name}\n`);
    appendFileSync(file, lines.join(''));
  };
  if (isMainThread) process.on('exit', dump);
}
