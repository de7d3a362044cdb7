import { IDEMPOTENCY_HEADER, PaymentListSchema, PaymentRequestSchema, PaymentResponseSchema } from '../schemas/payment.js';
import type { Payment, PaymentRequest, PaymentResponse } from '../schemas/payment.js';
import type { CallOptions, Client } from './client.js';
import { endpointPath } from './paths.js';

/** A new `Idempotency-Key`: make it once, when the user confirms a payment, and send it with every try of it. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

/** The answer to a payment, and whether it is the replay of an earlier answer to the same key. */
export interface PaymentAnswer extends PaymentResponse {
  /**
   * The backend answered with `Idempotent-Replayed: true`: this is the answer
   * it gave the first try of the key. Its `account` is as it was then, so
   * read the account again rather than take it as current.
   */
  readonly replayed: boolean;
}

/** The header a backend sets on an answer it replays for a key it has seen (as Stripe does). */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Pays `amount` kopecks on a connected account, with readings if given.
 * The same `idempotencyKey` and body always make one payment: a retry after a
 * timeout or a lost connection gets the first answer (docs/promises.md#18), so
 * retry with the key you made, never with a new one. Rejects with 402
 * `payment_declined`, 422 field errors (`amount`, `readings.<i>.value`),
 * 409 `idempotency_key_in_use` while the first try is still being processed.
 */
export async function pay(
  client: Client,
  accountId: string,
  request: PaymentRequest,
  { idempotencyKey, ...options }: CallOptions & { idempotencyKey: string },
): Promise<PaymentAnswer> {
  let replayed = false;
  const response = await client.request({
    method: 'POST',
    path: endpointPath('payments', { accountId }),
    body: request,
    bodySchema: PaymentRequestSchema,
    responseSchema: PaymentResponseSchema,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
    readHeaders: (headers) => {
      replayed = headers.get(IDEMPOTENT_REPLAYED_HEADER) === 'true';
    },
    ...options,
  });
  return { ...response, replayed };
}

/** The payments of a connected account, newest first: date, amount, status, receipt. */
export async function fetchPayments(client: Client, accountId: string, options: CallOptions = {}): Promise<Payment[]> {
  const { payments } = await client.request({
    method: 'GET',
    path: endpointPath('payments', { accountId }),
    responseSchema: PaymentListSchema,
    ...options,
  });
  return payments;
}
