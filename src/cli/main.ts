#!/usr/bin/env node
// The process's entry: runs the command line, and turns anything unexpected into "internal error".
import { hideBin } from 'yargs/helpers';
import { EXIT } from '../diagnostics/diagnostic.js';
import { runCommandLine } from './cli.js';
import { processIo as io } from './io.js';

// A reader that stops reading (`briefing find … | head`) closes the pipe: what is left to print has
// nobody to read it, which is no error of the command. Without a listener, Node throws EPIPE with a
// stack trace; the command now runs to its end and exits with its own code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

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
