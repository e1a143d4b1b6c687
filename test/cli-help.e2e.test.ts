// The command line's help and usage errors, which the CLI prints through yargs (it no longer
// has yargs render the help after every command, in case a command asked for it). Help is printed
// by yargs itself, which then ends the process: it runs in a child (the package's bin).
import { describe, expect, it } from 'vitest';
import { runCli, runCliProcess } from './helpers/workspace.js';

describe('help and usage', () => {
  it('prints the help of the tool and of a command', async () => {
    const all = await runCliProcess(['--help']);
    expect(all.code).toBe(0);
    for (const command of ['build', 'check', 'watch', 'draft', 'find']) expect(all.stdout).toContain(`briefing ${command}`);
    const check = await runCliProcess(['check', '--help']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('validate the summary and verify every citation');
    expect(check.stdout).toContain('--templates');
  });

  it('names what is wrong with a command line, and a missing workspace, with exit 2', async () => {
    const unknown = await runCli(['check', 'seeds', '--nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^briefing: Unknown argument: nope\nRun 'briefing --help' for usage\.\n$/);
    const missing = await runCli(['check', 'no-such-folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('workspace folder not found: no-such-folder');
    expect(missing.stderr).not.toContain('Usage');
  });
});
