// A process that writes deck after deck (a watch session) keeps the compressed parts it wrote:
// each deck it writes must be byte for byte the deck a fresh process writes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareOutputs } from '../src/build/pipeline.js';
import type { PlacedDeck } from '../src/deck/elements.js';
import { writeDeck } from '../src/deck/pptx-writer.js';
import { loadTheme } from '../src/inputs/theme.js';
import { loadWorkspace } from '../src/inputs/workspace.js';
import { copySeeds, removeDir, ROOT } from './helpers/workspace.js';

const DATE = new Date('2025-11-01T00:00:00Z');

async function deckOf(workspace: string): Promise<PlacedDeck> {
  const ws = await loadWorkspace(workspace);
  const { theme } = await loadTheme(ws.dir, ws.shownDir);
  const prepared = await prepareOutputs(ws, theme);
  if (!prepared.placedDeck) throw new Error(`no deck: ${JSON.stringify(prepared.diagnostics)}`);
  return prepared.placedDeck;
}

const COLD = `
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
const { writeDeck } = await import('./dist/deck/pptx-writer.js');
const [out, date] = process.argv.slice(1);
const r = await writeDeck(deserialize(readFileSync(0)), { date: new Date(date) });
if (r.diagnostics.length) throw new Error(JSON.stringify(r.diagnostics));
writeFileSync(out, r.bytes);
`;

/** The deck as a new process writes it (the compiled writer, nothing kept). */
function coldWrite(dir: string, name: string, deck: PlacedDeck): Buffer {
  const out = path.join(dir, `${name}.pptx`);
  execFileSync(process.execPath, ['--input-type=module', '-e', COLD, out, DATE.toISOString()], { cwd: ROOT, input: serialize(deck), stdio: ['pipe', 'inherit', 'inherit'] });
  return readFileSync(out);
}

describe('decks written one after another in one process', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it('are each the bytes a fresh process writes', { timeout: 120_000 }, async () => {
    const first = await deckOf(ws);
    const yaml = path.join(ws, 'briefing.yaml');
    const text = await readFile(yaml, 'utf8');
    // One statement longer: its slide and its notes change, the other parts do not.
    const edited = text.replace(/yet still depend on each other\./, 'yet still depend, for now, on each other.');
    expect(edited).not.toBe(text);
    await writeFile(yaml, edited);
    const second = await deckOf(ws);
    const cold = [coldWrite(dir, 'first', first), coldWrite(dir, 'second', second)];
    expect(cold[0]!.equals(cold[1]!)).toBe(false);
    for (const [i, which] of [0, 1, 0, 1, 1, 0].entries()) {
      const warm = await writeDeck(which === 0 ? first : second, { date: DATE });
      expect(Buffer.from(warm.bytes).equals(cold[which]!), `deck ${i + 1}`).toBe(true);
    }
  });
});
