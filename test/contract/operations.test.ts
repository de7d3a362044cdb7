/**
 * The client and the API document name the same operations: every endpoint
 * function of src/api, called against the mock over the real fetch, sends a
 * (method, path) the document has, with a body its request schema allows,
 * and the document has no operation that no endpoint function calls.
 */
import { expect } from '@open-wc/testing';
import * as accounts from '../../src/api/accounts.js';
import * as auth from '../../src/api/auth.js';
import * as captcha from '../../src/api/captcha.js';
import * as clientModule from '../../src/api/client.js';
import { createClient } from '../../src/api/client.js';
import * as errorsModule from '../../src/api/errors.js';
import * as api from '../../src/api/index.js';
import * as pathsModule from '../../src/api/paths.js';
import type { Client } from '../../src/api/client.js';
import * as payments from '../../src/api/payments.js';
import * as readings from '../../src/api/readings.js';
import * as recovery from '../../src/api/recovery.js';
import * as registration from '../../src/api/registration.js';
import { schemaChecker } from '../../src/contract/answers.js';
import { buildOpenApiDocument } from '../../src/contract/openapi.js';
import { DAGESTAN, DAGESTAN_ID, DEMO_USER, passCaptcha, useMockBackend } from '../mocks/helpers.js';

/** What src/api exports that is not an endpoint function: the client, its errors, the paths, and a key maker. */
const NOT_ENDPOINTS = new Set([...Object.keys(clientModule), ...Object.keys(errorsModule), ...Object.keys(pathsModule), 'newIdempotencyKey']);

describe('the API document and the client', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });
  const document = buildOpenApiDocument();
  /** `METHOD /path/{param}` of every operation in the document. */
  const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));

  const checkSchema = schemaChecker(document);
  /** The requests the client sent, as `METHOD /path/{param}` by the document's templates (the raw path where none matches). */
  let sent: string[];
  /** What is wrong with the bodies the client sent, by the document's request schemas. */
  let bodyProblems: string[];
  let client: Client;

  /** A fetch that notes each request and its body, and then makes it for real. */
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = `/${new URL(request.url).pathname.slice(new URL(backend.apiBase).pathname.length)}`;
    const template = Object.keys(document.paths).find((candidate) =>
      new RegExp(`^${candidate.replace(/\{[A-Za-z]+\}/gu, '[^/]+')}$`, 'u').test(path),
    );
    sent.push(`${request.method} ${template ?? path}`);
    const body = await request.clone().text();
    const schema = template && document.paths[template]?.[request.method.toLowerCase()]?.requestBody?.content['application/json']?.schema;
    if (schema) bodyProblems.push(...checkSchema(`the body of ${request.method} ${template}`, schema, JSON.parse(body)));
    else if (body !== '') bodyProblems.push(`${request.method} ${template ?? path} sent a body the document does not describe`);
    return fetch(request);
  };

  beforeEach(() => {
    sent = [];
    bodyProblems = [];
    client = createClient({ baseUrl: backend.apiBase, fetch: recordingFetch, retries: 0, timeout: 5000 });
  });

  /**
   * One call of every endpoint function, with arguments it sends (what the
   * mock answers does not matter here: a refusal is an answer too).
   */
  const CALLS: Record<string, () => Promise<unknown>> = {
    login: () => auth.login(client, { email: DEMO_USER.email, password: DEMO_USER.password }),
    logout: () => auth.logout(client),
    fetchCurrentUser: () => auth.fetchCurrentUser(client),
    changePassword: () => auth.changePassword(client, { currentPassword: DEMO_USER.password, newPassword: 'gaz2027' }),
    register: async () =>
      registration.register(client, { email: 'ivan@example.ru', password: 'gazPskov7', agreementVersion: '2026-11', captcha: await passCaptcha(backend) }),
    confirmEmail: () => registration.confirmEmail(client, { token: 'q3Vx8p1mZC0aT7yKd2LwB9rN4sE6uHjG5fXcA0oPiYk' }),
    resendConfirmation: () => registration.resendConfirmation(client, { email: 'ivan@example.ru' }),
    requestPasswordReset: () => recovery.requestPasswordReset(client, { email: DEMO_USER.email }),
    resetPassword: () => recovery.resetPassword(client, { token: 'q3Vx8p1mZC0aT7yKd2LwB9rN4sE6uHjG5fXcA0oPiYk', password: 'novyi2027' }),
    fetchCaptchaChallenge: () => captcha.fetchCaptchaChallenge(client),
    fetchSuppliers: () => accounts.fetchSuppliers(client),
    fetchAccounts: () => accounts.fetchAccounts(client),
    connectAccount: () => accounts.connectAccount(client, DAGESTAN),
    disconnectAccount: () => accounts.disconnectAccount(client, DAGESTAN_ID),
    fetchAccountHistory: () => accounts.fetchAccountHistory(client, DAGESTAN_ID),
    submitReadings: () => readings.submitReadings(client, DAGESTAN_ID, { readings: [{ meterId: `${DAGESTAN_ID}-m1`, value: 27950 }] }),
    fetchReadings: () => readings.fetchReadings(client, DAGESTAN_ID),
    pay: () => payments.pay(client, DAGESTAN_ID, { amount: 10_000 }, { idempotencyKey: payments.newIdempotencyKey() }),
    fetchPayments: () => payments.fetchPayments(client, DAGESTAN_ID),
  };

  it('knows a call of every endpoint function of src/api', () => {
    const functions = Object.entries(api)
      .filter(([name, value]) => typeof value === 'function' && !NOT_ENDPOINTS.has(name))
      .map(([name]) => name);
    expect(Object.keys(CALLS).sort()).to.deep.equal(functions.sort());
  });

  it('has every operation the client calls, and none it does not', async () => {
    // In the order a user would: logged in, with the account connected, so most calls succeed.
    for (const name of ['login', 'connectAccount', ...Object.keys(CALLS).filter((call) => call !== 'login' && call !== 'connectAccount' && call !== 'logout'), 'logout']) {
      const before = sent.length;
      try {
        await CALLS[name]!();
      } catch {
        // A refusal is fine: the request was sent.
      }
      expect(sent.length, `${name} sent a request`).to.be.greaterThan(before);
    }
    const called = [...new Set(sent)].sort();
    expect(called.filter((operation) => !documented.includes(operation)), 'called, not in the document').to.deep.equal([]);
    expect(documented.filter((operation) => !called.includes(operation)), 'in the document, never called').to.deep.equal([]);
    expect(bodyProblems).to.deep.equal([]);
  });
});
