import { Agent } from './http.js';
import type { Exchange, ExchangeView } from './http.js';
import { viewExchange } from './http.js';
import type { FixtureName, Fixtures } from './fixtures.js';

/** A finding of a check: what was wrong, what was expected, what came, and the exchange that showed it. */
export interface Finding {
  message: string;
  expected?: string;
  got?: string;
  exchange?: ExchangeView;
}

/** Thrown by {@link CheckContext.stop}: the check cannot go on (its precondition failed). */
class CheckStopped extends Error {
  override name = 'CheckStopped';
}

/** One behaviour check. */
export interface Check {
  /** `family.name`, stable: `--only` selects by it and reports name it. */
  id: string;
  /** What the backend must do, as one sentence. */
  title: string;
  /** Fixtures without which the check does not run. */
  needs?: readonly FixtureName[];
  /** What it leaves behind on the backend (payments, connected accounts), for `--help` and the docs. */
  sideEffects?: string;
  run(context: CheckContext): Promise<void>;
}

/** A family of checks: one behaviour the elements rely on, with its checks. */
export interface CheckFamily {
  id: string;
  title: string;
  checks: readonly Check[];
}

/** What a check works with. */
export class CheckContext {
  readonly findings: Finding[] = [];
  readonly exchanges: Exchange[] = [];
  /** Set when the check found it could not run after all (a precondition of the backend's data). */
  notRunReason: string | undefined;

  constructor(
    readonly check: Check,
    readonly baseUrl: URL,
    readonly fixtures: Fixtures,
    readonly fetcher: typeof fetch,
  ) {}

  /** A new simulated user agent with no cookies. */
  agent(): Agent {
    return new Agent(this.baseUrl, this.check.id, this.fetcher, (exchange) => this.exchanges.push(exchange));
  }

  /** Records a failure; the check goes on. */
  fail(message: string, details: { expected?: string; got?: string; exchange?: Exchange } = {}): void {
    const { exchange, ...rest } = details;
    this.findings.push({ message, ...rest, ...(exchange ? { exchange: viewExchange(exchange) } : {}) });
  }

  /** Records a failure and ends the check: what follows depends on what failed. */
  stop(message: string, details: { expected?: string; got?: string; exchange?: Exchange } = {}): never {
    this.fail(message, details);
    throw new CheckStopped(message);
  }

  /** Ends the check as not run, for a reason found on the backend (too little data to check with). */
  skip(reason: string): never {
    this.notRunReason = reason;
    throw new CheckStopped(reason);
  }

  /** Expects one of `statuses`; otherwise records a failure (and stops when `stop` is set). Returns whether it matched. */
  expectStatus(exchange: Exchange, statuses: number | readonly number[], what: string, { stop = false } = {}): boolean {
    const wanted = typeof statuses === 'number' ? [statuses] : statuses;
    if (exchange.status !== undefined && wanted.includes(exchange.status)) return true;
    const details = { expected: `status ${wanted.join(' or ')}`, got: gotOf(exchange), exchange };
    const message = exchange.status === 429 ? `${what}. ${THROTTLED_HINT(exchange.headers?.get('retry-after'))}` : what;
    if (stop) this.stop(message, details);
    this.fail(message, details);
    return false;
  }

  /** The fixture, which the check's `needs` guarantee. */
  need<K extends FixtureName>(name: K): NonNullable<Fixtures[K]> {
    const value = this.fixtures[name];
    if (value === undefined) throw new Error(`check ${this.check.id} uses fixture ${name} without naming it in needs`);
    return value as NonNullable<Fixtures[K]>;
  }
}

/**
 * Said with an unexpected 429: the backend's limits, not the behaviour under
 * check, stopped the call. A run logs in about fifteen times, so a backend
 * that limits logins per client (20 in 15 minutes, say) refuses a second run
 * soon after the first.
 */
const THROTTLED_HINT = (retryAfter: string | null | undefined) =>
  `The backend throttled the suite (429${retryAfter ? `, Retry-After ${retryAfter} s` : ''}): a run logs in about fifteen times, so wait that long before running it again, or let the suite's client make more attempts (lk-widgets-mock: restart it or POST /__admin/reset)`;

export const isCheckStopped = (error: unknown): boolean => error instanceof CheckStopped;

/** A short "status, code" of an answer, for the `got` of a finding. */
export function gotOf(exchange: Exchange): string {
  if (exchange.status === undefined) return `no answer: ${exchange.error ?? 'unknown error'}`;
  const code = codeOf(exchange);
  const type = exchange.headers?.get('content-type');
  return `status ${exchange.status}${code ? `, code "${code}"` : ''}${type ? ` (${type})` : ''}`;
}

/** The problem `code` of an answer, if it has one. */
export function codeOf(exchange: Exchange): string | undefined {
  const body = exchange.json;
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string'
    ? (body as { code: string }).code
    : undefined;
}

/** The member at `path` of an answer's JSON body. */
export function member(exchange: Exchange, ...path: Array<string | number>): unknown {
  let value: unknown = exchange.json;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}
