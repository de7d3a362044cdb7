import * as v from 'valibot';
import { KopecksSchema } from './money.js';
import { MONTH_REGEX, ASCII_DIGITS_REGEX } from './regex.js';
import { SupplierIdSchema } from './supplier.js';
import { InstantSchema } from './user.js';

/** A month as the backend names periods: `2015-06`. */
export const MonthSchema = v.pipe(v.string(), v.regex(MONTH_REGEX));

/** A calendar date, `2015-06-25`. */
export const DateSchema = v.pipe(v.string(), v.isoDate());

/** A meter reading: whole units of the meter's dial (m³), never negative. */
export const ReadingValueSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** Gas used over a period, whole m³ (what a meter's dial counts), never negative. */
export const ConsumptionSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** A meter (прибор учета) of an account. */
export const MeterSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  /** As the supplier names it: `Счетчик 1`. */
  name: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)),
  /** How many digits its dial has: a reading fits in them, and rolls over past them. */
  digits: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
  /** The last accepted reading, `null` before the first. */
  lastReading: v.nullable(ReadingValueSchema),
  /** The date of the last accepted reading. */
  lastReadingDate: v.nullable(DateSchema),
});
export type Meter = v.InferOutput<typeof MeterSchema>;

/** An account's opaque identifier, as the backend names a connected account. */
export const AccountIdSchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(128));

/** A personal account (лицевой счет) connected to the cabinet, as the list and the summary show it. */
export const AccountSchema = v.object({
  id: AccountIdSchema,
  /** The number as printed on the receipt (digits only). */
  number: v.pipe(v.string(), v.regex(ASCII_DIGITS_REGEX), v.nonEmpty()),
  supplierId: SupplierIdSchema,
  /** The supplier's full name, for display. */
  supplierName: v.pipe(v.string(), v.nonEmpty()),
  /** Where the gas is supplied, as the supplier's register has it. */
  address: v.string(),
  /** The billing period the debt is for ("Дата периода счета"). */
  period: MonthSchema,
  /**
   * "Сумма долга за период" in kopecks: positive is a debt, negative an
   * overpayment (the seed's -1 956.85 руб.).
   */
  debt: KopecksSchema,
  /** The price of gas, kopecks per m³, for estimating a reading's charge. */
  tariff: v.pipe(KopecksSchema, v.minValue(0)),
  meters: v.array(MeterSchema),
  /** When it was connected to this cabinet. */
  connectedAt: InstantSchema,
});
export type Account = v.InferOutput<typeof AccountSchema>;

/** `GET accounts`: the accounts connected to the cabinet, oldest first. */
export const AccountListSchema = v.object({ accounts: v.array(AccountSchema) });
export type AccountList = v.InferOutput<typeof AccountListSchema>;

/**
 * `POST accounts`: connect the account `number` of supplier `supplierId`.
 * The number is checked against the supplier's rule by the form
 * (`accountNumberSchema`) and again by the backend, which knows the rule too.
 */
export const ConnectAccountRequestSchema = v.object({
  supplierId: SupplierIdSchema,
  number: v.pipe(v.string(), v.nonEmpty('account_required'), v.maxLength(40, 'account_length')),
});
export type ConnectAccountRequest = v.InferInput<typeof ConnectAccountRequestSchema>;

/** The answer to `POST accounts`: the account now connected. */
export const ConnectAccountResponseSchema = v.object({ account: AccountSchema });
export type ConnectAccountResponse = v.InferOutput<typeof ConnectAccountResponseSchema>;

/**
 * One service of an account in one month ("История изменений по услугам"),
 * in kopecks; the figures add up: `closing = opening + charged − paid`.
 */
export const ServiceMonthSchema = v.object({
  /** As the supplier names it: `Газоснабжение`. */
  service: v.pipe(v.string(), v.nonEmpty()),
  opening: KopecksSchema,
  charged: KopecksSchema,
  paid: KopecksSchema,
  closing: KopecksSchema,
  /** Consumption in the month. */
  consumption: ConsumptionSchema,
});
export type ServiceMonth = v.InferOutput<typeof ServiceMonthSchema>;

/** One closed month of an account, service by service. */
export const HistoryMonthSchema = v.object({
  month: MonthSchema,
  services: v.array(ServiceMonthSchema),
});
export type HistoryMonth = v.InferOutput<typeof HistoryMonthSchema>;

/** `GET accounts/:accountId/history`: the closed months, oldest first. */
export const AccountHistorySchema = v.object({ months: v.array(HistoryMonthSchema) });
export type AccountHistory = v.InferOutput<typeof AccountHistorySchema>;
