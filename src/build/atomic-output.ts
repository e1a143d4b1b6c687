// Writing outputs safely: each file to a temporary name, flushed, then renamed over the old one;
// one build at a time per output folder, under a lock file.
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, EXIT, UserError } from '../diagnostics/diagnostic.js';

export const LOCK_FILE = '.briefing.lock';

/** Write `bytes` to `file` atomically: a reader sees the old file or the new one, never half of one. */
export async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Take the output folder's lock, run `work`, release. A lock left by a dead process is taken over. */
export async function withOutputLock<T>(outDir: string, shownOut: string, work: () => Promise<T>): Promise<T> {
  await mkdir(outDir, { recursive: true });
  const lock = path.join(outDir, LOCK_FILE);
  await acquire(lock, shownOut);
  const release = () => rm(lock, { force: true });
  try {
    return await work();
  } finally {
    await release();
  }
}

/** How long a build waits for another one to finish writing (writing takes milliseconds). */
const LOCK_WAIT_MS = 3000;

async function acquire(lock: string, shownOut: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
      // An empty lock is one that another build has just created and not yet written.
      const known = Number.isInteger(holder) && holder > 0;
      if (known && (holder === process.pid || !isAlive(holder))) {
        // Left by a build that was killed: take it over.
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() < deadline) {
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temporary files a killed build may have left behind. */
export async function removeStaleTemporaries(outDir: string, names: readonly string[]): Promise<void> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((e) => names.some((n) => e.startsWith(`.${n}.`) && e.endsWith('.tmp')))
      .map((e) => rm(path.join(outDir, e), { force: true })),
  );
}
