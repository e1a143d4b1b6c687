// npm run bench [-- --quick] [-- --runs N]: times the tool against a peer timed in the same run,
// prints a table and writes bench/results.json. Each case runs several times; a case gives the
// median wall time with min and max, the median CPU time (user + system) and the peak resident
// memory. The machine may be shared and busy: compare ratios to the same-run peer, not absolute
// numbers across runs.
//   seeds    cold `build --force` (a new process; caches warm, and with no cache at all)
//            against pandoc writing a PPTX and a PDF (wkhtmltopdf) of bench/peer/*.md;
//            an up-to-date `build`, a `check` of unchanged inputs (replayed from its record),
//            a first `check` (no record: the full check; the summary's parse cached) and a `check`
//            after an edit of briefing.yaml (the full check, the summary parsed) against `node -e 0`
//   watch    one statement edited in briefing.yaml → both outputs rewritten (20 edits)
//   scale    summaries of 100, 1,000, 10,000 statements and workspaces of 100, 1,000, 10,000
//            documents (scripts/gen-workspace.mjs): check and build --force, peak memory, and
//            growth from size to size (time per item)
//            and CPU time per item, against issue 12's targets (1,000 statements within 5 s;
//            10,000 within 60 s and 2 GB; time per statement within 1.3× from 1,000 to 10,000)
// Scale sizes run 3 times (10,000: once). --quick: 3 runs, 10 watch edits, one run a scale size,
// no 10,000 sizes. --only scale [--sizes 1000,10000]: the scale section alone, at those sizes,
// printed and not written to bench/results.json. Each run is stopped after 10 minutes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/briefing.cjs');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const optionValue = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const scaleOnly = optionValue('--only') === 'scale';
const sizesArg = optionValue('--sizes')?.split(',').map(Number);
if (optionValue('--only') !== undefined && !scaleOnly) throw new Error('bench: --only takes "scale"');
if (sizesArg && !sizesArg.every((n) => Number.isInteger(n) && n > 0)) throw new Error('bench: --sizes takes whole numbers, such as 1000,10000');
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(argv[runsArg + 1]) : quick ? 3 : 7;
const SCALE_RUNS = quick ? 1 : 3;
const EDITS = quick ? 10 : 20;
const TIMEOUT_MS = 10 * 60 * 1000;
const work = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-'));
// The tool's caches live in a folder of the bench's own: warmed by the first run of each case.
const cacheHome = path.join(work, 'cache');
const env = { ...process.env, XDG_CACHE_HOME: cacheHome, BRIEFING_DEBUG: '' };
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => (x === undefined || Number.isNaN(x) ? undefined : Math.round(x * 10 ** d) / 10 ** d);

/** One run of a command: wall ms, CPU ms (user + system, children included) and peak RSS in MB. */
function runOnce(cmd, args, options = {}) {
  const timeFile = path.join(work, 'time.txt');
  const full = gnuTime ? [gnuTime, ['-q', '-f', '%U %S %M', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const t = performance.now();
  const r = spawnSync(full[0], full[1], { cwd: options.cwd ?? root, env: options.env ?? env, stdio: ['ignore', 'ignore', 'pipe'], timeout: TIMEOUT_MS, maxBuffer: 1 << 28 });
  const wall = performance.now() - t;
  if (r.error || r.status !== (options.expect ?? 0)) {
    return { failed: r.error ? String(r.error.message) : `exit ${r.status}: ${String(r.stderr).trim().split('\n').slice(-2).join(' | ')}` };
  }
  if (!gnuTime) return { wall };
  const [user, sys, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: (user + sys) * 1000, rssMb: rssKb / 1024 };
}

/** `runs` runs of a command (after `warmup` untimed ones): median, min and max wall; median CPU; peak RSS. */
function measure(name, cmd, args, { runs = RUNS, warmup = 1, before, ...options } = {}) {
  for (let i = 0; i < warmup; i++) {
    before?.();
    runOnce(cmd, args, options);
  }
  const walls = [];
  const cpus = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    before?.();
    const r = runOnce(cmd, args, options);
    if (r.failed) {
      console.error(`  ${name}: ${r.failed}`);
      return { name, runs: walls.length, failed: r.failed };
    }
    walls.push(r.wall);
    if (r.cpu !== undefined) cpus.push(r.cpu);
    if (r.rssMb !== undefined) rss = Math.max(rss, r.rssMb);
  }
  const result = { name, runs, medianMs: round(median(walls)), minMs: round(Math.min(...walls)), maxMs: round(Math.max(...walls)) };
  if (cpus.length) Object.assign(result, { cpuMedianMs: round(median(cpus)), peakRssMb: round(rss) });
  console.error(`  ${name}: ${result.medianMs} ms (${result.minMs}–${result.maxMs})${result.peakRssMb ? `, ${result.peakRssMb} MB` : ''}`);
  return result;
}

const ratio = (a, b) => (a?.medianMs && b?.medianMs ? round(a.medianMs / b.medianMs, 2) : undefined);
const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadBefore: os.loadavg().map((l) => round(l, 2)) },
  options: { runs: RUNS, scaleRuns: SCALE_RUNS, edits: EDITS, quick },
  note: 'Medians of wall time with min and max; the machine may be shared and busy, so compare each case with its peer from the same run.',
  seeds: {},
  watch: {},
  scale: {},
};

const forgetCheckRecords = () => rmSync(path.join(cacheHome, 'briefing/check-records'), { recursive: true, force: true });
const forgetParsedSummaries = () => rmSync(path.join(cacheHome, 'briefing/summaries'), { recursive: true, force: true });
let nodePeer, pandocPeer, coldWarmCaches, coldNoCache, upToDate, check, checkFirstRun, checkAfterEdit, peer;
if (!scaleOnly) await benchSeedsAndWatch();

async function benchSeedsAndWatch() {
  // ---- seeds against the peers
  console.error(`briefing bench (${RUNS} runs a case; work folder ${work})`);
  const out = path.join(work, 'out');
  nodePeer = measure('node -e 0', process.execPath, ['-e', '0']);
  const pandoc = spawnSync('pandoc', ['--version']).status === 0;
  const wkhtml = spawnSync('wkhtmltopdf', ['--version']).status === 0;
  if (pandoc && wkhtml) {
    const peerOut = path.join(work, 'peer');
    mkdirSync(peerOut, { recursive: true });
    const script = `pandoc bench/peer/deck.md -o ${peerOut}/brief.pptx && pandoc bench/peer/memo.md -o ${peerOut}/brief.pdf --pdf-engine=wkhtmltopdf --quiet`;
    pandocPeer = measure('pandoc PPTX + PDF (wkhtmltopdf)', 'sh', ['-c', script], { env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
  } else {
    const missing = [pandoc ? '' : 'pandoc', wkhtml ? '' : 'wkhtmltopdf'].filter(Boolean).join(' and ');
    console.error(`  pandoc peer skipped: ${missing} not installed (Debian: apt-get install -y pandoc wkhtmltopdf)`);
    results.seeds.pandocSkipped = `${missing} not installed; install with: apt-get install -y pandoc wkhtmltopdf`;
  }
  coldWarmCaches = measure('build --force (new process, caches warm)', process.execPath, [bin, 'build', 'seeds', '--out', out, '--force']);
  coldNoCache = measure('build --force (new process, no cache)', process.execPath, [bin, 'build', 'seeds', '--out', out, '--force'], { env: { ...env, BRIEFING_NO_CACHE: '1' } });
  upToDate = measure('build, up to date', process.execPath, [bin, 'build', 'seeds', '--out', out]);
  // After its warm-up run, a check of unchanged seeds prints its record again (see
  // src/cli/check-record.ts); with the records removed before each run it is the full check, the
  // first check of a workspace (or the first after an edit), the code cache still warm.
  check = measure('check, inputs unchanged', process.execPath, [bin, 'check', 'seeds']);
  checkFirstRun = measure('check, first run (no check record)', process.execPath, [bin, 'check', 'seeds'], { before: forgetCheckRecords });
  // The check a curator runs after editing the summary: no record, and a text never parsed before
  // (a comment line of its own each run), so briefing.yaml is parsed (src/inputs/summary-cache.ts).
  const edited = path.join(work, 'edited-ws');
  cpSync(path.join(root, 'seeds'), edited, { recursive: true });
  const summaryFile = path.join(edited, 'briefing.yaml');
  const summaryText = readFileSync(summaryFile, 'utf8');
  let edits = 0;
  const editSummary = () => {
    forgetCheckRecords();
    writeFileSync(summaryFile, `${summaryText}# bench edit ${++edits}\n`);
  };
  checkAfterEdit = measure('check, after an edit of briefing.yaml', process.execPath, [bin, 'check', edited], { before: editSummary });
  const nodePeerAfter = measure('node -e 0 (again, after)', process.execPath, ['-e', '0']);
  peer = { medianMs: (nodePeer.medianMs + nodePeerAfter.medianMs) / 2 };
  results.seeds = {
    ...results.seeds,
    peers: { node: nodePeer, nodeAfter: nodePeerAfter, pandoc: pandocPeer },
    buildForceCachesWarm: { ...coldWarmCaches, xPandoc: ratio(coldWarmCaches, pandocPeer) },
    buildForceNoCache: { ...coldNoCache, xPandoc: ratio(coldNoCache, pandocPeer) },
    upToDate: { ...upToDate, xNode: ratio(upToDate, peer) },
    check: { ...check, xNode: ratio(check, peer) },
    checkFirstRun: { ...checkFirstRun, xNode: ratio(checkFirstRun, peer) },
    checkAfterSummaryEdit: { ...checkAfterEdit, xNode: ratio(checkAfterEdit, peer) },
  };
  results.watch.oneStatementEdit = await benchWatch();
}

// ---- watch: one statement edited, until both outputs are rewritten
async function benchWatch() {
  const ws = path.join(work, 'watch-ws');
  cpSync(path.join(root, 'seeds'), ws, { recursive: true });
  const yamlFile = path.join(ws, 'briefing.yaml');
  const yaml = readFileSync(yamlFile, 'utf8');
  // The first takeaway: on a slide and in the memo's bottom line.
  const statement = /^(takeaways:\n  - text: '[^'\n]*?)(')/m;
  if (!statement.test(yaml)) throw new Error('bench: the seeds no longer have the statement the watch case edits');
  const child = spawn(process.execPath, [bin, 'watch', ws, '--out', path.join(ws, 'out')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (log += d));
  const waitFor = (pattern, from) =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + 60_000;
      const poll = () => {
        if (pattern.test(log.slice(from))) resolve(performance.now());
        else if (Date.now() > deadline) reject(new Error(`watch did not print ${pattern}:\n${log.slice(from)}`));
        else setTimeout(poll, 1);
      };
      poll();
    });
  try {
    await waitFor(/watching /, 0);
    const times = [];
    for (let i = 0; i < EDITS + 2; i++) {
      const from = log.length;
      const t = performance.now();
      // One statement (a takeaway: on a slide and in the memo) gets a new word each time.
      writeFileSync(yamlFile, yaml.replace(statement, `$1 (edit ${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))})$2`));
      const done = await waitFor(/: wrote briefing\.pptx \(\d+ KB\), memo\.pdf/, from);
      if (i >= 2) times.push(done - t); // the first two edits warm the session up
    }
    const r = { name: `one statement edited → both outputs rewritten (${EDITS} edits)`, runs: times.length, medianMs: round(median(times)), minMs: round(Math.min(...times)), maxMs: round(Math.max(...times)) };
    console.error(`  ${r.name}: ${r.medianMs} ms (${r.minMs}–${r.maxMs})`);
    return r;
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

// ---- scale
const sizes = sizesArg ?? (quick ? [100, 1000] : [100, 1000, 10000]);
for (const kind of ['statements', 'documents']) {
  const rows = [];
  for (const n of sizes) {
    const ws = path.join(work, `${kind}-${n}`);
    execFileSync(process.execPath, [path.join(root, 'scripts/gen-workspace.mjs'), ws, `--${kind}`, String(n)], { stdio: 'ignore' });
    const scaleOut = path.join(work, `${kind}-${n}-out`);
    // The largest size runs once: a run can take minutes.
    const opts = { runs: n >= 10000 ? 1 : SCALE_RUNS, warmup: 0 };
    // The full check each time, and a first build: no record of an earlier run replayed, and the
    // summary parsed each time (not taken from the cache of parsed summaries).
    const forget = () => {
      forgetCheckRecords();
      forgetParsedSummaries();
    };
    const c = measure(`check, ${n} ${kind}`, process.execPath, [bin, 'check', ws], { ...opts, before: forget });
    const b = measure(`build --force, ${n} ${kind}`, process.execPath, [bin, 'build', ws, '--out', scaleOut, '--force'], { ...opts, before: forgetParsedSummaries });
    rows.push({
      size: n,
      check: c,
      build: b,
      checkMsPerItem: round(c.medianMs / n, 3),
      buildMsPerItem: round(b.medianMs / n, 3),
      checkCpuMsPerItem: round(c.cpuMedianMs / n, 3),
      buildCpuMsPerItem: round(b.cpuMedianMs / n, 3),
    });
    rmSync(ws, { recursive: true, force: true });
    rmSync(scaleOut, { recursive: true, force: true });
  }
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    b.growth = {
      size: round(b.size / a.size, 1),
      check: ratio(b.check, a.check),
      build: ratio(b.build, a.build),
      buildPerItem: round(b.buildMsPerItem / a.buildMsPerItem, 2),
      checkPerItem: round(b.checkMsPerItem / a.checkMsPerItem, 2),
      buildCpuPerItem: round(b.buildCpuMsPerItem / a.buildCpuMsPerItem, 2),
      checkCpuPerItem: round(b.checkCpuMsPerItem / a.checkCpuMsPerItem, 2),
    };
  }
  results.scale[kind] = rows;
}
results.scale.targets = scaleTargets(results.scale.statements ?? []);

/**
 * Issue 12's targets for statements, met or not, from this run's rows: a target whose sizes were
 * not run, or whose build failed, is not met (null: not measured). Time per statement is compared
 * from 1,000 to 10,000 directly, by wall time and by CPU time (the steadier on a busy machine).
 */
function scaleTargets(rows) {
  const at = (n) => rows.find((r) => r.size === n);
  const [k1, k10] = [at(1000), at(10000)];
  const ok = (r) => r && r.build.medianMs !== undefined;
  const perItem = (field) => (ok(k1) && ok(k10) ? round(k10[field] / k1[field], 2) : null);
  const targets = {
    build1kWithin5s: ok(k1) ? k1.build.medianMs <= 5000 : null,
    build10kWithin60s: ok(k10) ? k10.build.medianMs <= 60000 : null,
    build10kWithin2GB: ok(k10) && k10.build.peakRssMb !== undefined ? k10.build.peakRssMb <= 2048 : null,
    perStatementGrowth1kTo10k: { wall: perItem('buildMsPerItem'), cpu: perItem('buildCpuMsPerItem'), limit: 1.3 },
  };
  const growth = targets.perStatementGrowth1kTo10k;
  growth.met = growth.wall === null ? null : growth.wall <= growth.limit;
  return targets;
}

results.machine.loadAfter = os.loadavg().map((l) => round(l, 2));
if (!scaleOnly) {
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
}
rmSync(work, { recursive: true, force: true });

// ---- the table
const line = (name, r, peerName, x) =>
  console.log(`${name.padEnd(48)} ${String(r?.medianMs ?? r?.failed ?? '–').padStart(9)} ${`${r?.minMs ?? ''}–${r?.maxMs ?? ''}`.padStart(15)} ${String(r?.peakRssMb ?? '').padStart(7)}  ${x !== undefined ? `${x}× ${peerName}` : ''}`);
console.log(`\nbriefing bench, ${results.date}: ${RUNS} runs a case (scale ${SCALE_RUNS}); load average ${results.machine.loadBefore.join(' ')} → ${results.machine.loadAfter.join(' ')}`);
console.log(`${'case'.padEnd(48)} ${'median ms'.padStart(9)} ${'min–max'.padStart(15)} ${'RSS MB'.padStart(7)}  vs peer`);
if (!scaleOnly) {
  line('node -e 0 (peer)', nodePeer);
  if (pandocPeer) line('pandoc PPTX + PDF via wkhtmltopdf (peer)', pandocPeer);
  else console.log(`pandoc peer skipped: ${results.seeds.pandocSkipped}`);
  line('seeds: build --force, new process, caches warm', coldWarmCaches, 'pandoc', ratio(coldWarmCaches, pandocPeer));
  line('seeds: build --force, new process, no cache', coldNoCache, 'pandoc', ratio(coldNoCache, pandocPeer));
  line('seeds: build, up to date', upToDate, 'node -e 0', ratio(upToDate, peer));
  line('seeds: check, inputs unchanged', check, 'node -e 0', ratio(check, peer));
  line('seeds: check, first run (no check record)', checkFirstRun, 'node -e 0', ratio(checkFirstRun, peer));
  line('seeds: check, after an edit of briefing.yaml', checkAfterEdit, 'node -e 0', ratio(checkAfterEdit, peer));
  line('watch: one statement → both outputs', results.watch.oneStatementEdit);
}
for (const [kind, rows] of Object.entries(results.scale)) {
  if (kind === 'targets') continue;
  for (const r of rows) {
    const g = r.growth
      ? ` (×${r.growth.size} size: check ×${r.growth.check}, build ×${r.growth.build}; build per item ×${r.growth.buildPerItem} wall, ×${r.growth.buildCpuPerItem} CPU)`
      : '';
    line(`scale: check, ${r.size} ${kind}`, r.check);
    line(`scale: build --force, ${r.size} ${kind}`, r.build, '', undefined);
    console.log(`  per item: build ${r.buildMsPerItem} ms wall, ${r.buildCpuMsPerItem} ms CPU; check ${r.checkMsPerItem} ms wall, ${r.checkCpuMsPerItem} ms CPU`);
    if (g) console.log(`  growth${g}`);
  }
}
const t = results.scale.targets;
const verdict = (v) => (v === null ? 'not measured' : v ? 'met' : 'NOT met');
console.log(
  `targets (issue 12): 1,000 statements within 5 s: ${verdict(t.build1kWithin5s)}; 10,000 within 60 s: ${verdict(t.build10kWithin60s)}, within 2 GB: ${verdict(t.build10kWithin2GB)}; ` +
    `time per statement 1,000 → 10,000 ×${t.perStatementGrowth1kTo10k.wall ?? '–'} wall, ×${t.perStatementGrowth1kTo10k.cpu ?? '–'} CPU (limit ×1.3): ${verdict(t.perStatementGrowth1kTo10k.met)}`,
);
console.log(scaleOnly ? '\n(--only scale: not written to bench/results.json)' : '\nwritten to bench/results.json');
