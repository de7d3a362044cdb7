import type { Payment, Receipt } from '../src/schemas/payment.js';
import type { ProblemCode } from '../src/schemas/problem.js';
import { sha256 } from './crypto.js';
import { paymentId, receiptNumber } from './ids.js';
import type { MockDb, MockState } from './db.js';
import { mockNow } from './db.js';
import type { SupplierAccount } from './supplier-register.js';

/**
 * What the mock payment provider does with a payment, chosen by the demo's
 * controls and by tests: pay; decline the card; or take the payment and never
 * answer (the client times out; a retry with the same `Idempotency-Key`
 * gets the first answer, so it is paid once).
 */
export const PAYMENT_OUTCOMES = ['success', 'declined', 'timeout'] as const;
export type PaymentOutcome = (typeof PAYMENT_OUTCOMES)[number];

export interface PaymentRecord extends Payment {
  userId: string;
}

/**
 * A payment request seen, kept so a retry with the same key gets the same
 * answer and pays once, by user id and key: one user's key never meets
 * another's.
 */
export interface IdempotencyRecord {
  /** {@link requestFingerprint} of the first request: the same key with another request is refused. */
  fingerprint: string;
  /**
   * `processing` until the answer is made; a request that fails on the way
   * deletes its record, so a retry is not refused as one in progress.
   */
  state: 'processing' | 'done';
  status: number;
  /** A success's body, to replay as it was. */
  body: unknown;
  /** A refusal's problem code, to replay as the same problem. */
  problem?: ProblemCode;
  /** Mock-clock ms. */
  createdAt: number;
}

/**
 * How long a `processing` record holds its key, mock-clock ms: a request
 * that never finished (its tab closed while it ran) stops blocking retries
 * with 409 after 2 minutes, far longer than any answer takes.
 */
export const IDEMPOTENCY_PROCESSING_TTL = 2 * 60_000;

/** How long a `done` record is kept for replay, mock-clock ms: 24 hours, as Stripe keeps its keys. */
export const IDEMPOTENCY_REPLAY_TTL = 24 * 60 * 60_000;

/** Whether a record has outlived its time ({@link IDEMPOTENCY_PROCESSING_TTL}, {@link IDEMPOTENCY_REPLAY_TTL}). */
export const isIdempotencyRecordExpired = (record: IdempotencyRecord, now: number): boolean =>
  now - record.createdAt >= (record.state === 'processing' ? IDEMPOTENCY_PROCESSING_TTL : IDEMPOTENCY_REPLAY_TTL);

/**
 * JSON text of a value with every object's members in one order (sorted by
 * name, at any depth) and no whitespace: the same value written with its
 * members in another order, or spaced otherwise, gives the same text.
 * Arrays keep their order, which means something.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_name, member: unknown) =>
    member !== null && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  );
}

/**
 * What makes two requests with one `Idempotency-Key` the same request: the
 * method, the path (which names the account) and the parsed body as
 * {@link canonicalJson}, hashed. The same key sent to another account's path
 * is another request, refused, never a replay of the first account's payment.
 */
export const requestFingerprint = (method: string, path: string, body: unknown): Promise<string> =>
  sha256(canonicalJson({ method: method.toUpperCase(), path, body }));

/** The payment provider's behaviour, kept with the data (the demo's controls survive reloads). */
export interface MockPayments {
  outcome(): Promise<PaymentOutcome>;
  setOutcome(outcome: PaymentOutcome): Promise<void>;
}

export function createPayments(db: MockDb): MockPayments {
  return {
    outcome: async () => (await db.read()).controls.paymentOutcome,
    async setOutcome(outcome) {
      if (!PAYMENT_OUTCOMES.includes(outcome)) throw new RangeError(`Unknown payment outcome: ${outcome}`);
      await db.transact((state) => {
        state.controls.paymentOutcome = outcome;
      });
    },
  };
}

/** Records a payment of `amount` for the account; a succeeded one lowers the period's debt and gets a receipt. */
export function recordPayment(
  state: MockState,
  { account, userId, amount, succeeded, supplierName }: { account: SupplierAccount; userId: string; amount: number; succeeded: boolean; supplierName: string },
): PaymentRecord {
  const now = new Date(mockNow(state)).toISOString();
  const sequence = Object.keys(state.payments).length + 1;
  const id = paymentId(sequence);
  const receipt: Receipt | null = succeeded
    ? { number: receiptNumber(sequence), issuedAt: now, amount, accountNumber: account.number, supplierName }
    : null;
  if (succeeded) account.debt -= amount;
  const payment: PaymentRecord = {
    id,
    userId,
    accountId: account.id,
    createdAt: now,
    amount,
    status: succeeded ? 'succeeded' : 'declined',
    receipt,
  };
  state.payments[id] = payment;
  return payment;
}

/** A payment as the API describes it. */
export function publicPayment({ userId: _userId, ...payment }: PaymentRecord): Payment {
  return payment;
}
