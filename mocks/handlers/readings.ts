import { HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import * as v from 'valibot';
import { SubmitReadingsRequestSchema, consumptionOf } from '../../src/schemas/reading.js';
import type { ReadingHistory, ReadingHistoryEntry, ReadingsResponse } from '../../src/schemas/reading.js';
import type { FieldProblem } from '../../src/schemas/problem.js';
import { fieldsProblem, problem, validationProblem } from '../problem.js';
import { acceptReadings, readingProblems } from '../readings.js';
import type { SupplierAccount } from '../supplier-register.js';
import { connectedAccount, connectedIn } from './connected-account.js';
import { endpoint, readJson } from './endpoint.js';
import type { MockContext } from './endpoint.js';

/** `POST` and `GET accounts/:accountId/readings`. */
export function readingHandlers(context: MockContext): HttpHandler[] {
  const { db } = context;

  const readings = endpoint(context, 'readings', 'post', async (request) => {
    const found = await connectedAccount(db, request);
    if (found.refusal) return found.refusal;
    const parsed = v.safeParse(SubmitReadingsRequestSchema, await readJson(request.request));
    if (!parsed.success) return validationProblem(parsed.issues);
    const answer = await db.transact((state): FieldProblem[] | ReadingsResponse | 'not_found' => {
      const connected = connectedIn(state, found.user.id, found.accountId);
      if (!connected) return 'not_found';
      const problems = readingProblems(connected.account, parsed.output.readings);
      if (problems.length > 0) return problems;
      const accepted = acceptReadings(state, connected.account, parsed.output.readings);
      return { account: connected.view(), readings: accepted };
    });
    if (answer === 'not_found') return problem(404, 'not_found');
    return Array.isArray(answer) ? fieldsProblem(answer) : HttpResponse.json<ReadingsResponse>(answer);
  });

  /** The readings of an account connected to the cabinet, newest first; another account answers as the payments list does. */
  const readingList = endpoint(context, 'readings', 'get', async (request) => {
    const found = await connectedAccount(db, request);
    if (found.refusal) return found.refusal;
    return HttpResponse.json<ReadingHistory>({ readings: readingHistory(found.account) });
  });

  return [readings, readingList];
}

/**
 * Every reading of an account, newest first, with what each counted since
 * the meter's reading before it. The register keeps them in the order they
 * were taken (the seeded month-end ones, then each accepted one), which is
 * also the order within a day; a reading lower than the one before can only
 * be a rollover the user confirmed (the reading rule refuses it otherwise).
 */
function readingHistory(account: SupplierAccount): ReadingHistoryEntry[] {
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
