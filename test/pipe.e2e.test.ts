// A reader that stops reading: `briefing find … | head -1` closes the pipe before the CLI has
// printed everything. The CLI runs to its end and exits with its own code, without Node's
// "Error: write EPIPE" stack trace (a child process: the pipe is the point).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers/workspace.js';

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // Nobody reads what the CLI prints: its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed stdout', () => {
  it('ends find and check --json with their own exit code and no stack trace', async () => {
    const find = await runWithClosedStdout(['find', 'seeds', 'investment', 'billion']);
    expect(find.stderr).not.toMatch(/EPIPE|^\s+at .+:\d+:\d+\)?$|internal error/m);
    expect(find.code).toBe(0);
    const check = await runWithClosedStdout(['check', 'seeds', '--json']);
    expect(check.stderr).not.toMatch(/EPIPE|^\s+at .+:\d+:\d+\)?$|internal error/m);
    expect(check.code).toBe(0);
  });
});
