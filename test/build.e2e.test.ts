// Regeneration end to end: manifest, up-to-date, reproducible and atomic outputs, change report, lock.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, readPdf } from './helpers/pdf.js';
import { copySeeds, removeDir, ROOT, runCli, runCliProcess, seedDocumentFile } from './helpers/workspace.js';
import { OUTPUTS, readOutputs } from './helpers/snapshot.js';

describe('briefing build', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('writes the deck, the memo and a manifest of inputs, outputs and citations', async () => {
    const result = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(result.stderr).toMatch(/^out: wrote briefing\.pptx \(\d+ KB\), memo\.pdf \(\d+ KB, \d+ pages? \+ \d+ of references\), review\.html \(\d+ KB\), build\.json in \d+ ms; \d+ citations verified\n$/m);
    expect(result.code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(dir, 'out/build.json'), 'utf8'));
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.tool).toEqual({ name: 'briefing', version: pkg.version, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(manifest.inputs.documents.map((d: { id: string }) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(manifest.inputs.summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.inputs.templates.map((t: { file: string }) => t.file)).toEqual(['builtin:deck.md.hbs', 'builtin:memo.md.hbs']);
    const deck = await readFile(path.join(dir, 'out/briefing.pptx'));
    const { createHash } = await import('node:crypto');
    expect(manifest.outputs[0]).toEqual({
      file: 'briefing.pptx',
      sha256: createHash('sha256').update(deck).digest('hex'),
      bytes: deck.length,
      key: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(manifest.citations.length).toBeGreaterThan(20);
    for (const c of manifest.citations) {
      expect(c.verified).toBe(true);
      expect(c.end).toBeGreaterThan(c.start);
      expect(c.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('says "up to date" and rewrites nothing when the inputs did not change', async () => {
    const before = await stat(path.join(dir, 'out/briefing.pptx'));
    const result = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^out: up to date in \d+ ms \(use --force to rebuild\)\n$/m);
    expect((await stat(path.join(dir, 'out/briefing.pptx'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('rebuilds when a workspace template or the theme changes, and only then', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(ws, 'templates'), { recursive: true });
    const deckTemplate = await readFile(path.join(ROOT, 'templates/deck.md.hbs'), 'utf8');
    await writeFile(path.join(ws, 'templates/deck.md.hbs'), deckTemplate);
    const own = await runCli(['build', 'ws', '--out', 'themed'], { cwd: dir });
    expect(own.code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(dir, 'themed/build.json'), 'utf8'));
    expect(manifest.inputs.templates.map((t: { file: string }) => t.file)).toEqual(['templates/deck.md.hbs', 'builtin:memo.md.hbs']);
    expect((await runCli(['build', 'ws', '--out', 'themed'], { cwd: dir })).stderr).toContain('up to date');
    const edited = deckTemplate.replace('Every statement in this deck cites', 'Each statement in this deck cites');
    expect(edited).not.toBe(deckTemplate);
    await writeFile(path.join(ws, 'templates/deck.md.hbs'), edited);
    const retemplated = await runCli(['build', 'ws', '--out', 'themed'], { cwd: dir });
    expect(retemplated.stderr).toContain('changes since the previous build:\n  changed: template templates/deck.md.hbs\n');
    expect(retemplated.stderr).toContain('themed: wrote');
    await writeFile(path.join(ws, 'theme.yaml'), 'colors:\n  accent: "#AA3300"\n');
    const rethemed = await runCli(['build', 'ws', '--out', 'themed'], { cwd: dir });
    expect(rethemed.stderr).toContain('  changed: theme theme.yaml\n');
    expect(rethemed.stderr).toContain('themed: wrote');
    const zip = await JSZip.loadAsync(await readFile(path.join(dir, 'themed/briefing.pptx')));
    expect(await zip.file('ppt/slides/slide2.xml')?.async('string')).toContain('AA3300');
    // A logo is an input too: replacing the image rebuilds the deck with the new one.
    // A 1×1 PNG; the second one differs only by bytes after its end, which readers ignore.
    const png = (trailer: string) =>
      Buffer.concat([
        Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
        Buffer.from(trailer),
      ]);
    await writeFile(path.join(ws, 'logo.png'), png(''));
    await writeFile(path.join(ws, 'theme.yaml'), 'colors:\n  accent: "#AA3300"\nlogo: logo.png\n');
    expect((await runCli(['build', 'ws', '--out', 'themed'], { cwd: dir })).code).toBe(0);
    const withLogo = await JSZip.loadAsync(await readFile(path.join(dir, 'themed/briefing.pptx')));
    const media = Object.keys(withLogo.files).filter((n) => n.startsWith('ppt/media/'));
    expect(media).toHaveLength(1);
    const titleSlide = (await withLogo.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    expect(titleSlide).toContain('<p:cNvPr id="3" name="logo" descr="Logo">');
    // A square logo stays square (fitted inside its box, not stretched to it).
    const ext = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(titleSlide);
    expect(ext?.[1]).toBe(ext?.[2]);
    // The logo's path is not in the deck: the same workspace elsewhere gives the same bytes.
    const { cp } = await import('node:fs/promises');
    await cp(ws, path.join(dir, 'moved/ws'), { recursive: true });
    expect((await runCli(['build', 'ws', '--out', '../themed-moved'], { cwd: path.join(dir, 'moved') })).code).toBe(0);
    expect((await readFile(path.join(dir, 'themed-moved/briefing.pptx'))).equals(await readFile(path.join(dir, 'themed/briefing.pptx')))).toBe(true);
    await writeFile(path.join(ws, 'logo.png'), png('another logo'));
    const relogo = await runCli(['build', 'ws', '--out', 'themed'], { cwd: dir });
    expect(relogo.stderr).toContain('  changed: theme logo.png\n');
    const { rm } = await import('node:fs/promises');
    await rm(path.join(ws, 'logo.png'));
    const noLogo = await runCli(['build', 'ws', '--out', 'themed'], { cwd: dir });
    expect(noLogo.code).toBe(1);
    expect(noLogo.stderr).toContain('ws/theme.yaml:3:7: error: theme logo "logo.png": file not found [theme-invalid]');
    await rm(path.join(ws, 'templates'), { recursive: true });
    await rm(path.join(ws, 'theme.yaml'));
  });

  it('gives byte-identical files for identical inputs, and honours SOURCE_DATE_EPOCH', async () => {
    const first = await readOutputs(path.join(dir, 'out'));
    expect((await runCli(['build', 'ws', '--out', 'again', '--force'], { cwd: dir })).code).toBe(0);
    const second = await readOutputs(path.join(dir, 'again'));
    for (const name of OUTPUTS) expect(second[name]?.equals(first[name] as Buffer), name).toBe(true);

    const env = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01
    expect((await runCli(['build', 'ws', '--out', 'epoch'], { cwd: dir, env })).code).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(path.join(dir, 'epoch/briefing.pptx')));
    expect(await zip.file('docProps/core.xml')?.async('string')).toContain('2026-01-01T00:00:00');
    expect((await runCli(['build', 'ws', '--out', 'epoch2'], { cwd: dir, env })).code).toBe(0);
    expect((await readFile(path.join(dir, 'epoch2/memo.pdf'))).equals(await readFile(path.join(dir, 'epoch/memo.pdf')))).toBe(true);
  });

  it('reports re-verified statements when a cited document changes but still holds', async () => {
    const file = await seedDocumentFile(ws, '004');
    await writeFile(file, `${await readFile(file, 'utf8')}\nAn added closing paragraph.\n`);
    const result = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('changes since the previous build:\n  documents changed: 004\n');
    expect(result.stderr).toMatch(/^ {2}re-verified: takeaways\[\d\]: /m);
    // A paragraph added at the end moves no quoted passage, and is in no passage's context: no
    // output would change, so all are kept.
    expect(result.stderr).toMatch(/^out: wrote build\.json in \d+ ms; kept briefing\.pptx, memo\.pdf and review\.html: unchanged; memo\.pdf: \d+ pages? \+ \d+ of references; \d+ citations verified$/m);
    const forced = await runCli(['build', 'ws', '--out', 'out', '--force'], { cwd: dir });
    expect(forced.stderr).toMatch(/^out: wrote briefing\.pptx \(\d+ KB\), memo\.pdf \(\d+ KB, \d+ pages? \+ \d+ of references\), review\.html \(\d+ KB\), build\.json in /m);
  });

  it('fails on a broken citation, names the statements, and leaves the outputs untouched', async () => {
    const before = await readOutputs(path.join(dir, 'out'));
    const file = await seedDocumentFile(ws, '004');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('ballooned to a reported $13.75 billion', 'ballooned to a reported $14 billion'));
    const result = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ws\/briefing\.yaml:\d+:\d+: error: quote not found in 004: .*\[quote-not-found\]/);
    expect(result.stderr).toMatch(/^ {2}citation broken: investment\[\d\]: /m);
    expect(result.stderr).toContain('build failed: out was left as it was');
    const after = await readOutputs(path.join(dir, 'out'));
    for (const name of OUTPUTS) expect(after[name]?.equals(before[name] as Buffer), name).toBe(true);
    await writeFile(file, original);
  });

  it('names a new document that no statement cites yet', async () => {
    await writeFile(path.join(ws, '005_new.txt'), 'A new article about Microsoft and OpenAI that nobody has curated yet.\n');
    const result = await runCli(['build', 'ws', '--out', 'out', '--json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('  documents added: 005\n');
    expect(result.stderr).toContain('  new document 005 is not cited yet: run "briefing draft --update" to propose statements from it\n');
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe('built');
    expect(report.changes.documents.added).toEqual(['005']);
    expect(report.changes.uncitedNew).toEqual(['005']);
    // The change report is in the JSON report's diagnostics too, each at its file.
    expect(report.diagnostics).toContainEqual({ rule: 'document-added', severity: 'info', message: 'document 005 was added since the previous build', file: 'ws/005_new.txt' });
  });

  it('waits for a live build that holds the lock, then refuses; takes over a stale lock', async () => {
    // A lock as a build writes it: its process id and start time (this test's process stands for the
    // build; the CLI runs in a child process).
    const start = (await readFile(`/proc/${process.pid}/stat`, 'utf8')).split(') ')[1]?.split(' ')[19];
    await writeFile(path.join(dir, 'out/.briefing.lock'), `${process.pid}\nbriefing start=${start}\n`);
    const t0 = Date.now();
    const held = await runCliProcess(['build', 'ws', '--out', 'out', '--force'], { cwd: dir, env: { BRIEFING_LOCK_WAIT_MS: '1500' } });
    expect(held.code).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
    expect(held.stderr).toContain(`error: another build (process ${process.pid}) is writing to out; wait for it to finish, or delete out/.briefing.lock if no build is running [lock-held]`);
    await writeFile(path.join(dir, 'out/.briefing.lock'), '999999999\n');
    const stale = await runCli(['build', 'ws', '--out', 'out', '--force'], { cwd: dir });
    expect(stale.code).toBe(0);
    expect(stale.stderr).not.toContain('lock');
    expect(await readdir(path.join(dir, 'out'))).not.toContain('.briefing.lock');
  });

  it('takes over, with a warning, a lock whose live process is not the build that took it, or that is a day old', async () => {
    // Process 1 is alive and is no briefing build; the start time written is not its own.
    await writeFile(path.join(dir, 'out/.briefing.lock'), '1\nbriefing start=1\n');
    const reused = await runCli(['build', 'ws', '--out', 'out', '--force'], { cwd: dir });
    expect(reused.code, reused.stderr).toBe(0);
    expect(reused.stderr).toContain('warning: took over out/.briefing.lock: the build that took it (process 1) is gone; that process id now belongs to another program [lock-taken-over]');
    // An old-style lock (a process id only) naming a live program that is not briefing.
    await writeFile(path.join(dir, 'out/.briefing.lock'), '1\n');
    const other = await runCli(['build', 'ws', '--out', 'out', '--force'], { cwd: dir });
    expect(other.code, other.stderr).toBe(0);
    expect(other.stderr).toMatch(/warning: took over out\/\.briefing\.lock: process 1, which it names, is not a briefing build \(.*\) \[lock-taken-over\]/);
    // Two days old, naming this (live) process as a build would.
    const start = (await readFile(`/proc/${process.pid}/stat`, 'utf8')).split(') ')[1]?.split(' ')[19];
    const lock = path.join(dir, 'out/.briefing.lock');
    await writeFile(lock, `${process.pid}\nbriefing start=${start}\n`);
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(lock, old, old);
    const ancient = await runCliProcess(['build', 'ws', '--out', 'out', '--force'], { cwd: dir });
    expect(ancient.code, ancient.stderr).toBe(0);
    expect(ancient.stderr).toContain(`warning: took over out/.briefing.lock: it is 48 hours old, and no build takes a day (process ${process.pid} is running, but is not writing here) [lock-taken-over]`);
    expect(await readdir(path.join(dir, 'out'))).not.toContain('.briefing.lock');
  });

  it('adds a "What changed" slide and memo section with --changes: nothing to compare with at first, then what changed', async () => {
    const slidesOf = async () => {
      const zip = await JSZip.loadAsync(await readFile(path.join(dir, 'out/briefing.pptx')));
      return Promise.all(
        Object.keys(zip.files)
          .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
          .map((n) => zip.file(n)?.async('string') as Promise<string>),
      );
    };
    const memoOf = async () => readPdf(await readFile(path.join(dir, 'out/memo.pdf')));
    // The builds so far did not report their changes: there is nothing a reader saw to compare with.
    const first = await runCli(['build', 'ws', '--out', 'out', '--changes'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('changes: nothing to compare with: no earlier build in out reported its changes; this one is the baseline of the next --changes build');
    expect((await slidesOf()).some((xml) => xml.includes('What changed: nothing to compare with yet'))).toBe(true);
    expect(allText(await memoOf()).replace(/\s+/g, ' ')).toContain('This is the first version that reports its changes');

    const file = await seedDocumentFile(ws, '002');
    await writeFile(file, `${await readFile(file, 'utf8')}\nOne more line.\n`);
    const result = await runCli(['build', 'ws', '--out', 'out', '--changes'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('changes since the last build that reported its changes (2025-06-01):\n  documents changed: 002\n');
    const slides = await slidesOf();
    expect(slides.some((xml) => xml.includes('What changed since the build of 1 June 2025') && xml.includes('Source revised:') && xml.includes('(002); every statement citing it was verified again'))).toBe(true);
    const memo = await memoOf();
    const memoText = allText(memo).replace(/\s+/g, ' ');
    expect(memoText).toContain('What changed since the build of 1 June 2025');
    expect(memoText).toMatch(/Sources revised “\[Strains in the Microsoft–OpenAI alliance as the AI race intensifies\]” \(002\): every statement citing it was verified again\./);
    expect(memo.outline.map((o) => o.title)).toContain('What changed since the build of 1 June 2025');
  });
});

describe('builds into the same folder at once', () => {
  let dir: string;
  beforeAll(async () => {
    ({ dir } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('never corrupt each other: each waits for the lock, and the files are whole', async () => {
    expect((await runCli(['build', 'ws', '--out', 'reference'], { cwd: dir })).code).toBe(0);
    const reference = await readOutputs(path.join(dir, 'reference'));
    // Three processes at once: the lock is between processes.
    const results = await Promise.all([1, 2, 3].map(() => runCliProcess(['build', 'ws', '--out', 'shared', '--force'], { cwd: dir })));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const shared = await readOutputs(path.join(dir, 'shared'));
    for (const name of ['briefing.pptx', 'memo.pdf']) expect(shared[name]?.equals(reference[name] as Buffer), name).toBe(true);
    // The builds ran one after the other under the lock: the last one's manifest records the one before as its baseline.
    const manifest = JSON.parse((shared['build.json'] as Buffer).toString('utf8')) as { outputs: { file: string; sha256: string }[]; baseline?: unknown };
    for (const output of manifest.outputs) expect(createHash('sha256').update(shared[output.file] as Buffer).digest('hex'), output.file).toBe(output.sha256);
    expect(manifest.baseline).toBeDefined();
    // Nothing left over but the outputs and the history, which holds the three builds' manifests, whole.
    expect((await readdir(path.join(dir, 'shared'))).sort()).toEqual(['.briefing-history', ...OUTPUTS].sort());
    const history = (await readdir(path.join(dir, 'shared', '.briefing-history'))).sort();
    expect(history.map((n) => n.slice(0, 4))).toEqual(['0001', '0002', '0003']);
    for (const name of history) JSON.parse(await readFile(path.join(dir, 'shared', '.briefing-history', name), 'utf8'));
  });
});
