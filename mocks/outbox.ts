import type { MockDb } from './db.js';
import type { Letter } from './letters.js';

/**
 * The letters the backend sent, for tests and the demo's mailbox panel.
 * They are kept with the data: with `storage: 'indexeddb'` they survive
 * page loads and every tab sees them; `backend.reset()` empties the outbox.
 */
export interface MockOutbox {
  /** Every letter, newest first. */
  list(): Promise<Letter[]>;
  clear(): Promise<void>;
  /**
   * Calls `listener` with the letters (newest first) whenever this page sees
   * the outbox change: after a transaction of this page that changed it,
   * and, with `storage: 'indexeddb'`, after another tab's (its backend pings
   * this one over a BroadcastChannel) or whenever a request reads the
   * changed data. Returns the unsubscribe function.
   */
  subscribe(listener: (letters: Letter[]) => void): () => void;
}

export interface OutboxOptions {
  /** The BroadcastChannel that tabs sharing the data ping each other on; none for memory storage. */
  channel?: string;
}

/** The outbox, and `close()` for the backend's own `close()`. */
export function createOutbox(db: MockDb, { channel: channelName }: OutboxOptions = {}): MockOutbox & { close(): void } {
  const listeners = new Set<(letters: Letter[]) => void>();
  const channel =
    channelName !== undefined && typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : undefined;
  /** The outbox last seen: letters are only ever appended or all cleared, so its length and last id tell. */
  let seen: string | undefined;

  db.subscribe(({ outbox }, saved) => {
    const signature = `${outbox.length}:${outbox.at(-1)?.id ?? ''}`;
    if (signature === seen) return;
    seen = signature;
    if (saved) channel?.postMessage('outbox');
    const letters = [...outbox].reverse();
    listeners.forEach((listener) => listener(letters));
  });
  if (channel) channel.onmessage = () => void db.read().catch(() => undefined);

  return {
    list: async () => [...(await db.read()).outbox].reverse(),
    async clear() {
      await db.transact((state) => {
        state.outbox = [];
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      channel?.close();
    },
  };
}
