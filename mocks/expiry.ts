import type { MockState, UserRecord } from './db.js';
import { isIdempotencyRecordExpired } from './payments.js';

/** An unconfirmed cabinet whose date has come. */
const pastConfirmation = (user: UserRecord, now: number) =>
  !user.emailConfirmed && user.confirmUntil !== null && Date.parse(user.confirmUntil) <= now;

/**
 * What passes with time, done at the start of every request (mock clock):
 * an unconfirmed cabinet past its date is deleted (the seed's rule,
 * docs/promises.md#10), with its sessions, so its address can register again;
 * expired anti-robot challenges are dropped, and so are idempotency records
 * past their time (a payment never finished, an answer kept for replay long
 * enough: payments.ts).
 *
 * The deleted cabinet's link tokens stay, detached from any user (still
 * hash only): following an old confirmation link then answers "expired",
 * as the letter warned, not "invalid".
 */
export function expireRecords(state: MockState, now: number): void {
  for (const user of Object.values(state.users)) {
    if (!pastConfirmation(user, now)) continue;
    delete state.users[user.id];
    delete state.connections[user.id];
    for (const [key, session] of Object.entries(state.sessions)) {
      if (session.userId === user.id) delete state.sessions[key];
    }
    for (const token of Object.values(state.tokens)) {
      if (token.userId === user.id) token.userId = null;
    }
  }
  for (const [id, captcha] of Object.entries(state.captchas)) {
    if (captcha.expiresAt <= now) delete state.captchas[id];
  }
  for (const [key, record] of Object.entries(state.idempotency)) {
    if (isIdempotencyRecordExpired(record, now)) delete state.idempotency[key];
  }
}

/** Whether {@link expireRecords} has anything to do: most requests then need no write. */
export function hasExpiredRecords(state: MockState, now: number): boolean {
  return (
    Object.values(state.users).some((user) => pastConfirmation(user, now)) ||
    Object.values(state.captchas).some((captcha) => captcha.expiresAt <= now) ||
    Object.values(state.idempotency).some((record) => isIdempotencyRecordExpired(record, now))
  );
}
