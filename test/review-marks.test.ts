// Items still marked for review: the comments `draft` writes above them, read from the YAML itself.
import { describe, expect, it } from 'vitest';
import { unreviewedItems } from '../src/inputs/review-marks.js';

const SUMMARY = `# Drafted by \`briefing draft\`: review each item marked "review".
title: Alpha
takeaways:
  # drafted from 001, 002: review
  - text: One.
    cite: [{ doc: "001", quote: "one passage here" }]
  - text: Two, reviewed: its comment is gone.
    cite: [{ doc: "001", quote: "two passage here" }]
friction:
  # Curator: keep this one.
  #   proposed from 005: review
  - title: Three
    text: |
      A block of text whose line looks like a mark:
      # drafted from 003: review
    cite: [{ doc: "003", quote: "three passage here" }]
  # proposed from 005: review
  # amount kind: investment (new money)
  - title: Four
    text: Four.
    cite: [{ doc: "005", quote: "four passage here" }]
`;

describe('unreviewedItems', () => {
  it('counts the items draft marked for review, at their lines, and nothing inside a block of text', () => {
    const [d, ...more] = unreviewedItems(SUMMARY, 'ws/briefing.yaml');
    expect(more).toEqual([]);
    expect(d).toEqual({
      rule: 'unreviewed-item',
      severity: 'warning',
      message:
        '3 items are still marked for review as draft wrote them ("# drafted from …: review" or "# proposed from …: review"), at lines 4, 11 and 17: review each, then delete its comment',
      file: 'ws/briefing.yaml',
      line: 4,
      column: 3,
    });
  });

  it('names the first three lines and counts the rest; one item in the singular', () => {
    const many = Array.from({ length: 7 }, (_, i) => `  # drafted from 00${i}: review\n  - text: Item ${i}.`).join('\n');
    expect(unreviewedItems(`takeaways:\n${many}\n`, 'f.yaml')[0]?.message).toContain('7 items are still marked for review as draft wrote them (');
    expect(unreviewedItems(`takeaways:\n${many}\n`, 'f.yaml')[0]?.message).toContain('at lines 2, 4, 6 and 4 more:');
    expect(unreviewedItems('takeaways:\n  # proposed from 009: review\n  - text: One.\n', 'f.yaml')[0]?.message).toMatch(/^1 item is still marked for review as draft wrote it \(.*\), at line 2: review each/);
  });

  it('says nothing once the marks are deleted or reworded', () => {
    expect(unreviewedItems(SUMMARY.replace(/^ *# *(drafted|proposed) from [^\n]*: review\n/gm, ''), 'f.yaml')).toEqual([]);
    expect(unreviewedItems('takeaways:\n  # drafted from 001: reviewed by J.\n  - text: One.\n', 'f.yaml')).toEqual([]);
    expect(unreviewedItems('title: "# drafted from 001: review"\n', 'f.yaml')).toEqual([]);
  });
});
