// Pairing statements across builds by identity (id, then wording and citations, then likeness).
import { describe, expect, it } from 'vitest';
import { figureChanges, matchStatements, previousWording, sectionOf } from '../src/pipeline/statement-match.js';
import { itemIdentity, type StatementRecord } from '../src/pipeline/manifest.js';

function record(path: string, fields: Record<string, string>, citations: string[], extra: Partial<StatementRecord> = {}): StatementRecord {
  return { path, text: Object.values(fields).join(' · '), citations, docs: [...new Set(citations.map((c) => c.split(':')[0] as string))], fields, ...extra };
}

const A = record('takeaways[0]', { text: 'The partners now compete in consumer assistants.' }, ['001: the two now compete']);
const B = record('takeaways[1]', { text: 'The total investment reached $13.75 billion.' }, ['004: reached a reported $13.75 billion']);
const C = record('takeaways[2]', { text: 'Regulators are looking at the deal.' }, ['002: regulators are examining the deal']);

const at = (s: StatementRecord, path: string): StatementRecord => ({ ...s, path });

describe('matchStatements', () => {
  it('reports nothing but moves when a section is reordered', () => {
    const m = matchStatements([A, B, C], [at(C, 'takeaways[0]'), at(A, 'takeaways[1]'), at(B, 'takeaways[2]')]);
    expect(m.changed).toEqual([]);
    expect(m.added).toEqual([]);
    expect(m.withdrawn).toEqual([]);
    expect(m.matched).toBe(3);
    expect(m.moved).toEqual([
      { path: 'takeaways[0]', previousPath: 'takeaways[2]' },
      { path: 'takeaways[1]', previousPath: 'takeaways[0]' },
      { path: 'takeaways[2]', previousPath: 'takeaways[1]' },
    ]);
  });

  it('reports an edited figure old → new, moved or not', () => {
    const edited = record('takeaways[0]', { text: 'The total investment reached $13 billion.' }, ['005: a total of $13 billion']);
    const m = matchStatements([A, B, C], [edited, at(A, 'takeaways[1]'), at(C, 'takeaways[2]')]);
    expect(m.added).toEqual([]);
    expect(m.withdrawn).toEqual([]);
    expect(m.changed).toHaveLength(1);
    expect(m.changed[0]).toMatchObject({
      path: 'takeaways[0]',
      previousPath: 'takeaways[1]',
      figures: [{ old: '$13.75 billion', new: '$13 billion' }],
      fields: [{ field: 'text', old: 'The total investment reached $13.75 billion.', new: 'The total investment reached $13 billion.' }],
      citations: { added: ['005: a total of $13 billion'], removed: ['004: reached a reported $13.75 billion'] },
    });
  });

  it('reports a deleted item withdrawn once, and only it', () => {
    const m = matchStatements([A, B, C], [at(A, 'takeaways[0]'), at(C, 'takeaways[1]')]);
    expect(m.withdrawn).toEqual([B]);
    expect(m.changed).toEqual([]);
    expect(m.added).toEqual([]);
  });

  it('reports an item with new wording and new citations as added, and the one it replaced as withdrawn', () => {
    const other = record('takeaways[1]', { text: 'A chip supplier joined the consortium.' }, ['003: the chipmaker joined']);
    const m = matchStatements([A, B], [A, other]);
    expect(m.added).toEqual([other]);
    expect(m.withdrawn).toEqual([B]);
  });

  it('pairs items with the same id whatever their wording, and never items with different ids', () => {
    const renamed = record('takeaways[2]', { text: 'Something else entirely is said here.' }, ['009: something else'], { id: 'stake' });
    const m = matchStatements([{ ...B, id: 'stake' }, A], [A, renamed]);
    expect(m.changed.map((c) => [c.path, c.id])).toEqual([['takeaways[2]', 'stake']]);
    expect(m.added).toEqual([]);
    const clash = matchStatements([{ ...B, id: 'stake' }], [{ ...B, id: 'total' }]);
    expect(clash.matched).toBe(0);
    expect(clash.added).toHaveLength(1);
    expect(clash.withdrawn).toHaveLength(1);
  });

  it('pairs an item that gained an id with the same item without one', () => {
    const m = matchStatements([B], [{ ...B, id: 'total' }]);
    expect(m.matched).toBe(1);
    expect(m.changed).toEqual([]);
  });

  it('matches within a section only, whatever the section is called (one added later too)', () => {
    const rec = record('recommendations[0]', { text: 'Renegotiate the exclusivity clause by June.', owner: 'Legal' }, ['002: the exclusivity clause']);
    const moved = record('recommendations[1]', { ...rec.fields, owner: 'General counsel' }, rec.citations);
    const m = matchStatements([rec, A], [A, record('recommendations[0]', { text: 'Hire more engineers.' }, ['003: hiring']), moved]);
    expect(m.changed).toHaveLength(1);
    expect(m.changed[0]).toMatchObject({ path: 'recommendations[1]', previousPath: 'recommendations[0]', fields: [{ field: 'owner', old: 'Legal', new: 'General counsel' }] });
    expect(m.added.map((s) => s.path)).toEqual(['recommendations[0]']);
    expect(sectionOf('conflicts[2].sides[1]')).toBe('conflicts');
    // The same item moved to another section is another statement.
    expect(matchStatements([A], [at(A, 'outlook[0]')]).matched).toBe(0);
  });

  it('keeps the sides of different conflicts apart when the conflicts have ids', () => {
    const side = record('conflicts[0].sides[0]', { topic: 'Stake', text: 'One says 49%.' }, ['001: a 49% stake'], { within: 'stake' });
    const m = matchStatements([side], [{ ...side, within: 'total' }]);
    expect(m.matched).toBe(0);
  });

  it('compares a manifest written before fields by its joined text', () => {
    const old = { path: B.path, text: B.text, citations: B.citations, docs: B.docs };
    expect(matchStatements([old], [B]).changed).toEqual([]);
    const edited = record('takeaways[1]', { text: 'The total investment reached $13 billion.' }, B.citations);
    const m = matchStatements([old], [edited]);
    expect(m.changed[0]?.figures).toEqual([{ old: '$13.75 billion', new: '$13 billion' }]);
  });

  it('pairs two identical items one to one: one deleted is one withdrawn', () => {
    const twin = at(A, 'takeaways[1]');
    const m = matchStatements([A, twin, B], [A, B]);
    expect(m.withdrawn).toHaveLength(1);
    expect(m.changed).toEqual([]);
  });

  it('pairs 10,000 statements, all edited and moved, in a few seconds of CPU at most', () => {
    const before: StatementRecord[] = [];
    const after: StatementRecord[] = [];
    for (let i = 0; i < 10_000; i++) {
      const section = ['takeaways', 'friction', 'outlook', 'investment'][i % 4] as string;
      before.push(record(`${section}[${i}]`, { text: `Item ${i} says the company spent $${i + 1} million on project ${i} in its plant.` }, [`d${i % 97}: passage ${i}`]));
      after.push(record(`${section}[${9_999 - i}]`, { text: `Item ${i} says the company spent $${i + 2} million on project ${i} in its plant.` }, [`d${i % 97}: passage ${i}`]));
    }
    // CPU time: on a shared machine the wall clock measures the other processes.
    const started = process.cpuUsage();
    const m = matchStatements(before, after.reverse());
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    expect(m.changed).toHaveLength(10_000);
    expect(m.added).toEqual([]);
    expect(m.changed.every((c) => c.figures.length === 1)).toBe(true);
    expect(ms).toBeLessThan(3000);
  });
});

describe('figureChanges', () => {
  it('pairs figures of one kind old → new, and names the ones without a counterpart', () => {
    expect(figureChanges('$13.75 billion, up 20%', '$13 billion, up 20%')).toEqual([{ old: '$13.75 billion', new: '$13 billion' }]);
    expect(figureChanges('$5bn in 2024', '$5 billion in 2024')).toEqual([]);
    expect(figureChanges('a 49% stake', 'a 49% stake worth $2 billion')).toEqual([{ new: '$2 billion' }]);
    expect(figureChanges('March 2024 and $1 billion', 'April 2024 and $1 billion')).toEqual([{ old: 'March 2024', new: 'April 2024' }]);
    // A year that only appears is the new wording's, not a changed figure; an amount that only disappears is one.
    expect(figureChanges('$13.75 billion in total', '$13 billion in total since 2019')).toEqual([{ old: '$13.75 billion', new: '$13 billion' }]);
    expect(figureChanges('$2 billion and 20%', 'a stake')).toEqual([{ old: '$2 billion' }, { old: '20%' }]);
  });
});

describe('previousWording', () => {
  it('gives the stretch of the old wording that changed, in context; the whole when most changed; nothing for an insertion', () => {
    expect(previousWording('Microsoft’s total investment in OpenAI has since grown to a reported $13.75 billion.', 'Microsoft’s total investment in OpenAI has since grown to $13 billion, according to a filing.')).toBe(
      '…since grown to a reported $13.75 billion.',
    );
    expect(previousWording('One two three four five six seven eight nine ten.', 'One two three four FIVE six seven eight nine ten.')).toBe('…two three four five six seven eight…');
    expect(previousWording('Alpha grew.', 'Beta shrank.')).toBe('Alpha grew.');
    expect(previousWording('Alpha grew fast.', 'Alpha grew very fast.')).toBe('');
    expect(previousWording('Same.', 'Same.')).toBe('');
  });
});

describe('itemIdentity', () => {
  it("records an item's wording field by field, composed and with single spaces, with its id and the id of the item around it", () => {
    const summary = {
      conflicts: [{ id: 'stake', topic: 'Stake:  20%  or 25%?', sides: [{ text: 'Cafe\u0301 owners say  20%.\n', cite: [{ doc: '001', quote: 'x' }] }] }],
      investment: [{ id: 'total', when: '2024', amount: { value: '$2 billion', kind: 'total', party: 'Acme' }, label: 'Total', text: 'Acme put in $2 billion.', cite: [] }],
    };
    expect(itemIdentity(summary, ['conflicts', 0, 'sides', 0])).toEqual({ within: 'stake', fields: { topic: 'Stake: 20% or 25%?', text: 'Café owners say 20%.' } });
    expect(itemIdentity(summary, ['investment', 0])).toEqual({
      id: 'total',
      fields: { when: '2024', 'amount.value': '$2 billion', 'amount.kind': 'total', 'amount.party': 'Acme', label: 'Total', text: 'Acme put in $2 billion.' },
    });
  });
});
