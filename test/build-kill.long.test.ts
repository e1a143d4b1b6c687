// Long run (npm run test:long): builds killed with SIGKILL at moments spread over a build (moved
// from build.e2e.test.ts; atomic.e2e.test.ts kills builds at each step of the commit, by fault
// injection, in npm test).
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, copySeeds, removeDir, runCli } from './helpers/workspace.js';
import { OUTPUTS, readOutputs } from './helpers/snapshot.js';

describe('a build killed mid-write', () => {
  let dir: string;
  let ws: string;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
  });
  afterAll(() => removeDir(dir));

  it('leaves each output either as it was or complete, never half-written', async () => {
    expect((await runCli(['build', 'ws', '--out', 'out'], { cwd: dir })).code).toBe(0);
    const old = await readOutputs(path.join(dir, 'out'));
    const yamlFile = path.join(ws, 'briefing.yaml');
    await writeFile(yamlFile, (await readFile(yamlFile, 'utf8')).replace(/^title: .*$/m, "title: 'A retitled briefing'"));
    expect((await runCli(['build', 'ws', '--out', 'reference'], { cwd: dir })).code).toBe(0);
    const fresh = await readOutputs(path.join(dir, 'reference'));
    let killedEarly = 0;
    for (const delay of [30, 80, 150, 220, 300, 400, 550]) {
      const child = spawn(process.execPath, [CLI, 'build', 'ws', '--out', 'out', '--force'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise((r) => setTimeout(r, delay));
      const killed = child.kill('SIGKILL');
      const code = await exited;
      if (killed && code === null) killedEarly++;
      const now = await readOutputs(path.join(dir, 'out'));
      for (const name of OUTPUTS) {
        const same = (now[name] as Buffer).equals(old[name] as Buffer) || (now[name] as Buffer).equals(fresh[name] as Buffer);
        expect(same, `${name} after a kill at ${delay} ms`).toBe(true);
        // Killed before it could have rendered anything: the old files are untouched.
        if (delay === 30) expect((now[name] as Buffer).equals(old[name] as Buffer), `${name} after a kill at 30 ms`).toBe(true);
      }
      await writeFile(path.join(dir, 'out/build.json'), old['build.json'] as Buffer);
    }
    expect(killedEarly).toBeGreaterThan(0);
  });
});
