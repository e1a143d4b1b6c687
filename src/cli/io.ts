// Where the CLI writes. Commands take an Io so that tests can capture what they print.
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
}
