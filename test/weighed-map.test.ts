// The bounded map behind the in-process caches (src/cache/weighed-map.ts).
import { describe, expect, it } from 'vitest';
import { WeighedMap } from '../src/cache/weighed-map.js';

describe('WeighedMap', () => {
  it('keeps entries until the next would not fit, then starts again; never keeps one heavier than the bound', () => {
    const map = new WeighedMap<string, number>(10);
    map.set('a', 1, 4);
    map.set('b', 2, 6);
    expect([map.get('a'), map.get('b')]).toEqual([1, 2]);
    map.set('c', 3, 1);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([undefined, undefined, 3]);
    map.set('d', 4, 11);
    expect([map.get('c'), map.get('d')]).toEqual([3, undefined]);
  });

  it('makes a value once and hands it back after', () => {
    const map = new WeighedMap<string, object>(100);
    let made = 0;
    const make = () => ({ n: ++made });
    const first = map.getOrMake('k', () => 1, make);
    expect(map.getOrMake('k', () => 1, make)).toBe(first);
    expect(made).toBe(1);
  });
});
