// Shared by test/node/conformance*.test.mjs: the suite and the mock backend
// bundled on the fly with esbuild,
// the fixtures that fit the mock's seed, and a fetch that also serves the
// mock's outbox as a mailbox.
import { readFile } from 'node:fs/promises';
import { importTypeScript } from '../../scripts/lib/typescript-module.mjs';
import { buildDocument, loadContract } from '../../scripts/openapi.mjs';

const root = new URL('../../', import.meta.url);

/** The API base the in-process mock answers under. */
export const BASE_URL = 'http://conformance.test/api/';
/** The mailbox the test fetch serves from the mock's outbox. */
export const MAILBOX_URL = 'http://conformance.test/__admin/outbox/last?to={email}';

/** Imports conformance/index.ts, mocks/node.ts and mocks/backend.ts, bundled on the fly. */
export async function loadModules() {
  const [conformance, mock, backend] = await Promise.all(
    ['conformance/index.ts', 'mocks/node.ts', 'mocks/backend.ts'].map((entry) => importTypeScript(entry)),
  );
  return { conformance, mock, backend };
}

/**
 * The mock served over real HTTP on a free port of 127.0.0.1 (msw's
 * `getResponse` behind `node:http`), with the mailbox at {@link MAILBOX_PATH}.
 * Returns the base URL, the backend and `close()`.
 */
export async function serveMockOverHttp(backendModule) {
  const { createServer } = await import('node:http');
  const { getResponse } = await import('msw');
  const backend = backendModule.createMockBackend({ apiBase: '/api/', storage: 'memory', passwordIterations: 'test', captchaDifficulty: 4 });
  await backend.ready;
  const server = createServer(async (incoming, outgoing) => {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const url = new URL(incoming.url, `http://${incoming.headers.host}`);
    let response;
    if (url.pathname === '/__admin/outbox/last') {
      const to = (url.searchParams.get('to') ?? '').toLowerCase();
      const letter = (await backend.outbox.list()).find((candidate) => candidate.to.toLowerCase() === to);
      response = letter ? Response.json({ subject: letter.subject, text: letter.body }) : new Response('no letter', { status: 404 });
    } else {
      const body = chunks.length > 0 && !['GET', 'HEAD'].includes(incoming.method) ? Buffer.concat(chunks) : undefined;
      const request = new Request(url, { method: incoming.method, headers: incoming.headers, ...(body ? { body } : {}) });
      response = (await getResponse([...backend.handlers], request)) ?? new Response('not found', { status: 404 });
    }
    const headers = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    outgoing.writeHead(response.status, headers);
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    baseUrl: `${origin}/api/`,
    mailboxUrl: `${origin}/__admin/outbox/last?to={email}`,
    backend,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A mock backend intercepting this process's fetch, with a cheap anti-robot check. */
export const startMock = (mock) =>
  mock.startMockServer({ apiBase: BASE_URL, passwordIterations: 'test', captchaDifficulty: 4 });

/** The committed fixtures for the mock, with the mailbox served by {@link mailboxFetch}. */
export async function mockFixtures() {
  const fixtures = JSON.parse(await readFile(new URL('conformance/fixtures.mock.json', root), 'utf8'));
  delete fixtures.comment;
  return { ...fixtures, mailbox: { url: MAILBOX_URL, timeoutSeconds: 1 } };
}

/** The API document as `npm run build` writes it, made from the sources now. */
export const readOpenApiDocument = async () => buildDocument(await loadContract());


/**
 * The global (intercepted) fetch, plus the mailbox: GET {@link MAILBOX_URL}
 * answers the newest letter to the address as JSON, as the mock HTTP
 * server's admin API does.
 */
export function mailboxFetch(server) {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/__admin/outbox/last') {
      const to = (url.searchParams.get('to') ?? '').toLowerCase();
      const letter = (await server.outbox.list()).find((candidate) => candidate.to.toLowerCase() === to);
      return letter
        ? Response.json({ subject: letter.subject, text: letter.body, links: letter.link ? [letter.link] : [] })
        : new Response('no letter', { status: 404 });
    }
    return fetch(input, init);
  };
}

/** What a breakage sees of a request. */
function requestFacts(input, init = {}) {
  const url = new URL(input instanceof Request ? input.url : String(input));
  return { url, path: url.pathname.replace(/^\/api\//u, ''), method: (init.method ?? 'GET').toUpperCase(), headers: new Headers(init.headers), body: init.body };
}

/**
 * A backend broken in one behaviour: `request(facts)` may change what is
 * sent (return new init members), `answer(facts)` may answer in the
 * backend's place (a Response) so the request never reaches it,
 * `response(facts, response)` may change what comes back.
 */
export function broken(fetcher, { request, answer: instead, response } = {}) {
  return async (input, init = {}) => {
    let facts = requestFacts(input, init);
    const substitute = instead?.(facts);
    if (substitute) return substitute;
    let sent = init;
    if (request) {
      sent = { ...init, ...request(facts) };
      facts = requestFacts(input, sent);
    }
    const answer = await fetcher(input, sent);
    return response ? response(facts, answer) : answer;
  };
}

/** A copy of `response` with its headers changed by `edit(headers)` and, optionally, another body. */
export async function rebuilt(response, { edit = () => {}, body } = {}) {
  const headers = new Headers(response.headers);
  edit(headers);
  const text = body === undefined ? await response.text() : body;
  return new Response(response.status === 204 ? null : text, { status: response.status, headers });
}

/** The same JSON answer with its body changed by `change(json)`. */
export async function rejsoned(response, change) {
  const json = await response.json();
  const changed = change(json) ?? json;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(changed), { status: response.status, headers });
}

/** The check results of a report, by id. */
export const checksById = (report) => Object.fromEntries(report.families.flatMap((family) => family.checks.map((check) => [check.id, check])));
