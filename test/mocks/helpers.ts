/**
 * Test helpers for anything that talks to the mock backend: the mock's own
 * tests, the client's and the elements'. Requests go over the real fetch
 * path through msw's Service Worker; nothing is stubbed.
 *
 * @example
 * ```ts
 * import { DEMO_USER, logIn, useMockBackend } from '../mocks/helpers.js';
 *
 * describe('<lk-login-form>', () => {
 *   const backend = useMockBackend();          // started once for the file, fresh before each test
 *   it('shows the wait after too many attempts', async () => {
 *     await backend.faults.set('login', 'server-error');
 *     await backend.clock.advance(15 * 60_000);
 *   });
 * });
 * ```
 */
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import * as v from 'valibot';
import { CSRF_HEADER, CSRF_HEADER_VALUE, endpointPath } from '../../src/api/paths.js';
import { PENDING_PAYMENTS_KEY } from '../../src/payments/pending.js';
import type { ApiEndpoint } from '../../src/api/paths.js';
import type { Account, AccountList, ConnectAccountRequest } from '../../src/schemas/account.js';
import { PROBLEM_CONTENT_TYPE } from '../../src/schemas/problem.js';
import type { ProblemDetails } from '../../src/schemas/problem.js';
import { CaptchaChallengeSchema } from '../../src/schemas/captcha.js';
import type { CaptchaChallenge, CaptchaSolution } from '../../src/schemas/captcha.js';
import type { RegisterRequest } from '../../src/schemas/registration.js';
import type { SessionState } from '../../src/schemas/auth.js';
import { answerChecker } from '../../src/contract/answers.js';
import type { ObservedAnswer } from '../../src/contract/answers.js';
import { buildOpenApiDocument } from '../../src/contract/openapi.js';
import { createMockBackend } from '../../mocks/backend.js';
import type { MockBackend } from '../../mocks/backend.js';
import type { MockState } from '../../mocks/db.js';
import { pageWorker, serveMockBackend } from '../../mocks/browser.js';
import type { StartedMockBackend } from '../../mocks/browser.js';
import { meetsDifficulty } from '../../mocks/captcha.js';
import { supplierAccountId } from '../../mocks/ids.js';
import { SEED_USERS } from '../../mocks/data/users.js';
import type { SeedUser } from '../../mocks/data/users.js';
import type { Letter, LetterKind } from '../../mocks/letters.js';
import type { MockBackendOptions } from '../../mocks/options.js';
import { LINK_PARAMS } from '../../mocks/tokens.js';
import type { LinkKind } from '../../mocks/tokens.js';

/** Where msw 3 persists its emulated cookie jar: the `Set-Cookie` of a mocked answer lands there, not in `document.cookie`. */
export const MSW_COOKIE_STORE_KEY = '__msw-cookie-store__';

const seedUser = (email: string): SeedUser => SEED_USERS.find((user) => user.email === email)!;

/** The README's demo user: confirmed. */
export const DEMO_USER = seedUser('abonent@example.ru');
/** A registered user who has not confirmed the e-mail yet. */
export const UNCONFIRMED_USER = seedUser('new@example.ru');

/**
 * Serves a mock backend for the current Mocha suite (or file, at top level):
 * started before the suite's first test, stopped after its last, and before
 * every test reset to a fresh seed with no faults, no latency beyond
 * `options.latency`, the clock at real time and an empty cookie jar.
 *
 * Defaults to the test iteration count, so logins are fast. Several calls
 * with different `apiBase`s give separate backends on the page's one worker.
 * The backend is returned at once, for use inside tests and hooks.
 */
export function useMockBackend(options: MockBackendOptions = {}): MockBackend {
  const answers: Promise<ObservedAnswer>[] = [];
  const backend = createMockBackend({
    passwordIterations: 'test',
    ...options,
    onAnswer(endpoint, method, request, response) {
      answers.push(observed(endpoint, method, response));
      options.onAnswer?.(endpoint, method, request, response);
    },
  });
  // Every answer of the mock's handlers, in every test that serves it, must
  // be one the API contract describes: the document cannot drift from the mock.
  afterEach('check the answers against the API contract', async () => {
    assertAnswersConform(await Promise.all(answers.splice(0)));
  });
  let started: StartedMockBackend | undefined;
  before('serve the mock backend', async () => {
    started = await serveMockBackend(backend, { quiet: true });
  });
  beforeEach('reset the mock backend', () => resetMockBackend(backend));
  after('stop serving the mock backend', async () => {
    // The worker stays for the page's next suite: stopping it waits for the
    // Service Worker's acknowledgement, which can stall while another test
    // page shares that worker, and the page is discarded after the file anyway.
    await started?.stop({ keepWorker: true });
  });
  return backend;
}

/** An answer as the contract check reads it. */
async function observed(endpoint: ApiEndpoint, method: string, response: Response): Promise<ObservedAnswer> {
  return { endpoint, method, status: response.status, headers: response.headers, body: await response.text() };
}

let checkAnswer: ((answer: ObservedAnswer) => string[]) | undefined;

/**
 * Throws, naming each answer and what is wrong with it, when an answer
 * does not conform to the API document (`buildOpenApiDocument()`).
 */
export function assertAnswersConform(answers: readonly ObservedAnswer[]): void {
  checkAnswer ??= answerChecker(buildOpenApiDocument());
  const failures = answers.flatMap((answer) =>
    checkAnswer!(answer).map((problem) => `${answer.method.toUpperCase()} ${answer.endpoint} answered ${answer.status}: ${problem}`),
  );
  if (failures.length) {
    throw new Error(`The mock answered outside the API contract (src/contract/):\n- ${[...new Set(failures)].join('\n- ')}`);
  }
}

/** Back to a fresh seed, with the session cookie gone from msw's jar. */
export async function resetMockBackend(backend: MockBackend): Promise<void> {
  // Without faults or latency, so the logout below answers at once.
  await backend.faults.clear();
  await backend.latency.set(0);
  // msw reads its jar from localStorage only when it loads; the jar it holds
  // in memory forgets a cookie only when an answer expires it, as logout's does.
  await mockFetch(backend, 'logout', { method: 'POST' });
  await backend.reset();
  localStorage.removeItem(MSW_COOKIE_STORE_KEY);
  // A payment left unresolved by the test before belongs to the data just thrown away.
  localStorage.removeItem(PENDING_PAYMENTS_KEY);
}

export interface MockFetchInit {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, unless a string (sent as it is). */
  body?: unknown;
  /** Whether to send the CSRF header; default true. */
  csrf?: boolean;
  signal?: AbortSignal;
}

/** A plain fetch to one of the backend's endpoints, as the SDK's client would send it. */
export function mockFetch(backend: MockBackend, endpoint: ApiEndpoint, init: MockFetchInit = {}): Promise<Response> {
  const { method = 'GET', body, csrf = true, signal = null } = init;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (csrf) headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(backend.url(endpoint), {
    method,
    headers,
    signal,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/**
 * Who `GET auth/session` says is logged in through the jar's cookie: the
 * user's id, or `null` for `{"user": null}`. Either way the answer is a 200:
 * having no session is not an error.
 */
export async function sessionUserId(backend: MockBackend): Promise<string | null> {
  const response = await mockFetch(backend, 'session');
  expect(response.status).to.equal(200);
  const { user } = (await response.json()) as SessionState;
  return user?.id ?? null;
}

/** Logs in (the session cookie goes to msw's jar) and returns the answer. */
export function logIn(
  backend: MockBackend,
  { email, password, captcha }: { email: string; password: string; captcha?: CaptchaSolution } = DEMO_USER,
): Promise<Response> {
  return mockFetch(backend, 'login', { method: 'POST', body: { email, password, ...(captcha ? { captcha } : {}) } });
}

/**
 * Accounts of the supplier's register (mocks/data/supplier-register.ts) as `POST accounts`
 * takes them: 5812345678 has an overpayment and one meter, 6001234567 a debt
 * and two meters, 6312345678 no debt.
 */
export const DAGESTAN = { supplierId: 'mrg-pyatigorsk-dagestan', number: '5812345678' } as const satisfies ConnectAccountRequest;
export const PSKOV = { supplierId: 'mrg-pskov', number: '6001234567' } as const satisfies ConnectAccountRequest;
export const SAMARA = { supplierId: 'mrg-samara', number: '6312345678' } as const satisfies ConnectAccountRequest;
/** The API's ids of those accounts once connected: the supplier's id and the number. */
export const DAGESTAN_ID = supplierAccountId(DAGESTAN.supplierId, DAGESTAN.number);
export const PSKOV_ID = supplierAccountId(PSKOV.supplierId, PSKOV.number);

/**
 * Logs the demo user in and connects `accounts` on the backend in their
 * order, so the first becomes current; throws if one is not connected.
 */
export async function logInWithAccounts(backend: MockBackend, accounts: readonly ConnectAccountRequest[]): Promise<void> {
  await logIn(backend);
  for (const body of accounts) {
    const answer = await mockFetch(backend, 'accounts', { method: 'POST', body });
    if (answer.status !== 201) throw new Error(`logInWithAccounts: connecting ${body.number} answered ${answer.status}`);
  }
}

/**
 * Solves a proof-of-work challenge by brute force, counting nonces up from
 * 0: fine for the low difficulties tests use (`captchaDifficulty: 4`).
 */
export async function solveCaptcha(challenge: Pick<CaptchaChallenge, 'id' | 'prefix' | 'difficulty'>): Promise<CaptchaSolution> {
  for (let nonce = 0; ; nonce++) {
    if (await meetsDifficulty(challenge.prefix, String(nonce), challenge.difficulty)) {
      return { id: challenge.id, nonce: String(nonce) };
    }
  }
}

/** A new challenge from the backend (`GET captcha/challenge`). */
export async function fetchCaptcha(backend: MockBackend): Promise<CaptchaChallenge> {
  return v.parse(CaptchaChallengeSchema, await (await mockFetch(backend, 'captcha')).json());
}

/** A right answer to a new challenge of the backend's. */
export async function passCaptcha(backend: MockBackend): Promise<CaptchaSolution> {
  return solveCaptcha(await fetchCaptcha(backend));
}

/** The body of `POST auth/register`, any member of which a test may leave out. */
export type RegistrationFields = Partial<RegisterRequest>;

/**
 * A registration the backend accepts: a fresh address, a valid password, the
 * agreement, a right anti-robot answer; `fields` replace any of them (an
 * explicit `captcha: undefined` leaves the answer out).
 */
export async function registration(backend: MockBackend, fields: RegistrationFields = {}): Promise<RegistrationFields> {
  return {
    email: `new-${crypto.randomUUID().slice(0, 8)}@example.ru`,
    password: 'gazPskov7',
    agreementVersion: '2026-11',
    ...fields,
    captcha: 'captcha' in fields ? fields.captcha : await passCaptcha(backend),
  };
}

/** Registers (`POST auth/register`); fields default to {@link registration}'s. */
export async function register(backend: MockBackend, fields: RegistrationFields = {}): Promise<Response> {
  return mockFetch(backend, 'register', { method: 'POST', body: await registration(backend, fields) });
}

/** The newest letter to `to` (compared without regard to case), of `kind` if given. */
export async function lastLetter(backend: MockBackend, to: string, kind?: LetterKind): Promise<Letter | undefined> {
  return (await backend.outbox.list()).find(
    (letter) => letter.to.toLowerCase() === to.toLowerCase() && (kind === undefined || letter.kind === kind),
  );
}

/** The token in a letter's confirmation or reset link. */
export function linkToken(letter: Letter | undefined, kind: LinkKind): string {
  const token = letter?.link ? new URL(letter.link).searchParams.get(LINK_PARAMS[kind]) : null;
  if (!token) throw new Error(`linkToken: no ${kind} link in ${letter ? `letter "${letter.subject}"` : 'a missing letter'}`);
  return token;
}

/**
 * The cookies msw's emulated jar sends to the backend's base, read through
 * a one-off handler: the jar in this page's memory is the one that counts
 * (localStorage holds a copy that test pages running side by side overwrite).
 */
export async function jarCookies(backend: MockBackend): Promise<Record<string, string>> {
  const worker = pageWorker();
  if (!worker) throw new Error('jarCookies: no mock backend is being served on this page');
  const url = new URL('__test-jar-cookies', backend.apiBase).href;
  worker.use(http.get(url, ({ cookies }) => HttpResponse.json(cookies), { once: true }));
  return (await fetch(url)).json() as Promise<Record<string, string>>;
}

/** An endpoint's URL with its account filled in. */
export const accountUrl = (backend: MockBackend, name: ApiEndpoint, accountId: string) =>
  new URL(endpointPath(name, { accountId }), backend.apiBase).href;

/** The account as `GET accounts` lists it for the logged-in user. */
export async function connectedAccount(backend: MockBackend, accountId: string): Promise<Account> {
  const { accounts } = (await (await mockFetch(backend, 'accounts')).json()) as AccountList;
  return accounts.find((account) => account.id === accountId)!;
}

/**
 * Logs the demo user in with Дагестан and Псков connected (Дагестан
 * current): Дагестан's one meter and its last reading.
 */
export async function logInWithDagestanMeter(backend: MockBackend): Promise<{ meterId: string; lastReading: number }> {
  await logInWithAccounts(backend, [DAGESTAN, PSKOV]);
  const [meter] = (await connectedAccount(backend, DAGESTAN_ID)).meters;
  return { meterId: meter!.id, lastReading: meter!.lastReading ?? 0 };
}

/** The problem an answer carries, checking it says it is one. */
export async function problemOf(response: Response): Promise<ProblemDetails> {
  expect(response.headers.get('Content-Type')).to.equal(PROBLEM_CONTENT_TYPE);
  return (await response.json()) as ProblemDetails;
}

/**
 * Runs `change` on the backend's state at the first load or save that
 * `when` picks (`saved` tells which). The listener is called within that
 * load or save, and the storage's lock serves transactions in the order
 * they were asked for, so `change` runs before any transaction a handler
 * asks for afterwards: a deterministic "in between", no timing involved.
 */
export function changeWhen(
  backend: MockBackend,
  when: (state: MockState, saved: boolean) => boolean,
  change: (state: MockState) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const unsubscribe = backend.db.subscribe((state, saved) => {
      if (!when(state, saved)) return;
      unsubscribe();
      backend.db.transact(change).then(resolve, reject);
    });
  });
}

/** What `DELETE accounts/:accountId` does, as another tab would. */
export const disconnect = (accountId: string) => (state: MockState) => {
  for (const connections of Object.values(state.connections)) {
    const index = connections.findIndex((connection) => connection.accountId === accountId);
    if (index !== -1) connections.splice(index, 1);
  }
};
