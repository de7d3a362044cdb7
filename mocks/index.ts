/**
 * `lk-widgets/mock`: the in-browser mock backend for the demo, Storybook and
 * prototypes. Never imported by the production entry points. Node users
 * import `mocks/node.ts` instead.
 */
export { createMockBackend } from './backend.js';
export type { MockBackend } from './backend.js';
export { attachMockBackend, pageWorker, serveMockBackend, startMockBackend } from './browser.js';
export type { ServeOptions, StartMockBackendOptions, StartedMockBackend } from './browser.js';
export { CAPTCHA_LIFETIME, DEFAULT_CAPTCHA_DIFFICULTY, meetsDifficulty } from './captcha.js';
export type { CaptchaRecord } from './captcha.js';
export type { MockClock } from './clock.js';
export type { MockControls, MockDb, MockState, StateListener, UserRecord } from './db.js';
export { FAULT_KINDS } from './faults.js';
export type { FaultKind, MockFaults, MockLatency } from './faults.js';
export type { Letter, LetterKind } from './letters.js';
export type { MockOutbox } from './outbox.js';
export { SEED_USERS } from './data/users.js';
export type { SeedUser } from './data/users.js';
export type { MockBackendOptions } from './options.js';
export { PASSWORD_ITERATIONS } from './passwords.js';
export type { PasswordHash, PasswordIterations } from './passwords.js';
export type { SessionRecord } from './sessions.js';
export { DEFAULT_LINK_RATE_LIMIT, DEFAULT_THROTTLE } from './throttle.js';
export type { LinkRateLimit, ThrottleOptions } from './throttle.js';
export { LINK_PARAMS } from './tokens.js';
export type { LinkKind, LinkTokenRecord } from './tokens.js';
export { PAYMENT_OUTCOMES } from './payments.js';
export type { MockPayments, PaymentOutcome } from './payments.js';
