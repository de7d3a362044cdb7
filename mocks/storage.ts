/**
 * Where the mock keeps its state: one structured-cloneable document, loaded
 * and saved whole. Small enough for that, and it keeps every request's
 * load → modify → save one unit that a lock can guard.
 */
export interface StateStorage {
  /** Runs `task` while no other task of this storage runs (in any tab, for IndexedDB). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** The saved document, a copy of its own; `undefined` when nothing is saved. */
  load(): Promise<unknown>;
  save(state: unknown): Promise<void>;
  /** Releases connections; a later call opens them again. */
  close(): void;
}

export type StorageKind = 'memory' | 'indexeddb';

/** Lives as long as the page (or the Node process). */
export function memoryStorage(): StateStorage {
  let saved: unknown;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    exclusive<T>(task: () => Promise<T>): Promise<T> {
      const run = queue.then(task, task);
      queue = run.catch(() => undefined);
      return run;
    },
    load: async () => structuredClone(saved),
    save: async (state) => {
      saved = structuredClone(state);
    },
    close() {},
  };
}

const STORE = 'state';
const KEY = 'current';

/**
 * Survives page loads and is shared by every tab of the origin. Each task
 * holds a Web Lock named after the database, so two tabs never interleave a
 * load and a save and lose each other's writes.
 */
export function indexedDbStorage(dbName: string): StateStorage {
  let connection: Promise<IDBDatabase> | undefined;

  const open = (): Promise<IDBDatabase> =>
    (connection ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const db = request.result;
        // Let another tab or a test delete or upgrade the database.
        db.onversionchange = () => {
          db.close();
          connection = undefined;
        };
        resolve(db);
      };
      request.onerror = () => {
        connection = undefined;
        reject(request.error);
      };
    }));

  async function run<T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await open();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = operation(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = transaction.onabort = () => reject(transaction.error ?? request.error);
    });
  }

  return {
    exclusive: (task) => navigator.locks.request(`lk-widgets-mock:${dbName}`, task),
    load: () => run('readonly', (store) => store.get(KEY)),
    save: async (state) => {
      await run('readwrite', (store) => store.put(state, KEY));
    },
    close() {
      void connection?.then((db) => db.close());
      connection = undefined;
    },
  };
}
