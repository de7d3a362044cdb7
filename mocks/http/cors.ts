/// <reference types="node" />
import type { IncomingMessage } from 'node:http';
import { CSRF_HEADER } from '../../src/api/paths.js';

/** The methods the API uses, for a preflight's answer. */
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';

/** The request headers the client sends: JSON bodies, the CSRF header, payments' `Idempotency-Key`, and what an integrator's proxy may add. */
const ALLOWED_HEADERS = ['Content-Type', CSRF_HEADER, 'Idempotency-Key', 'Authorization', 'Accept'].join(', ');

/** Answer headers a cross-origin page must be able to read: the wait of a 429 and whether a payment was a replay. */
const EXPOSED_HEADERS = 'Retry-After, Idempotent-Replayed';

/** How long a browser may cache a preflight's answer, seconds. */
const PREFLIGHT_MAX_AGE = '600';

/** A CORS preflight: `OPTIONS` asking for a method. Any other `OPTIONS` goes to the handlers like any request. */
export const isPreflight = (request: IncomingMessage): boolean =>
  request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;

/**
 * CORS headers of an actual answer. Only an allowed origin gets them, named
 * as it is (never `*`: the session cookie travels, which `*` forbids), with
 * credentials allowed. When any origin is configured the answer depends on
 * `Origin`, so caches are told (`Vary: Origin`) whoever asks.
 */
export function corsHeaders(allowedOrigin: string | undefined, anyConfigured: boolean): Record<string, string> {
  if (!allowedOrigin) return anyConfigured ? { Vary: 'Origin' } : {};
  return {
    'Access-Control-Allow-Origin': allowedOrigin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    Vary: 'Origin',
  };
}

/** The 204 answer to an allowed origin's preflight. */
export const preflightHeaders = (allowedOrigin: string): Record<string, string> => ({
  'Access-Control-Allow-Origin': allowedOrigin,
  'Access-Control-Allow-Credentials': 'true',
  'Access-Control-Allow-Methods': ALLOWED_METHODS,
  'Access-Control-Allow-Headers': ALLOWED_HEADERS,
  'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
  Vary: 'Origin',
});
