// The tool knows no topic: nothing in src/ or templates/ names the seeds' companies, products
// or people (the seeds are data; the code must work for any pile of articles).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/workspace.js';

/** Names from the seed articles and their sector; whole words, any case. ("Google" is left out: a font package is named after it.) */
const SEED_NAMES = [
  'Microsoft', 'OpenAI', 'Azure', 'Copilot', 'Nadella', 'Altman', 'ChatGPT', 'GPT', 'Bing', 'Anthropic', 'Claude',
  'Amazon', 'Gemini', 'DeepSeek', 'xAI', 'Grok', 'Mistral', 'Llama', 'Stargate', 'Oracle', 'SoftBank',
  'Nvidia', 'MAI', 'Phi', 'in-house', 'open-weight',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('no topic in the code', () => {
  it('names none of the seeds\u2019 companies, products or people in src/ or templates/', () => {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${SEED_NAMES.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    const hits: string[] = [];
    for (const file of [...files(path.join(ROOT, 'src')), ...files(path.join(ROOT, 'templates'))]) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = pattern.exec(line);
          if (m) hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${m[0]}`);
        });
    }
    expect(hits).toEqual([]);
  });

  it('would catch a name', () => {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${SEED_NAMES.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    expect(pattern.test("owner: z.enum(['Microsoft', 'OpenAI'])")).toBe(true);
    expect(pattern.test('const phase = 1; // graph, claudication')).toBe(false);
  });
});
