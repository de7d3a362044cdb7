/**
 * The conformance suite: checks that a backend does what the lk-widgets
 * elements rely on. `runConformance()` is the library; `cli.ts` the
 * command `lk-widgets-conformance`.
 */
export { runConformance } from './run.js';
export type { ConformanceOptions } from './run.js';
export type { CheckResult, ConformanceReport, FamilyResult, Outcome } from './report.js';
export { formatReport } from './report.js';
export { parseFixtures } from './fixtures.js';
export type { Fixtures, MailboxFixture, AccountFixture } from './fixtures.js';
export { OpenApiShapes, OpenApiDocumentError } from './openapi.js';
export { FAMILIES } from './families.js';
export { main } from './cli.js';
export { CookieJar, parseSetCookie, pathMatches } from './cookies.js';
export { redactBody, redactSetCookie } from './redact.js';
export { problemViolations, PROBLEM_CODES } from './problems.js';
