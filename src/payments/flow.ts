import type { Client } from '../api/client.js';
import { isApiError } from '../api/errors.js';
import { fetchPayments, newIdempotencyKey, pay } from '../api/payments.js';
import type { Clock } from '../context/clock.js';
import type { Account } from '../schemas/account.js';
import type { Payment, PaymentRequest, PaymentResponse, Receipt } from '../schemas/payment.js';
import type { AcceptedReading } from '../schemas/reading.js';
import { KNOWN_PAYMENT_IDS } from './pending.js';
import type { PendingPayment, PendingPayments, PendingScope } from './pending.js';

/** A payment the user chose, for the account it was chosen on: what the confirmation shows is what is paid. */
export interface PaymentDraft {
  readonly account: Account;
  readonly request: PaymentRequest;
}

/** Why a payment's outcome is not known. */
export type UncertainReason =
  /** A timeout, a lost connection, a server error or an unreadable answer. */
  | 'fault'
  /** The backend is still processing the first try (409 `idempotency_key_in_use`). */
  | 'in-use';

/**
 * Where a payment is. The view renders each state; only the flow moves
 * between them:
 *
 * ```text
 * choose ─confirm()→ confirm ─pay()→ (preparing, until the recent payments are read) → sending → paid
 *                      │                                                               ├──→ declined ─pay()→ sending (a new key)
 *                      └─change()→ choose
 *                                                  ├──→ refused  ─pay()→ sending (a new key)
 *                                                  ├──→ invalid  (the view goes back to its fields)
 *                                                  └──→ uncertain ─retry()→ sending (the same key)
 *                                                          └─checkPayments()→ checking → paid | declined | uncertain
 * open() with a pending payment of the user and account → sending (the same key)
 * ```
 */
export type PaymentState =
  | { readonly name: 'choose' }
  | {
      readonly name: 'confirm';
      readonly draft: PaymentDraft;
      /** A succeeded payment of the same amount within {@link DUPLICATE_WINDOW}: the confirmation says so and asks again. */
      readonly duplicate: Payment | undefined;
      /** Whether the recent payments have been read (or could not be). */
      readonly checked: boolean;
    }
  /** "Оплатить" was pressed while the recent payments were still being read: it goes once they are. */
  | { readonly name: 'preparing'; readonly draft: PaymentDraft }
  | {
      readonly name: 'sending';
      readonly draft: PaymentDraft;
      /** Whether this is another try of a payment whose outcome was not known. */
      readonly retry: boolean;
    }
  | {
      readonly name: 'paid';
      readonly draft: PaymentDraft;
      readonly payment: Payment;
      readonly receipt: Receipt;
      /** The readings accepted with it (none when the outcome was read from the payments list). */
      readonly readings: readonly AcceptedReading[];
      /** Whether a payment made earlier (a pending one) was found paid, rather than made now. */
      readonly earlier: boolean;
    }
  /** The bank declined the card: nothing was charged. `pay()` again makes a new key. */
  | { readonly name: 'declined'; readonly draft: PaymentDraft; readonly earlier: boolean }
  /** The backend refused it before paying (the account is gone, say): nothing was charged. */
  | { readonly name: 'refused'; readonly draft: PaymentDraft; readonly error: unknown }
  /** The backend refused the amount or a reading: `fieldErrors` by field (`amount`, `readings.0.value`). */
  | { readonly name: 'invalid'; readonly draft: PaymentDraft; readonly fieldErrors: Readonly<Record<string, readonly string[]>> }
  | {
      readonly name: 'uncertain';
      readonly draft: PaymentDraft;
      readonly reason: UncertainReason;
      /** The fault, for `reason: 'fault'`. */
      readonly error: unknown;
      /** How many tries in a row left it unknown: from 2 on, the view offers to look in the payments list. */
      readonly tries: number;
      /** The payments list was read and did not have it yet. */
      readonly notListed: boolean;
    }
  /** Reading the payments list for a payment whose outcome is not known. */
  | { readonly name: 'checking'; readonly draft: PaymentDraft; readonly tries: number };

export type PaymentStateName = PaymentState['name'];

/** How far back a payment of the same amount counts as possibly the same one: 10 minutes. */
export const DUPLICATE_WINDOW = 10 * 60_000;

/** The longest the confirmation waits for the recent payments: a slow list must not hold up a payment. */
export const DUPLICATE_CHECK_TIMEOUT = 3000;

/**
 * A payment counts as this one in the payments list when it was made no
 * earlier than this before it was sent (the backend's clock may be behind
 * the page's): 5 minutes.
 */
const CLOCK_SKEW = 5 * 60_000;

/** What the flow tells the element it lives in, so the page learns of it. */
export interface PaymentFlowHooks {
  /**
   * A payment was made. `response` is the backend's answer when it came now;
   * without it (the outcome read from the payments list), or when it is a
   * replay of an earlier answer, the account's figures must be read again.
   */
  paid?(outcome: { draft: PaymentDraft; payment: Payment; receipt: Receipt; response?: PaymentResponse; replayed: boolean }): void;
  /** The account's payments list may have a new entry (a decline, a payment that may have gone through). */
  activity?(accountId: string): void;
  /** A failure the user is shown. */
  failed?(error: unknown): void;
}

/** What the flow works with; read when needed, so an element may find its provider late. */
export interface PaymentFlowOptions {
  client: () => Client;
  clock: () => Clock;
  pending: PendingPayments;
  hooks?: PaymentFlowHooks;
  /** Makes an `Idempotency-Key`. */
  newKey?: () => string;
}

/**
 * The payment protocol, without a DOM: a state machine that owns the draft,
 * the `Idempotency-Key` and every answer of the payments endpoint, so that
 * nothing is paid twice under any fault:
 *
 * - the key is made once, by {@link pay}, and every retry sends it again;
 * - a second {@link pay} while one is on its way does nothing (a double
 *   click, or Enter then a click, makes one request);
 * - a payment whose outcome is not known is kept in {@link PendingPayments}
 *   from before it is sent until an answer settles it, so it outlives a
 *   logout, an expired session and a reload; {@link open} resolves it
 *   (the same key again) before anything new can be paid;
 * - a payment of the same amount in the last ten minutes is pointed out
 *   before a new one is paid.
 *
 * Fires `change` on every move.
 */
export class PaymentFlow extends EventTarget {
  #state: PaymentState = { name: 'choose' };
  readonly #options: PaymentFlowOptions;
  /** Whose payments: the session's user and the account, on the client's backend. */
  #scope: PendingScope | undefined;
  /** The payment sent last: its key and when it went. */
  #pending: PendingPayment | undefined;
  /** Moves on at every {@link open} and {@link close}: an answer for an older one settles its pending payment but not the state. */
  #generation = 0;

  constructor(options: PaymentFlowOptions) {
    super();
    this.#options = options;
  }

  get state(): PaymentState {
    return this.#state;
  }

  /** Whose payments the flow is about, if any. */
  get scope(): PendingScope | undefined {
    return this.#scope;
  }

  /**
   * Whether the flow holds a payment the user must see through before
   * another account's can start: one on its way, one whose outcome is not
   * known, or one just paid (its receipt).
   */
  get locked(): boolean {
    const { name } = this.#state;
    return name === 'sending' || name === 'uncertain' || name === 'checking' || name === 'paid';
  }

  /**
   * Starts the flow for a user's account. If a payment of theirs is
   * pending, it is sent again with its key at once (what the backend says
   * settles it); else the flow is at the choice.
   */
  open(scope: PendingScope, account: Account): void {
    if (this.#scope && sameScope(this.#scope, scope)) return;
    this.#generation += 1;
    this.#scope = scope;
    this.#pending = undefined;
    const pending = this.#options.pending.get(scope);
    if (!pending) {
      this.#set({ name: 'choose' });
      return;
    }
    this.#pending = pending;
    void this.#send({ account, request: pending.request }, pending, true);
  }

  /** Forgets the user and the account (logged out); a pending payment stays stored for their next visit. */
  close(): void {
    this.#generation += 1;
    this.#scope = undefined;
    this.#pending = undefined;
    this.#set({ name: 'choose' });
  }

  /**
   * "Продолжить": the draft goes to the confirmation at once, while the
   * account's recent payments are read for one of the same amount.
   */
  confirm(draft: PaymentDraft): void {
    const { name } = this.#state;
    if (name !== 'choose' && name !== 'invalid') return;
    const generation = this.#generation;
    this.#knownIds = null;
    this.#set({ name: 'confirm', draft, duplicate: undefined, checked: false });
    this.#check = this.#recentPayments(draft.account.id).then((recent) => {
      const state = this.state;
      if (generation !== this.#generation || state.name === 'choose' || !('draft' in state) || state.draft !== draft) return;
      const since = this.#options.clock().now() - DUPLICATE_WINDOW;
      const duplicate = recent?.find(
        (payment) => payment.status === 'succeeded' && payment.amount === draft.request.amount && Date.parse(payment.createdAt) >= since,
      );
      this.#knownIds = recent ? recent.slice(0, KNOWN_PAYMENT_IDS).map((payment) => payment.id) : null;
      if (state.name === 'confirm') this.#set({ ...state, duplicate, checked: true });
      return duplicate;
    });
  }

  /** The check of the recent payments started by the last {@link confirm}; resolves to a duplicate, if any. */
  #check: Promise<Payment | undefined> = Promise.resolve(undefined);
  /** The payments known at the confirmation, kept with the payment when it is sent. */
  #knownIds: readonly string[] | null = null;

  /** "Изменить": back to the choice. */
  change(): void {
    const { name } = this.#state;
    if (name === 'confirm' || name === 'declined' || name === 'refused' || name === 'preparing') this.#set({ name: 'choose' });
  }

  /** "Новый платеж" after a receipt; and back to the choice after `invalid`, once the view has shown the errors. */
  restart(): void {
    if (this.#state.name === 'paid' || this.#state.name === 'invalid') this.#set({ name: 'choose' });
  }

  /**
   * "Оплатить": a new `Idempotency-Key` for the confirmed draft, and exactly
   * one request. Only from the confirmation (or after a decline or a refusal,
   * which paid nothing): never while a payment is on its way or not known.
   * Pressed before the recent payments are read, it waits for them: a
   * payment of the same amount then stops it, and the confirmation asks again.
   */
  pay(): void {
    const state = this.#state;
    if (state.name === 'confirm' && !state.checked) {
      void this.#payWhenChecked(state.draft);
      return;
    }
    if (state.name !== 'confirm' && state.name !== 'declined' && state.name !== 'refused') return;
    this.#payNow(state.draft);
  }

  async #payWhenChecked(draft: PaymentDraft): Promise<void> {
    const generation = this.#generation;
    this.#set({ name: 'preparing', draft });
    const duplicate = await this.#check;
    if (generation !== this.#generation || this.state.name !== 'preparing') return;
    if (duplicate) this.#set({ name: 'confirm', draft, duplicate, checked: true });
    else this.#payNow(draft);
  }

  #payNow(draft: PaymentDraft): void {
    const scope = this.#scope;
    if (!scope) return;
    const pending: PendingPayment = {
      ...scope,
      key: (this.#options.newKey ?? newIdempotencyKey)(),
      request: draft.request,
      sentAt: this.#options.clock().now(),
      knownPaymentIds: this.#knownIds,
    };
    void this.#send(draft, pending, false);
  }

  /** "Повторить": the same key and the same body, so the backend answers as it did the first time and pays once. */
  retry(): void {
    const state = this.#state;
    if (state.name !== 'uncertain' || !this.#pending) return;
    void this.#send(state.draft, this.#pending, true, state.tries);
  }

  /**
   * "Проверить по истории платежей": reads the account's payments for one
   * of the same amount made since this one was sent and not known before
   * it. Found, it settles the payment (paid or declined); not found, the
   * payment stays unknown and "Повторить" stays the way on. Makes no key.
   */
  async checkPayments(): Promise<void> {
    const state = this.#state;
    const pending = this.#pending;
    if (state.name !== 'uncertain' || !pending) return;
    const generation = this.#generation;
    this.#set({ name: 'checking', draft: state.draft, tries: state.tries });
    let payments: Payment[];
    try {
      payments = await fetchPayments(this.#options.client(), pending.accountId);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#options.hooks?.failed?.(error);
      this.#set({ ...state, reason: 'fault', error, notListed: false });
      return;
    }
    if (generation !== this.#generation) return;
    const found = payments.find((payment) => isThisPayment(payment, pending));
    if (!found) {
      this.#set({ ...state, notListed: true });
      return;
    }
    this.#settle(pending);
    if (found.status === 'succeeded' && found.receipt) {
      this.#set({ name: 'paid', draft: state.draft, payment: found, receipt: found.receipt, readings: [], earlier: true });
      this.#options.hooks?.paid?.({ draft: state.draft, payment: found, receipt: found.receipt, replayed: true });
    } else {
      this.#set({ name: 'declined', draft: state.draft, earlier: true });
    }
  }

  async #send(draft: PaymentDraft, pending: PendingPayment, retry: boolean, tries = 0): Promise<void> {
    if (this.#state.name === 'sending') return;
    const generation = this.#generation;
    const hooks = this.#options.hooks;
    this.#pending = pending;
    // Kept before the request leaves: whatever happens to the page or the session from now on,
    // the next visit knows a payment may have been made, and with which key.
    this.#options.pending.put(pending);
    this.#set({ name: 'sending', draft, retry });
    const current = () => generation === this.#generation;
    try {
      const answer = await pay(this.#options.client(), pending.accountId, pending.request, { idempotencyKey: pending.key });
      this.#settle(pending);
      if (!current()) return;
      this.#set({ name: 'paid', draft, payment: answer.payment, receipt: answer.receipt, readings: answer.readings, earlier: retry });
      hooks?.paid?.({ draft, payment: answer.payment, receipt: answer.receipt, response: answer, replayed: answer.replayed });
    } catch (error) {
      const next = this.#afterFailure(draft, pending, retry, tries, error);
      if (!current()) return;
      // A refusal for want of a session is no failure to report: the session logs out and the view says to log in.
      const loggedOut = isApiError(error) && error.status === 401;
      if (next.name === 'uncertain' || (next.name === 'refused' && !loggedOut)) hooks?.failed?.(error);
      if (next.name !== 'invalid' && next.name !== 'refused') hooks?.activity?.(pending.accountId);
      this.#set(next);
    }
  }

  /** What an error answer to a payment means for it. Settles the pending payment when nothing can have been paid. */
  #afterFailure(draft: PaymentDraft, pending: PendingPayment, retry: boolean, tries: number, error: unknown): PaymentState {
    if (isApiError(error)) {
      if (error.status === 402) {
        // Declined: nothing was charged, and a replay says so too.
        this.#settle(pending);
        return { name: 'declined', draft, earlier: retry };
      }
      if (error.status === 409 && error.code === 'idempotency_key_in_use') {
        return { name: 'uncertain', draft, reason: 'in-use', error, tries: tries + 1, notListed: false };
      }
      const fieldErrors = error.status === 422 ? error.fieldErrors : {};
      if (Object.keys(fieldErrors).some((field) => field === 'amount' || field.startsWith('readings.'))) {
        // The amount or a reading was refused: nothing was paid, under this key either.
        this.#settle(pending);
        return { name: 'invalid', draft, fieldErrors };
      }
      if (!retry && error.status < 500 && error.code !== 'idempotency_key_reused') {
        // Refused before anything was paid: no session (401), the account gone (404), …
        this.#settle(pending);
        return { name: 'refused', draft, error };
      }
    }
    // A fault, or a refusal of a retry (the session ended, the key is no longer known): the first
    // try may have paid. Only the same key, or the payments list, can tell.
    return { name: 'uncertain', draft, reason: 'fault', error, tries: tries + 1, notListed: false };
  }

  /** The payment's outcome is known: it is no longer pending. */
  #settle(pending: PendingPayment): void {
    this.#options.pending.remove(pending, pending.key);
    if (this.#pending?.key === pending.key) this.#pending = undefined;
  }

  /** The account's payments, newest first; `undefined` when they cannot be read (then no warning is possible). */
  async #recentPayments(accountId: string): Promise<Payment[] | undefined> {
    try {
      return await fetchPayments(this.#options.client(), accountId, { signal: AbortSignal.timeout(DUPLICATE_CHECK_TIMEOUT) });
    } catch {
      // The warning is a courtesy: a list that cannot be read must not stop a payment.
      return undefined;
    }
  }

  #set(state: PaymentState): void {
    this.#state = state;
    this.dispatchEvent(new Event('change'));
  }
}

const sameScope = (a: PendingScope, b: PendingScope) =>
  a.apiBase === b.apiBase && a.userId === b.userId && a.accountId === b.accountId;

/** Whether `payment`, from the payments list, is the pending one: same amount, made since it was sent, and not known before. */
function isThisPayment(payment: Payment, pending: PendingPayment): boolean {
  if (payment.amount !== pending.request.amount) return false;
  if (pending.knownPaymentIds) return !pending.knownPaymentIds.includes(payment.id);
  return Date.parse(payment.createdAt) >= pending.sentAt - CLOCK_SKEW;
}
