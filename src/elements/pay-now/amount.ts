import * as v from 'valibot';
import { parseAmount } from '../../schemas/money.js';
import type { AmountIssueCode } from '../../schemas/money.js';
import { PaymentAmountSchema } from '../../schemas/payment.js';

/**
 * Why an amount cannot be paid: the parser's codes, the payment limits'
 * (`amount_too_small`, `amount_too_large`), and two the form tells apart only
 * to say better how to fix them (the parser calls both `amount_format`).
 */
export type PayAmountIssue = AmountIssueCode | 'amount_too_small' | 'amount_negative' | 'amount_fullwidth';

/** Full-width digits (`１２３`), as a Japanese or Chinese keyboard types them. */
const FULLWIDTH_DIGITS = /[\uFF10-\uFF19]/u;
/** A minus sign of any kind before the first digit. */
const LEADING_MINUS = /^\s*[-\u2212\u2012\u2013\u2014]\s*\d/u;

/**
 * The kopecks to pay for an amount typed by the user ("1 234,56"), or why it
 * cannot be paid: first the parser (never through a float), then the
 * payment's limits, both the schemas the client and the mock check too.
 */
export function payableAmount(typed: string): { kopecks: number } | { issue: PayAmountIssue } {
  const parsed = parseAmount(typed);
  if ('issue' in parsed) {
    if (parsed.issue === 'amount_format' && FULLWIDTH_DIGITS.test(typed)) return { issue: 'amount_fullwidth' };
    if (parsed.issue === 'amount_format' && LEADING_MINUS.test(typed)) return { issue: 'amount_negative' };
    return parsed;
  }
  return checkedAmount(parsed.kopecks);
}

/** `kopecks` if a payment may be that large, else why not (the debt offered can be out of limits too). */
export function checkedAmount(kopecks: number): { kopecks: number } | { issue: PayAmountIssue } {
  const checked = v.safeParse(PaymentAmountSchema, kopecks);
  return checked.success ? { kopecks: checked.output } : { issue: checked.issues[0].message as PayAmountIssue };
}
