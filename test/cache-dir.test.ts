// The user cache folder: where it is, that it can be switched off, and that a store stays bounded.
import { mkdirSync, readdirSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedStore, cacheRoot } from '../src/cache/cache-dir.js';
import { removeDir, tempDir } from './helpers/workspace.js';

describe('the cache folder', () => {
  it('is XDG_CACHE_HOME/briefing, else ~/.cache/briefing, and off with BRIEFING_NO_CACHE', () => {
    expect(cacheRoot({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/briefing');
    expect(cacheRoot({ XDG_CACHE_HOME: 'relative/ignored' })).toBe(path.join(os.homedir(), '.cache', 'briefing'));
    expect(cacheRoot({})).toBe(path.join(os.homedir(), '.cache', 'briefing'));
    expect(cacheRoot({ XDG_CACHE_HOME: '/x/cache', BRIEFING_NO_CACHE: '1' })).toBeUndefined();
  });
});

describe('a bounded store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('briefing-store-');
  });
  afterAll(() => removeDir(dir));

  it('leaves no temporary file when a write fails', () => {
    const store = new BoundedStore(path.join(dir, 'failing'), 1024 * 1024);
    // The entry's name is taken by a folder that is not empty: the rename into place fails.
    mkdirSync(path.join(store.dir, 'taken.bin', 'inside'), { recursive: true });
    expect(store.write('taken.bin', 'bytes')).toBe(false);
    expect(readdirSync(store.dir)).toEqual(['taken.bin']);
  });

  it('reads back what it wrote, and nothing for a missing entry', () => {
    const store = new BoundedStore(path.join(dir, 'a'), 1000);
    expect(store.write('one', 'hello')).toBe(true);
    expect(store.read('one')?.toString()).toBe('hello');
    expect(store.read('two')).toBeUndefined();
  });

  it('drops the oldest entries beyond its size, never the one just written', () => {
    const folder = path.join(dir, 'b');
    // Each entry is its content plus its seal (a tag and a checksum, 49 bytes): 149 bytes here.
    const store = new BoundedStore(folder, 350);
    for (const [i, name] of ['old', 'middle', 'new'].entries()) {
      store.write(name, 'x'.repeat(100));
      utimesSync(path.join(folder, name), 1000 + i, 1000 + i);
    }
    // 447 bytes > 350: the oldest went when "new" was written.
    expect(readdirSync(folder).sort()).toEqual(['middle', 'new']);
    store.write('huge', 'y'.repeat(400));
    expect(readdirSync(folder)).toEqual(['huge']);
  });
});
