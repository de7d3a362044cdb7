/**
 * Every id and secret token the mock backend makes, in one place. Each has
 * the form its use asks for:
 *
 * - A **secret** (a session id, a letter link's token) is 256 random bits,
 *   base64url: whoever holds one is let in, so it must not be guessable, and
 *   it goes in a cookie or a URL as it is. The mock stores only its SHA-256.
 * - A **captcha challenge id** is 96 random bits, base64url: the client only
 *   sends it back with the solution, and the challenge it names is good for
 *   one use and a few minutes, so it need not be a secret.
 * - A **user id** (`u-` and a random UUID) and a **letter id** (a random
 *   UUID) name records no one types: random, so they tell nothing of how
 *   many there are or in what order they were made. The seed's users have
 *   fixed ids (`u-0001`), so a test can name them.
 * - An **account id** is the supplier's id and the account's number
 *   (`mrg-pskov-6001234567`): the number is unique only within its supplier,
 *   and connecting an account asks for exactly those two. Its meters are
 *   `<account id>-m<n>`, numbered from 1 in the supplier's order.
 * - A **payment id** (`pay-000001`) and its **receipt number**
 *   (`ЧЕК-000001`) count up from the first payment of the backend, as a
 *   shop's receipts do, so the abonent can read and quote them.
 */
import { randomToken } from './crypto.js';

/** A session id or a letter link's token: 256 random bits, base64url. */
export const newSecretToken = (): string => randomToken(32);

/** The id of a new captcha challenge. */
export const newChallengeId = (): string => randomToken(12);

/** The id of a user who registers (the seed's users have fixed ones). */
export const newUserId = (): string => `u-${globalThis.crypto.randomUUID()}`;

/** The id of a letter put in the outbox. */
export const newLetterId = (): string => globalThis.crypto.randomUUID();

/** The API's id of an account of the supplier's register. */
export const supplierAccountId = (supplierId: string, number: string): string => `${supplierId}-${number}`;

/** The id of an account's meter, `position` counting from 1. */
export const meterId = (accountId: string, position: number): string => `${accountId}-m${position}`;

const sixDigits = (sequence: number) => String(sequence).padStart(6, '0');

/** The id of the backend's `sequence`-th payment, counting from 1. */
export const paymentId = (sequence: number): string => `pay-${sixDigits(sequence)}`;

/** The number of the receipt of the backend's `sequence`-th payment, counting from 1. */
export const receiptNumber = (sequence: number): string => `ЧЕК-${sixDigits(sequence)}`;
