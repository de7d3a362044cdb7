/**
 * Meter readings as the mock backend takes them: the meters' rule applied
 * to what is sent, and accepted readings written to the supplier's register.
 * Both the readings handlers and the payments handler use them, since a
 * payment may carry readings.
 */
import * as v from 'valibot';
import { issueCode } from '../src/schemas/issues.js';
import type { AcceptedReading, ReadingInput } from '../src/schemas/reading.js';
import { consumptionOf, readingSchema } from '../src/schemas/reading.js';
import type { FieldProblem } from '../src/schemas/problem.js';
import type { MockState } from './db.js';
import { mockNow } from './db.js';
import type { SupplierAccount } from './supplier-register.js';

const today = (state: MockState) => new Date(mockNow(state)).toISOString().slice(0, 10);

/**
 * The field errors of readings for an account's meters (the same rule as
 * the form's, docs/promises.md#20), at `/<prefix>/<index>/…`.
 */
export function readingProblems(account: SupplierAccount, readings: readonly ReadingInput[], prefix = 'readings'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  readings.forEach((reading, index) => {
    const meter = account.meters.find((candidate) => candidate.id === reading.meterId);
    if (!meter || seen.has(reading.meterId)) {
      problems.push({ pointer: `/${prefix}/${index}/meterId`, code: meter ? 'meter_repeated' : 'meter_unknown' });
      return;
    }
    seen.add(reading.meterId);
    const issue = issueCode(v.safeParse(readingSchema(meter, reading.rollover ?? false), String(reading.value)));
    if (issue) problems.push({ pointer: `/${prefix}/${index}/value`, code: issue });
  });
  return problems;
}

/** Makes checked readings the meters' last ones; returns what was accepted. */
export function acceptReadings(state: MockState, account: SupplierAccount, readings: readonly ReadingInput[]): AcceptedReading[] {
  const date = today(state);
  return readings.map((reading) => {
    const meter = account.meters.find((candidate) => candidate.id === reading.meterId)!;
    const consumption = consumptionOf(reading.value, meter, reading.rollover ?? false);
    meter.lastReading = reading.value;
    meter.lastReadingDate = date;
    account.readings.push({ meterId: meter.id, value: reading.value, date });
    return { meterId: meter.id, value: reading.value, date, consumption };
  });
}
