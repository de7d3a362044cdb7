import { HttpResponse, delay } from 'msw';
import type { HttpHandler } from 'msw';
import * as v from 'valibot';
import { IDEMPOTENCY_HEADER, IdempotencyKeySchema, PaymentRequestSchema } from '../../src/schemas/payment.js';
import type { PaymentList, PaymentResponse } from '../../src/schemas/payment.js';
import { mockNow } from '../db.js';
import { publicPayment, recordPayment, requestFingerprint } from '../payments.js';
import type { IdempotencyRecord, PaymentOutcome } from '../payments.js';
import { fieldsProblem, problem, validationProblem } from '../problem.js';
import { acceptReadings, readingProblems } from '../readings.js';
import { findSupplier } from '../supplier-register.js';
import type { FieldProblem } from '../../src/schemas/problem.js';
import { connectedAccount, connectedIn } from './connected-account.js';
import { endpoint, readJson } from './endpoint.js';
import type { MockContext } from './endpoint.js';

/** `POST` and `GET accounts/:accountId/payments`. */
export function paymentHandlers(context: MockContext): HttpHandler[] {
  const { db, held } = context;

  /**
   * A payment, made once however often it is sent. The `Idempotency-Key`
   * header is required and the body must be JSON and of the schema's shape;
   * then the key is taken for the user in one transaction with the look for
   * an earlier request with it: the same request again (method, path and
   * body: {@link requestFingerprint}) gets the first answer again and
   * nothing is paid again; another request with the key 422; while the
   * first is still being processed 409. The payment itself is one
   * transaction: the account still connected, the readings checked by the
   * meters' rules (nothing is paid when they are wrong), the mock provider
   * doing what the controls say, and the answer kept for replay. A request
   * that ends without an answer to keep, an exception included, gives its
   * key back.
   */
  const pay = endpoint(context, 'payments', 'post', async (request) => {
    const found = await connectedAccount(db, request);
    if (found.refusal) return found.refusal;
    const key = v.safeParse(IdempotencyKeySchema, request.request.headers.get(IDEMPOTENCY_HEADER) ?? '');
    if (!key.success) return problem(400, 'idempotency_key_required');
    const body = await readJson(request.request);
    const parsed = v.safeParse(PaymentRequestSchema, body);
    if (!parsed.success) return validationProblem(parsed.issues);
    const { user, accountId } = found;
    const recordKey = `${user.id}:${key.output}`;
    const fingerprint = await requestFingerprint(request.request.method, new URL(request.request.url).pathname, body);

    const seen = await db.transact((state): IdempotencyRecord | { claimedAt: number } => {
      const record = state.idempotency[recordKey];
      if (record) return record;
      const claimedAt = mockNow(state);
      state.idempotency[recordKey] = { fingerprint, state: 'processing', status: 0, body: null, createdAt: claimedAt };
      return { claimedAt };
    });
    if (!('claimedAt' in seen)) {
      if (seen.fingerprint !== fingerprint) return problem(422, 'idempotency_key_reused');
      if (seen.state === 'processing') return problem(409, 'idempotency_key_in_use');
      // The first answer again, saying it is a replay (as Stripe's Idempotent-Replayed).
      return answerOf(seen, { 'Idempotent-Replayed': 'true' });
    }
    /** Our own `processing` record, not one a later request made after ours expired. */
    const isOurClaim = (record: IdempotencyRecord | undefined) =>
      record?.state === 'processing' && record.createdAt === seen.claimedAt && record.fingerprint === fingerprint;

    type Settled = 'not_found' | 'in_use' | FieldProblem[] | { record: IdempotencyRecord; outcome: PaymentOutcome };
    let settled: Settled;
    try {
      settled = await db.transact((state): Settled => {
        const connected = connectedIn(state, user.id, accountId);
        if (!connected) return 'not_found';
        const current = state.idempotency[recordKey];
        // Ours expired (the mock clock moved on) and another request took the key: it pays, not this one.
        if (current && !isOurClaim(current)) return 'in_use';
        const { account, view } = connected;
        const problems = readingProblems(account, parsed.output.readings ?? []);
        if (problems.length > 0) return problems;
        const outcome = state.controls.paymentOutcome;
        const supplierName = findSupplier(account.supplierId)?.name ?? account.supplierId;
        const succeeded = outcome !== 'declined';
        const accepted = succeeded ? acceptReadings(state, account, parsed.output.readings ?? []) : [];
        const payment = recordPayment(state, { account, userId: user.id, amount: parsed.output.amount, succeeded, supplierName });
        const done: Pick<IdempotencyRecord, 'fingerprint' | 'state' | 'createdAt'> = {
          fingerprint,
          state: 'done',
          createdAt: seen.claimedAt,
        };
        const record: IdempotencyRecord = succeeded
          ? {
              ...done,
              status: 201,
              body: {
                payment: publicPayment(payment),
                receipt: payment.receipt!,
                account: view(),
                readings: accepted,
              } satisfies PaymentResponse,
            }
          : { ...done, status: 402, body: null, problem: 'payment_declined' };
        state.idempotency[recordKey] = record;
        return { record, outcome };
      });
    } finally {
      // Whatever ended the request without an answer to keep, a retry must not wait for it.
      await db.transact((state) => {
        if (isOurClaim(state.idempotency[recordKey])) delete state.idempotency[recordKey];
      });
    }
    if (settled === 'not_found') return problem(404, 'not_found');
    if (settled === 'in_use') return problem(409, 'idempotency_key_in_use');
    if (Array.isArray(settled)) return fieldsProblem(settled);
    if (settled.outcome === 'timeout') {
      // Paid, but the answer never comes: the client times out and retries with the same key.
      await Promise.race([delay('infinite'), held.released()]);
      return HttpResponse.error();
    }
    return answerOf(settled.record);
  });

  const list = endpoint(context, 'payments', 'get', async (request) => {
    const found = await connectedAccount(db, request);
    if (found.refusal) return found.refusal;
    const payments = Object.values(found.state.payments)
      .filter((payment) => payment.accountId === found.accountId && payment.userId === found.user.id)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .map(publicPayment);
    return HttpResponse.json<PaymentList>({ payments });
  });

  return [pay, list];
}

/** The answer a finished payment request got: the payment made, or the refusal as a problem. */
function answerOf(record: IdempotencyRecord, headers: Record<string, string> = {}): Response {
  return record.problem
    ? problem(record.status, record.problem, {}, headers)
    : HttpResponse.json(record.body as PaymentResponse, { status: record.status, headers });
}
