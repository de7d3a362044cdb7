import { HttpResponse, delay } from 'msw';
import type { HttpHandler } from 'msw';
import * as v from 'valibot';
import {
  IDEMPOTENCY_HEADER,
  IdempotencyKeySchema,
  PaymentRequestSchema,
} from '../../src/schemas/payment.js';
import type { PaymentList, PaymentResponse, ReadingsResponse } from '../../src/schemas/payment.js';
import { SubmitReadingsRequestSchema, consumptionOf } from '../../src/schemas/reading.js';
import type { ReadingHistory, ReadingHistoryEntry } from '../../src/schemas/reading.js';
import { sha256 } from '../crypto.js';
import { mockNow } from '../db.js';
import type { MockState } from '../db.js';
import { acceptReadings, publicPayment, readingProblems, recordPayment } from '../payments.js';
import type { IdempotencyRecord } from '../payments.js';
import { fieldsProblem, problem, validationProblem } from '../problem.js';
import { findSupplier, isConnected, publicAccount } from '../register.js';
import type { RegisterAccount } from '../register.js';
import type { FieldProblem } from '../../src/schemas/problem.js';
import type { UserRecord } from '../db.js';
import { sessionUser } from './auth.js';
import { endpoint } from './endpoint.js';
import type { EndpointRequest, MockContext } from './endpoint.js';

/** `POST` and `GET accounts/:accountId/readings`, `POST` and `GET accounts/:accountId/payments`. */
export function paymentHandlers(context: MockContext): HttpHandler[] {
  const { db, held } = context;

  /** The session's user and the connected account the path names, or the answer to give instead. */
  async function connectedAccount(
    request: EndpointRequest,
  ): Promise<{ refusal: Response } | { refusal?: never; user: UserRecord; accountId: string }> {
    const user = await sessionUser(db, request);
    if (!user) return { refusal: problem(401, 'unauthenticated') };
    const accountId = request.params.accountId ?? '';
    const state = await db.read();
    if (!isConnected(state, user.id, accountId) || !state.register[accountId]) return { refusal: problem(404, 'not_found') };
    return { user, accountId };
  }

  const accountOf = (state: MockState, userId: string, accountId: string) => {
    const account = state.register[accountId]!;
    const connection = state.connections[userId]!.find((candidate) => candidate.accountId === accountId)!;
    return { account, view: () => publicAccount(account, connection) };
  };

  const readings = endpoint(context, 'readings', 'post', async (request) => {
    const found = await connectedAccount(request);
    if (found.refusal) return found.refusal;
    const parsed = v.safeParse(SubmitReadingsRequestSchema, await readBody(request.request));
    if (!parsed.success) return validationProblem(parsed.issues);
    const answer = await db.transact((state): FieldProblem[] | ReadingsResponse => {
      const { account, view } = accountOf(state, found.user.id, found.accountId);
      const problems = readingProblems(account, parsed.output.readings);
      if (problems.length > 0) return problems;
      const accepted = acceptReadings(state, account, parsed.output.readings);
      return { account: view(), readings: accepted };
    });
    return Array.isArray(answer) ? fieldsProblem(answer) : HttpResponse.json<ReadingsResponse>(answer);
  });

  /** The readings of an account connected to the cabinet, newest first; another account answers as the payments list does. */
  const readingList = endpoint(context, 'readings', 'get', async (request) => {
    const found = await connectedAccount(request);
    if (found.refusal) return found.refusal;
    const state = await db.read();
    return HttpResponse.json<ReadingHistory>({ readings: readingHistory(state.register[found.accountId]!) });
  });

  /**
   * A payment (EXPECTATIONS 18): the `Idempotency-Key` header is required;
   * a key seen before with the same body gets the first answer again (and
   * nothing is paid again), with another body 422, and while the first is
   * still being processed 409. Then the body is checked (amount limits,
   * readings by the meters' rules: nothing is paid when they are wrong), and
   * the mock provider does what the controls say.
   */
  const pay = endpoint(context, 'payments', 'post', async (request) => {
    const found = await connectedAccount(request);
    if (found.refusal) return found.refusal;
    const key = v.safeParse(IdempotencyKeySchema, request.request.headers.get(IDEMPOTENCY_HEADER) ?? '');
    if (!key.success) return problem(400, 'idempotency_key_required');
    const text = await request.request.text();
    const recordKey = `${found.user.id}:${key.output}`;
    const bodyHash = await sha256(text);

    const seen = await db.transact((state): IdempotencyRecord | 'new' => {
      const record = state.idempotency[recordKey];
      if (record) return record;
      state.idempotency[recordKey] = { bodyHash, state: 'processing', status: 0, body: null, createdAt: mockNow(state) };
      return 'new';
    });
    if (seen !== 'new') {
      if (seen.bodyHash !== bodyHash) return problem(422, 'idempotency_key_reused');
      if (seen.state === 'processing') return problem(409, 'idempotency_key_in_use');
      // The first answer again, saying it is a replay (as Stripe's Idempotent-Replayed).
      const replayed = { 'Idempotent-Replayed': 'true' };
      return seen.problem
        ? problem(seen.status, seen.problem, {}, replayed)
        : HttpResponse.json(seen.body as PaymentResponse, { status: seen.status, headers: replayed });
    }

    const forget = () =>
      db.transact((state) => {
        delete state.idempotency[recordKey];
      });
    const parsed = v.safeParse(PaymentRequestSchema, parseJson(text));
    if (!parsed.success) {
      await forget();
      return validationProblem(parsed.issues);
    }
    const outcome = (await db.read()).controls.paymentOutcome;
    const answer = await db.transact((state): FieldProblem[] | IdempotencyRecord => {
      const { account, view } = accountOf(state, found.user.id, found.accountId);
      const problems = readingProblems(account, parsed.output.readings ?? []);
      if (problems.length > 0) {
        delete state.idempotency[recordKey];
        return problems;
      }
      const supplierName = findSupplier(account.supplierId)?.name ?? account.supplierId;
      const succeeded = outcome !== 'declined';
      const accepted = succeeded ? acceptReadings(state, account, parsed.output.readings ?? []) : [];
      const payment = recordPayment(state, { account, userId: found.user.id, amount: parsed.output.amount, succeeded, supplierName });
      const record = state.idempotency[recordKey]!;
      record.state = 'done';
      if (succeeded) {
        record.status = 201;
        record.body = {
          payment: publicPayment(payment),
          receipt: payment.receipt!,
          account: view(),
          readings: accepted,
        } satisfies PaymentResponse;
      } else {
        record.status = 402;
        record.problem = 'payment_declined';
      }
      return record;
    });
    if (Array.isArray(answer)) return fieldsProblem(answer);
    if (outcome === 'timeout') {
      // Paid, but the answer never comes: the client times out and retries with the same key.
      await Promise.race([delay('infinite'), held.released()]);
      return HttpResponse.error();
    }
    return answer.problem
      ? problem(answer.status, answer.problem)
      : HttpResponse.json(answer.body as PaymentResponse, { status: answer.status });
  });

  const list = endpoint(context, 'payments', 'get', async (request) => {
    const found = await connectedAccount(request);
    if (found.refusal) return found.refusal;
    const state = await db.read();
    const payments = Object.values(state.payments)
      .filter((payment) => payment.accountId === found.accountId && payment.userId === found.user.id)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .map(publicPayment);
    return HttpResponse.json<PaymentList>({ payments });
  });

  return [readings, readingList, pay, list];
}

/**
 * Every reading of an account, newest first, with what each counted since
 * the meter's reading before it. The register keeps them in the order they
 * were taken (the seeded month-end ones, then each accepted one), which is
 * also the order within a day; a reading lower than the one before can only
 * be a rollover the user confirmed (the reading rule refuses it otherwise).
 */
function readingHistory(account: RegisterAccount): ReadingHistoryEntry[] {
  const taken = account.readings
    .map((reading, order) => ({ reading, order }))
    .sort((a, b) => a.reading.date.localeCompare(b.reading.date) || a.order - b.order);
  const previous = new Map<string, number>();
  const entries = taken.map(({ reading }): ReadingHistoryEntry => {
    const meter = account.meters.find((candidate) => candidate.id === reading.meterId);
    const last = previous.get(reading.meterId);
    previous.set(reading.meterId, reading.value);
    const consumption =
      last === undefined || !meter
        ? null
        : consumptionOf(reading.value, { digits: meter.digits, lastReading: last }, reading.value < last);
    return { meterId: reading.meterId, meterName: meter?.name ?? reading.meterId, value: reading.value, date: reading.date, consumption };
  });
  return entries.reverse();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function readBody(request: Request): Promise<unknown> {
  return parseJson(await request.text());
}
