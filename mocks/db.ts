import type { ApiEndpoint } from '../src/api/paths.js';
import type { User } from '../src/schemas/user.js';
import type { CaptchaRecord } from './captcha.js';
import type { FaultKind } from './faults.js';
import type { Letter } from './letters.js';
import type { PasswordHash } from './passwords.js';
import type { IdempotencyRecord, PaymentOutcome, PaymentRecord } from './payments.js';
import type { ConnectionRecord, SupplierAccount } from './supplier-register.js';
import type { SessionRecord } from './sessions.js';
import type { StateStorage } from './storage.js';
import { captchaRequired } from './throttle.js';
import type { ThrottleOptions, ThrottleState } from './throttle.js';
import type { LinkTokenRecord } from './tokens.js';

/**
 * Bumped when the shape of {@link MockState} changes: a saved document of
 * another version (the demo's IndexedDB after an upgrade) is replaced by a
 * fresh seed instead of being misread.
 */
export const MOCK_STATE_VERSION = 6;

export interface UserRecord {
  id: string;
  /** As typed at registration; shown to the user. */
  email: string;
  /** `emailKey(email)`: what logins are matched by (docs/promises.md#32). */
  emailKey: string;
  password: PasswordHash;
  emailConfirmed: boolean;
  /** ISO instant until which an unconfirmed cabinet is kept; `null` once confirmed. */
  confirmUntil: string | null;
  /** ISO instant. */
  createdAt: string;
  /** The version of the user agreement accepted at registration (docs/promises.md#7); `null` for the seed users. */
  agreementVersion: string | null;
  /** ISO instant of the registration through `POST auth/register`; `null` for the seed users. */
  registeredAt: string | null;
}

/** What the demo's mock controls and tests change; kept with the data so the demo's survive reloads. */
export interface MockControls {
  faults: Partial<Record<ApiEndpoint, FaultKind>>;
  /** Added to every answer, ms. */
  latency: number;
  /** What the mock payment provider does with the next payments (payments.ts). */
  paymentOutcome: PaymentOutcome;
}

/**
 * The whole mock database: plain, structured-cloneable data. A feature that
 * adds a collection bumps {@link MOCK_STATE_VERSION}.
 */
export interface MockState {
  version: typeof MOCK_STATE_VERSION;
  /** Mock-clock offset from real time, ms (see clock.ts); kept with the data it dates. */
  clockOffset: number;
  users: Record<string, UserRecord>;
  /** By SHA-256 of the session id (sessions.ts); never by the id. */
  sessions: Record<string, SessionRecord>;
  throttle: ThrottleState;
  controls: MockControls;
  /** Anti-robot challenges handed out and not yet expired, by id (captcha.ts). */
  captchas: Record<string, CaptchaRecord>;
  /** Confirmation and password-reset link tokens, by SHA-256 of the token; never by the token (tokens.ts). */
  tokens: Record<string, LinkTokenRecord>;
  /**
   * The letters sent, oldest first. It stands for the recipients' mailboxes,
   * not for the backend's database: kept here so a letter is sent in the
   * same transaction as its token is made, it is the only place a raw link
   * token exists, as in a real letter.
   */
  outbox: Letter[];
  /** The supplier's register: every account that exists, by account id (supplier-register.ts). */
  supplierRegister: Record<string, SupplierAccount>;
  /** The accounts connected to each cabinet, by user id, oldest first. */
  connections: Record<string, ConnectionRecord[]>;
  /** Payments made, by id. */
  payments: Record<string, PaymentRecord>;
  /** Answers kept for replay, by user id and `Idempotency-Key` (payments.ts). */
  idempotency: Record<string, IdempotencyRecord>;
}

/** The mock clock's time as of `state`. */
export const mockNow = (state: MockState): number => Date.now() + state.clockOffset;

export function findUserByEmailKey(state: MockState, key: string): UserRecord | undefined {
  return Object.values(state.users).find((user) => user.emailKey === key);
}

/** A user as the API describes it (`UserSchema`). */
export function publicUser({ id, email, emailConfirmed, confirmUntil }: UserRecord): User {
  return { id, email, emailConfirmed, confirmUntil };
}

export interface MockDb {
  /** A snapshot of the state; changing it changes nothing. */
  read(): Promise<MockState>;
  /**
   * Loads the state, lets `change` modify it in place, and saves it, all
   * under the storage's lock. When `change` throws, nothing is saved.
   * Keep slow work (password hashing) outside: the lock spans tabs.
   */
  transact<T>(change: (state: MockState) => T | Promise<T>): Promise<T>;
  /** Replaces everything with a fresh seed. */
  reset(): Promise<void>;
  /** Whether a login for this e-mail key must pass the anti-robot check (docs/promises.md#14). */
  captchaRequired(emailKey: string): Promise<boolean>;
  /**
   * Calls `listener` with every state loaded or saved (`saved` tells which),
   * e.g. to keep the clock's offset current. Returns the unsubscribe function.
   */
  subscribe(listener: StateListener): () => void;
  /** Releases the storage's connections. */
  close(): void;
}

export type StateListener = (state: MockState, saved: boolean) => void;

export interface MockDbOptions {
  storage: StateStorage;
  seed: () => Promise<MockState>;
  throttle: ThrottleOptions;
}

const isCurrent = (value: unknown): value is MockState =>
  typeof value === 'object' && value !== null && (value as { version?: unknown }).version === MOCK_STATE_VERSION;

export function createMockDb({ storage, seed, throttle }: MockDbOptions): MockDb {
  const listeners = new Set<StateListener>();
  const publish = (state: MockState, saved: boolean) => [...listeners].forEach((listener) => listener(state, saved));

  async function saveAndPublish(state: MockState) {
    await storage.save(state);
    publish(state, true);
  }

  const db: MockDb = {
    // Every request starts from storage, so a tab sees the other tabs' writes.
    async read() {
      const saved = await storage.load();
      if (!isCurrent(saved)) return db.transact((state) => structuredClone(state));
      publish(saved, false);
      return saved;
    },
    transact(change) {
      return storage.exclusive(async () => {
        const saved = await storage.load();
        const state = isCurrent(saved) ? saved : await seed();
        const result = await change(state);
        await saveAndPublish(state);
        return result;
      });
    },
    reset: () => storage.exclusive(async () => saveAndPublish(await seed())),
    async captchaRequired(emailKey) {
      const state = await db.read();
      return captchaRequired(state.throttle, emailKey, throttle, mockNow(state));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => storage.close(),
  };
  return db;
}
