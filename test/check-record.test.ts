// The check's record, in process: the hash that finds it names the tool, its version and Node's,
// a record of the wrong shape is no record, and the cache folder keeps a bounded number of them.
import { readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BoundedStore } from '../src/cache/cache-dir.js';
import { removeDir, SEEDS, tempDir } from './helpers/workspace.js';

const options = { workspace: SEEDS, json: false };

async function hashNow(): Promise<string> {
  const record = await import('../src/cli/check-record.js');
  return record.checkHash(SEEDS, options, await record.hashCheckInputs(SEEDS, options, []));
}

describe('the hash a check record is found by', () => {
  const version = process.version;
  afterEach(() => {
    Object.defineProperty(process, 'version', { value: version });
    vi.doUnmock('../src/cache/fingerprint.js');
    vi.doUnmock('../src/pipeline/inputs-hash.js');
    vi.resetModules();
  });

  it('is the same for the same inputs and tool', async () => {
    expect(await hashNow()).toBe(await hashNow());
  });

  it('differs with another tool fingerprint', async () => {
    const before = await hashNow();
    vi.resetModules();
    vi.doMock('../src/cache/fingerprint.js', () => ({ toolFingerprint: async () => 'another build of the tool' }));
    expect(await hashNow()).not.toBe(before);
  });

  it('differs with another tool version', async () => {
    const before = await hashNow();
    vi.resetModules();
    vi.doMock('../src/pipeline/inputs-hash.js', async (original) => ({ ...(await original<object>()), toolVersion: async () => '99.0.0' }));
    expect(await hashNow()).not.toBe(before);
  });

  it('differs with another Node', async () => {
    const before = await hashNow();
    Object.defineProperty(process, 'version', { value: 'v99.0.0' });
    expect(await hashNow()).not.toBe(before);
  });

  it('differs with --json, a --templates folder and SOURCE_DATE_EPOCH', async () => {
    const record = await import('../src/cli/check-record.js');
    const inputs = await record.hashCheckInputs(SEEDS, options, []);
    const plain = await record.checkHash(SEEDS, options, inputs);
    expect(await record.checkHash(SEEDS, { ...options, json: true }, inputs)).not.toBe(plain);
    expect(await record.checkHash(SEEDS, { ...options, templates: 'mine' }, inputs)).not.toBe(plain);
    // The date a command may use: no check uses it yet, but a record never outlives it.
    expect(await record.checkHash(SEEDS, options, inputs, { SOURCE_DATE_EPOCH: '1700000000' })).not.toBe(await record.checkHash(SEEDS, options, inputs, {}));
  });
});

describe('reading a record', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('briefing-records-');
  });
  afterAll(() => removeDir(dir));

  it('takes a record of the right shape and nothing else', async () => {
    const { readRecord, writeRecord } = await import('../src/cli/check-record.js');
    const store = new BoundedStore(path.join(dir, 'shapes'), 1 << 20);
    const good = { hash: 'h', logos: [], exitCode: 1, writes: [[2, 'x\n']] as [1 | 2, string][] };
    writeRecord(store, 'good', good);
    expect(readRecord(store, 'good')).toEqual({ format: 1, ...good });
    const bad: unknown[] = [
      'not json',
      'null',
      '[]',
      { ...good, format: 2 },
      { ...good, format: 1, hash: 3 },
      { ...good, format: 1, exitCode: '0' },
      { ...good, format: 1, logos: [1] },
      { ...good, format: 1, writes: [[3, 'x']] },
      { ...good, format: 1, writes: [[1, 2]] },
      { ...good, format: 1, writes: 'x' },
    ];
    bad.forEach((value, i) => store.write(`bad${i}`, typeof value === 'string' ? value : JSON.stringify(value)));
    for (let i = 0; i < bad.length; i++) expect(readRecord(store, `bad${i}`), JSON.stringify(bad[i])).toBeUndefined();
    expect(readRecord(store, 'missing')).toBeUndefined();
  });

  it('keeps at most so many records, dropping the oldest', () => {
    const folder = path.join(dir, 'count');
    const store = new BoundedStore(folder, 1 << 20, 2);
    for (const [i, name] of ['old', 'middle', 'new'].entries()) {
      store.write(name, 'x');
      utimesSync(path.join(folder, name), 1000 + i, 1000 + i);
    }
    store.write('newest', 'x');
    expect(readdirSync(folder).sort()).toEqual(['new', 'newest']);
  });
});

describe('two readings of the inputs', () => {
  it('agree unless a file changed between them (the logo aside)', async () => {
    const { sameInputs } = await import('../src/cli/check-record.js');
    const base = { documents: [{ name: 'a.txt', sha256: '1' }], summarySha256: 's', inputs: { templates: [{ file: 't', sha256: '2' }], theme: [{ file: 'theme.yaml', sha256: '3' }] }, other: ['entry a.txt file'], readable: true };
    expect(sameInputs(base, structuredClone(base))).toBe(true);
    expect(sameInputs(base, { ...base, inputs: { ...base.inputs, theme: [...base.inputs.theme, { file: 'logo.png', sha256: '4' }] } })).toBe(true);
    expect(sameInputs(base, { ...base, documents: [{ name: 'a.txt', sha256: '9' }] })).toBe(false);
    expect(sameInputs(base, { ...base, summarySha256: 't' })).toBe(false);
    expect(sameInputs(base, { ...base, inputs: { ...base.inputs, templates: [] } })).toBe(false);
    expect(sameInputs(base, { ...base, other: [] })).toBe(false);
  });
});
