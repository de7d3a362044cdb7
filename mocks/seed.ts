import { emailKey } from '../src/schemas/email.js';
import { SEED_USERS } from './data/users.js';
import type { SeedUser } from './data/users.js';
import { MOCK_STATE_VERSION } from './db.js';
import type { MockState, UserRecord } from './db.js';
import { hashPassword } from './passwords.js';
import type { PasswordHash } from './passwords.js';
import { seedSupplierRegister } from './supplier-register.js';
import { emptyThrottleState } from './throttle.js';

export interface SeedOptions {
  /** PBKDF2 iterations of the seed users' password hashes. */
  iterations: number;
  /** The initial latency control, ms. */
  latency: number;
  /** How long an unconfirmed seed user is kept from the seed's time, ms (the `confirmDays` option). */
  confirmPeriod: number;
}

/**
 * Makes fresh seeds. The seed users' hashes come precomputed for the
 * production and test counts; any other count is hashed once, on the first
 * seed, and reused by later resets.
 */
export function createSeeder({ iterations, latency, confirmPeriod }: SeedOptions): () => Promise<MockState> {
  const hashed = new Map<string, Promise<PasswordHash>>();
  const passwordOf = (user: SeedUser): Promise<PasswordHash> => {
    const precomputed = user.passwordHashes[iterations];
    if (precomputed) return Promise.resolve({ ...precomputed });
    if (!hashed.has(user.id)) hashed.set(user.id, hashPassword(user.password, iterations));
    return hashed.get(user.id)!.then((hash) => ({ ...hash }));
  };

  return async () => {
    // A seed starts the mock clock again, so seed times are real times.
    const seededAt = Date.now();
    const users: Record<string, UserRecord> = {};
    for (const user of SEED_USERS) {
      users[user.id] = {
        id: user.id,
        email: user.email,
        emailKey: emailKey(user.email),
        password: await passwordOf(user),
        emailConfirmed: user.emailConfirmed,
        confirmUntil: user.emailConfirmed ? null : new Date(seededAt + confirmPeriod).toISOString(),
        createdAt: new Date(seededAt).toISOString(),
        agreementVersion: null,
        registeredAt: null,
      };
    }
    return {
      version: MOCK_STATE_VERSION,
      clockOffset: 0,
      users,
      sessions: {},
      throttle: emptyThrottleState(),
      controls: { faults: {}, latency, paymentOutcome: 'success' },
      captchas: {},
      tokens: {},
      outbox: [],
      supplierRegister: seedSupplierRegister(seededAt),
      connections: {},
      payments: {},
      idempotency: {},
    };
  };
}
