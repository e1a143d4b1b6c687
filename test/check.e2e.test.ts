// briefing check, end to end through the compiled CLI, on real folders.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeeds, removeDir, runCli, seedDocumentFile, tempDir, writeFiles } from './helpers/workspace.js';

describe('briefing check on the seeds', () => {
  it('verifies every citation of the default workspace', async () => {
    const result = await runCli(['check', 'seeds']);
    expect(result.stderr).toMatch(/^seeds\/briefing\.yaml: ok: \d+ citations verified in 5 documents\n$/);
    expect(result.code).toBe(0);
  });

  it('prints a JSON report with every citation verified and each item corroborated', async () => {
    const result = await runCli(['check', 'seeds', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      documents: { id: string; cited: boolean }[];
      citations: { doc: string; quote: string; verified: boolean; line: number }[];
      corroboration: { path: string; documents: number }[];
      diagnostics: unknown[];
    };
    expect(report.ok).toBe(true);
    expect(report.documents.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(report.documents.every((d) => d.cited)).toBe(true);
    expect(report.citations.length).toBeGreaterThan(20);
    expect(report.citations.every((c) => c.verified && c.line >= 1)).toBe(true);
    expect(report.corroboration.every((c) => c.documents >= 1)).toBe(true);
    expect(report.diagnostics).toEqual([]);
  });
});

describe('briefing check finds what is broken', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('names the file, line and closest passage when a source passage changes', async () => {
    const file = await seedDocumentFile(ws, '004');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('ballooned to a reported $13.75 billion', 'ballooned to a reported $14 billion'));
    const yaml = await readFile(path.join(ws, 'briefing.yaml'), 'utf8');
    const result = await runCli(['check', 'ws'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    const broken = lines.filter((l) => l.includes('[quote-not-found]'));
    expect(broken.length).toBeGreaterThan(0);
    // Every broken citation points at a line of briefing.yaml that quotes the old passage.
    const yamlLines = yaml.split('\n');
    for (const line of broken) {
      const m = /^ws\/briefing\.yaml:(\d+):(\d+): error: quote not found in 004: "(.*)"; closest: "(.*)" at 004:(\d+) \(they part at the word marked »«\) \[quote-not-found\]$/.exec(line);
      expect(m, line).not.toBeNull();
      expect(yamlLines[Number(m?.[1]) - 1]).toContain('$13.75 billion');
      expect(m?.[4]).toContain('reported »$14« billion');
      expect(m?.[5]).toBe('4');
    }
    expect(lines.some((l) => l.includes('ballooned to a reported »$13.75« billion'))).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // The exact diagnostic, pinned (update it when seeds/briefing.yaml moves that quote).
    expect(result.stderr).toMatchInlineSnapshot(`
      "ws/briefing.yaml:194:16: error: quote not found in 004: "Microsoft's total investment has since ballooned to a reported »$13.75« billion"; closest: "Microsoft's total investment has since ballooned to a reported »$14« billion" at 004:4 (they part at the word marked »«) [quote-not-found]
      "
    `);
  });
});

describe('briefing check on a small workspace', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    const ws = path.join(dir, 'ws');
    await import('node:fs/promises').then((fs) => fs.mkdir(ws));
    await writeFiles(ws, {
      '001_alpha.txt': 'date 2025-01-02\n\nAlpha Corp invested $2 billion in Beta in 2021, people said.\nIt was the “largest” deal—by far.\n',
      '002_beta.md': '# Beta grows\n\nBeta’s revenue rose 40% last year.\n',
      'briefing.yaml': [
        'title: Alpha and Beta',
        'asOf: 2025-02-01',
        'takeaways:',
        '  - text: Alpha invested $2 billion in 2021.',
        '    cite:',
        '      - { doc: "001", quote: "Alpha Corp invested $2 billion in Beta in 2021" }',
        '  - text: It was the largest deal, by far.',
        '    cite:',
        '      - { doc: "001", quote: "It was the \\"largest\\" deal - by far" }',
        '  - text: Beta revenue rose 45% last year.',
        '    cite:',
        '      - { doc: "002", quote: "revenue rose 40% last year" }',
        '  - text: Gamma exists.',
        '    cite:',
        '      - { doc: "003", quote: "Gamma is a company" }',
        '      - { doc: "002", quote: "Beta grows" }',
        '      - { doc: "002", quote: "Beta’s revenue went up 40%" }',
        '',
      ].join('\n'),
    });
  });
  afterAll(() => removeDir(dir));

  it('reports every error in one run, each at its YAML position', async () => {
    const result = await runCli(['check', 'ws'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatchInlineSnapshot(`
      "ws/briefing.yaml:10:11: error: figure "45%" in takeaways[2].text does not occur in its quotes; the quotes state "40%" [figure-not-in-quotes]
      ws/briefing.yaml:10:11: warning: takeaways[2].text says "Beta", which none of its quotes says; closest quote: "revenue rose 40% last year" [support-words]
      ws/briefing.yaml:15:16: error: no document with id "003" (documents: 001, 002) [unknown-doc]
      ws/briefing.yaml:16:30: error: quote "Beta grows" is too short to prove anything (10 characters; at least 12) [quote-too-short]
      ws/briefing.yaml:17:30: error: quote not found in 002: "Beta’s revenue »went« up 40%"; closest: "Beta’s revenue »rose« 40%" at 002:3 (they part at the word marked »«) [quote-not-found]
      "
    `);
  });

  it('exits 2 on usage errors', async () => {
    const missing = await runCli(['check', 'nowhere'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: workspace folder not found: nowhere [workspace-missing]\n');
    const flag = await runCli(['check', 'ws', '--frobnicate'], { cwd: dir });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('Unknown argument: frobnicate');
  });

  it('names a source that is not UTF-8 and exits 1 without a stack trace', async () => {
    const ws = path.join(dir, 'ws');
    await writeFile(path.join(ws, '009_latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const result = await runCli(['check', 'ws'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ws/009_latin1.txt: error: source is not valid UTF-8; save it as UTF-8 [source-not-utf8]');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    await import('node:fs/promises').then((fs) => fs.rm(path.join(ws, '009_latin1.txt')));
  });

  it('warns about a document that no statement cites, and still exits 0', async () => {
    const ws2 = path.join(dir, 'ws2');
    await import('node:fs/promises').then((fs) => fs.mkdir(ws2));
    await writeFiles(ws2, {
      '001_a.txt': 'Alpha Corp invested heavily in Beta, people said.\n',
      '002_b.txt': 'Nobody cites this document at all.\n',
      'briefing.yaml': `title: T\nasOf: 2025-02-01\ntakeaways:\n${[1, 2, 3].map((i) => `  - text: Point ${'I'.repeat(i)}.\n    cite: [{ doc: "001", quote: "Alpha Corp invested heavily" }]`).join('\n')}\n`,
    });
    const result = await runCli(['check', 'ws2'], { cwd: dir });
    expect(result.stderr.split('\n')[0]).toBe('ws2/002_b.txt: warning: document 002 is not cited by any statement [uncited-document]');
    expect(result.code).toBe(0);
  });
});

describe('briefing check on bad input beyond the summary', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('checks the theme and its logo, at their positions', async () => {
    await writeFile(path.join(ws, 'theme.yaml'), 'colors:\n  accent: red\nlogo: missing.png\n');
    const result = await runCli(['check', 'ws'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ws/theme.yaml:2:11: error: theme colors.accent: must be a colour written as six hex digits, e.g. "1F4E79" [theme-invalid]');
    await writeFile(path.join(ws, 'theme.yaml'), 'logo: briefing.yaml\n');
    const notImage = await runCli(['check', 'ws'], { cwd: dir });
    expect(notImage.stderr).toContain('ws/theme.yaml:1:7: error: theme logo "briefing.yaml": not a PNG or JPEG image [theme-invalid]');
    await import('node:fs/promises').then((fs) => fs.rm(path.join(ws, 'theme.yaml')));
  });

  it('checks the templates', async () => {
    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(ws, 'templates')));
    await writeFile(path.join(ws, 'templates/memo.md.hbs'), '## {{headlines.bottomLine}}\n');
    const result = await runCli(['check', 'ws'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ws/templates/memo.md.hbs:1:6: error: unknown field "bottomLine" in template [template-error]');
    await import('node:fs/promises').then((fs) => fs.rm(path.join(ws, 'templates'), { recursive: true }));
  });

  it('reads a source through a symbolic link inside the workspace, and refuses a figure in the title that no quote has', async () => {
    const file = await seedDocumentFile(ws, '004');
    const { mkdir, rename, symlink } = await import('node:fs/promises');
    await mkdir(path.join(ws, 'archive'));
    await rename(file, path.join(ws, 'archive/elsewhere.txt'));
    await symlink(path.join(ws, 'archive/elsewhere.txt'), file);
    const yaml = path.join(ws, 'briefing.yaml');
    const original = await readFile(yaml, 'utf8');
    await writeFile(yaml, original.replace(/^title: .*$/m, "title: 'A $99 billion bet'"));
    const result = await runCli(['check', 'ws'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^ws\/briefing\.yaml:\d+:8: error: figure "\$99 billion" \(USD 99,000,000,000\) in title does not occur in any quote of the summary; the quotes state "past \$80 billion" \(more than USD 80,000,000,000\) \[figure-not-in-quotes\]$/),
    ]);
    await writeFile(yaml, original);
  });

  it('turns a YAML alias bomb into a diagnostic', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]', ''].join('\n');
    const ws2 = path.join(dir, 'bomb');
    await import('node:fs/promises').then((fs) => fs.mkdir(ws2));
    await writeFiles(ws2, { '001_a.txt': 'Some text that is long enough.\n', 'briefing.yaml': bomb });
    const result = await runCli(['check', 'bomb'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bomb\/briefing\.yaml:1:1: error: .*alias.* \[yaml-syntax\]$/m);
    expect(result.stderr).not.toContain('internal error');
  });
});


describe('briefing check lays the deck out, as build does', () => {
  let dir: string;
  let ws: string;
  let original: string;
  const file = () => path.join(ws, 'briefing.yaml');
  const overflows = (stderr: string) => stderr.split('\n').filter((l) => l.endsWith('[layout-overflow]'));
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    original = await readFile(file(), 'utf8');
  });
  afterAll(() => removeDir(dir));

  /** Line and column (1-based) of the value on the first line of briefing.yaml that starts with `prefix`. */
  const valueAt = (prefix: string) => {
    const lines = original.split('\n');
    const k = lines.findIndex((l) => l.startsWith(prefix));
    return { line: k + 1, column: (lines[k] ?? '').indexOf("'") + 1 };
  };

  /** The headline of the takeaways slide, and the first takeaway statement, as lines of briefing.yaml. */
  const headlineLine = () => original.split('\n').find((l) => l.startsWith('  takeaways: ')) as string;
  // The headline as written: `'…'`, or `{ text: '…', view: true }` (the team's view).
  const headlineOf = () => /'(.*)'/.exec(headlineLine())?.[1]?.replace(/''/g, "'") as string;
  const firstTakeawayLine = () => {
    const lines = original.split('\n');
    return lines.slice(lines.indexOf('takeaways:')).find((l) => l.startsWith("  - text: '")) as string;
  };

  it('fails on a headline too long for two lines, at the headline in briefing.yaml, exactly as build fails', async () => {
    const headline = headlineLine();
    const long = `${'The alliance is turning into a hedged rivalry on both sides, '.repeat(4)}and nobody can yet say how it ends`;
    await writeFile(file(), original.replace(headline, `  takeaways: { text: '${long}', view: true }`));
    const at = valueAt(headline);
    const check = await runCli(['check', 'ws'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(overflows(check.stderr)).toEqual([
      `ws/briefing.yaml:${at.line}:${at.column}: error: slide title "${long}" needs more than two lines even at 20 pt; shorten it [layout-overflow]`,
    ]);
    const build = await runCli(['build', 'ws', '--out', 'out'], { cwd: dir });
    expect(build.code).toBe(1);
    expect(overflows(build.stderr)).toEqual(overflows(check.stderr));
  });

  it('places a statement too long for any slide at its text in briefing.yaml', async () => {
    const first = firstTakeawayLine();
    const long = `  - text: '${'The partnership is shifting from close alliance towards rivalry, as both sides hedge. '.repeat(60).trim()}'`;
    await writeFile(file(), original.replace(first, long));
    const at = valueAt(first);
    const check = await runCli(['check', 'ws'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(overflows(check.stderr)).toEqual([
      `ws/briefing.yaml:${at.line}:${at.column}: error: slide "${headlineOf()}": an item does not fit on a slide even at 12 pt; shorten it in the summary [layout-overflow]`,
    ]);
  });
});
