// Writing a build's outputs all or nothing, under the output folder's lock.
//
// 1. every output is written to a temporary file in the output folder and flushed (fsync);
// 2. the file each one replaces is kept as a backup (a hard link `.NAME.bak`, so no copy);
// 3. a journal `.briefing.journal` naming the files is written and flushed: from here on, an
//    interrupted step is undone from the backups;
// 4. the temporaries are renamed over the outputs, the manifest last, and the folder flushed;
// 5. the journal is removed (the new set is in place), then the backups.
// Any failure in 1–4, or SIGTERM/SIGINT, restores the backups: the folder is as it was, byte for
// byte. A SIGKILL cannot be caught: the next build finds the journal and undoes the step first.
import { constants } from 'node:fs';
import { readFileSync } from 'node:fs';
import { link, lstat, mkdir, open, readdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, EXIT, UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isProblem, readRegularFile } from '../inputs/sandbox.js';

export const LOCK_FILE = '.briefing.lock';
export const JOURNAL_FILE = '.briefing.journal';

export interface OutputFile {
  name: string;
  bytes: Uint8Array | string;
}

/** The steps of a commit, in order, for the output files named: where a test may inject a fault. */
export function commitSteps(names: readonly string[]): string[] {
  return [
    ...names.map((n) => `temp:${n}`),
    ...names.map((n) => `backup:${n}`),
    'journal',
    ...names.map((n) => `rename:${n}`),
    'commit',
  ];
}

/** The process was asked to stop (SIGTERM, SIGINT) while outputs were being replaced. */
class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

interface Journal {
  files: { name: string; backup: boolean }[];
}

const backupName = (name: string) => `.${name}.bak`;
const tempName = (name: string) => `.${name}.${process.pid}.tmp`;

/**
 * Replace the outputs `files` (in this order: put the manifest last) all at once. On failure the
 * folder is restored and the error rethrown; on SIGTERM/SIGINT it is restored and the signal
 * raised again once the lock is released (see `withOutputLock`).
 */
export async function commitOutputs(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const fault = testFault();
  let signal: NodeJS.Signals | undefined;
  const onSignal = (s: NodeJS.Signals) => {
    signal ??= s;
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const step = async (name: string) => {
    if (fault?.step === name) await fault.fire();
    if (signal) throw new Interrupted(signal);
  };
  const journal: Journal = { files: [] };
  let journaled = false;
  let committed = false;
  try {
    await recoverOutputs(outDir, files.map((f) => f.name));
    for (const file of files) {
      await writeSynced(path.join(outDir, tempName(file.name)), file.bytes);
      await step(`temp:${file.name}`);
    }
    for (const file of files) {
      const backup = await keepBackup(outDir, file.name);
      journal.files.push({ name: file.name, backup });
      await step(`backup:${file.name}`);
    }
    journaled = true;
    await writeSynced(path.join(outDir, JOURNAL_FILE), `${JSON.stringify(journal)}\n`);
    await syncFolder(outDir);
    await step('journal');
    for (const file of files) {
      await rename(path.join(outDir, tempName(file.name)), path.join(outDir, file.name));
      await step(`rename:${file.name}`);
    }
    await syncFolder(outDir);
    // The commit point: with the journal gone, the new set stands.
    await unlink(path.join(outDir, JOURNAL_FILE));
    committed = true;
    await syncFolder(outDir);
    await removeBackups(outDir, files.map((f) => f.name));
    await step('commit');
  } catch (error) {
    // After the commit point nothing is undone: a signal still stops the process; a failure to
    // remove a backup only leaves a file the next build removes.
    if (committed) {
      if (error instanceof Interrupted) throw error;
      return;
    }
    await rollBack(outDir, journaled ? journal : { files: [] }, files.map((f) => f.name)).catch(() => undefined);
    throw error;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}

/** A file that exists and is a regular file is kept as `.NAME.bak` (a hard link, else a copy). */
async function keepBackup(outDir: string, name: string): Promise<boolean> {
  const file = path.join(outDir, name);
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  const backup = path.join(outDir, backupName(name));
  await rm(backup, { force: true });
  try {
    await link(file, backup);
  } catch {
    const { copyFile } = await import('node:fs/promises');
    await copyFile(file, backup, constants.COPYFILE_EXCL);
    const handle = await open(backup, 'r');
    await handle.sync().finally(() => handle.close());
  }
  return true;
}

/** Undo an unfinished replacement: the backups back in place, new files removed, temporaries gone. */
async function rollBack(outDir: string, journal: Journal, names: readonly string[]): Promise<void> {
  for (const entry of journal.files) {
    const file = path.join(outDir, entry.name);
    if (entry.backup) {
      // rename() between two links of one file does nothing: remove the backup afterwards.
      await rename(path.join(outDir, backupName(entry.name)), file).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    } else {
      // There was no file: one there now came from this step (the lock kept other builds out).
      const info = await lstat(file).catch(() => undefined);
      if (info?.isFile()) await unlink(file);
    }
  }
  await syncFolder(outDir);
  await rm(path.join(outDir, JOURNAL_FILE), { force: true });
  await removeBackups(outDir, names);
  await removeTemporaries(outDir, names);
}

/**
 * Undo the replacement a killed build left unfinished (its journal is still there), and remove
 * the temporaries and backups a killed build may have left. Call under the lock.
 */
export async function recoverOutputs(outDir: string, outputs: readonly string[]): Promise<boolean> {
  const bytes = await readRegularFile(path.join(outDir, JOURNAL_FILE), 'manifest', { follow: false, limit: 64 * 1024 });
  if (isProblem(bytes) && bytes.problem !== 'missing') {
    // A journal that is a link, a folder or too large was not written by a build: remove it, trust nothing in it.
    await rm(path.join(outDir, JOURNAL_FILE), { recursive: true, force: true }).catch(() => undefined);
  }
  const raw = isProblem(bytes) ? undefined : bytes.toString('utf8');
  const names = new Set<string>(outputs);
  if (raw === undefined) {
    await removeBackups(outDir, [...names]);
    await removeTemporaries(outDir, [...names]);
    return false;
  }
  // A journal that is not whole was being written when the build died: nothing was renamed yet.
  let journal: Journal = { files: [] };
  try {
    const parsed = JSON.parse(raw) as Journal;
    // Only the outputs' own names: a journal is not trusted to name other files.
    if (Array.isArray(parsed.files)) journal = { files: parsed.files.filter((f) => names.has(f?.name) && typeof f.backup === 'boolean') };
  } catch {
    // keep the empty journal
  }
  await rollBack(outDir, journal, [...names]);
  return true;
}

/**
 * Whether a killed build left something in the output folder: a journal (an unfinished
 * replacement), temporaries or backups of the outputs, or a lock whose builder is gone.
 */
export async function needsRecovery(outDir: string, outputs: readonly string[]): Promise<boolean> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  if (entries.includes(JOURNAL_FILE)) return true;
  const leftover = (e: string) => outputs.some((n) => e === backupName(n) || (e.startsWith(`.${n}.`) && e.endsWith('.tmp')));
  if (entries.some(leftover)) return true;
  return entries.includes(LOCK_FILE) && (await lockState(path.join(outDir, LOCK_FILE))).stale;
}

async function removeBackups(outDir: string, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((n) => rm(path.join(outDir, backupName(n)), { force: true })));
}

async function removeTemporaries(outDir: string, names: readonly string[]): Promise<void> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((e) => names.some((n) => e.startsWith(`.${n}.`) && e.endsWith('.tmp')))
      .map((e) => rm(path.join(outDir, e), { force: true })),
  );
}

/** Write `file` anew and flush it: a file or link already there is removed first, never written through. */
async function writeSynced(file: string, bytes: Uint8Array | string): Promise<void> {
  await rm(file, { force: true });
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * One file written on its own, atomically: to a temporary file beside it, flushed, then renamed
 * over it (a reader sees the old file or the new one, never a part). Not a build's set: no lock,
 * no journal (`check --review FILE` writes its page so). The temporary is removed on failure.
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, tempName(path.basename(file)));
  try {
    await writeSynced(temp, bytes);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
}

/** Lock files this process holds now (a lock naming this process and not listed here is a leftover). */
const heldHere = new Set<string>();

/**
 * Take the output folder's lock, run `work`, release. A build holds it from before it reads
 * anything of the folder (the previous manifest, outputs it may keep, the history) until its
 * outputs are in place, so two builds, a build and a watch's rebuild, never mix their files. A
 * lock left by a dead process is taken over, and so is one that is empty or unreadable and
 * older than a few seconds (its creator died, or the disk was full, before writing its process
 * id), one whose process is alive but is not the build that took it (its process id reused by
 * another program), and one older than a day; the last two with a warning, passed to `warn`.
 * Outputs interrupted by a signal are restored inside `work`; the signal is raised again here,
 * after the lock is released.
 */
export async function withOutputLock<T>(outDir: string, shownOut: string, work: () => Promise<T>, warn: (d: Diagnostic) => void = () => undefined): Promise<T> {
  await mkdir(outDir, { recursive: true });
  const lock = path.join(outDir, LOCK_FILE);
  await acquire(lock, shownOut, warn);
  heldHere.add(lock);
  try {
    return await work();
  } catch (error) {
    if (error instanceof Interrupted) {
      heldHere.delete(lock);
      await rm(lock, { force: true });
      process.kill(process.pid, error.signal);
      // Another listener (watch mode) handles the signal: report the build as interrupted.
      throw new UserError([diagnostic('output-unwritable', `interrupted by ${error.signal}: ${shownOut} was left as it was`)]);
    }
    throw error;
  } finally {
    if (heldHere.delete(lock)) await rm(lock, { force: true });
  }
}

/**
 * How long a build waits for another one to finish (a whole build: a second or two for the seeds,
 * a minute for 10,000 statements). BRIEFING_LOCK_WAIT_MS sets it (tests).
 */
function lockWaitMs(): number {
  const set = Number(process.env.BRIEFING_LOCK_WAIT_MS);
  return Number.isFinite(set) && set >= 0 ? set : 10 * 60 * 1000;
}
/** An empty or unreadable lock older than this was left by a build that never wrote its id. */
export const STALE_LOCK_MS = 5000;
/** No build takes a day: a lock older than this is taken over whoever it names. */
export const ANCIENT_LOCK_MS = 24 * 60 * 60 * 1000;

async function acquire(lock: string, shownOut: string, warn: (d: Diagnostic) => void): Promise<void> {
  const started = Date.now();
  const wait = lockWaitMs();
  for (;;) {
    try {
      await createLock(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const { holder, stale, why } = await lockState(lock);
      const known = holder !== undefined;
      if (stale) {
        if (why) warn(diagnostic('lock-taken-over', `took over ${path.join(shownOut, LOCK_FILE)}: ${why}`));
        await rm(lock, { force: true });
        continue;
      }
      // An empty lock is one another build has just created and not yet written: wait until it is stale.
      if (Date.now() - started < (known ? wait : Math.max(wait, STALE_LOCK_MS + 1000))) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const who = known ? `another build (process ${holder})` : 'another build';
      throw new UserError(
        [
          diagnostic(
            'lock-held',
            `${who} is writing to ${shownOut}; wait for it to finish, or delete ${path.join(shownOut, LOCK_FILE)} if no build is running`,
          ),
        ],
        EXIT.content,
      );
    }
  }
}

/** What a lock says: `PID` on its first line, then `briefing start=TICKS` (when the process's start time is known). */
function parseLock(text: string): { pid?: number; start?: string } {
  const [first = '', second = ''] = text.split('\n');
  const pid = Number.parseInt(first, 10);
  if (!(Number.isInteger(pid) && pid > 0 && String(pid) === first.trim())) return {};
  const start = /^briefing start=(\d+)$/.exec(second.trim())?.[1];
  return start !== undefined ? { pid, start } : { pid };
}

/**
 * Who holds a lock, and whether it is stale (and why, when taking it over deserves a warning):
 * its process is gone; or it is not the process that took the lock (another start time, or, for
 * a lock without one, a program that is not briefing); or the lock is older than a day; or it is
 * empty or unreadable and older than a few seconds. A link is not followed.
 */
async function lockState(lock: string): Promise<{ holder?: number; stale: boolean; why?: string }> {
  const bytes = await readRegularFile(lock, 'manifest', { follow: false, limit: 4096 });
  const info = await lstat(lock).catch(() => undefined);
  const age = info ? Date.now() - info.mtimeMs : 0;
  const { pid, start } = isProblem(bytes) ? {} : parseLock(bytes.toString('utf8'));
  if (pid === undefined) return { stale: info !== undefined && age > STALE_LOCK_MS };
  if (pid === process.pid) return { holder: pid, stale: !heldHere.has(lock) };
  if (!isAlive(pid)) return { holder: pid, stale: true };
  if (age > ANCIENT_LOCK_MS) return { holder: pid, stale: true, why: `it is ${Math.floor(age / 3_600_000)} hours old, and no build takes a day (process ${pid} is running, but is not writing here)` };
  const now = processStart(pid);
  if (start !== undefined && now !== undefined && now !== start) return { holder: pid, stale: true, why: `the build that took it (process ${pid}) is gone; that process id now belongs to another program` };
  if (start === undefined) {
    const command = processCommand(pid);
    if (command !== undefined && !/briefing/.test(command)) return { holder: pid, stale: true, why: `process ${pid}, which it names, is not a briefing build (${command.slice(0, 60)})` };
  }
  return { holder: pid, stale: false };
}

/** A process's start time in clock ticks since boot (Linux /proc), or undefined where unknown. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

/** A process's command line (Linux /proc), or undefined where unknown. */
function processCommand(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\u0000').join(' ').trim();
  } catch {
    return undefined;
  }
}

/** Create the lock with this process's id and start time; a lock that cannot be written whole is removed again. */
async function createLock(lock: string): Promise<void> {
  const handle = await open(lock, 'wx');
  try {
    const start = processStart(process.pid);
    await handle.writeFile(`${process.pid}\n${start !== undefined ? `briefing start=${start}\n` : ''}`);
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(lock, { force: true });
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * BRIEFING_TEST_FAULT=STEP:ACTION, for tests only: at STEP (see `commitSteps`), `fail` throws an
 * I/O error, `term` sends this process SIGTERM, `kill` SIGKILL.
 */
function testFault(): { step: string; fire: () => Promise<void> } | undefined {
  const spec = process.env.BRIEFING_TEST_FAULT;
  if (!spec) return undefined;
  const at = spec.lastIndexOf(':');
  const step = spec.slice(0, at);
  const action = spec.slice(at + 1);
  return {
    step,
    fire: async () => {
      if (action === 'kill') process.kill(process.pid, 'SIGKILL');
      if (action === 'term') {
        process.kill(process.pid, 'SIGTERM');
        // let the signal be delivered before the next step
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (action === 'fail') throw Object.assign(new Error(`injected fault at ${step}`), { code: 'EIO' });
      if (action === 'kill') await new Promise((resolve) => setTimeout(resolve, 10_000));
    },
  };
}
