// briefing watch: build, then rebuild on every change to the documents, the summary, the
// templates or the theme. Libraries and fonts stay loaded, so a rebuild takes tens of milliseconds.
import { shownText } from '../diagnostics/diagnostic.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { buildBriefing } from '../pipeline/build-briefing.js';
import { createMemoRenderer } from '../memo/worker-client.js';
import { EXIT } from '../diagnostics/diagnostic.js';
import { printDiagnostics, type Io } from './io.js';
import { UserError } from '../diagnostics/diagnostic.js';
import { assertWorkspaceFolder, SUMMARY_FILE, themeLogo } from '../inputs/workspace.js';
import { isSourceName } from '../inputs/readers/formats.js';
import { THEME_FILES } from '../inputs/workspace-folder.js';
import { reportBuild } from './build-command.js';

export interface WatchOptions {
  workspace: string;
  out: string;
  templates?: string | undefined;
  changes: boolean;
  /** `--strict`: the support check's warnings are errors (the build fails, the outputs stay). */
  strict?: boolean;
  /**
   * Milliseconds to wait for a burst of file events to settle (an editor's save is one to three
   * events within a millisecond or two). An event during a build schedules one more build, so a
   * short wait never loses an edit: a save slower than this (a large file written in pieces) may
   * only cost a build that reports the half-written file, then one that builds it.
   */
  debounceMs?: number;
}

export interface Watcher {
  /** Resolves after the first build. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export async function startWatch(options: WatchOptions, io: Io): Promise<Watcher> {
  const workspaceDir = await assertWorkspaceFolder(options.workspace);
  const outDir = path.resolve(options.out);
  const { watch } = await import('chokidar');
  const targets = [workspaceDir];
  if (options.templates) targets.push(path.resolve(options.templates));
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // One memo renderer for the whole session: once started, pdfmake and the fonts stay loaded and warm.
  const memoRenderer = createMemoRenderer();

  const build = async () => {
    try {
      const result = await buildBriefing({
        workspace: options.workspace,
        out: options.out,
        changes: options.changes,
        // Each rebuild reports what changed since the last delivered build, and is none itself.
        preview: true,
        templates: options.templates,
        strict: options.strict === true,
        memoRenderer,
        // Every edit is parsed once, here: keeping each parse would only cost the loop time.
        keepParsedSummary: false,
      });
      reportBuild(result, { out: options.out, json: false }, io);
      // The theme may name another logo now.
      await relevant.refresh();
      if (result.status === 'failed') io.stderr('watching for changes; the previous outputs are kept\n');
    } catch (error) {
      if (error instanceof UserError) printDiagnostics(error.diagnostics, io);
      else io.stderr(`briefing: build failed: ${shownText((error as Error).message)}\n`);
    }
  };
  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) {
        again = true;
        return;
      }
      running = build().finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          schedule();
        }
      });
    }, options.debounceMs ?? 10);
  };

  // The output folder's own files are never watched (a build's writes would trigger builds); a
  // workspace inside the output folder (--out its parent) is watched all the same.
  const outContainsWorkspace = isInside(workspaceDir, outDir);
  const relevant = await inputsOf(workspaceDir, options.templates);
  const watcher = watch(targets, {
    ignoreInitial: true,
    depth: 2,
    ignored: (file: string) => {
      const resolved = path.resolve(file);
      if (!outContainsWorkspace && isInside(resolved, outDir)) return true;
      const base = path.basename(resolved);
      return base.startsWith('.') || base.endsWith('~') || base.endsWith('.tmp') || base === 'node_modules';
    },
  });
  watcher.on('all', (_event, file) => {
    if (relevant.is(file)) schedule();
  });
  // A workspace folder deleted and made again (a checkout, a sync tool) is a new folder that the
  // watcher does not see: notice it by the folder's identity, watch it again, and rebuild.
  let identity = await folderIdentity(workspaceDir);
  const recreated = setInterval(() => {
    void folderIdentity(workspaceDir).then((now) => {
      if (closed || now === identity) return;
      identity = now;
      if (now === undefined) return;
      watcher.unwatch(workspaceDir);
      watcher.add(workspaceDir);
      schedule();
    });
  }, 300);
  recreated.unref();
  const ready = new Promise<void>((resolve) => watcher.once('ready', resolve)).then(async () => {
    running = build().finally(() => (running = undefined));
    await running;
    io.stderr(`watching ${shownText(options.workspace)} for changes (Ctrl-C to stop)\n`);
  });
  return {
    ready,
    async close() {
      closed = true;
      clearInterval(recreated);
      if (timer) clearTimeout(timer);
      await watcher.close();
      await running;
      await memoRenderer.close();
    },
  };
}

/** A folder's device and inode, or undefined when it is not there: a folder made again has a new one. */
async function folderIdentity(dir: string): Promise<string | undefined> {
  const info = await stat(dir).catch(() => undefined);
  return info?.isDirectory() ? `${info.dev}:${info.ino}` : undefined;
}

/** Whether `file` is `dir` or inside it. */
function isInside(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir + path.sep);
}

/**
 * The files a build reads, to rebuild when one changes: at the top of the workspace every source a
 * reader takes (the readers' own table of extensions), the summary and the theme; the templates
 * (the workspace's templates/ and a --templates folder); and the logo the theme names, wherever
 * in the workspace it is.
 */
async function inputsOf(workspaceDir: string, templates: string | undefined): Promise<{ is: (file: string) => boolean; refresh: () => Promise<void> }> {
  const templateDirs = [path.join(workspaceDir, 'templates'), ...(templates ? [path.resolve(templates)] : [])];
  let logos: string[] = [];
  const refresh = async () => {
    logos = (await themeLogo(workspaceDir)).map((logo) => path.resolve(workspaceDir, logo));
  };
  await refresh();
  const is = (file: string): boolean => {
    const resolved = path.resolve(file);
    const dir = path.dirname(resolved);
    const base = path.basename(resolved);
    if (logos.includes(resolved)) return true;
    if (dir === workspaceDir) return isSourceName(base) || base === SUMMARY_FILE || (THEME_FILES as readonly string[]).includes(base);
    return templateDirs.includes(dir) && base.endsWith('.hbs');
  };
  return { is, refresh };
}

export async function runWatch(options: WatchOptions, io: Io): Promise<number> {
  const watcher = await startWatch(options, io);
  await watcher.ready;
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.stderr('stopping\n');
      void watcher.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT.ok;
}
