// The bundled entry (`bin`: dist/briefing.cjs) is the same tool as the development layout: same
// bytes, same fingerprint, a V8 code cache in the user's cache folder that is written once and
// then accepted, stack traces that point at src/ under BRIEFING_DEBUG, and bundles loaded only
// for the outputs a command renders.
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySeeds, removeDir, ROOT, runCli, tempDir } from './helpers/workspace.js';

const BIN = path.join(ROOT, 'dist/briefing.cjs');

function run(args: string[], env: NodeJS.ProcessEnv, node: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...node, BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 1 << 26 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function cacheFiles(cache: string): Promise<Map<string, number>> {
  const dir = path.join(cache, 'briefing/code-cache');
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = new Map<string, number>();
  for (const name of names) files.set(name, (await stat(path.join(dir, name))).mtimeMs);
  return files;
}

describe('the bundled entry', () => {
  let dir: string;
  let ws: string;
  let cache: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    cache = await tempDir('briefing-code-cache-');
  });
  afterAll(async () => {
    await removeDir(dir);
    await removeDir(cache);
  });

  it('is the package bin and writes what the development layout writes, with a code cache written once, then used', { timeout: 300_000 }, async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin.briefing).toBe('dist/briefing.cjs');
    const env = { XDG_CACHE_HOME: cache };
    const dev = await runCli(['build', ws, '--out', path.join(dir, 'dev')], { env: { BRIEFING_NO_CACHE: '1' } });
    expect(dev.code).toBe(0);

    const cold = await run(['build', ws, '--out', path.join(dir, 'bin')], env);
    expect(cold.stderr).toMatch(/: wrote briefing\.pptx/);
    const written = await cacheFiles(cache);
    expect([...written.keys()].map((n) => n.replace(/-[0-9a-f]{24}\.bin$/, '')).sort()).toEqual(['cli-build', 'deck', 'memo', 'memo-worker']);

    const warm = await run(['build', ws, '--out', path.join(dir, 'bin'), '--force'], env);
    expect(warm.code).toBe(0);
    expect(warm.stderr).not.toMatch(/warning|error/i);
    // Accepted by V8: no entry was written again.
    expect(await cacheFiles(cache)).toEqual(written);

    for (const file of ['briefing.pptx', 'memo.pdf']) {
      const a = await readFile(path.join(dir, 'dev', file));
      const b = await readFile(path.join(dir, 'bin', file));
      expect(b.equals(a), file).toBe(true);
    }
    // One fingerprint, computed when the bundle was built: the development layout finds the bundle's build up to date.
    const devManifest = JSON.parse(await readFile(path.join(dir, 'dev/build.json'), 'utf8'));
    const binManifest = JSON.parse(await readFile(path.join(dir, 'bin/build.json'), 'utf8'));
    expect(binManifest.tool.fingerprint).toBe(devManifest.tool.fingerprint);
    const again = await runCli(['build', ws, '--out', path.join(dir, 'bin')]);
    expect(again.stderr).toContain('up to date');
  });

  it('writes a PDF/A memo as the development layout does (pdfkit reads its colour profile beside the bundle)', { timeout: 120_000 }, async () => {
    const dev = await runCli(['build', ws, '--out', path.join(dir, 'dev-pdfa'), '--pdfa'], { env: { BRIEFING_NO_CACHE: '1' } });
    expect(dev.code).toBe(0);
    const bin = await run(['build', ws, '--out', path.join(dir, 'bin-pdfa'), '--pdfa'], { XDG_CACHE_HOME: cache });
    expect(bin.stderr).not.toMatch(/error/i);
    expect(bin.code).toBe(0);
    const a = await readFile(path.join(dir, 'dev-pdfa', 'memo.pdf'));
    const b = await readFile(path.join(dir, 'bin-pdfa', 'memo.pdf'));
    expect(b.equals(a)).toBe(true);
  });

  it('loads only the CLI bundle for check and an up-to-date build', { timeout: 120_000 }, async () => {
    const trace = path.join(dir, 'trace.txt');
    const traced = async (args: string[]) => {
      await rm(trace, { force: true });
      const result = await run(args, { XDG_CACHE_HOME: cache, BRIEFING_TRACE_LOADS: trace }, ['--import', path.join(ROOT, 'test/helpers/trace-loads.mjs')]);
      const lines = (await readFile(trace, 'utf8')).split('\n');
      return { ...result, bundles: lines.filter((l) => l.startsWith('bundle ')), workers: lines.filter((l) => l.startsWith('worker ')) };
    };
    const check = await traced(['check', ws]);
    expect(check.code).toBe(0);
    expect({ bundles: check.bundles, workers: check.workers }).toEqual({ bundles: ['bundle cli'], workers: [] });
    const upToDate = await traced(['build', ws, '--out', path.join(dir, 'bin')]);
    expect(upToDate.stderr).toContain('up to date');
    expect({ bundles: upToDate.bundles, workers: upToDate.workers }).toEqual({ bundles: ['bundle cli'], workers: [] });
    const full = await traced(['build', ws, '--out', path.join(dir, 'bin'), '--force']);
    expect(full.bundles).toEqual(['bundle cli', 'bundle deck']);
    expect(full.workers).toHaveLength(1);
  });

  it('points stack traces at src/ under BRIEFING_DEBUG', { timeout: 60_000 }, async () => {
    const probe = path.join(dir, 'internal-error-probe');
    const plain = await run(['check', ws, '--templates', probe], {}, ['--require', path.join(ROOT, 'test/helpers/throw-in-stat.cjs')]);
    expect(plain.code).toBe(70);
    expect(plain.stderr).toContain('internal error: probe: an internal error');
    expect(plain.stderr).not.toContain(' at ');
    const debug = await run(['check', ws, '--templates', probe], { BRIEFING_DEBUG: '1' }, ['--require', path.join(ROOT, 'test/helpers/throw-in-stat.cjs')]);
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(/at .*src\/cli\/cli\.ts:\d+:\d+/);
  });
});

