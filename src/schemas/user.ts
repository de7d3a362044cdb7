import * as v from 'valibot';

/** An ISO 8601 instant as the backend sends it (`2026-11-25T12:00:00.000Z`). */
export const InstantSchema = v.pipe(v.string(), v.isoTimestamp());

/** The abonent, as the backend describes the logged-in user. */
export const UserSchema = v.object({
  /** Opaque, stable identifier. */
  id: v.pipe(v.string(), v.nonEmpty()),
  /** The login, in the case it was registered with. */
  email: v.pipe(v.string(), v.nonEmpty()),
  /** Whether the confirmation link was followed. */
  emailConfirmed: v.boolean(),
  /** Until when an unconfirmed cabinet is kept; `null` once confirmed. */
  confirmUntil: v.nullable(InstantSchema),
});
export type User = v.InferOutput<typeof UserSchema>;
