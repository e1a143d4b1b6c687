#!/usr/bin/env node
// The process's entry: runs the command line, and turns anything unexpected into "internal error".
import { hideBin } from 'yargs/helpers';
import { EXIT } from '../diagnostics/diagnostic.js';
import { runCommandLine } from './cli.js';
import { processIo as io } from './io.js';

runCommandLine(hideBin(process.argv), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail = error instanceof Error ? (process.env.BRIEFING_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
    io.stderr(`briefing: internal error: ${detail}\n(set BRIEFING_DEBUG=1 for a stack trace, and please report it)\n`);
    process.exitCode = EXIT.internal;
  },
);
