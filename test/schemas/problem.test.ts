import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { ProblemDetailsSchema } from '../../src/schemas/problem.js';

const parse = (input: unknown) => v.safeParse(ProblemDetailsSchema, input);
const parsed = (input: unknown) => v.parse(ProblemDetailsSchema, input);

describe('ProblemDetailsSchema', () => {
  it('keeps the standard members', () => {
    const problem = {
      type: 'https://lk-widgets.dev/problems/server_error',
      title: 'Internal server error',
      status: 500,
      detail: 'Try again later.',
      instance: '/api/auth/login',
      code: 'server_error',
    };
    expect(parsed(problem)).to.deep.equal(problem);
  });

  it('keeps extension members it does not know', () => {
    const problem = {
      type: 'https://lk-widgets.dev/problems/too_many_requests',
      status: 429,
      code: 'too_many_requests',
      retryAfter: 600,
      traceId: 'abc-123',
      limits: { attempts: 20, window: '15m' },
    };
    const result = parse(problem);
    expect(result.success).to.equal(true);
    expect(result.output).to.deep.equal(problem);
  });

  it('keeps field errors with their pointers and codes', () => {
    const errors = [
      { pointer: '/email', code: 'email_format' },
      { pointer: '/password', code: 'password_required', detail: 'Required.' },
    ];
    expect(parsed({ status: 422, code: 'validation_failed', errors }).errors).to.deep.equal(errors);
  });

  it('defaults type to about:blank', () => {
    expect(parsed({ status: 503, title: 'Service Unavailable' }).type).to.equal('about:blank');
  });

  it('accepts an empty object, as about:blank', () => {
    expect(parsed({})).to.deep.equal({ type: 'about:blank' });
  });

  it('rejects values that are not objects', () => {
    for (const input of [null, undefined, 'Internal Server Error', '<html>502 Bad Gateway</html>', 500, true]) {
      expect(parse(input).success, JSON.stringify(input)).to.equal(false);
    }
  });

  it('ignores a status that is not an integer, as RFC 9457 §3.1 asks', () => {
    expect(parsed({ status: 500.5, code: 'server_error' })).to.include({ code: 'server_error', status: undefined });
  });
});

describe('ProblemDetailsSchema, leniency (RFC 9457 §3.1)', () => {
  it('refuses an array', () => {
    expect(parse(['x']).success).to.equal(false);
  });

  it('ignores a member of the wrong type and keeps the rest', () => {
    const problem = parsed({ status: '429', code: 'too_many_requests', retryAfter: 60 });
    expect(problem).to.include({ code: 'too_many_requests', retryAfter: 60 });
    expect(problem.status).to.equal(undefined);
  });
});
