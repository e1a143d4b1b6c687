// The README cannot drift: every command of its ```sh blocks is run here, in order, on a fresh copy
// of the seeds, and must exit as the README says; the synopsis of each command must name the
// options its --help names; what the README promises of itself (length, Node version, every
// dependency named, links that resolve, pictures of a modest size) is checked too.
//
// The convention, which the README's Development section states:
// - a fenced block whose language is sh, bash, shell, console or zsh holds commands, one a line
//   (a trailing `\` continues a line; `a && b` is two commands, the second run if the first exits 0);
// - a line that is only a comment is not a command; a trailing `# exits N` states the exit code
//   expected (0 otherwise); any other trailing comment is prose;
// - `npx briefing …`, `node dist/briefing.cjs …` and the npm scripts that run it (`npm start`) run
//   the CLI's command table in this process (runCli: the code `bin` runs, without a process's
//   start-up); `mkdir`, `cp`, `ls` and `cat` run in a shell; the current folder is a temporary
//   folder holding a copy of `seeds/`, as the repository's folder holds it;
// - anything else must be in SKIPPED with its reason, or the test fails: a new command is either run
//   or knowingly skipped. A skipped `npm run X` still needs a script X in package.json.
import { execFile, type ExecFileException } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SummarySchema } from '../src/inputs/summary-schema.js';
import { removeDir, ROOT, runCli, runCliProcess, SEEDS, tempDir } from './helpers/workspace.js';

/** Commands the test does not run, and why. Keys are the command as the README writes it. */
export const SKIPPED: Readonly<Record<string, string>> = {
  'npm install': 'installs the packages from the registry (about a minute); the test runs in a checkout where it was done',
  'npm test': 'is the test suite, this test among them',
  'npm run build': 'compiles and bundles (tsc and esbuild, about 30 s); land.sh and npm test run it before the tests',
  'npm run typecheck': 'type-checks the whole tree (tsc, about 20 s); land.sh runs tsc through npm run build',
  'npm run test:long': 'the long runs take minutes; .ci/run runs them',
  'npm run bench -- --quick': 'the benchmark takes minutes and wants an idle machine; bench/README.md records its runs',
};

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);
/** File commands the README may use to set a folder up; run by /bin/sh in the temporary folder. */
const SHELL_COMMANDS = new Set(['mkdir', 'cp', 'ls', 'cat']);

export interface ReadmeCommand {
  /** The command as the README writes it, comment and continuation removed. */
  text: string;
  /** Its line in README.md (1-based). */
  line: number;
  /** The exit code the README states (`# exits N`), else 0. */
  exit: number;
  /** Run only if the command before it (joined by `&&`) exited 0. */
  afterPrevious: boolean;
}

/** Where an unquoted `#` that starts a word begins a comment, or -1. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) return i;
  }
  return -1;
}

/** Split `a && b` outside quotes. */
function splitAnd(text: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '&' && text[i + 1] === '&') {
      parts.push(text.slice(start, i).trim());
      start = i + 2;
      i++;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** Every command of the README's shell blocks, in order. */
export function readmeCommands(markdown: string): ReadmeCommand[] {
  const lines = markdown.split('\n');
  const commands: ReadmeCommand[] = [];
  let inShell = false;
  let inFence = false;
  let pending: { text: string; line: number } | undefined;
  lines.forEach((raw, index) => {
    const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(raw);
    if (fence) {
      if (inFence) {
        if (pending) throw new Error(`README.md:${pending.line}: a command continued with "\\" past the end of its block`);
        inFence = false;
        inShell = false;
      } else {
        inFence = true;
        inShell = SHELL_LANGUAGES.has((fence[2] ?? '').toLowerCase());
      }
      return;
    }
    if (!inShell) return;
    const text = pending ? `${pending.text} ${raw.trim()}` : raw.trim();
    const line = pending?.line ?? index + 1;
    if (text.endsWith('\\') && commentStart(text) < 0) {
      pending = { text: text.slice(0, -1).trim(), line };
      return;
    }
    pending = undefined;
    const hash = commentStart(text);
    const command = (hash < 0 ? text : text.slice(0, hash)).trim().replace(/^\$\s+/, '');
    if (command === '') return;
    const comment = hash < 0 ? '' : text.slice(hash);
    const stated = /#\s*exits\s+(\d+)\b/.exec(comment);
    splitAnd(command).forEach((part, i) => {
      if (part === '') throw new Error(`README.md:${line}: an empty command around "&&"`);
      commands.push({ text: part, line, exit: 0, afterPrevious: i > 0 });
    });
    (commands[commands.length - 1] as ReadmeCommand).exit = stated ? Number(stated[1]) : 0;
  });
  return commands;
}

/** Shell-like words: quotes and backslashes, and no other shell syntax (which only a shell runs). */
export function words(command: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && /["\\$`]/.test(command[i + 1] ?? '')) word += command[++i] as string;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\') {
      word = (word ?? '') + (command[++i] ?? '');
    } else if (/\s/.test(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (/[|&;<>()$`*?[\]{}~]/.test(c)) {
      throw new Error(`"${command}" uses shell syntax (${c}) the test does not run in-process: write it without, or run it through a shell command`);
    } else word = (word ?? '') + c;
  }
  if (quote) throw new Error(`"${command}" leaves a quote open`);
  if (word !== undefined) out.push(word);
  return out;
}

const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

type Plan = { kind: 'cli'; args: string[] } | { kind: 'shell' } | { kind: 'skip'; reason: string };

/** What the test does with a command. */
export function plan(command: string): Plan {
  if (Object.hasOwn(SKIPPED, command)) return { kind: 'skip', reason: SKIPPED[command] as string };
  if (SHELL_COMMANDS.has(command.trim().split(/\s+/)[0] as string)) return { kind: 'shell' };
  const argv = words(command);
  const [first, second, ...rest] = argv;
  if ((first === 'npx' && second === 'briefing') || (first === 'node' && second === 'dist/briefing.cjs')) {
    if (rest[0] === 'watch') throw new Error(`"${command}" runs until a signal: add it to SKIPPED (test/watch.e2e.test.ts runs watch)`);
    return { kind: 'cli', args: rest };
  }
  if (first === 'npm' && (second === 'start' || second === 'run') && argv.length <= 3) {
    const name = second === 'start' ? 'start' : rest[0];
    const script = name !== undefined ? PACKAGE.scripts[name] : undefined;
    if (script === undefined) throw new Error(`"${command}": package.json has no script "${name}"`);
    const resolved = plan(script);
    if (resolved.kind === 'cli') return resolved;
  }
  throw new Error(`"${command}" is neither run by this test nor in its SKIPPED table: add it there with the reason, or teach the test to run it`);
}

function shell(command: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', command], { cwd }, (error: ExecFileException | null, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const COMMANDS = readmeCommands(README);

describe('the README\'s commands', () => {
  let dir = '';
  /** The exit code of the command run last, for `&&`. */
  let previous = 0;

  beforeAll(async () => {
    dir = await tempDir('briefing-readme-');
    await cp(SEEDS, path.join(dir, 'seeds'), { recursive: true });
  });
  afterAll(() => removeDir(dir));

  it('finds the walk-through and the quick start among them', () => {
    const texts = COMMANDS.map((c) => c.text);
    for (const expected of ['npm start', 'npm test', 'npx briefing draft my-folder', 'npx briefing check my-folder', 'npx briefing build my-folder --out my-briefing']) expect(texts).toContain(expected);
    // Every skipped command is still in the README: the table lists only what it skips.
    for (const skipped of Object.keys(SKIPPED)) expect(texts, `SKIPPED names "${skipped}", which no README block holds`).toContain(skipped);
  });

  for (const command of COMMANDS) {
    const what = plan(command.text);
    const name = `README.md:${command.line}: ${command.text}${command.exit !== 0 ? ` (exits ${command.exit})` : ''}`;
    if (what.kind === 'skip') {
      it(`skips ${name}: ${what.reason}`, () => {
        const script = /^npm (?:run (\S+)|(test|start))\b/.exec(command.text);
        if (script) expect(PACKAGE.scripts[(script[1] ?? script[2]) as string], `package.json script for "${command.text}"`).toBeDefined();
        previous = 0;
      });
      continue;
    }
    it(`runs ${name}`, async () => {
      if (command.afterPrevious && previous !== 0) throw new Error(`the command before "${command.text}" failed`);
      // --help and --version end their process (yargs): those run in a child of the bin.
      const child = what.kind === 'cli' && what.args.some((a) => a === '--help' || a === '--version');
      const result = what.kind === 'cli' ? await (child ? runCliProcess : runCli)(what.args, { cwd: dir }) : await shell(command.text, dir);
      previous = result.code;
      expect(result.code, `${command.text}\n${result.stderr}`).toBe(command.exit);
      expect(result.stderr).not.toContain('internal error');
    });
  }

  it('leaves every file the README names in output/, my-folder/ and my-briefing/', () => {
    const named = [...README.matchAll(/`((?:output|my-folder|my-briefing)\/[^`\s*…]+)`/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThanOrEqual(8);
    for (const file of named) expect(existsSync(path.join(dir, file)), `${file}, which the README names, after its commands`).toBe(true);
  });
});

describe('the README itself', () => {
  it('is under 300 lines and states the Node version package.json requires', () => {
    expect(README.split('\n').length).toBeLessThan(300);
    const engine = /^>=\s*(\d+(?:\.\d+)*)$/.exec(PACKAGE.engines.node);
    expect(engine, 'engines.node is ">=X.Y"').not.toBeNull();
    const stated = [...README.matchAll(/Node (\d+(?:\.\d+)*) or later/g)].map((m) => m[1]);
    expect(stated).toEqual([(engine as RegExpExecArray)[1]]);
  });

  it('names every dependency of package.json', () => {
    const table = README.slice(README.indexOf('## Dependencies'));
    for (const name of [...Object.keys(PACKAGE.dependencies), ...Object.keys(PACKAGE.devDependencies)]) {
      expect(new RegExp(`(^|[\\s|,])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}([\\s|,]|$)`, 'm').test(table), `${name} in the README's Dependencies`).toBe(true);
    }
  });

  it('links only to files that exist, and shows pictures under 200 KB', () => {
    const links = [...README.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)].map((m) => m[1] as string).filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(existsSync(path.join(ROOT, link)), `README links to ${link}`).toBe(true);
    const pictures = links.filter((l) => l.endsWith('.png'));
    expect(pictures.length).toBe(2);
    for (const picture of pictures) expect(statSync(path.join(ROOT, picture)).size).toBeLessThan(200 * 1024);
    // The pages the README sends a reader to link only to files that exist, too.
    for (const page of links.filter((l) => l.endsWith('.md'))) {
      const text = readFileSync(path.join(ROOT, page), 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
        const target = m[1] as string;
        if (!/^[a-z]+:/.test(target)) expect(existsSync(path.join(ROOT, path.dirname(page), target)), `${page} links to ${target}`).toBe(true);
      }
    }
  });

  it('gives each command the options its --help gives', async () => {
    const synopsis = README.slice(README.indexOf('## Commands'));
    for (const command of ['build', 'check', 'watch', 'draft', 'find']) {
      const line = new RegExp(`^briefing ${command} .*$`, 'm').exec(synopsis)?.[0];
      expect(line, `the synopsis of ${command}`).toBeDefined();
      const documented = new Set([...(line as string).matchAll(/--([a-z][\w-]*)/g)].map((m) => m[1]));
      const help = await runCliProcess([command, '--help']);
      expect(help.code).toBe(0);
      const offered = new Set([...help.stdout.matchAll(/^\s+--([a-z][\w-]*)/gm)].map((m) => m[1]).filter((o) => o !== 'help' && o !== 'version'));
      expect([...documented].sort(), `the README's options of ${command}`).toEqual([...offered].sort());
    }
  });
});

/** A zod schema's definition, as far as this test walks it. */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  out?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  valueType?: { _zod: { def: Def } };
}

/** The object or array a schema holds under its optionals, defaults, pipes and unions. */
function holds(def: Def, want: 'object' | 'array' | 'record'): Def | undefined {
  if (def.type === want) return def;
  if (def.innerType) return holds(def.innerType._zod.def, want);
  if (def.type === 'pipe') return (def.in && holds(def.in._zod.def, want)) ?? (def.out && holds(def.out._zod.def, want));
  if (def.type === 'union') for (const option of def.options ?? []) { const found = holds(option._zod.def, want); if (found) return found; }
  return undefined;
}

/** Every key of a sketch (`when?` is the optional key `when`) that the schema does not know, as paths. */
export function unknownKeys(value: unknown, def: Def, at = ''): string[] {
  if (Array.isArray(value)) {
    const array = holds(def, 'array');
    if (!array?.element) return [`${at} (no list here)`];
    return value.flatMap((v, i) => unknownKeys(v, (array.element as { _zod: { def: Def } })._zod.def, `${at}[${i}]`));
  }
  if (value === null || typeof value !== 'object') return [];
  const record = holds(def, 'record');
  if (record?.valueType) {
    const valueDef = record.valueType._zod.def;
    return Object.entries(value).flatMap(([key, v]) => unknownKeys(v, valueDef, `${at}.${key}`));
  }
  const object = holds(def, 'object');
  if (!object?.shape) return [`${at} (no mapping here)`];
  const shape = object.shape;
  return Object.entries(value).flatMap(([key, v]) => {
    const name = key.replace(/\?$/, '');
    const field = shape[name];
    return field ? unknownKeys(v, field._zod.def, at ? `${at}.${name}` : name) : [at ? `${at}.${name}` : name];
  });
}

describe('the summary sketches', () => {
  for (const page of ['README.md', 'docs/summary-format.md']) {
    it(`${page}'s briefing.yaml sketch names only fields of the schema`, () => {
      const text = readFileSync(path.join(ROOT, page), 'utf8');
      const sketch = /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
      expect(sketch, `a yaml block in ${page}`).toBeDefined();
      const data: unknown = parseYaml(sketch as string);
      const summary = (SummarySchema as unknown as { _zod: { def: Def } })._zod.def;
      expect(unknownKeys(data, summary)).toEqual([]);
      // And it shows every section of the schema.
      const top = Object.keys(holds(summary, 'object')?.shape ?? {});
      expect(top.length).toBeGreaterThan(10);
      for (const section of ['takeaways', 'implications', 'recommendations', 'watch', 'investment', 'friction', 'alternatives', 'outlook', 'conflicts']) expect(Object.keys(data as object)).toContain(section);
    });
  }

  it('finds a renamed or misspelt field', () => {
    const summary = (SummarySchema as unknown as { _zod: { def: Def } })._zod.def;
    const data = parseYaml('title: t\nfrictions: []\nrecommendations: [ { text, owner, by?, cite: [ { doc, quote, page } ] } ]\nconflicts: [ { topic, sides: [ { text, cite, side } ] } ]\naudience: { who, reads }\nheadlines: { outlook: { text, view, tone } }\nsources: { "001": { title, author } }');
    expect(unknownKeys(data, summary)).toEqual(['frictions', 'recommendations[0].by', 'recommendations[0].cite[0].page', 'conflicts[0].sides[0].side', 'audience.reads', 'headlines.outlook.tone', 'sources.001.author']);
  });
});

describe('the reading of fenced commands', () => {
  it('joins continued lines, splits &&, reads "# exits N", and skips comment lines and other blocks', () => {
    const md = ['```yaml', 'a: 1', '```', '```sh', '# a comment', 'npx briefing check \\', '  seeds --strict   # exits 1', 'mkdir a && cp b a/  # prose', '```', '```', 'npx briefing not-a-shell-block', '```'].join('\n');
    expect(readmeCommands(md)).toEqual([
      { text: 'npx briefing check seeds --strict', line: 6, exit: 1, afterPrevious: false },
      { text: 'mkdir a', line: 8, exit: 0, afterPrevious: false },
      { text: 'cp b a/', line: 8, exit: 0, afterPrevious: true },
    ]);
  });

  it('reads words as a shell does, and refuses shell syntax and unknown commands', () => {
    expect(words(`npx briefing find seeds "total investment" 'it''s' a\\ b`)).toEqual(['npx', 'briefing', 'find', 'seeds', 'total investment', 'its', 'a b']);
    expect(words('npx briefing find seeds "#1"')).toEqual(['npx', 'briefing', 'find', 'seeds', '#1']);
    expect(() => words('npx briefing check seeds > out.txt')).toThrow(/shell syntax/);
    expect(plan('npx briefing build seeds --out x')).toEqual({ kind: 'cli', args: ['build', 'seeds', '--out', 'x'] });
    expect(plan('npm start')).toEqual({ kind: 'cli', args: ['build', 'seeds', '--out', 'output'] });
    expect(plan('cp a b')).toEqual({ kind: 'shell' });
    expect(plan('npm test').kind).toBe('skip');
    expect(() => plan('curl https://example.org')).toThrow(/neither run by this test nor in its SKIPPED table/);
    expect(() => plan('npm run no-such-script')).toThrow(/no script "no-such-script"/);
    expect(() => plan('npx briefing watch seeds')).toThrow(/runs until a signal/);
    expect(() => plan('node dist/briefing.cjs watch')).toThrow(/runs until a signal/);
  });
});
