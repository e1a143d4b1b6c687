import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics/diagnostic.js';
import { summaryFromYaml } from '../src/inputs/summary-load.js';

const valid = `title: T
asOf: 2025-11-01
takeaways:
  - text: One.
    cite: [{ doc: "002", quote: "a quote long enough" }]
  - text: Two.
    cite: [{ doc: "002", quote: "a quote long enough" }]
  - text: Three.
    cite: [{ doc: "002", quote: "a quote long enough" }]
`;

function errors(yaml: string): string[] {
  return summaryFromYaml(yaml, 'ws/briefing.yaml').diagnostics.map(formatDiagnostic);
}

describe('summary schema', () => {
  it('accepts a minimal summary and fills defaults', () => {
    const loaded = summaryFromYaml(valid, 'ws/briefing.yaml');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.summary?.subtitle).toBe('Executive briefing');
    expect(loaded.summary?.friction).toEqual([]);
  });

  it('maps schema errors to the line and column of the offending node', () => {
    const yaml = `${valid}friction:
  - title: Cost
    text: Too dear.
    cite: []
  - title: Speed
    txt: typo
    cite:
      - { doc: 3, quote: "a quote long enough", page: 2 }
alternatives:
  - name: X
    kind: ''
    text: y
    cite: [{ doc: "001", quote: "a quote long enough" }]
`;
    expect(errors(yaml)).toMatchInlineSnapshot(`
      [
        "ws/briefing.yaml:13:11: error: friction[0].cite: every statement needs at least one citation [schema]",
        "ws/briefing.yaml:14:5: error: missing friction[1].text (expected string) [schema]",
        "ws/briefing.yaml:15:5: error: unknown key "txt" in friction[1]; did you mean "text"? [schema]",
        "ws/briefing.yaml:17:49: error: unknown key "page" in friction[1].cite[0] [schema]",
        "ws/briefing.yaml:20:11: error: alternatives[0].kind: must not be empty [schema]",
      ]
    `);
  });

  it('refuses a text field longer than 10,000 characters at its place (a 1 MB statement took the check 44 s)', () => {
    const at = (n: number) => errors(valid.replace('  - text: Two.', `  - text: ${'Two words. '.repeat(n / 11)}`));
    expect(at(11_000)).toEqual(['ws/briefing.yaml:6:11: error: takeaways[1].text: must be at most 10,000 characters (a slide holds a few hundred) [schema]']);
    expect(at(9_900)).toEqual([]);
  });

  it('reports a missing required key and a bad date at their places', () => {
    expect(errors(valid.replace('title: T\n', '').replace('2025-11-01', '2025-13-45'))).toMatchInlineSnapshot(`
      [
        "ws/briefing.yaml:1:1: error: missing title (expected string) [schema]",
        "ws/briefing.yaml:1:7: error: asOf: must be a real calendar date [schema]",
      ]
    `);
  });

  it('rejects a day that does not exist, and a doc id that is not a string or a number', () => {
    expect(errors(valid.replace('2025-11-01', '2025-02-30'))).toEqual(['ws/briefing.yaml:2:7: error: asOf: must be a real calendar date [schema]']);
    expect(errors(valid.replace('doc: "002", quote: "a quote long enough" }]\n  - text: Two.', 'doc: ~, quote: "a quote long enough" }]\n  - text: Two.'))).toEqual([
      'ws/briefing.yaml:5:19: error: takeaways[0].cite[0].doc: must be a document id, e.g. "003" [schema]',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(errors('title: [unclosed\nasOf: 2025-11-01\n')).toHaveLength(1);
    expect(errors('title: [unclosed\nasOf: 2025-11-01\n')[0]).toMatch(/^ws\/briefing\.yaml:\d+:\d+: error: .* \[yaml-syntax\]$/);
  });

  it('rejects 2 or 6 takeaways', () => {
    const two = valid.split('  - text: Three.')[0] as string;
    expect(errors(two)[0]).toContain('give 3 to 5 takeaways');
  });
});
