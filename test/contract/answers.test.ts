/**
 * The check every browser test runs after each case (test/mocks/helpers.ts):
 * it sees the answers of the mock's handlers, not those of a fault, and it
 * fails, saying what is wrong, on an answer the API document does not allow.
 */
import { expect } from '@open-wc/testing';
import type { ObservedAnswer } from '../../src/contract/answers.js';
import { assertAnswersConform, logIn, mockFetch, useMockBackend } from '../mocks/helpers.js';

const json = (status: number, body: unknown, type = 'application/json', headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers({ 'Content-Type': type, ...headers }),
  body: JSON.stringify(body),
});

const user = { id: 'u-0001', email: 'abonent@example.ru', emailConfirmed: true, confirmUntil: null };
const problem = (status: number, code: string, members: object = {}) =>
  json(status, { type: `https://lk-widgets.dev/problems/${code}`, title: 'A title', status, code, ...members }, 'application/problem+json');

/** The message `assertAnswersConform` fails with, or '' when it passes. */
function failureOf(answer: ObservedAnswer): string {
  try {
    assertAnswersConform([answer]);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the contract check of the mock\'s answers', () => {
  const seen: string[] = [];
  const backend = useMockBackend({ onAnswer: (endpoint, method, _request, response) => seen.push(`${method} ${endpoint} ${response.status}`) });

  beforeEach(() => {
    seen.length = 0;
  });

  it('sees the answers of the handlers, but not those of a fault', async () => {
    await mockFetch(backend, 'session');
    await logIn(backend);
    await backend.faults.set('session', 'wrong-shape');
    expect((await mockFetch(backend, 'session')).status).to.equal(200);
    expect(seen).to.deep.equal(['get session 200', 'post login 200']);
  });

  it('passes answers the document allows', () => {
    expect(failureOf({ endpoint: 'session', method: 'GET', ...json(200, { user }) })).to.equal('');
    expect(failureOf({ endpoint: 'login', method: 'POST', ...problem(429, 'too_many_requests', { retryAfter: 60 }), headers: new Headers({ 'Content-Type': 'application/problem+json', 'Retry-After': '60' }) })).to.equal('');
    expect(failureOf({ endpoint: 'logout', method: 'POST', status: 204, headers: new Headers(), body: '' })).to.equal('');
  });

  it('fails a body of the wrong shape, naming the answer and the member', () => {
    const message = failureOf({ endpoint: 'session', method: 'GET', ...json(200, { user: { ...user, id: 5 } }) });
    expect(message).to.contain('GET session answered 200');
    expect(message).to.contain('#/user/id');
  });

  it('fails a status, a code or a content type the document does not name for the operation', () => {
    expect(failureOf({ endpoint: 'session', method: 'GET', ...problem(418, 'forbidden') })).to.contain('no answer 418');
    // No session is `{"user": null}`, not an error: the document has no 401 for it.
    expect(failureOf({ endpoint: 'session', method: 'GET', ...problem(401, 'unauthenticated') })).to.contain('no answer 401');
    expect(failureOf({ endpoint: 'accounts', method: 'GET', ...problem(401, 'invalid_credentials') })).to.contain('#/code');
    expect(failureOf({ endpoint: 'session', method: 'GET', ...json(200, { user }, 'text/html') })).to.contain('content type "text/html"');
    expect(failureOf({ endpoint: 'logout', method: 'POST', status: 204, headers: new Headers(), body: '{}' })).to.contain('describes none');
  });

  it('fails a field error at a pointer the request body does not have', () => {
    const errors = [{ pointer: '/nickname', code: 'required' }];
    expect(failureOf({ endpoint: 'login', method: 'POST', ...problem(422, 'validation_failed', { errors }) })).to.contain('#/errors/0/pointer');
    expect(failureOf({ endpoint: 'login', method: 'POST', ...problem(422, 'validation_failed', { errors: [{ pointer: '/email', code: 'email_format' }] }) })).to.equal('');
  });

  it('fails a header the document does not describe for the answer', () => {
    const replayed = { endpoint: 'login', method: 'POST', ...json(200, { user }, 'application/json', { 'Idempotent-Replayed': 'true' }) } as const;
    expect(failureOf(replayed)).to.contain('Idempotent-Replayed is not described');
  });
});
