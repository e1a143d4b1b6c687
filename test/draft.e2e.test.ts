// briefing draft, draft --update and find, on a source set written for the tests (a fictional
// regional airline alliance) and on the seeds.
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeeds, removeDir, ROOT, runCli, tempDir } from './helpers/workspace.js';

const AIRLINE = path.join(ROOT, 'test/fixtures/airline');

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name === 'briefing.yaml') continue;
    out[name] = createHash('sha256').update(await readFile(path.join(dir, name))).digest('hex');
  }
  return out;
}

describe('briefing draft on a pile about another topic', () => {
  let dir: string;
  let ws: string;
  let yaml: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    dir = await tempDir();
    ws = path.join(dir, 'airline');
    await cp(AIRLINE, ws, { recursive: true });
    before = await hashes(ws);
    const result = await runCli(['draft', ws]);
    expect(result.stderr).toContain('drafted from 5 documents');
    expect(result.code).toBe(0);
    yaml = await readFile(path.join(ws, 'briefing.yaml'), 'utf8');
  }, 60_000);
  afterAll(() => removeDir(dir));

  it('writes a summary that check accepts and build renders, without edits', async () => {
    const check = await runCli(['check', ws]);
    expect(check.stderr).toMatch(/ok: \d+ citations verified in 5 documents/);
    expect(check.code).toBe(0);
    const build = await runCli(['build', ws, '--out', path.join(dir, 'out')]);
    expect(build.code).toBe(0);
  }, 120_000);

  it('holds the set\'s key figures, each amount with its kind, and none of the seeds\' facts', () => {
    const summary = parse(yaml) as {
      title: string;
      asOf: string;
      investment: { amount?: { value: string; kind?: string; party?: string; counterparty?: string }; when?: string; label: string; cite: { doc: string }[] }[];
      conflicts: { topic: string; sides: { text: string }[] }[];
    };
    const byAmount = new Map(summary.investment.map((i) => [i.amount?.value, i]));
    // Labels keep the quote's hedge and say only the words their quotes say (the support check):
    // "…for €120 million, the two carriers said" is reported; "valued the group at" is no "valuation".
    expect(byAmount.get('€120 million')?.label).toBe('Nordwind Air: reported €120 million');
    expect(byAmount.get('€60 million')?.label).toBe('Nordwind Air: investment of €60 million');
    expect(byAmount.get('€180 million')?.label).toBe('Nordwind Air: total of €180 million');
    expect(byAmount.get('€1.1 billion')?.label).toBe('Nordwind Air: €1.1 billion');
    // Who pays and who receives, from the sentence ("Nordwind Air has agreed to take a 25% stake in Baltic Skyways").
    expect(byAmount.get('€120 million')?.amount).toMatchObject({ party: 'Nordwind Air', counterparty: 'Baltic Skyways' });
    // The date the sentence gives ("on Monday", resolved against the document's date), at a precision the check grounds.
    expect(byAmount.get('€120 million')?.when).toBe('2024-03-18');
    // A plan dated "by 2027" in its sentence: the year is its `when`, the phrase stays in the label.
    expect(byAmount.get('€400 million')?.label).toBe('Nordwind Air: plan of €400 million (by 2027)');
    expect(byAmount.get('€400 million')?.when).toBe('2027');
    // One amount stated by two documents is one entry citing both.
    expect(byAmount.get('€180 million')?.cite.map((c) => c.doc)).toEqual(['003', '005']);
    // Each amount says its kind, so that a chart compares one kind.
    expect(byAmount.get('€180 million')?.amount?.kind).toBe('cumulative total');
    expect(byAmount.get('€120 million')?.amount?.kind).toBe('investment');
    expect(byAmount.get('€400 million')?.amount?.kind).toBe('commitment');
    expect(yaml).toContain('# amount kind: cumulative total (not new money)');
    expect(summary.title).toBe('Baltic Skyways and Nordwind Air: what the sources report');
    expect(summary.asOf).toBe('2025-05-30');
    const topics = summary.conflicts.map((c) => c.topic);
    expect(topics).toContain('Stake: 20% or 25%?');
    // Asked in its quotes' words ("in place", "given up" are in neither; the support check reads the topic).
    const exclusivity = summary.conflicts.find((c) => c.topic === 'Exclusive: still or no longer?');
    expect(exclusivity?.sides.map((s) => s.text)).toEqual([
      'The codeshare remains exclusive, with every long-haul connection sold through Nordwind Air.',
      'The carrier was released from the exclusivity clause of its codeshare with Nordwind Air in February, the people said.',
    ]);
    for (const seedFact of ['Microsoft', 'OpenAI', 'Azure', '$13.75 billion', '$1 billion', 'Copilot']) expect(yaml).not.toContain(seedFact);
  });

  it('marks each item with the documents it came from, and comments each section', () => {
    const items = yaml.split('\n').filter((l) => /^ {2}- /.test(l));
    const marks = yaml.split('\n').filter((l) => /^ {2}# drafted from [0-9, ]+: review$/.test(l));
    expect(marks.length).toBe(items.length);
    expect(yaml).toContain('  # drafted from 003, 005: review\n  # amount kind: cumulative total (not new money); from Nordwind Air to Baltic Skyways\n  - when:');
    expect(yaml).toContain('# Points of friction, the ones most documents raise first.\nfriction:');
  });

  it('refuses to overwrite without --force, and never touches the documents', async () => {
    const again = await runCli(['draft', ws]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `${path.join(ws, 'briefing.yaml')}: error: briefing.yaml exists and was left as it is; use --force to replace it, or --update to add proposals from new documents [summary-exists]\n`,
    );
    expect(await readFile(path.join(ws, 'briefing.yaml'), 'utf8')).toBe(yaml);
    const forced = await runCli(['draft', ws, '--force']);
    expect(forced.code).toBe(0);
    // Deterministic: the same documents give the same bytes; no progress line off a terminal.
    expect(await readFile(path.join(ws, 'briefing.yaml'), 'utf8')).toBe(yaml);
    expect(forced.stderr).not.toContain('\r');
    expect(await hashes(ws)).toEqual(before);
  }, 60_000);

  it('says --force and --update do not go together', async () => {
    const result = await runCli(['draft', ws, '--force', '--update']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('briefing: --force and --update do not go together: --update keeps briefing.yaml');
  });
});

describe('briefing draft --update', () => {
  let dir: string;
  let ws: string;
  let out: string;
  /** The summary as the curator left it before the first proposals. */
  let curatedSummary = '';
  beforeAll(async () => {
    dir = await tempDir();
    ws = path.join(dir, 'airline');
    out = path.join(dir, 'out');
    await cp(AIRLINE, ws, { recursive: true });
    await rm(path.join(ws, '005_outlook.txt'));
    expect((await runCli(['draft', ws])).code).toBe(0);
    expect((await runCli(['build', ws, '--out', out])).code).toBe(0);
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('keeps every curated line and comment and appends proposals from the new document only', async () => {
    const file = path.join(ws, 'briefing.yaml');
    // The curator's own edits: a comment, a reworded statement.
    const curated = (await readFile(file, 'utf8'))
      .replace('friction:\n', 'friction:\n  # Curator: the union dispute matters most.\n')
      .replace(/\n {4}text: The pilots' union at Baltic Skyways[^\n]*/, "\n    text: 'The Baltic Skyways pilots'' union threatens to strike over seniority.'");
    await writeFile(file, curated);
    curatedSummary = curated;
    expect((await runCli(['check', ws])).code).toBe(0);
    await cp(path.join(AIRLINE, '005_outlook.txt'), path.join(ws, '005_outlook.txt'));
    const result = await runCli(['draft', ws, '--update', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^.*briefing\.yaml: proposed .* from 005 \(new or changed since the build recorded in .*build\.json\); each is marked "proposed from …: review"\n$/);
    const updated = await readFile(file, 'utf8');
    // Only insertions: the curated text is the updated text with the proposed blocks taken out.
    const added: string[] = [];
    const kept: string[] = [];
    const originalLines = curated.split('\n');
    let k = 0;
    for (const line of updated.split('\n')) {
      if (k < originalLines.length && line === originalLines[k]) {
        kept.push(line);
        k++;
      } else added.push(line);
    }
    expect(kept.join('\n')).toBe(curated);
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((l) => l.includes('# proposed from')).every((l) => /^ {2}# proposed from 005: review$/.test(l))).toBe(true);
    const docs = added.flatMap((l) => [...l.matchAll(/doc: "(\d+)"/g)].map((m) => m[1]));
    expect(docs.length).toBeGreaterThan(0);
    expect(new Set(docs)).toEqual(new Set(['005']));
    expect((await runCli(['check', ws])).code).toBe(0);
  }, 60_000);

  it('says when there is nothing new to propose', async () => {
    await runCli(['build', ws, '--out', out]);
    const result = await runCli(['draft', ws, '--update', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${path.join(ws, 'briefing.yaml')}: nothing to propose: every document is cited, and none is new or changed since the build recorded in ${path.join(out, 'build.json')}\n`);
  }, 120_000);

  it('proposes from a document no statement cites although a --changes build recorded it, and never twice', async () => {
    const file = path.join(ws, 'briefing.yaml');
    // The proposals from 005 taken out again: 005 is cited by no statement, and the next build records it.
    await writeFile(file, curatedSummary);
    expect((await runCli(['build', ws, '--out', out, '--changes'])).code).toBe(0);
    const first = await runCli(['draft', ws, '--update', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^.*briefing\.yaml: proposed .* from 005 \(cited by no statement\); each is marked "proposed from …: review"\n$/);
    const proposed = await readFile(file, 'utf8');
    expect(proposed).toContain('# proposed from 005: review');
    // Again: every passage it would propose is cited now (by the proposals): nothing is offered twice.
    const again = await runCli(['draft', ws, '--update', '--out', out]);
    expect(again.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(proposed);
    expect(again.stderr).toBe(`${file}: nothing to propose: every document is cited, and none is new or changed since the build recorded in ${path.join(out, 'build.json')}\n`);
  }, 120_000);
});

describe('briefing draft on the seeds', () => {
  it('drafts the seeds from scratch into a summary that builds', async () => {
    const { dir, ws } = await copySeeds();
    try {
      await rm(path.join(ws, 'briefing.yaml'));
      expect((await runCli(['draft', ws])).code).toBe(0);
      const build = await runCli(['build', ws, '--out', path.join(dir, 'out')]);
      expect(build.code).toBe(0);
      const yaml = await readFile(path.join(ws, 'briefing.yaml'), 'utf8');
      expect(yaml).toMatch(/amount:\s+value: \$1 billion\s+kind: investment\s+party: Microsoft\s+counterparty: OpenAI/);
      expect(yaml).toMatch(/amount:\s+value: \$13\.75 billion\s+kind: cumulative total\s+party: Microsoft\s+label: "Microsoft: total of a reported \$13\.75 billion"/);
      expect(yaml).toMatch(/amount:\s+value: \$80 billion\s+kind: valuation\s+party: OpenAI\s+label: "OpenAI: valuation past \$80 billion"/);
      // The three disagreements of the seeds: Azure exclusivity, the contract, Copilot's traction.
      const conflicts = yaml.slice(yaml.indexOf('\nconflicts:'));
      expect(conflicts).toContain('While Azure remains OpenAI');
      expect(conflicts).toContain('revenue-sharing relationships remain unchanged');
      expect(conflicts).toContain('struggled to gain traction');
      // "Elon Musk's xAI": the option is xAI, not its owner; "OpenAI's ChatGPT" is the rival's product, not Microsoft's option.
      const alternatives = yaml.slice(yaml.indexOf('\nalternatives:'), yaml.indexOf('\noutlook:'));
      expect(alternatives).toMatch(/- name: xAI\n/);
      expect(alternatives).not.toMatch(/- name: (?:Elon Musk|ChatGPT)\n/);
    } finally {
      await removeDir(dir);
    }
  }, 120_000);
});

describe('briefing find', () => {
  it('ranks passages for words with a typo and inflection, with a citation to paste', async () => {
    const result = await runCli(['find', AIRLINE, '“total', 'investmnts”', '--limit', '2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '003:5  Nordwind Air has invested a further €60 million in Baltic Skyways, bringing its total investment in the regional carrier to €180 million.',
        '    { doc: "003", quote: "Nordwind Air has invested a further €60 million in Baltic Skyways, bringing its total investment in the regional carrier to €180 million." }',
        '',
        "005:7  Nordwind Air's total investment in Baltic Skyways now stands at €180 million, making it the largest shareholder.",
        '    { doc: "005", quote: "Nordwind Air\'s total investment in Baltic Skyways now stands at €180 million, making it the largest shareholder." }',
        '',
        '',
      ].join('\n'),
    );
  }, 30_000);

  it('prints JSON, and exits 1 with a warning when nothing matches', async () => {
    const json = await runCli(['find', AIRLINE, 'exclusivity', '--json', '--limit', '1']);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        doc: '004',
        file: path.join(AIRLINE, '004_rival.txt'),
        line: 5,
        score: expect.any(Number),
        passage: 'The carrier was released from the exclusivity clause of its codeshare with Nordwind Air in February, the people said.',
        quote: 'The carrier was released from the exclusivity clause of its codeshare with Nordwind Air in February, the people said.',
        cite: { doc: '004', quote: 'The carrier was released from the exclusivity clause of its codeshare with Nordwind Air in February, the people said.' },
      },
    ]);
    const none = await runCli(['find', AIRLINE, 'zeppelin']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`warning: no passage of the 5 documents in ${AIRLINE} matches "zeppelin" [nothing-found]\n`);
  }, 30_000);
});
