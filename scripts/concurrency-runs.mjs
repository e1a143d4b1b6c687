#!/usr/bin/env node
// Two builds of different options into one output folder, the second started at an offset into
// the first, RUNS times (offsets 0, 50, …, 950 ms in turn): after each, the folder must hold one
// build's set (every output build.json lists has the sha256 it records; its checksum holds when
// it has one; nothing left over). Prints each run that fails and the count; exit 1 on any.
//   node scripts/concurrency-runs.mjs [RUNS] [--bin dist/briefing.cjs] [--workspace seeds]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const bin = path.resolve(option('--bin', 'dist/briefing.cjs'));
const workspace = path.resolve(option('--workspace', 'seeds'));
const runs = Number(args[0] ?? 100);

const run = (argv, cwd) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stderr }));
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Why the folder is not one build's set, or undefined. */
async function problem(out) {
  const text = await readFile(path.join(out, 'build.json'), 'utf8');
  const manifest = JSON.parse(text);
  if (manifest.checksum !== undefined) {
    const { checksum, ...content } = manifest;
    if (sha256(`briefing-manifest\n${JSON.stringify(content)}`) !== checksum) return 'build.json checksum';
  }
  for (const o of manifest.outputs) if (sha256(await readFile(path.join(out, o.file))) !== o.sha256) return `${o.file} is not the one build.json records`;
  const left = (await readdir(out)).filter((e) => e.startsWith('.') && e !== '.briefing-history');
  return left.length > 0 ? `left over: ${left.join(', ')}` : undefined;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'briefing-concurrency-'));
try {
  await cp(workspace, path.join(dir, 'ws'), { recursive: true });
  const base = await run(['build', 'ws', '--out', 'base'], dir);
  if (base.code !== 0) throw new Error(`base build failed: ${base.stderr}`);
  let failed = 0;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const offset = (i * 50) % 1000;
    const out = `run-${i}`;
    await cp(path.join(dir, 'base'), path.join(dir, out), { recursive: true });
    const a = run(['build', 'ws', '--out', out, '--pdfa'], dir);
    await sleep(offset);
    const b = run(['build', 'ws', '--out', out, '--changes'], dir);
    const [ra, rb] = await Promise.all([a, b]);
    const why = ra.code !== 0 || rb.code !== 0 ? `exit ${ra.code}/${rb.code}: ${ra.stderr}${rb.stderr}` : await problem(path.join(dir, out));
    if (why) {
      failed++;
      console.log(`run ${i + 1} (offset ${offset} ms): ${why}`);
    }
    await rm(path.join(dir, out), { recursive: true, force: true });
  }
  console.log(`${runs - failed} of ${runs} runs left one build's set (${((performance.now() - t0) / 1000).toFixed(0)} s, ${bin})`);
  process.exitCode = failed > 0 ? 1 : 0;
} finally {
  await rm(dir, { recursive: true, force: true });
}
