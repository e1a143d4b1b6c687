// `check`: when every input hashes as at the last check of the same workspace (the same way, with
// the same tool), that check's output again, from its record, without parsing anything; else the
// full check (check-full.ts, loaded only then), whose output is recorded for the next time.
import type { Io } from './io.js';
import { assertWorkspaceFolder } from '../inputs/workspace-folder.js';
import { checkHash, checkRecords, hashCheckInputs, readRecord, recordingIo, recordName, replay, sameInputs, writeRecord, type CheckOptions } from './check-record.js';

export type { CheckOptions };

export async function runCheck(options: CheckOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const store = checkRecords(env);
  // A check that writes the review page runs in full: a record replays what a check printed, not what it wrote.
  if (!store || options.review !== undefined) return (await fullCheck(options, io, env)).exitCode;
  const dir = await assertWorkspaceFolder(options.workspace);
  const name = recordName(dir, options);
  const record = readRecord(store, name);
  const before = await hashCheckInputs(dir, options, record?.logos ?? []);
  if (record && (await checkHash(dir, options, before, env)) === record.hash) return replay(record, io);

  const recording = recordingIo(io);
  const checked = await fullCheck(options, recording.io, env);
  // Recorded only when no input changed while the check read them: the record then names the
  // bytes the check saw.
  const after = await hashCheckInputs(dir, options, checked.logos);
  if (sameInputs(before, after)) writeRecord(store, name, { hash: await checkHash(dir, options, after, env), logos: checked.logos, exitCode: checked.exitCode, writes: recording.writes });
  return checked.exitCode;
}

async function fullCheck(options: CheckOptions, io: Io, env: NodeJS.ProcessEnv): Promise<{ exitCode: number; logos: string[] }> {
  const full = await import('./check-full.js');
  return full.fullCheck(options, io, env);
}
