// A fresh `draft` of every gold set passes `check` without support-* warnings (src/verify/support.ts):
// a drafted statement is its quote, and what the draft composes (headlines, titles, labels, names,
// a disagreement's question) is written only in a form its quotes support (src/draft/fit.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLD_SETS } from './draft-gold/sets.js';
import { removeDir, runCli, tempDir } from './helpers/workspace.js';

/**
 * The support-* warnings a fresh draft may still raise, each with its reason. airline: its
 * alternative "Aurora Jet" (and the takeaway drawn from it) is the 004 quote word for word, and it
 * also cites 005, which hedges "partnership" with "expected": the check asks the statement to keep
 * every cited quote's hedge. Which to do (hedge it, or cite 004 alone) is the curator's call.
 */
const CEILING: Record<string, { count: number; lines: RegExp[] }> = {
  seeds: { count: 0, lines: [] },
  airline: { count: 2, lines: [/takeaways\[\d\]\.text .*"expected".*\[support-hedge\]/, /alternatives\[0\]\.text .*"expected".*\[support-hedge\]/] },
  rail: { count: 0, lines: [] },
  venture: { count: 0, lines: [] },
  steel: { count: 0, lines: [] },
};

describe('a fresh draft of each gold set under the support check', () => {
  let dir: string;
  const warnings = new Map<string, string[]>();
  const checks = new Map<string, { code: number; stderr: string }>();
  beforeAll(async () => {
    dir = await tempDir();
    for (const set of GOLD_SETS) {
      const ws = await set.make(dir);
      const draft = await runCli(['draft', ws]);
      expect(draft.code, `${set.name}: ${draft.stderr}`).toBe(0);
      const check = await runCli(['check', ws]);
      checks.set(set.name, check);
      warnings.set(set.name, check.stderr.split('\n').filter((l) => /\[support-[a-z]+\]$/.test(l)));
    }
  }, 240_000);
  afterAll(() => removeDir(dir));

  it('knows every gold set', () => {
    expect(Object.keys(CEILING).sort()).toEqual(GOLD_SETS.map((s) => s.name).sort());
  });

  for (const set of GOLD_SETS) {
    it(`${set.name}: check passes with no support-* warning beyond the ones explained`, () => {
      const check = checks.get(set.name);
      expect(check?.code, check?.stderr).toBe(0);
      const found = warnings.get(set.name) ?? [];
      const ceiling = CEILING[set.name] ?? { count: 0, lines: [] };
      expect(found.length, found.join('\n')).toBeLessThanOrEqual(ceiling.count);
      for (const line of found) expect(ceiling.lines.some((re) => re.test(line)), line).toBe(true);
    });
  }
});
