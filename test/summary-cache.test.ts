// The parsed-summary cache answers exactly as a live parse: the same data, the same positions for
// every path a diagnostic can name (and for paths that miss), the same diagnostics from a workspace.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { yamlLocator, type YamlPath } from '../src/diagnostics/yaml-locator.js';
import { nodePlaces, placesLocator, readParsedSummary, summaryStore, type ParsedSummary } from '../src/inputs/summary-cache.js';
import { summaryFromYaml } from '../src/inputs/summary-load.js';
import { loadVerifiedWorkspace } from '../src/pipeline/pipeline.js';
import { sha256 } from '../src/common/file-hashes.js';
import { copySeeds, removeDir, SEEDS, tempDir } from './helpers/workspace.js';

/** Every path into the data, and near misses: a string index, an index past the end, a missing key, a path through a scalar. */
function pathsOf(data: unknown, prefix: (string | number)[] = [], out: YamlPath[] = []): YamlPath[] {
  out.push(prefix);
  if (Array.isArray(data)) {
    data.forEach((item, i) => pathsOf(item, [...prefix, i], out));
    out.push([...prefix, data.length], [...prefix, String(Math.max(0, data.length - 1))], [...prefix, ''], [...prefix, -1], [...prefix, 'x']);
  } else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      pathsOf(value, [...prefix, key], out);
      // A key written as a number is a number to the YAML library.
      if (/^\d+$/.test(key)) out.push([...prefix, Number(key)], [...prefix, Number(key), 'x']);
    }
    out.push([...prefix, 'no such key'], [...prefix, 0]);
  } else {
    out.push([...prefix, 'below a scalar'], [...prefix, 0]);
  }
  return out;
}

function compareLocators(text: string): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  expect(doc.errors).toEqual([]);
  const live = yamlLocator(doc, lineCounter, 'f.yaml');
  // Through the cache's own encoding, as a later run reads it.
  const parsed = deserialize(serialize({ data: doc.toJS(), lineStarts: lineCounter.lineStarts, places: nodePlaces(doc) })) as ParsedSummary;
  expect(parsed.data).toEqual(doc.toJS());
  const cached = placesLocator(parsed, 'f.yaml');
  const paths = pathsOf(doc.toJS());
  for (const p of paths) {
    expect(cached.at(p), JSON.stringify(p)).toEqual(live.at(p));
    expect(cached.at(p, 'key'), `${JSON.stringify(p)} key`).toEqual(live.at(p, 'key'));
  }
  return paths.length;
}

describe('the parsed-summary cache', () => {
  it('places every path of the seeds summary as the live parse does', async () => {
    const n = compareLocators(await readFile(path.join(SEEDS, 'briefing.yaml'), 'utf8'));
    expect(n).toBeGreaterThan(1000);
  });

  it('places paths as the live parse does in flow collections, aliases, pairs in sequences, empty values and odd keys', () => {
    const text = [
      'title: "T"',
      'flow: { a: 1, "b": [x, y, { c: d }] }',
      'anchored: &base { k: v, list: [1, 2] }',
      'alias: *base',
      'pairs: [ p: 1, q: 2, plain ]',
      'empty:',
      'nulls: [~, null, ]',
      '7: seven',
      '"007": quoted',
      'true: yes',
      '? complex',
      ': value',
      'nested:',
      '  - - deep',
      '    - { e: [f, { g: h }] }',
      '  -',
      '  - key: ',
      '    other: x',
      'block: |',
      '  text',
      '  more',
      '',
    ].join('\n');
    expect(compareLocators(text)).toBeGreaterThan(60);
    expect(compareLocators('just a scalar\n')).toBeGreaterThan(0);
    expect(compareLocators('- a\n- [b, c]\n')).toBeGreaterThan(5);
    expect(compareLocators('')).toBeGreaterThan(0);
  });

  it('gives a schema error the same position from the cache as from a live parse', () => {
    const text = 'title: T\nasOf: 2025-11-01\ntakeaways:\n  - text: One.\n    cite: [{ doc: "002", quote: 3 }]\n';
    let parsed: ParsedSummary | undefined;
    const live = summaryFromYaml(text, 'ws/briefing.yaml', (p) => (parsed = p));
    expect(live.diagnostics.length).toBeGreaterThan(0);
    expect(parsed).toBeDefined();
    const cachedLocator = placesLocator(parsed as ParsedSummary, 'ws/briefing.yaml');
    for (const d of live.diagnostics) expect(d.line).toBeGreaterThan(0);
    expect(cachedLocator.at(['takeaways', 0, 'cite', 0, 'quote'])).toEqual(live.locator.at(['takeaways', 0, 'cite', 0, 'quote']));
  });

  it('is not handed a text with YAML errors', () => {
    let called = false;
    const loaded = summaryFromYaml('title: [unclosed\n', 'ws/briefing.yaml', () => (called = true));
    expect(loaded.diagnostics.length).toBeGreaterThan(0);
    expect(called).toBe(false);
  });
});

describe('a workspace loaded with the parsed-summary cache', () => {
  let dir: string;
  let ws: string;
  let cache: string;
  const saved = process.env.XDG_CACHE_HOME;
  beforeAll(async () => {
    ({ dir, ws } = await copySeeds());
    cache = await tempDir('briefing-summary-cache-');
    process.env.XDG_CACHE_HOME = cache;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
    await removeDir(dir);
    await removeDir(cache);
  });

  it('gives the same summary, verification and diagnostics as a live parse, an error and its position included', async () => {
    // A statement whose figure is not in its quote: a warning placed at the statement's text.
    const file = path.join(ws, 'briefing.yaml');
    const text = (await readFile(file, 'utf8')).replace(/^(\s+- text: ')(.*)$/m, '$1In 1999 $2');
    expect(text).toContain("text: 'In 1999 ");
    await writeFile(file, text);

    const live = await loadVerifiedWorkspace(ws, { cacheDir: null });
    expect(live.summary).toBeDefined();
    const store = summaryStore();
    expect(store).toBeDefined();
    expect(await readParsedSummary(store!, sha256(text))).toBeUndefined();
    // Watch mode parses each edit once: it does not keep the parse.
    const watching = await loadVerifiedWorkspace(ws, { keepParsedSummary: false });
    expect(await readParsedSummary(store!, sha256(text))).toBeUndefined();
    const cold = await loadVerifiedWorkspace(ws);
    expect(await readParsedSummary(store!, sha256(text))).toBeDefined();
    const warm = await loadVerifiedWorkspace(ws);

    // An entry that cannot be read, or is not what this version writes, is parsed again.
    const entries = await readdir(store!.dir);
    expect(entries).toHaveLength(1);
    for (const junk of [Buffer.from('not a v8 value'), serialize({ format: 1, parsed: { data: {}, lineStarts: [] } }), serialize({ format: 99 })]) {
      await writeFile(path.join(store!.dir, entries[0] as string), junk);
      const again = await loadVerifiedWorkspace(ws);
      expect(again.diagnostics).toEqual(live.diagnostics);
      expect(again.summary).toEqual(live.summary);
    }
    expect(live.diagnostics.some((d) => d.rule === 'figure-not-in-quotes' && (d.line ?? 0) > 0)).toBe(true);
    for (const loaded of [watching, cold, warm]) {
      expect(loaded.summary).toEqual(live.summary);
      expect(loaded.diagnostics).toEqual(live.diagnostics);
      expect(loaded.verification?.citations).toEqual(live.verification?.citations);
      expect(loaded.locator?.at(['takeaways', 0, 'text'])).toEqual(live.locator?.at(['takeaways', 0, 'text']));
    }
  });
});
