import * as v from 'valibot';

/**
 * An amount of money in kopecks (1 ₽ = 100 kopecks), a safe integer: money is
 * never a float anywhere in the SDK or the API (docs/promises.md#17). `Intl`
 * formats it for display only (`formatMoney`).
 */
export const KopecksSchema = v.pipe(v.number(), v.safeInteger());
export type Kopecks = v.InferOutput<typeof KopecksSchema>;

/** Why an amount typed by the user was refused; the localiser turns a code into a message. */
export type AmountIssueCode =
  | 'amount_required'
  | 'amount_format'
  | 'amount_fraction'
  | 'amount_too_large';

/** The largest amount a person can type: 99 999 999,99 ₽ (well inside a safe integer of kopecks). */
export const MAX_TYPED_KOPECKS = 9_999_999_999;

/**
 * An amount as a person types it in Russian or as `Intl` writes it:
 * digits in groups separated by spaces (also no-break and narrow no-break
 * spaces), then a comma or a point and at most two digits of kopecks, then
 * an optional "₽", "руб." or "р.". No sign: amounts typed are never negative.
 */
const AMOUNT_REGEX = /^(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[,.](\d*))?(?:\s*(?:₽|руб\.?|р\.))?$/u;

/** The spaces that may separate groups of digits. */
const GROUP_SEPARATORS_REGEX = /[ \u00A0\u202F]/gu;

/**
 * An amount typed by a person, from the text to kopecks (`"1 234,56"` →
 * 123456), or one issue whose message is its {@link AmountIssueCode}.
 * Parsing is on strings, never through a float, so every amount round-trips
 * exactly: `formatMoney(k)` parses back to `k`.
 *
 * A function, not a constant: the API never receives the typed text, and
 * the API document names every schema constant of the SDK as a type of the API.
 */
export function typedAmountSchema() {
  return v.pipe(
    v.string(),
    // One action checks and converts: the payment form loads no other part of valibot for it.
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const refuse = (code: AmountIssueCode) => {
        addIssue({ message: code });
        return NEVER;
      };
      const text = dataset.value.trim();
      if (text === '') return refuse('amount_required');
      const match = AMOUNT_REGEX.exec(text);
      if (!match) return refuse('amount_format');
      const [, whole = '', fraction = ''] = match;
      if (fraction.length > 2) return refuse('amount_fraction');
      const rubles = whole.replace(GROUP_SEPARATORS_REGEX, '');
      if (rubles.length > 8) return refuse('amount_too_large');
      const kopecks = Number(rubles) * 100 + Number(fraction.padEnd(2, '0'));
      return kopecks > MAX_TYPED_KOPECKS ? refuse('amount_too_large') : kopecks;
    }),
  );
}
