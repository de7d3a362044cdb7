import { expect } from '@open-wc/testing';
import { HttpResponse } from 'msw';
import type { ApiEndpoint } from '../../src/api/paths.js';
import { PROBLEM_CONTENT_TYPE } from '../../src/schemas/problem.js';
import { pageWorker } from '../../mocks/browser.js';
import { createHeldRequests } from '../../mocks/faults.js';
import { endpoint, endpointUrl } from '../../mocks/handlers/endpoint.js';
import type { EndpointRequest } from '../../mocks/handlers/endpoint.js';
import { resolveMockOptions } from '../../mocks/options.js';
import { useMockBackend } from './helpers.js';

/** What no answer and no console line may show of the failure. */
const SECRET = 'lk_session=s3cr3t-cookie; card 4111 1111 1111 1111';

describe('mock backend: an exception in a handler', () => {
  const backend = useMockBackend();
  let logged: unknown[][];
  let originalConsoleError: typeof console.error;

  beforeEach(() => {
    logged = [];
    originalConsoleError = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
  });
  afterEach(() => {
    console.error = originalConsoleError;
  });

  /**
   * Serves `resolve` as the `suppliers` endpoint of a base of its own (the
   * test backend's database, no other handler there) and fetches it.
   */
  async function serveAndFetch(base: string, resolve: (request: EndpointRequest) => Promise<Response>, name: ApiEndpoint = 'suppliers') {
    const options = resolveMockOptions({ apiBase: base });
    pageWorker()!.use(endpoint({ options, db: backend.db, held: createHeldRequests() }, name, 'get', resolve));
    return fetch(endpointUrl(options, name));
  }

  it('answers an Error 500 problem+json internal_error, with nothing of the error in it or in the console', async () => {
    const response = await serveAndFetch('/robustness-error/', async () => {
      throw new Error(SECRET);
    });
    expect(response.status).to.equal(500);
    expect(response.headers.get('Content-Type')).to.equal(PROBLEM_CONTENT_TYPE);
    const text = await response.text();
    expect(JSON.parse(text)).to.deep.equal({
      type: 'https://lk-widgets.dev/problems/internal_error',
      title: 'Unexpected internal error',
      status: 500,
      code: 'internal_error',
    });
    expect(text).not.to.include('s3cr3t');
    expect(text).not.to.include('4111');
    // The developer learns which handler failed and where, not what the message said.
    const console = logged.map((args) => args.map(String).join(' ')).join('\n');
    expect(console).to.include('GET suppliers');
    expect(console).to.include('Error');
    expect(console).not.to.include('s3cr3t');
    expect(console).not.to.include('4111');
  });

  it('answers anything else thrown the same way', async () => {
    const response = await serveAndFetch('/robustness-string/', async () => {
      throw SECRET;
    });
    expect(response.status).to.equal(500);
    expect(await response.json()).to.include({ code: 'internal_error' });
    expect(logged.flat().map(String).join('\n')).not.to.include('s3cr3t');
  });

  it('sends a Response thrown on purpose as it is', async () => {
    const response = await serveAndFetch('/robustness-response/', async () => {
      throw HttpResponse.text('on purpose', { status: 418 });
    });
    expect([response.status, await response.text()]).to.deep.equal([418, 'on purpose']);
    expect(logged).to.deep.equal([]);
  });

  it('answers a path under the base no endpoint has 404 problem+json not_found', async () => {
    const response = await fetch(new URL('no/such/path', backend.apiBase).href);
    expect(response.status).to.equal(404);
    expect(response.headers.get('Content-Type')).to.equal(PROBLEM_CONTENT_TYPE);
    expect(await response.json()).to.include({ code: 'not_found' });
  });
});
