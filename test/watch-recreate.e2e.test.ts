// briefing watch keeps working when the workspace folder is deleted and made again (a checkout,
// a sync tool): the new folder is watched, and an edit in it rebuilds.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyWorkspace, TINY_SUMMARY } from './helpers/tiny.js';
import { CLI, removeDir, tempDir } from './helpers/workspace.js';

function waitFor(child: ChildProcess, printed: { text: string }, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const from = printed.text.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got:\n${printed.text.slice(from)}`)), timeoutMs);
    const check = () => {
      if (!pattern.test(printed.text.slice(from))) return;
      clearTimeout(timer);
      child.stderr?.off('data', check);
      resolve();
    };
    child.stderr?.on('data', check);
  });
}

describe('briefing watch, the workspace folder deleted and made again', () => {
  let dir: string;
  let child: ChildProcess;
  beforeAll(async () => {
    dir = await tempDir();
    await makeTinyWorkspace(dir);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await removeDir(dir);
  });

  it('watches the new folder and rebuilds on an edit in it', async () => {
    child = spawn(process.execPath, [CLI, 'watch', 'ws', '--out', 'out'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const printed = { text: '' };
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => void (printed.text += chunk));
    await waitFor(child, printed, /watching ws for changes/);
    await rm(path.join(dir, 'ws'), { recursive: true });
    await new Promise((r) => setTimeout(r, 500));
    const rebuilt = waitFor(child, printed, /out: wrote briefing\.pptx/);
    await makeTinyWorkspace(dir, 'ws', TINY_SUMMARY.replace('title: Alpha and Beta', 'title: Alpha and Beta, made again'));
    await rebuilt;
    // And it goes on watching the new folder: an edit there rebuilds again.
    const again = waitFor(child, printed, /summary changed: title\nout: wrote/);
    await writeFile(path.join(dir, 'ws/briefing.yaml'), TINY_SUMMARY.replace('title: Alpha and Beta', 'title: Alpha and Beta, edited'));
    await again;
    const manifest = JSON.parse(await readFile(path.join(dir, 'out/build.json'), 'utf8'));
    expect(manifest.fields.title).toBe('Alpha and Beta, edited');
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  });
});
