import { HttpResponse } from 'msw';
import { API_PATHS } from '../../src/api/paths.js';
import type { ApiEndpoint } from '../../src/api/paths.js';
import { emailKey } from '../../src/schemas/email.js';
import type { MockBackend } from '../backend.js';
import { FAULT_KINDS } from '../faults.js';
import type { FaultKind } from '../faults.js';
import { PAYMENT_OUTCOMES } from '../payments.js';
import type { PaymentOutcome } from '../payments.js';
import { fieldsProblem, problem } from '../problem.js';

/** Where the admin API lives: outside any API base, so no client of the API reaches it by a relative path. */
export const ADMIN_PATH = '/__admin/';

export interface AdminRequest {
  method: string;
  url: URL;
  /** The raw body; empty for none. */
  body: Uint8Array;
}

type Action = (request: AdminRequest, match: RegExpExecArray) => Promise<Response>;

interface Route {
  /** Matched against the path after {@link ADMIN_PATH}. */
  path: RegExp;
  methods: Partial<Record<string, Action>>;
}

/**
 * The admin API of the HTTP server, for test harnesses: the same controls
 * the demo's panel and the browser tests use (`backend.reset()`, the clock,
 * faults, latency, the payment provider, the outbox), as JSON over HTTP.
 * Errors are problem details like the API's. Routes are documented for
 * harnesses in the repository's docs/mock-server.md.
 */
export function adminAnswer(backend: MockBackend, request: AdminRequest): Promise<Response> {
  const path = request.url.pathname.slice(ADMIN_PATH.length);
  for (const route of adminRoutes(backend)) {
    const match = route.path.exec(path);
    if (!match) continue;
    const action = route.methods[request.method];
    if (!action) {
      const allow = Object.keys(route.methods).join(', ');
      return Promise.resolve(problem(405, 'method_not_allowed', { detail: `This path answers ${allow}.` }, { Allow: allow }));
    }
    return action(request, match).catch((error: unknown) => {
      if (error instanceof Response) return error;
      throw error;
    });
  }
  return Promise.resolve(problem(404, 'not_found'));
}

function adminRoutes(backend: MockBackend): Route[] {
  const clockState = () => {
    const now = backend.clock.now();
    return HttpResponse.json({ now: new Date(now).toISOString(), nowMs: now, offsetMs: backend.clock.offset });
  };
  const faultsState = async () => HttpResponse.json({ faults: await backend.faults.list() });
  const latencyState = async () => HttpResponse.json({ ms: await backend.latency.get() });
  const outcomeState = async () => HttpResponse.json({ outcome: await backend.payments.outcome() });
  /** Letters newest first, only those to `?to=` (matched as logins match addresses) when it is given. */
  const letters = async ({ url }: AdminRequest) => {
    const to = url.searchParams.get('to');
    const all = await backend.outbox.list();
    return to === null ? all : all.filter((letter) => emailKey(letter.to) === emailKey(to));
  };

  return [
    { path: /^reset$/u, methods: { POST: async () => (await backend.reset(), HttpResponse.json({ reset: true })) } },
    {
      path: /^clock$/u,
      methods: { GET: async () => clockState() },
    },
    {
      path: /^clock\/advance$/u,
      methods: {
        POST: async (request) => {
          const { ms } = readObject(request);
          if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw fieldsProblem([{ pointer: '/ms', code: 'ms_invalid' }]);
          await backend.clock.advance(ms);
          return clockState();
        },
      },
    },
    {
      path: /^clock\/set$/u,
      methods: {
        POST: async (request) => {
          const { now } = readObject(request);
          const target = typeof now === 'string' ? Date.parse(now) : typeof now === 'number' ? now : Number.NaN;
          if (!Number.isFinite(target)) throw fieldsProblem([{ pointer: '/now', code: 'now_invalid' }]);
          // The mock clock only moves forward: what it has dated (sessions, links) must not come before it.
          const step = target - backend.clock.now();
          if (step < 0) throw fieldsProblem([{ pointer: '/now', code: 'now_in_the_past' }]);
          await backend.clock.advance(step);
          return clockState();
        },
      },
    },
    { path: /^clock\/reset$/u, methods: { POST: async () => (await backend.clock.reset(), clockState()) } },
    {
      path: /^faults$/u,
      methods: { GET: faultsState, DELETE: async () => (await backend.faults.clear(), faultsState()) },
    },
    {
      path: /^faults\/([^/]+)$/u,
      methods: {
        PUT: async (request, match) => {
          const endpoint = endpointOf(match[1]!);
          const { kind } = readObject(request);
          if (!FAULT_KINDS.includes(kind as FaultKind)) throw fieldsProblem([{ pointer: '/kind', code: 'fault_unknown' }]);
          await backend.faults.set(endpoint, kind as FaultKind);
          return faultsState();
        },
        DELETE: async (_request, match) => (await backend.faults.clear(endpointOf(match[1]!)), faultsState()),
      },
    },
    {
      path: /^latency$/u,
      methods: {
        GET: latencyState,
        PUT: async (request) => {
          const { ms } = readObject(request);
          if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw fieldsProblem([{ pointer: '/ms', code: 'ms_invalid' }]);
          await backend.latency.set(ms);
          return latencyState();
        },
      },
    },
    {
      path: /^payment-outcome$/u,
      methods: {
        GET: outcomeState,
        PUT: async (request) => {
          const { outcome } = readObject(request);
          if (!PAYMENT_OUTCOMES.includes(outcome as PaymentOutcome)) {
            throw fieldsProblem([{ pointer: '/outcome', code: 'outcome_unknown' }]);
          }
          await backend.payments.setOutcome(outcome as PaymentOutcome);
          return outcomeState();
        },
      },
    },
    {
      path: /^outbox$/u,
      methods: {
        GET: async (request) => HttpResponse.json({ letters: await letters(request) }),
        DELETE: async () => (await backend.outbox.clear(), HttpResponse.json({ letters: [] })),
      },
    },
    {
      path: /^outbox\/last$/u,
      methods: {
        GET: async (request) => {
          const [last] = await letters(request);
          return last ? HttpResponse.json(last) : problem(404, 'not_found', { detail: 'No letter was sent to that address.' });
        },
      },
    },
  ];
}

/** An endpoint's name from the path (`login`, `accountHistory`), or a 404 naming none. */
function endpointOf(segment: string): ApiEndpoint {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    name = segment;
  }
  if (!Object.hasOwn(API_PATHS, name)) throw problem(404, 'not_found', { detail: `No endpoint is named ${name}.` });
  return name as ApiEndpoint;
}

/** The body as a JSON object; anything else answers 400 like the API's own bodies. */
function readObject({ body }: AdminRequest): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw problem(400, 'validation_failed', { detail: 'The request body is not JSON.', errors: [{ pointer: '', code: 'json_invalid' }] });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fieldsProblem([{ pointer: '', code: 'type_invalid' }]);
  }
  return value as Record<string, unknown>;
}
