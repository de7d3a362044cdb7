/// <reference types="node" />
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createMockBackend } from '../backend.js';
import type { MockBackend } from '../backend.js';
import type { MockBackendOptions } from '../options.js';
import { problem } from '../problem.js';
import { ADMIN_PATH, adminAnswer } from './admin.js';
import { corsHeaders, isPreflight, preflightHeaders } from './cors.js';
import { openFileStorage } from './file-storage.js';
import type { FileStorage } from './file-storage.js';

/** The largest request body taken, bytes: far above any request of the API, far below what could hurt. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface MockHttpServerOptions extends Omit<MockBackendOptions, 'apiBase' | 'storage' | 'dbName'> {
  /** The port; 0 (default) takes a free one. */
  port?: number;
  /** The address listened on. Default `127.0.0.1`: the sandbox is not for other machines unless asked. */
  host?: string;
  /** The API's base path. Default `/api/`. */
  base?: string;
  /**
   * Origins (`https://shop.example`) whose pages may call the API with
   * credentials: they get CORS headers, every other origin none.
   */
  allowOrigins?: readonly string[];
  /** A JSON file the state is kept in across restarts; none (default) keeps it in memory. */
  dataFile?: string;
  /** Serve the admin API under `/__admin/` (reset, clock, faults, latency, payment outcome, outbox). Default off. */
  admin?: boolean;
  /** PEM certificate and key: serve https, and the session cookie gets `Secure`. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Bodies above this many bytes answer 413 `payload_too_large`. Default 1 MiB. */
  maxBodyBytes?: number;
}

export interface MockHttpServer {
  /** The server's origin with a trailing slash, `http://127.0.0.1:8787/`. */
  readonly url: string;
  /** The API base, `http://127.0.0.1:8787/api/`: what `api-base` of the elements is set to. */
  readonly apiUrl: string;
  /** The admin API's base, `http://127.0.0.1:8787/__admin/`, when it is on. */
  readonly adminUrl: string | undefined;
  readonly backend: MockBackend;
  /** Stops listening, ends open connections and held requests, and waits for the data file's last save. */
  close(): Promise<void>;
}

/** The request could not be turned into a Fetch request (bad URL, percent-encoding or header). */
class BadRequest extends Error {}
/** The body went over the limit. */
class TooLarge extends Error {}

/**
 * The mock backend over real HTTP (Node only): the same msw handlers the
 * in-browser mock uses, answered through msw's `getResponse` for requests
 * that reach a `node:http` (or `node:https`) server. Cookies are the real
 * ones of the request: in Node msw has no cookie store (it reads the
 * handlers' `cookies` from the `Cookie` header alone), and `getResponse`
 * stores no `Set-Cookie` anywhere; so a client that sends no `Cookie`
 * header is not logged in, whoever else is.
 */
export async function createMockHttpServer(options: MockHttpServerOptions = {}): Promise<MockHttpServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    base = '/api/',
    allowOrigins = [],
    dataFile,
    admin = false,
    tls,
    maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
    ...backendOptions
  } = options;
  const basePath = normaliseBase(base);
  const origins = new Set(allowOrigins.map(normaliseOrigin));
  const storage: FileStorage | undefined = dataFile === undefined ? undefined : await openFileStorage(dataFile);

  // The backend is made once the port is known: its base is this server's
  // absolute API URL, so its handlers answer that path and nothing else. A
  // relative base would become a pattern matching any prefix of the path
  // (`/x/api/auth/login` too), as it must in a Node process with no origin.
  let backendMade!: (backend: MockBackend) => void;
  const backendReady = new Promise<MockBackend>((resolve) => (backendMade = resolve));
  const secure = tls !== undefined;
  let origin = '';
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    // serve() answers every failure itself; this is the last guard of the process, which must not die of a request.
    backendReady
      .then((backend) => serve({ request, response, origin, backend, origins, admin, secure, maxBodyBytes }))
      .catch(() => response.destroy());
  };
  const server: Server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, listener) : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `${secure ? 'https' : 'http'}://${hostInUrl}:${address.port}`;
  let backend: MockBackend;
  try {
    backend = createMockBackend({ ...backendOptions, apiBase: `${origin}${basePath}`, storage: storage ?? 'memory' });
    await backend.ready;
  } catch (error) {
    // A bad option or an unusable state: nothing of this server stays behind.
    server.close();
    throw error;
  }
  backendMade(backend);

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/`,
    apiUrl: `${origin}${basePath}`,
    adminUrl: admin ? `${origin}${ADMIN_PATH}` : undefined,
    backend,
    close: () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Requests a `timeout` fault holds end as dropped connections; idle keep-alive sockets go too.
        backend.close();
        server.closeAllConnections();
        await closed;
        await storage?.flush();
      })()),
  };
}

interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  /** `http://127.0.0.1:8787`: requests are resolved against the server's own origin, never the Host header. */
  origin: string;
  backend: MockBackend;
  origins: ReadonlySet<string>;
  admin: boolean;
  secure: boolean;
  maxBodyBytes: number;
}

/** Answers one request; nothing it meets (a bad request, a client gone, a failing handler) escapes to crash the process. */
async function serve(exchange: Exchange): Promise<void> {
  const { request, response } = exchange;
  const requestOrigin = request.headers.origin;
  const allowed = requestOrigin !== undefined && exchange.origins.has(requestOrigin) ? requestOrigin : undefined;
  const cors = corsHeaders(allowed, exchange.origins.size > 0);
  // A client that goes away mid-request aborts what the handlers were given.
  const aborted = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) aborted.abort();
  });
  request.on('error', () => undefined);
  response.on('error', () => undefined);
  try {
    if (isPreflight(request)) {
      if (!allowed) {
        await send(exchange, problem(403, 'forbidden', { detail: 'This origin may not call the API.' }), cors);
      } else {
        response.writeHead(204, preflightHeaders(allowed)).end();
      }
      return;
    }
    const url = requestUrl(exchange);
    const body = await readBody(request, exchange.maxBodyBytes);
    if (exchange.admin && url.pathname.startsWith(ADMIN_PATH)) {
      await send(exchange, await adminAnswer(exchange.backend, { method: request.method ?? 'GET', url, body }), cors);
      return;
    }
    const fetchRequest = new Request(url, {
      // HEAD is GET without the body (send() leaves it out): the endpoints declare GET only.
      method: request.method === 'HEAD' ? 'GET' : request.method,
      headers: requestHeaders(request),
      body: body.length > 0 ? new Uint8Array(body) : undefined,
      signal: aborted.signal,
    });
    const answer = (await getResponse([...exchange.backend.handlers], fetchRequest)) ?? problem(404, 'not_found');
    if (answer.type === 'error') {
      // `HttpResponse.error()`: the network-error fault, a dropped connection.
      request.socket?.destroy();
      return;
    }
    await send(exchange, answer, cors);
  } catch (error) {
    if (aborted.signal.aborted || response.destroyed) return;
    if (error instanceof BadRequest) {
      await send(exchange, problem(400, 'bad_request', { detail: error.message }), cors);
    } else if (error instanceof TooLarge) {
      // The rest of the body is not read: the connection closes after the answer.
      response.shouldKeepAlive = false;
      const limit = `${exchange.maxBodyBytes} bytes`;
      await send(exchange, problem(413, 'payload_too_large', { detail: `The body may have at most ${limit}.` }), cors);
    } else {
      // Like the handlers' own guard: the error's name, never its message (it may quote a request).
      console.error(`lk-widgets mock server: a request failed with ${error instanceof Error ? error.name : typeof error}`);
      if (!response.headersSent) await send(exchange, problem(500, 'internal_error'), cors);
      else response.destroy();
    }
  }
}

/** The request's URL on the server's own origin; a target that is no path, or a path whose %-escapes do not decode, is a {@link BadRequest}. */
function requestUrl({ request, origin }: Exchange): URL {
  const target = request.url ?? '';
  if (!target.startsWith('/')) throw new BadRequest('The request target must be a path.');
  let url: URL;
  try {
    // Joined, not resolved: `//elsewhere.test/api/…` is a path here, not another host.
    url = new URL(`${origin}${target}`);
    decodeURIComponent(url.pathname);
    decodeURIComponent(url.search);
  } catch {
    throw new BadRequest('The request URL is malformed.');
  }
  return url;
}

/** Headers that describe this hop's connection or the body as it was framed, not the request. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length', 'expect']);

function requestHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = request.rawHeaders;
  try {
    for (let index = 0; index < raw.length; index += 2) {
      const name = raw[index]!;
      if (!HOP_HEADERS.has(name.toLowerCase())) headers.append(name, raw[index + 1]!);
    }
  } catch {
    throw new BadRequest('A request header is malformed.');
  }
  return headers;
}

/** The whole body, or a {@link TooLarge} as soon as it passes `limit` (a `Content-Length` over it fails before reading). */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Writes a Fetch response: its status, every header (each `Set-Cookie` on
 * its own line, with `Secure` added over https), the CORS headers, and the
 * body (none for HEAD).
 */
async function send({ request, response, secure }: Exchange, answer: Response, cors: Record<string, string>): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  if (response.destroyed) return;
  const headers = nodeHeaders(answer.headers, { secure, cors });
  headers['content-length'] = String(body.length);
  response.writeHead(answer.status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * A Fetch answer's headers for `writeHead`: every `Set-Cookie` kept as a
 * line of its own (a Fetch `Headers` joins other repeated headers with
 * commas, which cookies' dates contain), `Secure` added to each over https,
 * the CORS headers merged in (`Vary` appended to). The length is the
 * caller's: the body is sent as it was read.
 */
export function nodeHeaders(
  source: Headers,
  { secure, cors = {} }: { secure: boolean; cors?: Record<string, string> },
): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  source.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length' && name !== 'content-encoding') headers[name] = value;
  });
  const cookies = source.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = secure ? cookies.map(withSecure) : cookies;
  for (const [name, value] of Object.entries(cors)) {
    const key = name.toLowerCase();
    headers[key] = key === 'vary' && typeof headers[key] === 'string' ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}

const withSecure = (cookie: string): string => (/;\s*secure\s*(;|$)/iu.test(cookie) ? cookie : `${cookie}; Secure`);

function normaliseBase(base: string): string {
  if (!base.startsWith('/') || !URL.canParse(base, 'http://host.invalid')) {
    throw new RangeError(`lk-widgets mock server: the base must be a path such as /api/: ${base}`);
  }
  const path = new URL(base, 'http://host.invalid').pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

function normaliseOrigin(origin: string): string {
  const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
  if (!parsed || !/^https?:$/u.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/u, '')) {
    throw new RangeError(`lk-widgets mock server: an allowed origin is a scheme, host and port such as https://shop.example: ${origin}`);
  }
  return parsed.origin;
}
