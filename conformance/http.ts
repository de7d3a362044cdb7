import { CookieJar } from './cookies.js';
import type { SetCookie } from './cookies.js';
import { redactBody, redactRequestHeader, redactSetCookie } from './redact.js';

/** The header every state-changing request of the SDK carries, and its value. */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'lk-widgets';

/** Response headers a report shows: the ones the checks look at. */
const SHOWN_RESPONSE_HEADERS = ['content-type', 'retry-after', 'idempotent-replayed', 'location', 'cache-control'];

/** One request and its answer, as the suite saw them (unredacted; see {@link ExchangeView} for reports). */
export interface Exchange {
  /** The check that made it. */
  readonly check: string;
  readonly method: string;
  readonly url: URL;
  /** The path relative to the base URL, without a leading slash: `auth/login`. */
  readonly path: string;
  readonly requestHeaders: Headers;
  readonly requestBody: string | undefined;
  /** `undefined` when no answer came (network error). */
  readonly status?: number;
  readonly headers?: Headers;
  readonly setCookies: readonly SetCookie[];
  /** The body as text ('' when empty). */
  readonly text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown;
  readonly error?: string;
}

/** An exchange as a report shows it, secrets redacted. */
export interface ExchangeView {
  endpoint: string;
  sent: { headers: Record<string, string>; body?: string };
  got?: { status: number; headers: Record<string, string>; body: string };
  error?: string;
}

/** The exchange as a report shows it. */
export function viewExchange(exchange: Exchange): ExchangeView {
  const sentHeaders: Record<string, string> = {};
  exchange.requestHeaders.forEach((value, name) => {
    sentHeaders[name] = redactRequestHeader(name, value);
  });
  const view: ExchangeView = {
    endpoint: `${exchange.method} ${exchange.url.href}`,
    sent: { headers: sentHeaders, ...(exchange.requestBody === undefined ? {} : { body: redactBody(exchange.requestBody) }) },
  };
  if (exchange.status !== undefined && exchange.headers) {
    const headers: Record<string, string> = {};
    for (const name of SHOWN_RESPONSE_HEADERS) {
      const value = exchange.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    if (exchange.setCookies.length > 0) headers['set-cookie'] = exchange.setCookies.map((cookie) => redactSetCookie(cookie.raw)).join(', ');
    view.got = { status: exchange.status, headers, body: redactBody(exchange.text) };
  }
  if (exchange.error) view.error = exchange.error;
  return view;
}

/** What {@link Agent.send} sends. */
export interface SendOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON body; sent with `Content-Type: application/json`. */
  json?: unknown;
  /** A raw body, sent as it is (for bodies that are not JSON). */
  body?: string;
  headers?: Record<string, string>;
  /**
   * Whether a state-changing request carries the CSRF header, as the SDK
   * always does. Default true; the CSRF checks send without it.
   */
  csrf?: boolean;
}

/** Where an agent's exchanges go. */
export type ExchangeSink = (exchange: Exchange) => void;

/**
 * One simulated user agent: its own cookies, sending requests under the
 * base URL and recording every exchange.
 */
export class Agent {
  readonly jar = new CookieJar();

  constructor(
    readonly baseUrl: URL,
    private readonly check: string,
    private readonly fetcher: typeof fetch,
    private readonly sink: ExchangeSink,
  ) {}

  /** Sends a request to `path` (relative to the base URL) and returns the exchange. */
  async send(path: string, options: SendOptions = {}): Promise<Exchange> {
    const method = options.method ?? (options.json === undefined && options.body === undefined ? 'GET' : 'POST');
    const url = new URL(path, this.baseUrl);
    const headers = new Headers({ Accept: 'application/json, application/problem+json', ...options.headers });
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers.set('Content-Type', 'application/json');
    }
    if (method !== 'GET' && options.csrf !== false) headers.set(CSRF_HEADER, CSRF_HEADER_VALUE);
    const cookie = this.jar.header(url);
    if (cookie) headers.set('Cookie', cookie);

    const base = { check: this.check, method, url, path, requestHeaders: headers, requestBody: body };
    let exchange: Exchange;
    try {
      const response = await this.fetcher(url, { method, headers, ...(body === undefined ? {} : { body }), redirect: 'manual' });
      const text = await response.text();
      const setCookies = this.jar.store(url, response.headers.getSetCookie());
      exchange = { ...base, status: response.status, headers: response.headers, setCookies, text, json: parseJson(text) };
    } catch (error) {
      exchange = { ...base, setCookies: [], text: '', json: undefined, error: describeError(error) };
    }
    this.sink(exchange);
    return exchange;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A fetch failure's name and message, with its cause (Node's fetch hides the socket error there). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
