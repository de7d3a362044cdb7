/**
 * `lk-widgets/mock`: the in-browser mock backend for the demo, Storybook and
 * prototypes. Never imported by the production entry points. Node users
 * import `mocks/node.ts` instead.
 */
export { createMockBackend } from './backend.js';
export type { MockBackend } from './backend.js';
export { attachMockBackend, pageWorker, serveMockBackend, startMockBackend } from './browser.js';
export type { ServeOptions, StartMockBackendOptions, StartedMockBackend } from './browser.js';
export type { MockClock } from './clock.js';
export type { MockControls, MockDb, MockState, UserRecord } from './db.js';
export { FAULT_KINDS } from './faults.js';
export type { FaultKind, MockFaults, MockLatency } from './faults.js';
export { SEED_USERS } from './data/users.js';
export type { SeedUser } from './data/users.js';
export type { MockBackendOptions } from './options.js';
export { PASSWORD_ITERATIONS } from './passwords.js';
export type { PasswordHash, PasswordIterations } from './passwords.js';
export type { SessionRecord } from './sessions.js';
export { DEFAULT_THROTTLE } from './throttle.js';
export type { ThrottleOptions } from './throttle.js';
