// The corpus of bad and hostile inputs: each case changes a copy of the tiny workspace (or its
// built output folder), runs the CLI, and names the exact diagnostic and exit code it expects.
// Unless a case builds, every file of the output folder must be byte-identical afterwards.
// `covers` names the issue's defect (issue 11, "Why") or the behaviour each case holds.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { expect } from 'vitest';
import type { CaseContext, CorpusCase } from './harness.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function editSummary(ctx: CaseContext, edit: (yaml: string) => string): Promise<void> {
  const file = path.join(ctx.ws, 'briefing.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

/** The summary with one more line at the end of the first takeaway's text. */
const firstTakeaway = (text: string) => (yaml: string) => yaml.replace('  - text: Alpha invested $2 billion in Beta in 2021.', `  - text: ${text}`);

const FIRST_TEXT_LINE = 4;

export const CASES: CorpusCase[] = [
  // ---- 1. all or nothing ------------------------------------------------------------------
  {
    id: 'memo-path-is-a-folder',
    covers: 'A: outputs not all-or-nothing (a memo path that cannot be replaced)',
    setup: async (ctx) => {
      await editSummary(ctx, (y) => y.replace('title: Alpha and Beta', 'title: Alpha and Beta, new'));
      await rm(path.join(ctx.out, 'memo.pdf'));
      await mkdir(path.join(ctx.out, 'memo.pdf'));
    },
    code: 1,
    expect: /^error: cannot write to out: .*memo\.pdf.* \[output-unwritable\]$/m,
  },
  {
    id: 'failure-after-deck-renamed',
    covers: 'A: outputs not all-or-nothing (a failure between the deck and the memo)',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('title: Alpha and Beta', 'title: Alpha and Beta, new')),
    env: { BRIEFING_TEST_FAULT: 'rename:briefing.pptx:fail' },
    code: 1,
    expect: 'error: cannot write to out: injected fault at rename:briefing.pptx [output-unwritable]\n',
  },
  {
    id: 'failure-before-manifest',
    covers: 'A: outputs not all-or-nothing (deck and memo replaced, manifest not)',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('title: Alpha and Beta', 'title: Alpha and Beta, new')),
    env: { BRIEFING_TEST_FAULT: 'rename:memo.pdf:fail' },
    code: 1,
    expect: 'build failed: out was left as it was\n',
  },
  {
    id: 'empty-stale-lock',
    covers: 'B: an empty lock (left by a full disk) blocked every later build',
    setup: async (ctx) => {
      const lock = path.join(ctx.out, '.briefing.lock');
      await writeFile(lock, '');
      const old = new Date(Date.now() - 60_000);
      await utimes(lock, old, old);
    },
    args: ['build', 'ws', '--out', 'out', '--force'],
    code: 0,
    expect: /^out: wrote briefing\.pptx/m,
    builds: true,
    verify: async (ctx) => {
      const { readdir } = await import('node:fs/promises');
      expect(await readdir(ctx.out)).not.toContain('.briefing.lock');
    },
  },
  {
    id: 'output-is-a-file',
    covers: 'output folder that is a file: a diagnostic before anything is rendered',
    setup: (ctx) => writeFile(path.join(ctx.dir, 'file-out'), 'x'),
    args: ['build', 'ws', '--out', 'file-out', '--force'],
    code: 1,
    expect: 'error: cannot write to file-out: it is a file, not a folder [output-unwritable]\n',
  },

  // ---- 2. the workspace a sandbox ---------------------------------------------------------
  {
    id: 'source-link-out',
    covers: 'D: a symlinked "source" pulled in any readable file',
    setup: (ctx) => symlink('/etc/passwd', path.join(ctx.ws, '003_passwd.txt')),
    code: 1,
    expect: 'ws/003_passwd.txt: error: source: it resolves to /etc/passwd, outside the workspace; only files inside the workspace are read [outside-workspace]\n',
  },
  {
    id: 'source-link-dev-zero',
    covers: 'C/D: /dev/zero as a source exhausts memory',
    setup: (ctx) => symlink('/dev/zero', path.join(ctx.ws, '003_zero.txt')),
    code: 1,
    expect: 'ws/003_zero.txt: error: source: it resolves to /dev/zero, outside the workspace; only files inside the workspace are read [outside-workspace]\n',
  },
  {
    id: 'source-fifo',
    covers: 'only regular files are read (a named pipe would block the build)',
    setup: async (ctx) => void execFileSync('mkfifo', [path.join(ctx.ws, '003_pipe.txt')]),
    code: 1,
    expect: 'ws/003_pipe.txt: error: source: it is not a regular file (a named pipe); only regular files are read [input-not-a-file]\n',
  },
  {
    id: 'source-too-large',
    covers: 'size limits: a source of tens of MB',
    setup: async (ctx) => {
      const file = path.join(ctx.ws, '003_huge.txt');
      await writeFile(file, '');
      await truncate(file, 51 * 1024 * 1024);
    },
    code: 1,
    expect: 'ws/003_huge.txt: error: TEXT source is 51 MB; the limit is 50 MB [source-too-large]\n',
  },
  {
    id: 'logo-dev-zero',
    covers: 'C: the theme logo /dev/zero exhausted memory',
    setup: (ctx) => writeFile(path.join(ctx.ws, 'theme.yaml'), 'logo: /dev/zero\n'),
    code: 1,
    expect: 'ws/theme.yaml:1:7: error: theme logo "/dev/zero": it resolves to /dev/zero, outside the workspace; only files inside the workspace are read [outside-workspace]\n',
  },
  {
    id: 'logo-outside-png',
    covers: 'C: any PNG on the machine was embedded and its path recorded',
    setup: async (ctx) => {
      await writeFile(path.join(ctx.dir, 'elsewhere.png'), PNG);
      await writeFile(path.join(ctx.ws, 'theme.yaml'), 'logo: ../elsewhere.png\n');
    },
    code: 1,
    expect: /^ws\/theme\.yaml:1:7: error: theme logo "\.\.\/elsewhere\.png": it resolves to \/.*\/elsewhere\.png, outside the workspace; only files inside the workspace are read \[outside-workspace\]$/m,
  },
  {
    id: 'logo-link-out',
    covers: 'C/D: a logo inside the workspace that is a link to a file outside',
    setup: async (ctx) => {
      await writeFile(path.join(ctx.dir, 'elsewhere.png'), PNG);
      await symlink(path.join(ctx.dir, 'elsewhere.png'), path.join(ctx.ws, 'logo.png'));
      await writeFile(path.join(ctx.ws, 'theme.yaml'), 'logo: logo.png\n');
    },
    code: 1,
    expect: /^ws\/theme\.yaml:1:7: error: theme logo "logo\.png": it resolves to .*elsewhere\.png, outside the workspace; only files inside the workspace are read \[outside-workspace\]$/m,
  },
  {
    id: 'logo-too-large',
    covers: 'size limits: a logo of a few MB',
    setup: async (ctx) => {
      await writeFile(path.join(ctx.ws, 'logo.png'), Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]));
      await writeFile(path.join(ctx.ws, 'theme.yaml'), 'logo: logo.png\n');
    },
    code: 1,
    expect: 'ws/theme.yaml:1:7: error: theme logo "logo.png": it is 6 MB; the limit for a logo is 5 MB [input-too-large]\n',
  },
  {
    id: 'logo-folder',
    covers: 'only regular files are read (a logo that is a folder)',
    setup: async (ctx) => {
      await mkdir(path.join(ctx.ws, 'logo.png'));
      await writeFile(path.join(ctx.ws, 'theme.yaml'), 'logo: logo.png\n');
    },
    code: 1,
    expect: 'ws/theme.yaml:1:7: error: theme logo "logo.png": it is not a regular file (a folder); only regular files are read [input-not-a-file]\n',
  },
  {
    id: 'theme-link-dev-zero',
    covers: 'C: the theme file itself a link to /dev/zero',
    setup: (ctx) => symlink('/dev/zero', path.join(ctx.ws, 'theme.yaml')),
    code: 1,
    expect: 'ws/theme.yaml: error: theme theme.yaml: it resolves to /dev/zero, outside the workspace; only files inside the workspace are read [outside-workspace]\n',
  },
  {
    id: 'theme-too-large',
    covers: 'size limits: the theme file',
    setup: (ctx) => writeFile(path.join(ctx.ws, 'theme.yaml'), `# ${'x'.repeat(300 * 1024)}\n`),
    code: 1,
    expect: 'ws/theme.yaml: error: theme theme.yaml: it is 301 KB; the limit for a theme is 256 KB [input-too-large]\n',
  },
  {
    id: 'summary-link-out',
    covers: 'D: the summary a link to a file outside the workspace',
    setup: async (ctx) => {
      await writeFile(path.join(ctx.dir, 'other.yaml'), await readFile(path.join(ctx.ws, 'briefing.yaml')));
      await rm(path.join(ctx.ws, 'briefing.yaml'));
      await symlink(path.join(ctx.dir, 'other.yaml'), path.join(ctx.ws, 'briefing.yaml'));
    },
    code: 1,
    expect: /^ws\/briefing\.yaml: error: briefing\.yaml: it resolves to .*other\.yaml, outside the workspace; only files inside the workspace are read \[outside-workspace\]$/m,
  },
  {
    id: 'summary-too-large',
    covers: 'size limits: the summary',
    setup: (ctx) => editSummary(ctx, (y) => `${y}# ${'x'.repeat(16 * 1024 * 1024)}\n`),
    code: 1,
    expect: 'ws/briefing.yaml: error: briefing.yaml: it is 16 MB; the limit for a summary is 16 MB [input-too-large]\n',
  },
  {
    id: 'template-link-out',
    covers: 'D: a workspace template that is a link out of the workspace',
    setup: async (ctx) => {
      await mkdir(path.join(ctx.ws, 'templates'));
      await symlink('/etc/hostname', path.join(ctx.ws, 'templates/deck.md.hbs'));
    },
    code: 1,
    expect: 'ws/templates/deck.md.hbs: error: template: it resolves to /etc/hostname, outside the workspace; only files inside the workspace are read [outside-workspace]\n',
  },
  {
    id: 'template-too-large',
    covers: 'size limits: a template',
    setup: async (ctx) => {
      await mkdir(path.join(ctx.ws, 'templates'));
      await writeFile(path.join(ctx.ws, 'templates/memo.md.hbs'), 'x'.repeat(2 * 1024 * 1024));
    },
    code: 1,
    expect: 'ws/templates/memo.md.hbs: error: template: it is 2 MB; the limit for a template is 1 MB [input-too-large]\n',
  },
  {
    id: 'nfc-nfd-names',
    covers: 'U: NFC and NFD spellings of one file name became two documents',
    setup: async (ctx) => {
      await writeFile(path.join(ctx.ws, '003_caf\u00e9.txt'), 'A café opened.\n');
      await writeFile(path.join(ctx.ws, '003_cafe\u0301.txt'), 'A café opened.\n');
    },
    code: 1,
    expect: 'ws/003_café.txt: error: "003_cafe\u0301.txt" (NFD) and "003_caf\u00e9.txt" (NFC) are one file name spelt two ways; keep one [file-name-twice]\n',
  },

  // ---- 3. valid XML -----------------------------------------------------------------------
  {
    id: 'control-characters',
    covers: 'F: control characters, U+FFFE/FFFF and form feeds reached the XML',
    setup: (ctx) => editSummary(ctx, firstTakeaway('"Alpha invested $2 billion\\f in Beta\\x01 in 2021.\\uFFFF"')),
    args: ['check', 'ws'],
    code: 0,
    expect: 'ws/briefing.yaml: warning: removed from slide 2 ("Key takeaways") characters that XML (and so PowerPoint) does not allow: U+000C (form feed) ×2, U+0001 ×2, U+FFFF ×2 [text-cleaned]\n',
  },
  {
    id: 'carriage-return-in-statement',
    covers: 'S: a \\r inside a statement broke it out of its bullet',
    setup: (ctx) => editSummary(ctx, firstTakeaway('"Alpha invested $2 billion\\rin Beta in 2021."')),
    builds: true,
    code: 0,
    // The carriage return is a space: the deck and the memo are those of the baseline, kept; the
    // review page shows the statement as the summary writes it, its carriage return as U+000D.
    expect: /^out: wrote review\.html \(\d+ KB\), build\.json in \d+ ms; kept briefing\.pptx and memo\.pdf: unchanged/m,
    verify: async (ctx) => {
      const zip = await JSZip.loadAsync(await readFile(path.join(ctx.out, 'briefing.pptx')));
      const xml = (await zip.file('ppt/slides/slide2.xml')?.async('string')) ?? '';
      const paragraph = /<a:p>(?:(?!<\/a:p>).)*Alpha invested \$2 billion in Beta in 2021\.(?:(?!<\/a:p>).)*<\/a:p>/s.exec(xml)?.[0] ?? '';
      expect(paragraph).toContain('<a:buChar');
      expect(await readFile(path.join(ctx.out, 'review.html'), 'utf8')).toContain('Alpha invested $2 billion<span class="ctl" title="U+000D (a control character)">U+000D</span>in Beta in 2021.');
    },
  },

  // ---- 5. dates ---------------------------------------------------------------------------
  {
    id: 'epoch-not-a-number',
    covers: 'J: invalid SOURCE_DATE_EPOCH values were ignored silently',
    env: { SOURCE_DATE_EPOCH: 'yesterday' },
    code: 2,
    expect: 'briefing: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, such as 1735689600; got "yesterday"\n',
  },
  {
    id: 'epoch-fraction',
    covers: 'J: invalid SOURCE_DATE_EPOCH values were ignored silently',
    env: { SOURCE_DATE_EPOCH: '1735689600.5' },
    args: ['check', 'ws'],
    code: 2,
    expect: 'got "1735689600.5"',
  },
  {
    id: 'epoch-too-large',
    covers: 'J: a large SOURCE_DATE_EPOCH crashed with "internal error" (exit 70)',
    env: { SOURCE_DATE_EPOCH: '99999999999999' },
    args: ['build', 'ws', '--out', 'out', '--force'],
    code: 2,
    expect: 'briefing: SOURCE_DATE_EPOCH 99999999999999 is after the year 9999; the largest accepted is 253402300799\n',
  },
  {
    id: 'impossible-source-date',
    covers: 'K: an impossible source date (2025-02-30) was printed as "30 February 2025"',
    setup: async (ctx) => {
      const file = path.join(ctx.ws, '001_alpha.txt');
      await writeFile(file, (await readFile(file, 'utf8')).replace('date 2025-01-02', 'date 2025-02-30'));
    },
    args: ['check', 'ws'],
    code: 0,
    expect: 'ws/001_alpha.txt:1: warning: the date "2025-02-30" is not a real calendar date; document 001 is taken as undated [date-impossible]\n',
  },
  {
    id: 'as-of-before-1980',
    covers: 'L: asOf outside 1980-2107 gave wrong zip dates',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('asOf: 2025-02-01', 'asOf: 1975-06-01')),
    code: 0,
    builds: true,
    expect: /^out: wrote briefing\.pptx/m,
    verify: async (ctx) => {
      const zip = await JSZip.loadAsync(await readFile(path.join(ctx.out, 'briefing.pptx')));
      for (const entry of Object.values(zip.files)) expect(entry.date.getUTCFullYear()).toBe(1980);
      expect(await zip.file('docProps/core.xml')?.async('string')).toContain('1975-06-01T00:00:00Z');
    },
  },

  // ---- 8. the smaller ones ----------------------------------------------------------------
  {
    id: 'json-usage-error',
    covers: 'Q: --json printed nothing on usage errors',
    args: ['build', 'ws', '--out', 'out', '--json', '--frobnicate'],
    code: 2,
    stdout: true,
    expect: '"status": "usage-error",\n  "diagnostics": [\n    {\n      "rule": "usage-error",\n      "severity": "error",\n      "message": "Unknown argument: frobnicate"',
  },
  {
    id: 'json-missing-workspace',
    covers: 'Q: --json printed nothing on usage errors (a workspace that does not exist)',
    args: ['check', 'nowhere', '--json'],
    code: 2,
    stdout: true,
    expect: '"message": "workspace folder not found: nowhere"',
  },

  // ---- inputs the tool already handled: kept in the corpus so they stay handled ------------
  {
    id: 'quote-not-found',
    covers: 'a quote its document does not hold',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('"revenue rose 40% last year"', '"revenue rose 45% last year"')),
    code: 1,
    expect: 'ws/briefing.yaml:12:30: error: quote not found in 002: "revenue rose »45%« last year"; closest: "revenue rose »40%« last year." at 002:3 (they part at the word marked »«) [quote-not-found]\n',
  },
  {
    id: 'unknown-document',
    covers: 'a citation of a document that does not exist',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('{ doc: "002", quote', '{ doc: "009", quote')),
    code: 1,
    expect: /^ws\/briefing\.yaml:12:16: error: no document with id "009".* \[unknown-doc\]$/m,
  },
  {
    id: 'yaml-syntax',
    covers: 'a YAML syntax error, in plain words at its line',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('title: Alpha and Beta', 'title: Alpha: and Beta')),
    code: 1,
    expect: /^ws\/briefing\.yaml:1:\d+: error: .*put the\s+text in quotes.* \[yaml-syntax\]$/m,
  },
  {
    id: 'yaml-alias-bomb',
    covers: 'a YAML alias bomb',
    setup: (ctx) =>
      editSummary(ctx, (y) => `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n${y}`),
    code: 1,
    expect: /^ws\/briefing\.yaml.*error: .*\[(?:yaml-syntax|schema)\]$/m,
  },
  {
    id: 'source-not-utf8',
    covers: 'a source that is not UTF-8',
    setup: (ctx) => writeFile(path.join(ctx.ws, '003_latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])),
    code: 1,
    expect: 'ws/003_latin1.txt: error: source is not valid UTF-8; save it as UTF-8 [source-not-utf8]\n',
  },
  {
    id: 'unknown-key',
    covers: 'an unknown key, with the closest known one',
    setup: (ctx) => editSummary(ctx, (y) => `${y}frictions: []\n`),
    code: 1,
    expect: /^ws\/briefing\.yaml:\d+:1: error: unknown key "frictions" in the summary; did you mean "friction"\? \[schema\]$/m,
  },
  {
    id: 'figure-not-in-quote',
    covers: 'the grounding rule: a figure no quote has',
    setup: (ctx) => editSummary(ctx, firstTakeaway('Alpha invested $3 billion in Beta in 2021.')),
    code: 1,
    expect: `ws/briefing.yaml:${FIRST_TEXT_LINE}:11: error: figure "$3 billion" (USD 3,000,000,000) in takeaways[0].text does not occur in its quotes; the quotes state "$2 billion" (USD 2,000,000,000) [figure-not-in-quotes]\n`,
  },
  {
    id: 'title-changed',
    covers: 'W: "changes: none" was printed when the title changed',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('title: Alpha and Beta', 'title: Alpha and Beta, retitled')),
    code: 0,
    builds: true,
    expect: 'changes since the previous build:\n  summary changed: title\nout: wrote briefing.pptx',
  },
  {
    id: 'many-uncited-documents',
    covers: 'P: thousands of uncited documents: one warning with a count',
    setup: async (ctx) => {
      for (let i = 10; i < 40; i++) await writeFile(path.join(ctx.ws, `${i}_extra.txt`), `Extra document number ${i} says little.\n`);
    },
    args: ['check', 'ws'],
    code: 0,
    expect: 'ws/briefing.yaml: warning: 30 documents are not cited by any statement: 10, 11, 12, 13, 14 and 25 more; "briefing draft --update" proposes statements from them [uncited-document]\n',
  },
  {
    id: 'closest-passage-large-document',
    covers: 'N: the closest-passage search took minutes for a long quote with a typo in a 1 MB document',
    setup: async (ctx) => {
      const words = 'the board said that revenue growth slowed while costs in the region rose again as expected by analysts'.split(' ');
      let text = '';
      for (let i = 0; text.length < 1_000_000; i++) text += `${words[(i * 7) % words.length]} ${words[(i * 3) % words.length]} ${i % 97 === 0 ? '.\n' : ''}`;
      const quote = `${'Alpha Corp said its ledger of regional holdings was reviewed line by line. '.repeat(26)}`.trim();
      await writeFile(path.join(ctx.ws, '003_big.txt'), `${text}\n${quote}\n`);
      const typo = quote.replace('reviewed line by line', 'reveiwed line by line');
      await editSummary(ctx, (y) => `${y}  - text: Alpha reviewed its ledger.\n    cite:\n      - { doc: "003", quote: "${typo}" }\n`);
    },
    args: ['check', 'ws'],
    code: 1,
    maxMs: 10_000,
    expect: /^ws\/briefing\.yaml:15:\d+: error: quote not found in 003: ".*»reveiwed«.*"; closest: ".*»reviewed«.*" at 003:\d+ \(they part at the word marked »«\) \[quote-not-found\]$/m,
  },
  {
    id: 'empty-source',
    covers: 'an empty source',
    setup: (ctx) => writeFile(path.join(ctx.ws, '003_empty.txt'), ''),
    code: 1,
    expect: /^ws\/003_empty\.txt: error: .* \[source-empty\]$/m,
  },
  {
    id: 'duplicate-document-id',
    covers: 'two files with one document id',
    setup: (ctx) => writeFile(path.join(ctx.ws, '001_again.txt'), 'Another text.\n'),
    code: 1,
    expect: 'error: document id "001" is used by both 001_again.txt and 001_alpha.txt; rename one [duplicate-doc-id]\n',
  },
  {
    id: 'duplicate-item-id',
    covers: 'issue 23: two items with one id would be one item twice to the change report',
    setup: (ctx) =>
      editSummary(ctx, (y) => y.replace('  - text: Alpha invested', '  - id: deal\n    text: Alpha invested').replace('  - text: It was the largest deal', '  - id: deal\n    text: It was the largest deal')),
    args: ['check', 'ws'],
    code: 1,
    expect: 'ws/briefing.yaml:8:9: error: id "deal" of takeaways[1] is already the id of takeaways[0]; give each item its own [duplicate-id]\n',
  },
  {
    id: 'unreviewed-items',
    covers: 'issue 23: items still marked as drafted or proposed built without a word',
    setup: (ctx) =>
      editSummary(ctx, (y) => y.replace('  - text: It was the largest deal', '  # drafted from 001: review\n  - text: It was the largest deal').replace('  - text: Beta revenue', '  # proposed from 002: review\n  - text: Beta revenue')),
    args: ['check', 'ws'],
    code: 0,
    expect:
      'ws/briefing.yaml:7:3: warning: 2 items are still marked for review as draft wrote them ("# drafted from …: review" or "# proposed from …: review"), at lines 7 and 11: review each, then delete its comment [unreviewed-item]\nws/briefing.yaml:12:11: warning: takeaways[2].text says "Beta", which none of its quotes says; closest quote: "revenue rose 40% last year" [support-words]\nws/briefing.yaml: ok: 3 citations verified in 2 documents\n',
  },
  {
    id: 'unreviewed-items-strict',
    covers: 'issue 23: --strict makes items still marked for review an error',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('  - text: It was the largest deal', '  # drafted from 001: review\n  - text: It was the largest deal')),
    args: ['check', 'ws', '--strict'],
    code: 1,
    expect: /^ws\/briefing\.yaml:7:3: error: 1 item is still marked for review as draft wrote it \("# drafted from …: review" or "# proposed from …: review"\), at line 7: review each, then delete its comment \[unreviewed-item\]$/m,
  },
  // ---- 4. every printed figure grounded ---------------------------------------------------
  {
    id: 'full-width-digits',
    covers: 'G: full-width digits got past the grounding rule',
    setup: (ctx) => editSummary(ctx, firstTakeaway('Alpha invested $2 billion in Beta in ２０２２.')),
    args: ['check', 'ws'],
    code: 1,
    expect: `ws/briefing.yaml:${FIRST_TEXT_LINE}:11: error: figure "２０２２" (the year 2022) in takeaways[0].text does not occur in its quotes nor in the date of a document cited; the quotes state "2021" (the year 2021) [figure-not-in-quotes]\n`,
  },
  {
    id: 'arabic-indic-digits',
    covers: 'G: Arabic-Indic digits got past the grounding rule',
    setup: (ctx) => editSummary(ctx, firstTakeaway('Alpha invested $2 billion in Beta in ٢٠٢٢.')),
    args: ['check', 'ws'],
    code: 1,
    expect: `ws/briefing.yaml:${FIRST_TEXT_LINE}:11: error: figure "٢٠٢٢" (the year 2022) in takeaways[0].text does not occur in its quotes nor in the date of a document cited; the quotes state "2021" (the year 2021) [figure-not-in-quotes]\n`,
  },
  {
    id: 'grounded-other-digits',
    covers: 'G: a figure in other digits that the quote has is grounded (the rule reads digits by value)',
    setup: (ctx) => editSummary(ctx, firstTakeaway('Alpha invested $٢ billion in Beta in ２０２１.')),
    args: ['check', 'ws'],
    code: 0,
    expect: 'ws/briefing.yaml: ok: 3 citations verified in 2 documents\n',
  },
  {
    id: 'figure-in-memo-to',
    covers: 'H: figures in memo.to got past the grounding rule',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('asOf: 2025-02-01', 'asOf: 2025-02-01\nmemo: { to: "The 7 directors", from: Strategy }')),
    args: ['check', 'ws'],
    code: 1,
    expect: 'ws/briefing.yaml:3:13: error: figure "7" in memo.to does not occur in any quote of the summary [figure-not-in-quotes]\n',
  },
  {
    id: 'figure-in-memo-from',
    covers: 'H: figures in memo.from got past the grounding rule',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('asOf: 2025-02-01', 'asOf: 2025-02-01\nmemo:\n  from: Team 42')),
    args: ['check', 'ws'],
    code: 1,
    expect: 'ws/briefing.yaml:4:9: error: figure "42" in memo.from does not occur in any quote of the summary [figure-not-in-quotes]\n',
  },
  {
    id: 'figure-in-source-title',
    covers: "H: figures in an editor's sources title got past the grounding rule",
    setup: (ctx) => editSummary(ctx, (y) => y.replace('asOf: 2025-02-01', 'asOf: 2025-02-01\nsources:\n  "001": { title: "Alpha pays $9 billion" }')),
    args: ['check', 'ws'],
    code: 1,
    expect: 'ws/briefing.yaml:4:19: error: figure "$9 billion" (USD 9,000,000,000) in sources.001.title does not occur in the text of document 001; the document states "$2 billion" (USD 2,000,000,000) [figure-not-in-quotes]\n',
  },
  {
    id: 'grounded-source-title',
    covers: "H: a figure in an editor's sources title that the document has is grounded",
    setup: (ctx) => editSummary(ctx, (y) => y.replace('asOf: 2025-02-01', 'asOf: 2025-02-01\nsources:\n  "001": { title: "Alpha pays $2 billion" }')),
    args: ['check', 'ws'],
    code: 0,
    expect: 'ws/briefing.yaml: ok: 3 citations verified in 2 documents\n',
  },
  {
    id: 'figure-in-headline',
    covers: 'H: a headline figure that no quote of its section has',
    setup: (ctx) => editSummary(ctx, (y) => y.replace('asOf: 2025-02-01', 'asOf: 2025-02-01\nheadlines:\n  takeaways: Alpha bet 75% of its cash')),
    args: ['check', 'ws'],
    code: 1,
    expect: 'ws/briefing.yaml:4:14: error: figure "75%" in headlines.takeaways does not occur in any quote of the takeaways section; the quotes state "40%" [figure-not-in-quotes]\n',
  },
  {
    id: 'template-literal-figure',
    covers: 'H: figures in literal template text got past the grounding rule (a warning at the template line)',
    setup: async (ctx) => {
      await mkdir(path.join(ctx.ws, 'templates'));
      const { ROOT } = await import('../helpers/workspace.js');
      const deck = await readFile(path.join(ROOT, 'templates/deck.md.hbs'), 'utf8');
      await writeFile(path.join(ctx.ws, 'templates/deck.md.hbs'), `Revenue grew 300% in 2024.\n\n${deck}`);
    },
    args: ['check', 'ws'],
    code: 0,
    expect: 'ws/templates/deck.md.hbs:1: warning: the template prints "300%", "2024" as its own text; a figure should come from the summary, where it is checked against the sources [template-figure]\n',
  },
  {
    id: 'template-citation-marker',
    covers: 'I: a template printed a private-use citation marker and forged citation [999]',
    setup: async (ctx) => {
      await mkdir(path.join(ctx.ws, 'templates'));
      const { ROOT } = await import('../helpers/workspace.js');
      const deck = await readFile(path.join(ROOT, 'templates/deck.md.hbs'), 'utf8');
      await writeFile(path.join(ctx.ws, 'templates/deck.md.hbs'), deck.replace(/\n\n/, '\n\nTrust us \uE000999\uE001\n\n'));
    },
    code: 1,
    expect: /^ws\/templates\/deck\.md\.hbs:\d+: error: the template contains U\+E000, a character the tool uses to mark citations; remove it \(citations come from \{\{cite cite\}\}\) \[template-error\]$/m,
  },
  {
    id: 'summary-citation-marker',
    covers: 'I: the citation marker characters cannot come from the text',
    setup: (ctx) => editSummary(ctx, firstTakeaway('"Alpha invested $2 billion in Beta in 2021. \\uE000999\\uE001"')),
    code: 1,
    expect: `ws/briefing.yaml:${FIRST_TEXT_LINE}:11: error: takeaways[0].text contains U+E000, a character the tool uses to mark citations; remove it [citation-marker]\n`,
  },
  // ---- 8. layout and memo tables ----------------------------------------------------------
  {
    id: 'overflow-from-template',
    covers: 'R: layout-overflow had no file or line and blamed the summary when the template was the cause',
    setup: async (ctx) => {
      await mkdir(path.join(ctx.ws, 'templates'));
      const { ROOT } = await import('../helpers/workspace.js');
      const deck = await readFile(path.join(ROOT, 'templates/deck.md.hbs'), 'utf8');
      const line = deck.split('\n').findIndex((l) => l === '{{#each takeaways}}');
      const lines = deck.split('\n');
      lines.splice(line + 3, 0, `- ${'Considerable '.repeat(700).trim()}`);
      await writeFile(path.join(ctx.ws, 'templates/deck.md.hbs'), lines.join('\n'));
    },
    args: ['check', 'ws'],
    code: 1,
    expect: /^ws\/templates\/deck\.md\.hbs:\d+: error: slide "Key takeaways": an item does not fit on a slide even at \d+ pt; shorten it in the template, which writes it \[layout-overflow\]$/m,
  },
  {
    id: 'overflow-from-summary',
    covers: 'R: layout-overflow names the line of briefing.yaml when the summary is the cause',
    setup: (ctx) => editSummary(ctx, firstTakeaway(`Alpha invested $2 billion in Beta in 2021. ${'Considerable '.repeat(700).trim()}.`)),
    args: ['check', 'ws'],
    code: 1,
    expect: `ws/briefing.yaml:${FIRST_TEXT_LINE}:11: error: slide "Key takeaways": an item does not fit on a slide even at 12 pt; shorten it in the summary [layout-overflow]\n`,
  },
  {
    id: 'memo-table-too-wide',
    covers: 'T: wide memo tables were clipped silently',
    setup: async (ctx) => {
      await mkdir(path.join(ctx.ws, 'templates'));
      const { ROOT } = await import('../helpers/workspace.js');
      const memo = await readFile(path.join(ROOT, 'templates/memo.md.hbs'), 'utf8');
      const table = '\n| Counterparty | Jurisdiction | Instrument | Consideration | Classification |\n|---|---|---|---|---|\n| {{title}} | Internationalisation | Antidisestablishmentarianism | Pneumonoultramicroscopic | Counterrevolutionaries |\n';
      await writeFile(path.join(ctx.ws, 'templates/memo.md.hbs'), `${memo}${table}`);
    },
    args: ['check', 'ws'],
    code: 0,
    expect: /^ws\/templates\/memo\.md\.hbs: warning: the memo table "Counterparty \| Jurisdiction \| Instrument \| Consideration \| Classification" needs about \d+ pt, more than the page's 384 pt: its text would be cut off \(longest words "Antidisestablishmentarianism", "Pneumonoultramicroscopic"\); use fewer columns or shorter words \[memo-table-wide\]$/m,
  },
  // ---- 6. every script the memo can meet --------------------------------------------------
  {
    id: 'memo-missing-glyphs',
    covers: 'M: the memo dropped CJK, Arabic, Hebrew, Devanagari, Thai and emoji silently',
    setup: (ctx) => editSummary(ctx, firstTakeaway('"Alpha invested $2 billion in Beta in 2021: 投资, مرحبا, שלום, नमस्ते, สวัสดี 🚀."')),
    args: ['check', 'ws'],
    code: 0,
    expect: /^ws\/briefing\.yaml: warning: the memo's fonts \(Source Serif 4, Source Sans 3\) have no glyph for 2\d characters of its text, which will print as empty boxes or not at all \(the deck shows them\): "投" U\+6295, "资" U\+8D44, "م" U\+0645, .* and \d+ more \[memo-glyphs-missing\]$/m,
  },
  {
    id: 'memo-latin-greek-cyrillic',
    covers: 'M: text the memo fonts do cover (accents, Greek, Cyrillic, dashes, quotes) gives no warning',
    setup: (ctx) => editSummary(ctx, firstTakeaway('"Alpha invested $2 billion in Beta in 2021 — “Ægir” Ελλάδα Москва ‘ça’ …"')),
    args: ['check', 'ws'],
    code: 0,
    expect: 'ws/briefing.yaml: ok: 3 citations verified in 2 documents\n',
  },
];
