import type { Check, CheckFamily, Finding } from './check.js';
import { CheckContext, isCheckStopped } from './check.js';
import { EVERY_ERROR_CHECK, FAMILIES, SHAPES_CHECK } from './families.js';
import type { FixtureName, Fixtures } from './fixtures.js';
import type { Exchange } from './http.js';
import { viewExchange } from './http.js';
import { OpenApiShapes } from './openapi.js';
import { problemViolations } from './problems.js';
import type { CheckResult, ConformanceReport, FamilyResult } from './report.js';
import { familyOutcome } from './report.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The API base URL, as the elements' `api-base`: `https://lk-test.example.ru/api/`. */
  baseUrl: string;
  fixtures: Fixtures;
  /**
   * The OpenAPI 3.1 document every answer is checked against (parsed
   * JSON). Without one the shapes are not checked (reported as not run).
   */
  openapi?: unknown;
  /** Where the document came from, for the report. */
  openapiSource?: string;
  /** A `fetch` to send with instead of the global one. */
  fetch?: typeof fetch;
  /** Only these families or checks (ids such as `csrf` or `csrf.login`). */
  only?: readonly string[];
  /** How long one request may wait for its whole answer, ms. Default 30 000. */
  requestTimeout?: number;
}

export const DEFAULT_REQUEST_TIMEOUT = 30_000;

/** `fetcher` with every request aborted after `ms`: a backend that never answers fails the check, and the run still ends. */
const withTimeout =
  (fetcher: typeof fetch, ms: number): typeof fetch =>
  (input, init) =>
    fetcher(input, { ...init, signal: AbortSignal.timeout(ms) });

const selected = (only: readonly string[] | undefined, id: string) =>
  !only || only.length === 0 || only.some((wanted) => id === wanted || id.startsWith(`${wanted}.`));

/** Runs one check in its own context; a thrown error is its failure, never the run's. */
async function runCheck(check: Check, family: CheckFamily, options: ConformanceOptions, baseUrl: URL, fetcher: typeof fetch): Promise<{ result: CheckResult; exchanges: Exchange[] }> {
  const started = Date.now();
  const base = { id: check.id, family: family.id, title: check.title };
  const missing = (check.needs ?? []).filter((name) => options.fixtures[name] === undefined) as FixtureName[];
  if (missing.length > 0) {
    return {
      result: { ...base, outcome: 'not-run', notRunReason: `needs the fixture${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, missingFixtures: missing, findings: [], requests: 0, durationMs: 0 },
      exchanges: [],
    };
  }
  const context = new CheckContext(check, baseUrl, options.fixtures, fetcher);
  try {
    await check.run(context);
  } catch (error) {
    if (!isCheckStopped(error)) {
      context.fail(`The check broke off: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
  }
  // An answer that never came is a failure of the check that waited for it, whatever it expected.
  for (const exchange of context.exchanges) {
    if (exchange.error && !context.findings.some((finding) => finding.exchange?.endpoint === viewExchange(exchange).endpoint)) {
      context.fail('No answer came', { exchange });
    }
  }
  const outcome = context.findings.length > 0 ? 'failed' : context.notRunReason ? 'not-run' : 'passed';
  return {
    result: {
      ...base,
      outcome,
      ...(outcome === 'not-run' ? { notRunReason: context.notRunReason } : {}),
      findings: context.findings,
      requests: context.exchanges.length,
      durationMs: Date.now() - started,
    },
    exchanges: context.exchanges,
  };
}

/** A check over every exchange of the run: one finding per exchange that breaks a rule. */
function sweep(id: string, family: string, title: string, exchanges: readonly Exchange[], rule: (exchange: Exchange) => string[]): CheckResult {
  const started = Date.now();
  const findings: Finding[] = [];
  for (const exchange of exchanges) {
    for (const message of rule(exchange)) findings.push({ message: `${message} (in check ${exchange.check})`, exchange: viewExchange(exchange) });
  }
  return { id, family, title, outcome: findings.length > 0 ? 'failed' : exchanges.length > 0 ? 'passed' : 'not-run', ...(exchanges.length > 0 ? {} : { notRunReason: 'no answers to check' }), findings, requests: 0, durationMs: Date.now() - started };
}

/**
 * Runs the conformance suite against a backend: every selected check, one
 * after another, each with its own user agents; then every answer they got
 * against the OpenAPI document and, for errors, the problem-details rules.
 * One check failing does not stop the others.
 *
 * @example
 * ```ts
 * const report = await runConformance({ baseUrl: 'https://lk-test.example.ru/api/', fixtures, openapi });
 * process.exitCode = report.summary.failed > 0 ? 1 : 0;
 * ```
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = Date.now();
  const baseUrl = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  const fetcher = withTimeout(options.fetch ?? globalThis.fetch, options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT);
  // Made first: a document that cannot be used is the caller's mistake, before any request is sent.
  const shapes = options.openapi === undefined ? undefined : new OpenApiShapes(options.openapi);
  const families: FamilyResult[] = [];
  const all: Exchange[] = [];

  for (const family of FAMILIES) {
    const checks: CheckResult[] = [];
    for (const check of family.checks) {
      if (!selected(options.only, check.id)) continue;
      const { result, exchanges } = await runCheck(check, family, options, baseUrl, fetcher);
      checks.push(result);
      all.push(...exchanges);
    }
    if (checks.length > 0 || (family.id === 'problems' && selected(options.only, EVERY_ERROR_CHECK))) {
      families.push({ id: family.id, title: family.title, outcome: 'not-run', checks });
    }
  }

  // The sweeps come last, once every exchange of the run is known.
  const problemsFamily = families.find((family) => family.id === 'problems');
  if (problemsFamily && selected(options.only, EVERY_ERROR_CHECK)) {
    const errors = all.filter((exchange) => (exchange.status ?? 0) >= 400);
    const title = 'Every error answer any check got is problem+json with type, title, status (the HTTP status), a documented code, pointers for field errors';
    problemsFamily.checks.push(sweep(EVERY_ERROR_CHECK, 'problems', title, errors, problemViolations));
  }
  if (selected(options.only, SHAPES_CHECK)) {
    const title = 'Every answer any check got is documented in the OpenAPI document: operation, status, content type, body schema';
    const result: CheckResult = shapes
      ? sweep(SHAPES_CHECK, 'shapes', title, all, (exchange) => shapes.check(exchange))
      : { id: SHAPES_CHECK, family: 'shapes', title, outcome: 'not-run', notRunReason: 'no OpenAPI document (--openapi FILE)', findings: [], requests: 0, durationMs: 0 };
    families.push({ id: 'shapes', title: 'Answers match the OpenAPI document', outcome: 'not-run', checks: [result] });
  }
  for (const family of families) family.outcome = familyOutcome(family.checks);

  const summary = { passed: 0, failed: 0, 'not-run': 0 };
  for (const family of families) for (const check of family.checks) summary[check.outcome] += 1;
  return {
    baseUrl: baseUrl.href,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    openapi: shapes ? (options.openapiSource ?? 'given') : 'none: shapes not checked',
    families,
    summary,
  };
}
