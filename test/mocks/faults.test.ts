import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { SessionResponseSchema } from '../../src/schemas/auth.js';
import { createMockBackend } from '../../mocks/backend.js';
import { logIn, mockFetch, useMockBackend } from './helpers.js';

describe('mock backend: faults and latency', () => {
  const backend = useMockBackend();

  it('server-error: 500 problem server_error', async () => {
    await backend.faults.set('login', 'server-error');
    const response = await logIn(backend);
    expect(response.status).to.equal(500);
    expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
    expect(await response.json()).to.include({ code: 'server_error', status: 500 });
  });

  it('network-error: the fetch fails', async () => {
    await backend.faults.set('session', 'network-error');
    let failure: unknown;
    await mockFetch(backend, 'session').catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
  });

  it('malformed: 200 application/json whose body is not JSON', async () => {
    await backend.faults.set('session', 'malformed');
    const response = await mockFetch(backend, 'session');
    expect(response.status).to.equal(200);
    expect(response.headers.get('Content-Type')).to.equal('application/json');
    const text = await response.text();
    expect(() => JSON.parse(text)).to.throw(SyntaxError);
  });

  it('wrong-shape: 200 JSON that does not match the schema', async () => {
    await backend.faults.set('login', 'wrong-shape');
    const response = await logIn(backend);
    expect(response.status).to.equal(200);
    expect(v.safeParse(SessionResponseSchema, await response.json()).success).to.equal(false);
  });

  it('timeout: no answer until the client gives up', async () => {
    await backend.faults.set('session', 'timeout');
    const abort = new AbortController();
    let settled = false;
    const pending = mockFetch(backend, 'session', { signal: abort.signal }).finally(() => (settled = true));
    // Other requests come and go meanwhile: the server is alive, this one hangs.
    for (let i = 0; i < 3; i++) expect((await logIn(backend)).status).to.equal(200);
    expect(settled).to.equal(false);
    abort.abort();
    let failure: unknown;
    await pending.catch((error: unknown) => (failure = error));
    expect((failure as Error).name).to.equal('AbortError');
  });

  it('affects only its endpoint, and clears', async () => {
    await backend.faults.set('session', 'server-error');
    expect(await backend.faults.list()).to.deep.equal({ session: 'server-error' });
    expect((await logIn(backend)).status).to.equal(200);
    await backend.faults.clear('session');
    expect(await backend.faults.get('session')).to.equal(undefined);
    expect((await mockFetch(backend, 'session')).status).to.equal(200);
  });

  it('comes before the CSRF check: the server fails first', async () => {
    await backend.faults.set('logout', 'server-error');
    expect((await mockFetch(backend, 'logout', { method: 'POST', csrf: false })).status).to.equal(500);
  });

  it('refuses unknown fault kinds', async () => {
    let failure: unknown;
    await backend.faults.set('login', 'slow' as never).catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(RangeError);
  });

  it('latency: every answer waits the set time', async () => {
    await backend.latency.set(150);
    const start = performance.now();
    expect((await mockFetch(backend, 'session')).status).to.equal(200);
    expect(performance.now() - start).to.be.at.least(145);
  });

  it('the latency option sets the initial latency, and reset returns to it', async () => {
    const slow = createMockBackend({ latency: 300, passwordIterations: 'test' });
    expect(await slow.latency.get()).to.equal(300);
    await slow.latency.set(0);
    await slow.reset();
    expect(await slow.latency.get()).to.equal(300);
  });
});
