import { delay, http } from 'msw';
import type { HttpHandler } from 'msw';
import { API_PATHS, CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/api/paths.js';
import type { ApiEndpoint } from '../../src/api/paths.js';
import { mockNow } from '../db.js';
import type { MockDb } from '../db.js';
import { expireRecords, hasExpiredRecords } from '../expiry.js';
import { faultResponse } from '../faults.js';
import type { HeldRequests } from '../faults.js';
import type { ResolvedMockOptions } from '../options.js';
import { problem } from '../problem.js';

/** What every handler of one backend shares. */
export interface MockContext {
  readonly options: ResolvedMockOptions;
  readonly db: MockDb;
  readonly held: HeldRequests;
}

export interface EndpointRequest {
  request: Request;
  /** Cookies of the request; in a browser, from msw's emulated cookie jar. */
  cookies: Record<string, string>;
  /** The path's parameters (`:accountId`), decoded. */
  params: Record<string, string>;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The URL pattern of an endpoint under the backend's base. */
export const endpointUrl = (options: ResolvedMockOptions, name: ApiEndpoint): string =>
  `${options.apiBase}${API_PATHS[name]}`;

/**
 * A handler of one API endpoint, with what every endpoint does first: let
 * what has expired on the mock clock go (unconfirmed cabinets past their
 * date, old challenges, idempotency records: expiry.ts), wait the configured
 * latency, act out a fault set for the endpoint, and refuse a state-changing
 * request without the CSRF header. An exception anywhere in it answers as
 * {@link guarded} says.
 */
export function endpoint(
  context: MockContext,
  name: ApiEndpoint,
  method: Method,
  resolve: (request: EndpointRequest) => Promise<Response>,
): HttpHandler {
  return http[method](endpointUrl(context.options, name), async ({ request, cookies, params }) => {
    let faulted = false;
    const response = await guarded(`${method.toUpperCase()} ${name}`, async () => {
      const state = await context.db.read();
      if (hasExpiredRecords(state, mockNow(state))) {
        await context.db.transact((current) => expireRecords(current, mockNow(current)));
      }
      const { controls } = state;
      if (controls.latency > 0) await delay(controls.latency);
      const fault = controls.faults[name];
      if (fault) {
        faulted = true;
        return faultResponse(fault, context.held);
      }
      if (method !== 'get' && request.headers.get(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
        return problem(403, 'forbidden', { detail: `State-changing requests must carry ${CSRF_HEADER}.` });
      }
      return resolve({ request, cookies, params: params as Record<string, string> });
    });
    // A fault's answer breaks the contract on purpose, and a dropped connection is no answer.
    const { onAnswer } = context.options;
    if (onAnswer && !faulted && response.type !== 'error') onAnswer(name, method, request, response.clone());
    return response;
  });
}

/**
 * Runs a handler's work so that no exception reaches msw, whose own 500
 * answer would carry the error's message and stack (a message may quote a
 * request body, a token or a cookie) and would not be problem details. A
 * `Response` thrown on purpose ({@link readJson}'s 400) is the answer as it
 * is; anything else answers 500 `internal_error`, telling nothing of the
 * failure. The developer gets the error's name and stack frames in the
 * console, never its message.
 *
 * @param label Names the handler in the console line, e.g. `POST payments`.
 */
export async function guarded(label: string, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Response) return error;
    console.error(`lk-widgets mock: ${label} failed with ${errorName(error)}\n${stackFrames(error)}`);
    return problem(500, 'internal_error');
  }
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);

/** Only the "at …" lines of a stack: its first lines repeat the message. */
function stackFrames(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /u.test(line))
    .join('\n');
}

/**
 * The request's body parsed as JSON: the one reader of every endpoint. A
 * body that is not JSON (an empty one too) answers 400 `validation_failed`
 * with the error `json_invalid` at pointer "" (the whole body), thrown for
 * {@link guarded} to send.
 */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw problem(400, 'validation_failed', {
      detail: 'The request body is not JSON.',
      errors: [{ pointer: '', code: 'json_invalid' }],
    });
  }
}
