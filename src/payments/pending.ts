import * as v from 'valibot';
import { IdempotencyKeySchema, PaymentRequestSchema } from '../schemas/payment.js';
import type { PaymentRequest } from '../schemas/payment.js';

/**
 * A payment whose outcome is not known: it was sent and no definite answer
 * came back (a timeout, a lost connection, a server error, "still being
 * processed"). It is kept until a retry with the same `Idempotency-Key`, or
 * the account's payments list, says what happened, so the same money is
 * never paid twice — also across a logout, an expired session or a reload.
 *
 * Nothing in it is secret: who (the user's and the account's ids), where
 * (the API base), the key and what was asked for.
 */
export interface PendingPayment {
  /** The API base the payment was sent to: two backends on one page keep their own. */
  readonly apiBase: string;
  readonly userId: string;
  readonly accountId: string;
  /** The payment's `Idempotency-Key`: every retry sends it again. */
  readonly key: string;
  readonly request: PaymentRequest;
  /** When it was first sent, ms on the element's clock. */
  readonly sentAt: number;
  /**
   * The ids of the account's payments known before it was sent, newest
   * first; `null` when the list could not be read. A payment of the same
   * amount that is not among them can only be this one.
   */
  readonly knownPaymentIds: readonly string[] | null;
}

/** Whose pending payment: one per user and account on one backend. */
export interface PendingScope {
  readonly apiBase: string;
  readonly userId: string;
  readonly accountId: string;
}

/** Where pending payments are kept. */
export interface PendingPayments {
  get(scope: PendingScope): PendingPayment | undefined;
  put(payment: PendingPayment): void;
  remove(scope: PendingScope, key: string): void;
}

/** How many of the newest payment ids a pending payment remembers. */
export const KNOWN_PAYMENT_IDS = 50;

const PendingPaymentSchema = v.object({
  apiBase: v.string(),
  userId: v.string(),
  accountId: v.string(),
  key: IdempotencyKeySchema,
  request: PaymentRequestSchema,
  sentAt: v.number(),
  knownPaymentIds: v.nullable(v.pipe(v.array(v.string()), v.maxLength(KNOWN_PAYMENT_IDS))),
});

/** The `localStorage` key: one list for every copy of the SDK on the origin. */
export const PENDING_PAYMENTS_KEY = 'lk-widgets.pending-payments';

const sameScope = (a: PendingScope, b: PendingScope) =>
  a.apiBase === b.apiBase && a.userId === b.userId && a.accountId === b.accountId;

/**
 * Pending payments in the origin's `localStorage`, so they outlive the page,
 * the session and the tab; in memory where storage is not available (a
 * sandboxed frame, a full quota): then they live as long as the page.
 * Entries that do not read as pending payments are dropped, never trusted.
 */
export function storedPendingPayments(storage: () => Storage | undefined = defaultStorage): PendingPayments {
  let memory: PendingPayment[] = [];

  const load = (): PendingPayment[] => {
    const store = storage();
    if (!store) return memory;
    try {
      const text = store.getItem(PENDING_PAYMENTS_KEY);
      if (text === null) return [];
      const parsed = v.safeParse(v.array(v.unknown()), JSON.parse(text));
      if (!parsed.success) return [];
      return parsed.output.flatMap((entry) => {
        const checked = v.safeParse(PendingPaymentSchema, entry);
        return checked.success ? [checked.output] : [];
      });
    } catch {
      // Storage that cannot be read (a blocked origin) or an entry that is not JSON.
      return memory;
    }
  };

  const save = (payments: PendingPayment[]): void => {
    memory = payments;
    const store = storage();
    if (!store) return;
    try {
      if (payments.length === 0) store.removeItem(PENDING_PAYMENTS_KEY);
      else store.setItem(PENDING_PAYMENTS_KEY, JSON.stringify(payments));
    } catch {
      // Kept in memory: the page still never pays twice while it is open.
    }
  };

  return {
    get: (scope) => load().find((payment) => sameScope(payment, scope)),
    put(payment) {
      save([...load().filter((known) => !sameScope(known, payment)), payment]);
    },
    remove(scope, key) {
      save(load().filter((known) => !(sameScope(known, scope) && known.key === key)));
    },
  };
}

function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // A sandboxed frame throws on the very access.
    return undefined;
  }
}

/** The page's one store of pending payments, shared by every `<lk-pay-now>` of this copy of the SDK. */
export const pendingPayments: PendingPayments = storedPendingPayments();
