import * as v from 'valibot';
import { AccountSchema } from './account.js';
import { KopecksSchema, MAX_TYPED_KOPECKS, typedAmountSchema } from './money.js';
import type { AmountIssueCode } from './money.js';
import { AcceptedReadingSchema, ReadingInputSchema } from './reading.js';
import { FULLWIDTH_DIGIT_REGEX, LEADING_MINUS_REGEX } from './regex.js';
import { InstantSchema } from './user.js';

/** The smallest payment: 1 ₽. */
export const MIN_PAYMENT_KOPECKS = 100;
/** The largest payment: 500 000 ₽, a bank card payment's usual limit. */
export const MAX_PAYMENT_KOPECKS = 50_000_000;

/** An amount to pay, in kopecks, within the limits. */
export const PaymentAmountSchema = v.pipe(
  KopecksSchema,
  v.minValue(MIN_PAYMENT_KOPECKS, 'amount_too_small'),
  v.maxValue(Math.min(MAX_PAYMENT_KOPECKS, MAX_TYPED_KOPECKS), 'amount_too_large'),
);

/**
 * Why an amount typed to pay cannot be paid: the parser's codes, the payment
 * limits' (`amount_too_small`, `amount_too_large`), and two the form tells
 * apart only to say better how to fix them (the parser calls both
 * `amount_format`).
 */
export type PaymentAmountIssueCode = AmountIssueCode | 'amount_too_small' | 'amount_negative' | 'amount_fullwidth';

/**
 * An amount typed to pay ("1 234,56"), from the text to kopecks within the
 * payment's limits, or one issue whose message is its
 * {@link PaymentAmountIssueCode}: first the parser (never through a float),
 * then the limits the client and the mock check the request with. A
 * function, as {@link typedAmountSchema} is: the API never receives the text.
 */
export function payableAmountSchema() {
  return v.pipe(
    v.string(),
    // Full-width digits and a minus: the parser would call both amount_format; told apart, the
    // message can say how to fix each. A check written as a transform that passes the text on,
    // the parser's own kind of action, so the form loads no other part of valibot for it.
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const text = dataset.value;
      const code = FULLWIDTH_DIGIT_REGEX.test(text) ? 'amount_fullwidth' : LEADING_MINUS_REGEX.test(text) ? 'amount_negative' : null;
      if (!code) return text;
      addIssue({ message: code });
      return NEVER;
    }),
    typedAmountSchema(),
    PaymentAmountSchema,
  );
}

/**
 * `POST accounts/:accountId/payments`, with an `Idempotency-Key` header made
 * once when the user confirms (docs/promises.md#18): the amount, and the
 * meter readings to send with it, if any.
 */
export const PaymentRequestSchema = v.object({
  amount: PaymentAmountSchema,
  readings: v.optional(v.pipe(v.array(ReadingInputSchema), v.maxLength(20))),
});
export type PaymentRequest = v.InferInput<typeof PaymentRequestSchema>;

/** A payment's receipt (чек): what the abonent can print or keep. */
export const ReceiptSchema = v.object({
  number: v.pipe(v.string(), v.nonEmpty()),
  issuedAt: InstantSchema,
  amount: KopecksSchema,
  accountNumber: v.pipe(v.string(), v.nonEmpty()),
  supplierName: v.pipe(v.string(), v.nonEmpty()),
});
export type Receipt = v.InferOutput<typeof ReceiptSchema>;

export const PaymentStatusSchema = v.picklist(['succeeded', 'declined']);
export type PaymentStatus = v.InferOutput<typeof PaymentStatusSchema>;

/** A payment of an account, as its history lists it. */
export const PaymentSchema = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  accountId: v.pipe(v.string(), v.nonEmpty()),
  createdAt: InstantSchema,
  amount: KopecksSchema,
  status: PaymentStatusSchema,
  /** Only a succeeded payment has one. */
  receipt: v.nullable(ReceiptSchema),
});
export type Payment = v.InferOutput<typeof PaymentSchema>;

/** The answer to a successful payment: the payment, its receipt, the account as it is now, the readings sent. */
export const PaymentResponseSchema = v.object({
  payment: PaymentSchema,
  receipt: ReceiptSchema,
  account: AccountSchema,
  readings: v.array(AcceptedReadingSchema),
});
export type PaymentResponse = v.InferOutput<typeof PaymentResponseSchema>;

/** `GET accounts/:accountId/payments`: newest first. */
export const PaymentListSchema = v.object({ payments: v.array(PaymentSchema) });
export type PaymentList = v.InferOutput<typeof PaymentListSchema>;

/** The `Idempotency-Key` header: an opaque token, made once per confirmation. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IdempotencyKeySchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,128}$/u));
