import * as v from 'valibot';
import {
  ACCOUNT_SEPARATORS_REGEX,
  ASCII_DIGITS_REGEX,
  FULLWIDTH_DIGIT_REGEX,
  LETTER_REGEX,
  SLUG_REGEX,
} from './regex.js';

/** A supplier's identifier (`mrg-pyatigorsk-dagestan`): stable, opaque to the interface. */
export const SupplierIdSchema = v.pipe(v.string(), v.regex(SLUG_REGEX, 'supplier_invalid'));

const Count = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20));

/**
 * How a supplier numbers its personal accounts (лицевые счета):
 * - `digits`: a number of `length` digits (10 at most suppliers);
 * - `sector`: a code of the subscriber point or sector (абонентский пункт /
 *   сектор) of `sectorLength` digits, then a number of `numberLength`
 *   digits, written together (Дагестан: 58 + 12345678). `sectors` lists the
 *   codes in use, when the supplier publishes them.
 */
export const AccountRuleSchema = v.variant('kind', [
  v.object({ kind: v.literal('digits'), length: Count }),
  v.object({
    kind: v.literal('sector'),
    sectorLength: Count,
    numberLength: Count,
    sectors: v.nullable(v.array(v.pipe(v.string(), v.regex(ASCII_DIGITS_REGEX), v.nonEmpty()))),
  }),
]);
export type AccountRule = v.InferOutput<typeof AccountRuleSchema>;

/** One gas supplier of the catalogue the abonent chooses from ("Поставщик"). */
export const SupplierSchema = v.object({
  id: SupplierIdSchema,
  /** The full name, shown whole: `Межрегионгаз Пятигорск (Республика Дагестан)`. */
  name: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200)),
  accountRule: AccountRuleSchema,
  /** A valid account number as printed on the supplier's receipts, for the hint. */
  accountExample: v.pipe(v.string(), v.regex(ASCII_DIGITS_REGEX), v.nonEmpty()),
  /** The supplier's own note on where to find the number, in its words; shown as text after the rule. */
  accountNote: v.nullable(v.pipe(v.string(), v.maxLength(500))),
});
export type Supplier = v.InferOutput<typeof SupplierSchema>;

/** `GET suppliers`: the catalogue, in the order to offer it. */
export const SupplierListSchema = v.object({ suppliers: v.array(SupplierSchema) });
export type SupplierList = v.InferOutput<typeof SupplierListSchema>;

/** How many digits an account number of `rule` has. */
export const accountNumberLength = (rule: AccountRule): number =>
  rule.kind === 'digits' ? rule.length : rule.sectorLength + rule.numberLength;

/** Why an account number was refused; the localiser turns a code into a message. */
export type AccountNumberIssueCode =
  | 'account_required'
  | 'account_fullwidth'
  | 'account_letters'
  | 'account_chars'
  | 'account_length'
  | 'account_sector_unknown';

/**
 * The account number as it will be sent: what a receipt or a bank's app
 * puts between digit groups (spaces, commas, dashes, docs/promises.md#22) is
 * dropped, and nothing else is changed.
 */
export const normalizeAccountNumber = (input: string): string => input.replace(ACCOUNT_SEPARATORS_REGEX, '');

/**
 * The first thing wrong with an account number under `rule`, or `null`: the
 * rule of {@link accountNumberSchema}, given the
 * {@link normalizeAccountNumber normalised} number.
 */
function accountNumberIssue(number: string, rule: AccountRule): AccountNumberIssueCode | null {
  if (number.length === 0) return 'account_required';
  if (FULLWIDTH_DIGIT_REGEX.test(number)) return 'account_fullwidth';
  if (LETTER_REGEX.test(number)) return 'account_letters';
  if (!ASCII_DIGITS_REGEX.test(number)) return 'account_chars';
  if (number.length !== accountNumberLength(rule)) return 'account_length';
  if (rule.kind === 'sector' && rule.sectors && !rule.sectors.includes(number.slice(0, rule.sectorLength))) {
    return 'account_sector_unknown';
  }
  return null;
}

/**
 * An account number typed for a supplier with `rule`: normalised, then
 * checked; an issue's message is its {@link AccountNumberIssueCode}.
 */
export function accountNumberSchema(rule: AccountRule) {
  return v.pipe(
    v.string(),
    v.transform(normalizeAccountNumber),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const code = accountNumberIssue(dataset.value, rule);
      if (code) addIssue({ message: code });
    }),
  );
}
