// The gold sets and how to lay out each one's workspace (without its briefing.yaml) in a folder.
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { makeRailWorkspace } from '../helpers/rail.js';
import { makeSteelWorkspace } from '../helpers/steel.js';
import { makeVentureWorkspace } from '../helpers/venture.js';
import { ROOT, SEEDS } from '../helpers/workspace.js';
import { parseGold, type Gold } from './score.js';

export const GOLD_DIR = path.join(ROOT, 'test/draft-gold');

export interface GoldSet {
  name: string;
  /** Lays the set's documents out in `<dir>/<name>` and returns that folder. */
  make(dir: string): Promise<string>;
}

async function copied(from: string, dir: string, name: string): Promise<string> {
  const ws = path.join(dir, name);
  await cp(from, ws, { recursive: true });
  await rm(path.join(ws, 'briefing.yaml'), { force: true });
  return ws;
}

export const GOLD_SETS: GoldSet[] = [
  { name: 'seeds', make: (dir) => copied(SEEDS, dir, 'seeds') },
  { name: 'airline', make: (dir) => copied(path.join(ROOT, 'test/fixtures/airline'), dir, 'airline') },
  {
    name: 'rail',
    make: async (dir) => {
      const made = await makeRailWorkspace(dir);
      const ws = path.join(dir, 'rail');
      await cp(made, ws, { recursive: true });
      await rm(made, { recursive: true, force: true });
      await rm(path.join(ws, 'briefing.yaml'), { force: true });
      return ws;
    },
  },
  { name: 'venture', make: (dir) => makeVentureWorkspace(dir, 'venture') },
  // Held out: written after issue 22 by another engineer, before reading src/draft/.
  { name: 'steel', make: (dir) => makeSteelWorkspace(dir, 'steel') },
];

export async function readGold(name: string): Promise<Gold> {
  return parseGold(await readFile(path.join(GOLD_DIR, `${name}.yaml`), 'utf8'));
}
