/// <reference types="node" />
import { randomBytes } from 'node:crypto';
import { open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { StateStorage } from '../storage.js';

/** Why the data file cannot be used; the CLI prints the message and exits non-zero. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** A {@link StateStorage} on a JSON file, with `flush()` for a clean shutdown. */
export interface FileStorage extends StateStorage {
  readonly path: string;
  /** Settles once every save begun so far is on disk. */
  flush(): Promise<void>;
}

/**
 * Opens a JSON data file: reads it now, so a file that cannot be read or is
 * not a JSON object fails at start with a {@link DataFileError} (and is left
 * as it is) rather than at the first request. A missing file is an empty
 * state: the backend seeds it and the first save creates it.
 *
 * The state is kept in memory and written whole on every save: to a
 * temporary file beside it, fsynced, then renamed over the data file (a
 * rename within one folder replaces it at once), then the folder fsynced.
 * A crash or a kill at any moment leaves either the old file or the new
 * one, never half of one.
 */
export async function openFileStorage(path: string): Promise<FileStorage> {
  let saved = await readDataFile(path);
  await removeStaleTemporaryFiles(path);
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    path,
    exclusive,
    load: async () => structuredClone(saved),
    async save(state) {
      const text = `${JSON.stringify(state, null, 2)}\n`;
      await writeAtomically(path, text);
      saved = structuredClone(state);
    },
    // Saves run inside exclusive tasks: once the queue drains, they are on disk.
    flush: () => exclusive(async () => undefined),
    close() {},
  };
}

async function readDataFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(`cannot read the data file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    throw new DataFileError(`the data file ${path} is not valid JSON; it was left as it is: fix it, or delete it to start from the seed`);
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new DataFileError(`the data file ${path} does not hold a JSON object; it was left as it is: delete it to start from the seed`);
  }
  return state;
}

/** `.state.json.<pid>.<random>.tmp`: beside the data file, hidden, never a name another program would choose. */
const temporaryPrefix = (path: string) => `.${basename(path)}.`;
const TEMPORARY_SUFFIX = '.tmp';

/** A process killed mid-write leaves its temporary file; the data file itself is whole, so the leftover goes. */
async function removeStaleTemporaryFiles(path: string): Promise<void> {
  const folder = dirname(path);
  const names = await readdir(folder).catch(() => [] as string[]);
  const stale = names.filter((name) => name.startsWith(temporaryPrefix(path)) && name.endsWith(TEMPORARY_SUFFIX));
  await Promise.all(stale.map((name) => rm(join(folder, name), { force: true })));
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `${temporaryPrefix(path)}${process.pid}.${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`);
  try {
    const file = await open(temporary, 'w', 0o600);
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable. Some systems cannot open a folder for it; the rename has happened anyway. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not every platform can fsync a directory (Windows); the data file is whole either way.
  }
}
