// draft --update's choice of documents and of proposals: every uncited document whatever builds
// recorded it, and never a proposal for a passage the summary already cites (the same, or one
// inside or around it).
import { describe, expect, it } from 'vitest';
import { documentsToPropose, proposalsIntoYaml } from '../src/draft/update.js';
import type { Entry } from '../src/draft/compose.js';
import type { Manifest } from '../src/pipeline/manifest.js';
import type { SourceDocument } from '../src/inputs/sources.js';

const doc = (id: string, sha256: string, text = 'Some text.'): SourceDocument => ({ id, name: `${id}_x.txt`, file: `ws/${id}_x.txt`, text, lead: text, sha256 });
const manifestOf = (docs: { id: string; sha256: string }[]) => ({ inputs: { documents: docs.map((d) => ({ ...d, file: `${d.id}_x.txt`, title: d.id })) } }) as unknown as Manifest;

describe('documentsToPropose', () => {
  it('takes the documents changed since the build, and every document no statement cites, whatever the build recorded', () => {
    const documents = [doc('001', 'a'), doc('002', 'b2'), doc('003', 'c'), doc('004', 'd')];
    const why = documentsToPropose(documents, manifestOf([{ id: '001', sha256: 'a' }, { id: '002', sha256: 'b' }, { id: '003', sha256: 'c' }]), new Set(['001', '002', '003']));
    expect([...why]).toEqual([
      ['002', 'changed'],
      ['004', 'changed'],
    ]);
    // 003 recorded by the build, but cited by no statement: proposed from all the same.
    const recorded = documentsToPropose(documents, manifestOf(documents), new Set(['001', '002']));
    expect([...recorded]).toEqual([
      ['003', 'uncited'],
      ['004', 'uncited'],
    ]);
    expect([...documentsToPropose(documents, undefined, new Set(['001', '002', '003']))]).toEqual([['004', 'uncited']]);
  });
});

describe('proposalsIntoYaml', () => {
  const yaml = ['title: Alpha', 'asOf: 2025-02-01', 'takeaways:', '  - text: The fleet will grow.', '    cite:', '      - { doc: "005", quote: "the fleet will grow to 40 aircraft" }', 'friction: []', ''].join('\n');
  const entry = (quote: string): Entry => ({ value: { title: 'Growth', text: quote, cite: [{ doc: '005', quote }] }, docs: ['005'] });

  it('never proposes a passage already cited, nor one inside or around it', async () => {
    const proposals = {
      investment: [],
      friction: [
        entry('By 2027 the fleet will grow to 40 aircraft'),
        entry('the fleet will grow'),
        entry('The union rejected the new rosters outright'),
      ],
      alternatives: [],
      outlook: [],
      conflicts: [],
    };
    const result = await proposalsIntoYaml(yaml, 'ws/briefing.yaml', [doc('005', 'new')], manifestOf([{ id: '005', sha256: 'old' }]), 'out/build.json', {}, async () => proposals);
    expect(result.messages).toEqual(['ws/briefing.yaml: proposed 1 friction from 005 (new or changed since the build recorded in out/build.json); each is marked "proposed from …: review"']);
    expect(result.text).toContain('The union rejected the new rosters outright');
    expect(result.text).not.toContain('By 2027');
    expect(result.text.match(/the fleet will grow/g)).toHaveLength(1);
  });
});
