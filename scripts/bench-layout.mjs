// node scripts/bench-layout.mjs [N ...]: times the deck's layout stage alone (layoutDeck), in
// process, on summaries of N statements (default 500 and 5000) generated deterministically from
// the seeds by scripts/gen-workspace.mjs, and prints milliseconds per statement, so that growth
// from size to size shows (linear layout: flat time per statement). Needs `npm run build` first.
// Not a test: timings depend on the machine and its load. The median of RUNS runs is printed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const RUNS = Number(process.env.BENCH_LAYOUT_RUNS ?? 5);
const { loadWorkspace } = await import(path.join(root, 'dist/inputs/workspace.js'));
const { workspaceToModels } = await import(path.join(root, 'dist/pipeline/pipeline.js'));
const { layoutDeck } = await import(path.join(root, 'dist/deck/layout.js'));
const { DEFAULT_THEME } = await import(path.join(root, 'dist/inputs/theme.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-layout-'));
try {
  const rows = [];
  for (const n of sizes.length > 0 ? sizes : [500, 5000]) {
    const ws = path.join(tmp, `s${n}`);
    execFileSync(process.execPath, [path.join(root, 'scripts/gen-workspace.mjs'), ws, '--statements', String(n)], { stdio: 'ignore' });
    const workspace = await loadWorkspace(ws);
    const models = await workspaceToModels(workspace);
    if (!models.deck) throw new Error(`no deck for ${n} statements: ${models.diagnostics.map((d) => d.message).join('; ')}`);
    const times = [];
    let slides = 0;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      slides = layoutDeck(models.deck, DEFAULT_THEME).placed.slides.length;
      times.push(performance.now() - t);
    }
    const ms = median(times);
    rows.push({ statements: n, slides, ms: Math.round(ms), msPerStatement: Number((ms / n).toFixed(3)), min: Math.round(Math.min(...times)), max: Math.round(Math.max(...times)) });
  }
  console.table(rows);
  if (rows.length > 1) {
    const first = rows[0];
    const last = rows[rows.length - 1];
    console.log(`time per statement, ${last.statements} against ${first.statements}: ${(last.msPerStatement / first.msPerStatement).toFixed(2)}×`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
