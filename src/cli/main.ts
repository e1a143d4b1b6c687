#!/usr/bin/env node
// The process's entry: runs the command line, and turns anything unexpected into "internal error".
import { hideBin } from 'yargs/helpers';
import { EXIT } from '../diagnostics/diagnostic.js';
import { runCommandLine } from './cli.js';
import { processIo as io } from './io.js';

let finished = false;
// A command whose work stopped without settling (a promise nothing resolves) would let Node exit 0
// with no output: that is an internal error, never a success.
process.on('beforeExit', () => {
  if (finished) return;
  finished = true;
  io.stderr('briefing: internal error: the command stopped before it finished\n(please report it)\n');
  process.exitCode = EXIT.internal;
});

runCommandLine(hideBin(process.argv), io).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    finished = true;
    const detail = error instanceof Error ? (process.env.BRIEFING_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
    io.stderr(`briefing: internal error: ${detail}\n(set BRIEFING_DEBUG=1 for a stack trace, and please report it)\n`);
    process.exitCode = EXIT.internal;
  },
);
