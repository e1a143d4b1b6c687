// briefing watch, driven end to end in a child process by real file edits.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, copySeeds, removeDir, seedDocumentFile } from './helpers/workspace.js';

class Transcript {
  text = '';
  private waiters: { pattern: RegExp; from: number; resolve: (m: string) => void }[] = [];
  constructor(child: ChildProcess) {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.text += chunk;
      this.waiters = this.waiters.filter((w) => {
        const m = w.pattern.exec(this.text.slice(w.from));
        if (m) w.resolve(m[0]);
        return !m;
      });
    });
  }
  /** Wait for `pattern` in what is printed from now on. */
  next(pattern: RegExp, timeoutMs = 90_000): Promise<string> {
    const from = this.text.length;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; got:\n${this.text.slice(from)}`)), timeoutMs);
      this.waiters.push({ pattern, from, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }
}

describe('briefing watch', () => {
  let dir: string;
  let ws: string;
  let child: ChildProcess;
  let out: Transcript;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await removeDir(dir);
  });

  it('builds, rebuilds on edits, survives a broken citation, and stops cleanly on Ctrl-C', async () => {
    child = spawn(process.execPath, [CLI, 'watch', 'ws', '--out', 'out'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    out = new Transcript(child);
    await out.next(/watching ws for changes/);
    expect(out.text).toMatch(/out: wrote briefing\.pptx/);
    const deckBefore = await readFile(path.join(dir, 'out/briefing.pptx'));

    const file = await seedDocumentFile(ws, '004');
    const original = await readFile(file, 'utf8');
    const broken = out.next(/build failed: out was left as it was/);
    await writeFile(file, original.replace('ballooned to a reported $13.75 billion', 'ballooned to a reported $14 billion'));
    await broken;
    expect(out.text).toMatch(/error: quote not found in 004/);
    expect(out.text).toMatch(/citation broken: /);
    expect((await readFile(path.join(dir, 'out/briefing.pptx'))).equals(deckBefore)).toBe(true);

    const repaired = out.next(/out: (wrote|up to date)/);
    await writeFile(file, original);
    expect(await repaired).toMatch(/out: (wrote|up to date)/);

    const edited = out.next(/out: wrote /);
    const yaml = path.join(ws, 'briefing.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^title: .*$/m, "title: 'Retitled while watching'"));
    await edited;
    expect(out.text).toMatch(/statement|changes/);

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 90_000);

  it('rebuilds on every input a build reads: a web page, the logo the theme names; a workspace inside the output folder is watched', async () => {
    // The output folder is the workspace's parent: the workspace lies inside it.
    const html = path.join(ws, '006_page.html');
    await writeFile(html, '<html><head><title>Depot news</title></head><body><article><h1>Depot news</h1><p>The depot opened a new hall in the spring, the operator said.</p></article></body></html>');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    await mkdir(path.join(ws, 'assets'), { recursive: true });
    await writeFile(path.join(ws, 'assets', 'logo.png'), png);
    await writeFile(path.join(ws, 'theme.yaml'), 'logo: assets/logo.png\n');
    const watcher = spawn(process.execPath, [CLI, 'watch', 'ws', '--out', '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const t = new Transcript(watcher);
    try {
      await t.next(/watching ws for changes/);
      expect(t.text).toMatch(/\.: wrote briefing\.pptx/);
      const page = t.next(/document 006 changed|\.: wrote/);
      await writeFile(html, (await readFile(html, 'utf8')).replace('in the spring', 'in the autumn'));
      await page;
      const logo = t.next(/\.: wrote briefing\.pptx/);
      // Another image: a new logo, a new deck.
      await writeFile(path.join(ws, 'assets', 'logo.png'), Buffer.concat([png.subarray(0, 16), Buffer.from([0, 0, 0, 2]), png.subarray(20)]));
      await logo;
    } finally {
      const exited = new Promise<number | null>((resolve) => watcher.on('exit', (code) => resolve(code)));
      watcher.kill('SIGINT');
      await exited;
    }
  }, 120_000);
});
