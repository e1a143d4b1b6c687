// The robustness corpus (issue 21.9, with 19.4 and 19.7): hostile resources and concurrency
// leftovers, each a change to a copy of the tiny workspace and its built output folder, run through
// the bundled CLI under /usr/bin/time -v. Each must give its exact diagnostic (or a correct result)
// and exit code within 10 s of CPU and 1 GB of memory. ROBUST_CORPUS_REPORT=FILE writes each case's
// wall time, CPU time and peak memory as a Markdown table.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { cp, lstat, mkdir, readdir, readFile, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTinyWorkspace, TINY_SUMMARY } from './helpers/tiny.js';
import { removeDir, ROOT, tempDir } from './helpers/workspace.js';

const BUNDLED = path.join(ROOT, 'dist/briefing.cjs');
const TIME = '/usr/bin/time';
const MAX_CPU_S = 10;
const MAX_RSS_KB = 1024 * 1024;

interface Ctx {
  dir: string;
  ws: string;
  out: string;
  /** The case's own cache folder (XDG_CACHE_HOME). */
  cache: string;
}

interface Case {
  id: string;
  covers: string;
  setup?: (ctx: Ctx) => Promise<void>;
  /** Default: build ws --out out. */
  args?: string[];
  env?: Record<string, string>;
  code: number;
  /** What stderr (stdout with `stdout: true`) must match. */
  expect: RegExp;
  stdout?: boolean;
  /** Lines that must not be there. */
  not?: RegExp;
  verify?: (ctx: Ctx, run: Run) => Promise<void>;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  wallS: number;
  cpuS: number;
  rssKb: number;
}

const PROCESS_START = (pid: number) => execFileSync('cat', [`/proc/${pid}/stat`]).toString().split(') ')[1]?.split(' ')[19];

async function editSummary(ctx: Ctx, edit: (yaml: string) => string): Promise<void> {
  const file = path.join(ctx.ws, 'briefing.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

const LONG_LINES = () => Array.from({ length: 180_000 }, (_, i) => `Line ${i}: the company invested in a venture with partners.`).join('\n');

const CASES: Case[] = [
  // ---- 1. the lock covers the whole build, and is taken over only when stale -----------------
  {
    id: 'lock-pid-reused',
    covers: '21.8: a lock naming a live process that is not the build that took it (its id reused)',
    setup: (ctx) => writeFile(path.join(ctx.out, '.briefing.lock'), '1\nbriefing start=1\n'),
    args: ['build', 'ws', '--out', 'out', '--force'],
    code: 0,
    expect: /^warning: took over out\/\.briefing\.lock: the build that took it \(process 1\) is gone; that process id now belongs to another program \[lock-taken-over\]$/m,
  },
  {
    id: 'lock-two-days-old-pid-1',
    covers: '21.8: a two-day-old lock naming a live unrelated process (PID 1) blocked every build',
    setup: async (ctx) => {
      const lock = path.join(ctx.out, '.briefing.lock');
      await writeFile(lock, '1\n');
      const old = new Date(Date.now() - 2 * 86_400_000);
      await utimes(lock, old, old);
    },
    args: ['build', 'ws', '--out', 'out', '--force'],
    code: 0,
    expect: /^warning: took over out\/\.briefing\.lock: it is 48 hours old, and no build takes a day \(process 1 is running, but is not writing here\) \[lock-taken-over\]$/m,
  },
  {
    id: 'lock-held-by-live-build',
    covers: '21.1: a live build holds the lock: the next waits (here 1 s), then says so',
    setup: (ctx) => writeFile(path.join(ctx.out, '.briefing.lock'), `${process.pid}\nbriefing start=${PROCESS_START(process.pid)}\n`),
    args: ['build', 'ws', '--out', 'out', '--force'],
    env: { BRIEFING_LOCK_WAIT_MS: '1000' },
    code: 1,
    expect: new RegExp(`^error: another build \\(process ${process.pid}\\) is writing to out; wait for it to finish, or delete out/\\.briefing\\.lock if no build is running \\[lock-held\\]$`, 'm'),
  },
  {
    id: 'lock-is-a-link-to-dev-zero',
    covers: '21.2: the lock is never followed through a link (a read of /dev/zero would never end)',
    setup: async (ctx) => {
      await symlink('/dev/zero', path.join(ctx.out, '.briefing.lock'));
      const old = new Date(Date.now() - 60_000);
      execFileSync('touch', ['-h', '-d', old.toISOString(), path.join(ctx.out, '.briefing.lock')]);
    },
    args: ['build', 'ws', '--out', 'out', '--force'],
    code: 0,
    expect: /^out: wrote briefing\.pptx/m,
  },
  // ---- 2. the output folder is a sandbox ----------------------------------------------------
  {
    id: 'history-is-a-link',
    covers: '21.2: a symlinked .briefing-history wrote and pruned the user\'s own files',
    setup: async (ctx) => {
      const mine = path.join(ctx.dir, 'mine');
      await mkdir(mine);
      for (let i = 1; i <= 6; i++) await writeFile(path.join(mine, `000${i}-my-notes.json`), `{"mine": ${i}}\n`);
      await cp(path.join(ctx.out, '.briefing-history'), path.join(ctx.dir, 'old-history'), { recursive: true });
      await removeDir(path.join(ctx.out, '.briefing-history'));
      await symlink(mine, path.join(ctx.out, '.briefing-history'));
    },
    args: ['build', 'ws', '--out', 'out', '--force'],
    code: 0,
    expect: /^warning: cannot keep this build's manifest in out\/\.briefing-history: \.briefing-history is a symbolic link; it is not followed \(remove it to keep a history\) \[history-unwritable\]$/m,
    verify: async (ctx) => {
      expect((await readdir(path.join(ctx.dir, 'mine'))).sort()).toEqual([1, 2, 3, 4, 5, 6].map((i) => `000${i}-my-notes.json`));
      expect(await readFile(path.join(ctx.dir, 'mine', '0001-my-notes.json'), 'utf8')).toBe('{"mine": 1}\n');
    },
  },
  {
    id: 'journal-is-a-link',
    covers: '21.2: a journal that is a link is removed (the link, not its target), never trusted',
    setup: async (ctx) => {
      await writeFile(path.join(ctx.dir, 'precious.txt'), 'mine\n');
      await symlink(path.join(ctx.dir, 'precious.txt'), path.join(ctx.out, '.briefing.journal'));
    },
    args: ['build', 'ws', '--out', 'out', '--force'],
    code: 0,
    expect: /^out: wrote briefing\.pptx/m,
    verify: async (ctx) => {
      expect(await readFile(path.join(ctx.dir, 'precious.txt'), 'utf8')).toBe('mine\n');
      expect(existsSync(path.join(ctx.out, '.briefing.journal'))).toBe(false);
    },
  },
  {
    id: 'manifest-is-a-link-out',
    covers: '21.2: build.json a link to a file outside: replaced as a link, the target untouched',
    setup: async (ctx) => {
      await writeFile(path.join(ctx.dir, 'precious.json'), '{"mine": true}\n');
      await removeDir(path.join(ctx.out, 'build.json'));
      await symlink(path.join(ctx.dir, 'precious.json'), path.join(ctx.out, 'build.json'));
    },
    code: 0,
    expect: /^out: wrote briefing\.pptx/m,
    verify: async (ctx) => {
      expect(await readFile(path.join(ctx.dir, 'precious.json'), 'utf8')).toBe('{"mine": true}\n');
      expect((await lstat(path.join(ctx.out, 'build.json'))).isFile()).toBe(true);
    },
  },
  {
    id: 'deck-is-a-link-to-dev-zero',
    covers: '21.3: a kept output is read bounded and without following a link',
    setup: async (ctx) => {
      await removeDir(path.join(ctx.out, 'briefing.pptx'));
      await symlink('/dev/zero', path.join(ctx.out, 'briefing.pptx'));
    },
    code: 0,
    expect: /^out: wrote briefing\.pptx/m,
    verify: async (ctx) => expect((await lstat(path.join(ctx.out, 'briefing.pptx'))).isFile()).toBe(true),
  },
  // ---- 3. outputs are never sources (19.7) ----------------------------------------------------
  {
    id: 'out-is-the-workspace',
    covers: '19.7: --out equal to the workspace made memo.pdf a citable document',
    args: ['build', 'ws', '--out', 'ws'],
    code: 2,
    expect: /^briefing: --out ws is the workspace folder: the outputs would be read back as inputs \(memo\.pdf as a document\); write them elsewhere, or to a subfolder such as ws\/output \(the workspace reads only the files at its top\)$/m,
  },
  {
    id: 'watch-out-is-the-workspace',
    covers: '21.5: watch ws --out ws built nothing, printed nothing and exited 0',
    args: ['watch', 'ws', '--out', './ws/'],
    code: 2,
    expect: /^briefing: --out \.\/ws\/ is the workspace folder/m,
  },
  {
    id: 'out-is-the-templates-folder',
    covers: '19.7: --out the workspace\'s templates folder',
    setup: (ctx) => mkdir(path.join(ctx.ws, 'templates')),
    args: ['build', 'ws', '--out', 'ws/templates'],
    code: 2,
    expect: /^briefing: --out ws\/templates is the workspace's templates folder/m,
  },
  {
    id: 'out-is-a-link-to-the-workspace',
    covers: '19.7: the same folder through a link',
    setup: (ctx) => symlink(ctx.ws, path.join(ctx.dir, 'alias')),
    args: ['build', 'ws', '--out', 'alias'],
    code: 2,
    expect: /^briefing: --out alias is the workspace folder/m,
  },
  {
    id: 'out-inside-the-workspace',
    covers: '19.7: a subfolder of the workspace is fine: the workspace reads only its top',
    args: ['build', 'ws', '--out', 'ws/output'],
    code: 0,
    expect: /^ws\/output: wrote briefing\.pptx/m,
    not: /source-skipped|source-own-output/,
  },
  {
    id: 'copied-memo-is-not-a-source',
    covers: '19.7: a copied 900_memo.pdf was read without a word',
    setup: async (ctx) => copyFileSync(path.join(ctx.out, 'memo.pdf'), path.join(ctx.ws, '900_memo.pdf')),
    args: ['check', 'ws'],
    code: 0,
    expect: /^ws\/900_memo\.pdf: warning: 900_memo\.pdf is a memo this tool wrote \(its PDF metadata names briefing\); a briefing's own output is never a source, so it was not read \[source-own-output\]$/m,
  },
  {
    id: 'copied-memo-cannot-be-cited',
    covers: '19.7: the memo cannot ground the statement it printed',
    setup: async (ctx) => {
      copyFileSync(path.join(ctx.out, 'memo.pdf'), path.join(ctx.ws, '900_memo.pdf'));
      await editSummary(ctx, (y) => y.replace('      - { doc: "002", quote: "revenue rose 40% last year" }', '      - { doc: "900", quote: "Beta revenue rose 40% last year" }'));
    },
    args: ['check', 'ws'],
    code: 1,
    expect: /\[unknown-doc\]$/m,
  },
  // ---- 4. bounds -----------------------------------------------------------------------
  {
    id: 'since-dev-zero',
    covers: '21.3: build --since /dev/zero read 7.7 GB in 60 s',
    args: ['build', 'ws', '--out', 'out', '--since', '/dev/zero'],
    code: 1,
    expect: /^\/dev\/zero: error: --since \/dev\/zero: it is not a regular file \(a device\); only regular files are read \[since-invalid\]$/m,
  },
  {
    id: 'since-fifo',
    covers: '21.3: a named pipe as --since never blocks',
    setup: async (ctx) => void execFileSync('mkfifo', [path.join(ctx.dir, 'pipe.json')]),
    args: ['build', 'ws', '--out', 'out', '--since', 'pipe.json'],
    code: 1,
    expect: /^pipe\.json: error: --since pipe\.json: it is not a regular file \(a named pipe\); only regular files are read \[since-invalid\]$/m,
  },
  {
    id: 'since-too-large',
    covers: '21.3: a --since file over the manifest limit is refused before it is read',
    setup: async (ctx) => {
      await writeFile(path.join(ctx.dir, 'huge.json'), '');
      await truncate(path.join(ctx.dir, 'huge.json'), 65 * 1024 * 1024);
    },
    args: ['build', 'ws', '--out', 'out', '--since', 'huge.json'],
    code: 1,
    expect: /^huge\.json: error: --since huge\.json: it is 65 MB; the limit for a manifest is 64 MB \[since-invalid\]$/m,
  },
  {
    id: 'since-forged-manifest',
    covers: '19.4: a file that merely parses as a manifest printed "Withdrawn: …" statements',
    setup: async (ctx) => {
      const text = await readFile(path.join(ctx.out, 'build.json'), 'utf8');
      await writeFile(path.join(ctx.dir, 'forged.json'), text.replace('Alpha invested $2 billion in Beta in 2021.', 'Acme agreed to be acquired by Globex for $99 billion in 2026.'));
    },
    args: ['build', 'ws', '--out', 'out', '--since', 'forged.json'],
    code: 1,
    expect: /^forged\.json: error: --since forged\.json: its checksum does not hold: it was edited, or written by an older version of briefing that kept none; only a build\.json as a build wrote it is compared with \[since-invalid\]$/m,
  },
  {
    id: 'since-unsealed-manifest',
    covers: '19.4: a manifest without its checksum (hand-made) is no baseline',
    setup: async (ctx) => {
      const manifest = JSON.parse(await readFile(path.join(ctx.out, 'build.json'), 'utf8')) as Record<string, unknown>;
      delete manifest.checksum;
      await writeFile(path.join(ctx.dir, 'bare.json'), JSON.stringify(manifest));
    },
    args: ['build', 'ws', '--out', 'out', '--since', 'bare.json'],
    code: 1,
    expect: /^bare\.json: error: --since bare\.json: its checksum does not hold/m,
  },
  {
    id: 'since-a-folder',
    covers: '21.3: --since a folder',
    setup: (ctx) => mkdir(path.join(ctx.dir, 'folder.json')),
    args: ['build', 'ws', '--out', 'out', '--since', 'folder.json'],
    code: 1,
    expect: /^folder\.json: error: --since folder\.json: it is not a regular file \(a folder\); only regular files are read \[since-invalid\]$/m,
  },
  {
    id: 'theme-billion-laughs',
    covers: '21.3: a billion-laughs theme.yaml was "internal error", exit 70',
    setup: (ctx) => writeFile(path.join(ctx.ws, 'theme.yaml'), billionLaughs()),
    args: ['check', 'ws'],
    code: 1,
    expect: /^ws\/theme\.yaml: error: theme is not usable YAML: its aliases \(\*name\) expand too far: at most 100 alias uses, weighted by what each expands to, are read \(a "billion laughs" document is refused\) \[theme-invalid\]$/m,
  },
  {
    id: 'summary-billion-laughs',
    covers: '21.3: YAML aliases bounded in briefing.yaml too, the limit named',
    setup: (ctx) => writeFile(path.join(ctx.ws, 'briefing.yaml'), billionLaughs()),
    args: ['check', 'ws'],
    code: 1,
    expect: /^ws\/briefing\.yaml:1:1: error: its aliases \(\*name\) expand too far: at most 100 alias uses/m,
  },
  {
    id: 'draft-update-billion-laughs',
    covers: '21.3: draft --update parsed briefing.yaml without an alias bound',
    setup: (ctx) => writeFile(path.join(ctx.ws, 'briefing.yaml'), billionLaughs()),
    args: ['draft', 'ws', '--update'],
    code: 1,
    expect: /^ws\/briefing\.yaml:1:1: error: cannot update: its aliases \(\*name\) expand too far/m,
  },
  {
    id: 'theme-too-large',
    covers: '21.3: the theme file is bounded',
    setup: (ctx) => writeFile(path.join(ctx.ws, 'theme.yaml'), `# ${'x'.repeat(300 * 1024)}\n`),
    args: ['check', 'ws'],
    code: 1,
    expect: /^ws\/theme\.yaml: error: theme theme\.yaml: it is 301 KB; the limit for a theme is 256 KB \[input-too-large\]$/m,
  },
  {
    id: 'template-sixteen-nested-each',
    covers: '21.3: sixteen nested {{#each}} in a workspace template hung check',
    setup: async (ctx) => {
      await mkdir(path.join(ctx.ws, 'templates'));
      let body = '{{text}}';
      for (let i = 0; i < 16; i++) body = `{{#each @root.takeaways}}${body}{{/each}}`;
      await writeFile(path.join(ctx.ws, 'templates', 'deck.md.hbs'), `# {{title}}\n\n${body}\n`);
    },
    args: ['check', 'ws'],
    code: 1,
    expect: /^ws\/templates\/deck\.md\.hbs: error: template deck\.md\.hbs was stopped: its loops rendered more than 128 MB of text, the limit \[template-limit\]$/m,
  },
  {
    id: 'template-partials-fan-out',
    covers: '21.3: partials that double at each level are counted as loops are',
    setup: async (ctx) => {
      await mkdir(path.join(ctx.ws, 'templates'));
      let source = '{{#*inline "p0"}}ab{{/inline}}';
      for (let i = 1; i <= 30; i++) source += `{{#*inline "p${i}"}}{{> p${i - 1}}}{{> p${i - 1}}}{{/inline}}`;
      await writeFile(path.join(ctx.ws, 'templates', 'memo.md.hbs'), `${source}# {{title}}\n\n{{> p30}}\n`);
    },
    args: ['check', 'ws'],
    code: 1,
    expect: /^ws\/templates\/memo\.md\.hbs: error: template memo\.md\.hbs was stopped: it rendered more than 1 million blocks/m,
  },
  // ---- 5. linear, stack-safe text handling ------------------------------------------------
  {
    id: 'find-180000-lines',
    covers: '21.4: find on 9 MB of 180,000 lines: "Maximum call stack size exceeded", 2.6 GB',
    setup: (ctx) => writeFile(path.join(ctx.ws, '003_long.txt'), LONG_LINES()),
    args: ['find', 'ws', 'venture', '--limit', '2'],
    code: 0,
    expect: /^ws\/003_long\.txt: warning: document 003 has 11 million characters of text; find analyses its first 2 million only \(the limit is 2 million a document\) \[text-limit\]$/m,
    verify: async (_ctx, run) => expect(run.stdout).toMatch(/^003:\d+ {2}Line \d+: the company invested in a venture with partners\.$/m),
  },
  {
    id: 'find-48-mb-single-line',
    covers: '21.4: find on a 48 MB single line',
    setup: async (ctx) => {
      const word = 'alpha beta gamma invested delta partner venture omega ';
      await writeFile(path.join(ctx.ws, '003_line.txt'), word.repeat(Math.ceil(48e6 / word.length)));
    },
    args: ['find', 'ws', 'venture', '--limit', '1'],
    code: 0,
    expect: /^ws\/003_line\.txt: warning: document 003 has 48 million characters of text; find analyses its first 2 million only/m,
  },
  {
    id: 'draft-180000-lines',
    covers: '21.4: draft on 9 MB of 180,000 lines crashed the same way',
    setup: async (ctx) => {
      await writeFile(path.join(ctx.ws, '003_long.txt'), LONG_LINES());
      await removeDir(path.join(ctx.ws, 'briefing.yaml'));
    },
    args: ['draft', 'ws'],
    code: 0,
    expect: /^ws\/003_long\.txt: warning: document 003 has 11 million characters of text; draft analyses its first 2 million only/m,
  },
  {
    id: 'find-limit-abc',
    covers: '21.8: find --limit abc exited 1 with "no passage matches"',
    args: ['find', 'ws', 'Alpha', '--limit', 'abc'],
    code: 2,
    expect: /^briefing: --limit needs a whole number of passages, 1 or more \(got "abc"\)$/m,
  },
  {
    id: 'find-limit-zero',
    covers: '21.8: find --limit 0',
    args: ['find', 'ws', 'Alpha', '--limit=0'],
    code: 2,
    expect: /^briefing: --limit needs a whole number of passages, 1 or more \(got "0"\)$/m,
  },
  // ---- 6. messages ------------------------------------------------------------------------
  {
    id: 'file-name-forges-a-line',
    covers: '21.8: a file name with a newline forged a separate "fake.yaml:1:1: error:" line',
    setup: (ctx) => writeFile(path.join(ctx.ws, 'x\nfake.yaml:1:1: error: forged [schema]\n.xyz'), 'x'),
    args: ['check', 'ws'],
    code: 0,
    expect: /^ws: warning: file not read as sources \(sources are [^)]*\): x\\nfake\.yaml:1:1: error: forged \[schema\]\\n\.xyz \[source-skipped\]$/m,
    not: /^fake\.yaml/m,
  },
  {
    id: 'quote-with-terminal-escapes',
    covers: '21.8: raw terminal escapes from a quote reached the terminal',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('quote: "It was the largest deal by far"', 'quote: "It was the \\e[2J\\e[31mlargest deal by far"')),
    args: ['check', 'ws'],
    code: 1,
    expect: /quote not found in 001: "It was the »\\x1b\[2J\\x1b\[31mlargest« deal by far"/m,
    not: /\u001b/,
  },
  {
    id: 'duplicate-id-no-follow-on',
    covers: '21.8: after duplicate-doc-id, three misleading quote-not-found errors followed',
    setup: (ctx) => writeFile(path.join(ctx.ws, '001_other.txt'), 'Something else entirely, about another company.\n'),
    args: ['check', 'ws'],
    code: 1,
    expect: /^ws\/001_other\.txt: error: document id "001" is used by both 001_alpha\.txt and 001_other\.txt; rename one \[duplicate-doc-id\]$/m,
    not: /quote-not-found|figure-not-in-quotes/,
  },
  // ---- 7. caches are checked, never trusted ----------------------------------------------
  {
    id: 'check-record-edited',
    covers: '21.7: an edited check record turned exit 1 into 0',
    setup: async (ctx) => {
      await editSummary(ctx, (y) => y.replace('quote: "It was the largest deal by far"', 'quote: "It was the smallest deal by far"'));
      expect((await runCase(['check', 'ws'], ctx, {})).code).toBe(1);
      const records = path.join(ctx.cache, 'briefing', 'check-records');
      for (const name of await readdir(records)) {
        const file = path.join(records, name);
        const text = (await readFile(file)).toString('latin1');
        await writeFile(file, Buffer.from(text.replace('"exitCode":1', '"exitCode":0').replace(/"writes":\[.*\]/, '"writes":[]'), 'latin1'));
      }
    },
    args: ['check', 'ws'],
    code: 1,
    expect: /quote not found in 001: "It was the »smallest« deal by far"/,
  },
  {
    id: 'extracted-text-edited',
    covers: '21.7: an edited extracted text made an absent quote verify',
    setup: async (ctx) => {
      expect((await runCase(['check', 'ws'], ctx, {})).code).toBe(0);
      const folder = path.join(ctx.cache, 'briefing', 'extracted');
      for (const name of await readdir(folder)) {
        const file = path.join(folder, name);
        const text = (await readFile(file)).toString('latin1');
        await writeFile(file, Buffer.from(text.replace('revenue rose 40% last year', 'revenue rose 90% last year'), 'latin1'));
      }
      await editSummary(ctx, (y) => y.replace('Beta revenue rose 40% last year.', 'Beta revenue rose 90% last year.').replace('quote: "revenue rose 40% last year"', 'quote: "revenue rose 90% last year"'));
    },
    args: ['check', 'ws'],
    code: 1,
    expect: /quote not found in 002: "revenue rose »90%« last year"/,
  },
];

async function runCase(args: string[], ctx: Ctx, env: Record<string, string>): Promise<Run> {
  const report = path.join(ctx.dir, `time-${Math.random().toString(36).slice(2)}.txt`);
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-v', '-o', report, process.execPath, BUNDLED, ...args] : [BUNDLED, ...args];
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(command, argv, { cwd: ctx.dir, env: { ...process.env, XDG_CACHE_HOME: ctx.cache, ...env }, maxBuffer: 64 * 1024 * 1024 }, async (error, stdout, stderr) => {
      const wallS = (performance.now() - t0) / 1000;
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      let cpuS = 0;
      let rssKb = 0;
      if (useTime) {
        const text = await readFile(report, 'utf8').catch(() => '');
        cpuS = Number(/User time \(seconds\): ([\d.]+)/.exec(text)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(text)?.[1] ?? 0);
        rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? 0);
      }
      resolve({ code, stdout, stderr, wallS, cpuS, rssKb });
    });
  });
}

describe('robustness corpus', () => {
  let dir: string;
  let base: string;
  const measured: { id: string; covers: string; code: number; run: Run }[] = [];
  beforeAll(async () => {
    dir = await tempDir('briefing-robust-corpus-');
    base = path.join(dir, 'base');
    await makeTinyWorkspace(base, 'ws', TINY_SUMMARY);
    const built = await runCase(['build', 'ws', '--out', 'out'], { dir: base, ws: path.join(base, 'ws'), out: path.join(base, 'out'), cache: path.join(base, 'cache') }, {});
    expect(built.code, built.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    const file = process.env.ROBUST_CORPUS_REPORT;
    if (file) {
      const rows = measured.map((m) => `| ${m.id} | ${m.covers} | ${m.run.code} | ${m.run.wallS.toFixed(2)} s | ${m.run.cpuS.toFixed(2)} s | ${Math.round(m.run.rssKb / 1024)} MB |`);
      await writeFile(file, ['| case | covers | exit | wall | CPU | peak RSS |', '|---|---|---|---|---|---|', ...rows, ''].join('\n'));
    }
    await removeDir(dir);
  });

  it('has at least 30 cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(`${c.id}: ${c.covers}`, async () => {
      const caseDir = path.join(dir, c.id);
      await cp(base, caseDir, { recursive: true });
      const ctx: Ctx = { dir: caseDir, ws: path.join(caseDir, 'ws'), out: path.join(caseDir, 'out'), cache: path.join(caseDir, 'cache') };
      await c.setup?.(ctx);
      const run = await runCase(c.args ?? ['build', 'ws', '--out', 'out'], ctx, c.env ?? {});
      measured.push({ id: c.id, covers: c.covers, code: run.code, run });
      const text = c.stdout ? run.stdout : run.stderr;
      expect(run.code, run.stderr).toBe(c.code);
      expect(text).toMatch(c.expect);
      if (c.not) expect(`${run.stdout}${run.stderr}`).not.toMatch(c.not);
      expect(run.stderr).not.toMatch(/internal error|Maximum call stack|    at /);
      // One diagnostic, one line: nothing printed holds a control character but the line feeds.
      expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      if (run.cpuS > 0) expect(run.cpuS, 'CPU seconds').toBeLessThanOrEqual(MAX_CPU_S);
      if (run.rssKb > 0) expect(run.rssKb, 'peak RSS (KB)').toBeLessThanOrEqual(MAX_RSS_KB);
      await c.verify?.(ctx, run);
      // Wall time swings with the machine's load (other test files, other sessions): CPU time is the bound above.
    }, 600_000);
  }
});
