import * as v from 'valibot';
import { ASCII_DIGITS_REGEX, FULLWIDTH_DIGIT_REGEX } from './regex.js';
import { AccountSchema, ConsumptionSchema, DateSchema, ReadingValueSchema } from './account.js';
import type { Meter } from './account.js';

/** Why a meter reading was refused; the localiser turns a code into a message. */
export type ReadingIssueCode =
  | 'reading_required'
  | 'reading_fullwidth'
  | 'reading_format'
  | 'reading_too_many_digits'
  | 'reading_below_last'
  | 'reading_rollover_not_below';

/**
 * The first thing wrong with a reading typed for `meter`, trimmed, or `null`:
 * the rule of {@link readingSchema}.
 */
function readingIssue(text: string, meter: Pick<Meter, 'digits' | 'lastReading'>, rollover: boolean): ReadingIssueCode | null {
  if (text === '') return 'reading_required';
  if (FULLWIDTH_DIGIT_REGEX.test(text)) return 'reading_fullwidth';
  if (!ASCII_DIGITS_REGEX.test(text)) return 'reading_format';
  if (text.replace(/^0+(?=\d)/u, '').length > meter.digits) return 'reading_too_many_digits';
  const value = Number(text);
  const last = meter.lastReading;
  if (last === null) return null;
  if (rollover) return value < last ? null : 'reading_rollover_not_below';
  return value < last ? 'reading_below_last' : null;
}

/**
 * A reading typed for `meter` (docs/promises.md#20), from the text to the
 * number, or one issue whose message is its {@link ReadingIssueCode}. A
 * reading is whole units of the dial, as many digits at most as the dial
 * has, and no lower than the last accepted one unless the user confirms the
 * dial went round (`rollover`); a rollover reading is lower than the last
 * one by definition. Surrounding white space is dropped.
 */
export function readingSchema(meter: Pick<Meter, 'digits' | 'lastReading'>, rollover = false) {
  return v.pipe(
    v.string(),
    // One action checks and converts: the forms that use it load no other part of valibot for it.
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const text = dataset.value.trim();
      const code = readingIssue(text, meter, rollover);
      if (!code) return Number(text);
      addIssue({ message: code });
      return NEVER;
    }),
  );
}

/**
 * How much a reading used since the last one, in m³: the difference, or,
 * past a rollover, what the dial ran to its end plus what it ran since.
 */
export function consumptionOf(value: number, meter: Pick<Meter, 'digits' | 'lastReading'>, rollover = false): number {
  const last = meter.lastReading ?? value;
  return rollover ? 10 ** meter.digits - last + value : value - last;
}

/** One reading sent: the meter, the value, and whether the user confirmed a rollover. */
export const ReadingInputSchema = v.object({
  meterId: v.pipe(v.string(), v.nonEmpty()),
  value: ReadingValueSchema,
  rollover: v.optional(v.boolean(), false),
});
export type ReadingInput = v.InferInput<typeof ReadingInputSchema>;

/** `POST accounts/:accountId/readings`: one reading per meter, at least one. */
export const SubmitReadingsRequestSchema = v.object({
  readings: v.pipe(v.array(ReadingInputSchema), v.minLength(1, 'readings_required'), v.maxLength(20)),
});
export type SubmitReadingsRequest = v.InferInput<typeof SubmitReadingsRequestSchema>;

/** A reading the backend accepted. */
export const AcceptedReadingSchema = v.object({
  meterId: v.pipe(v.string(), v.nonEmpty()),
  value: ReadingValueSchema,
  date: DateSchema,
  /** m³ since the reading before. */
  consumption: ConsumptionSchema,
});
export type AcceptedReading = v.InferOutput<typeof AcceptedReadingSchema>;

/** The answer to `POST accounts/:accountId/readings`. */
export const ReadingsResponseSchema = v.object({
  account: AccountSchema,
  readings: v.array(AcceptedReadingSchema),
});
export type ReadingsResponse = v.InferOutput<typeof ReadingsResponseSchema>;

/** One reading of an account's history: which meter, what it showed, when, and what it counted since the one before. */
export const ReadingHistoryEntrySchema = v.object({
  meterId: v.pipe(v.string(), v.nonEmpty()),
  /** As the supplier names the meter: `Счетчик 1`. */
  meterName: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)),
  value: ReadingValueSchema,
  date: DateSchema,
  /**
   * m³ since the meter's reading before (past a rollover, what the dial ran
   * to its end plus what it ran since); `null` for the oldest reading the
   * backend has of a meter, which has nothing to count from.
   */
  consumption: v.nullable(ConsumptionSchema),
});
export type ReadingHistoryEntry = v.InferOutput<typeof ReadingHistoryEntrySchema>;

/** `GET accounts/:accountId/readings`: every reading of the account's meters, newest first. */
export const ReadingHistorySchema = v.object({ readings: v.array(ReadingHistoryEntrySchema) });
export type ReadingHistory = v.InferOutput<typeof ReadingHistorySchema>;
