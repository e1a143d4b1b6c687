// npm run bench: build times for the seeds, as medians over several runs, and as ratios
// against a peer measured in the same run (a bare `node` start-up, the floor of any CLI run).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli/main.js');
const runs = Number(process.env.BENCH_RUNS ?? 9);
const out = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-'));

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function timeProcess(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  return median(times);
}

const rows = [];
// Interleave nothing fancy: each case runs `runs` times back to back; the peer runs first and last.
const peerBefore = timeProcess(['-e', '0']);
rows.push(['briefing check seeds (process)', timeProcess([cli, 'check', 'seeds'])]);
rows.push(['briefing build --force (process, cold)', timeProcess([cli, 'build', 'seeds', '--out', out, '--force'])]);
rows.push(['briefing build, up to date (process)', timeProcess([cli, 'build', 'seeds', '--out', out])]);

const { buildBriefing } = await import(path.join(root, 'dist/build/build-briefing.js'));
const { startMemoRenderer } = await import(path.join(root, 'dist/memo/worker-client.js'));
// As in watch mode: one memo renderer (a worker thread with pdfmake loaded) for the session.
const memoRenderer = startMemoRenderer();
const session = { workspace: path.join(root, 'seeds'), out, memoRenderer };
await buildBriefing({ ...session, force: true });
const warm = [];
const upToDate = [];
const phases = {};
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const r = await buildBriefing({ ...session, force: true });
  warm.push(performance.now() - t);
  for (const [k, v] of Object.entries(r.timings)) (phases[k] ??= []).push(v);
  const u = performance.now();
  await buildBriefing(session);
  upToDate.push(performance.now() - u);
}
await memoRenderer.close();
rows.push(['rebuild in process (watch mode)', median(warm)]);
rows.push(['up-to-date check in process (watch mode)', median(upToDate)]);
// Watch mode end to end: a real edit of a source, timed until the watcher reports the rebuild.
const { spawn } = await import('node:child_process');
const { cpSync, readFileSync, writeFileSync } = await import('node:fs');
const ws = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-ws-'));
cpSync(path.join(root, 'seeds'), ws, { recursive: true });
const watcher = spawn(process.execPath, [cli, 'watch', ws, '--out', path.join(ws, 'out')], { stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
const waitFor = (pattern, from) =>
  new Promise((resolve, reject) => {
    const deadline = Date.now() + 30_000;
    const check = () => {
      if (pattern.test(log.slice(from))) resolve();
      else if (Date.now() > deadline) reject(new Error(`watch did not print ${pattern}; it printed:\n${log.slice(from)}`));
      else setTimeout(check, 2);
    };
    check();
  });
watcher.stderr.setEncoding('utf8').on('data', (d) => (log += d));
await waitFor(/watching /, 0);
const docFile = path.join(ws, readdirSync(ws).find((n) => n.startsWith('002_')));
const original = readFileSync(docFile, 'utf8');
const yamlFile = path.join(ws, 'briefing.yaml');
const yaml = readFileSync(yamlFile, 'utf8');
const appended = [];
const retitled = [];
for (let i = 0; i < runs; i++) {
  // A paragraph appended to a source: every quote still holds, nothing rendered changes.
  let from = log.length;
  let t = performance.now();
  writeFileSync(docFile, `${original}\nEdit number ${i}.\n`);
  await waitFor(/: wrote /, from);
  appended.push(performance.now() - t);
  // A new title in the summary: both outputs are rendered again.
  from = log.length;
  t = performance.now();
  writeFileSync(yamlFile, yaml.replace(/^title: .*$/m, `title: 'Retitled ${'I'.repeat(i + 1)}'`));
  await waitFor(/: wrote briefing\.pptx/, from);
  retitled.push(performance.now() - t);
}
watcher.kill('SIGINT');
rmSync(ws, { recursive: true, force: true });
rows.push(['watch: paragraph appended to a source', median(appended)]);
rows.push(['watch: summary title edited → both re-rendered', median(retitled)]);
const peerAfter = timeProcess(['-e', '0']);
const peer = (peerBefore + peerAfter) / 2;

console.log(`briefing bench: ${runs} runs each, medians; peer = bare node start-up (${peer.toFixed(1)} ms)`);
console.log(`${'case'.padEnd(44)} ${'median ms'.padStart(10)} ${'× peer'.padStart(8)}`);
console.log(`${'node -e 0 (peer)'.padEnd(44)} ${peer.toFixed(1).padStart(10)} ${'1.00'.padStart(8)}`);
for (const [name, ms] of rows) console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(10)} ${(ms / peer).toFixed(2).padStart(8)}`);
console.log('phases of the in-process rebuild (median ms):', Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])));
rmSync(out, { recursive: true, force: true });
