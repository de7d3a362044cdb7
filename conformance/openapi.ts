import { dereference, validate } from '@cfworker/json-schema';
import type { Schema } from '@cfworker/json-schema';
import type { Exchange } from './http.js';

/**
 * Checks answers against the OpenAPI 3.1 document: the operation is found
 * by method and path template, its documented answer by status (exact,
 * `4XX`-style or `default`), the content type must be one it documents, and
 * the body must validate against its JSON Schema (draft 2020-12), with the
 * document's `#/components/…` references resolved.
 */

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The URI the document is known by while validating; references inside it resolve against it. */
const DOCUMENT_URI = 'https://openapi.conformance.invalid/document.json';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** One operation of the document. */
interface Operation {
  method: string;
  template: string;
  /** The template's segments; `null` for a parameter. */
  segments: Array<string | null>;
  name: string;
  definition: Json;
}

/** Why a document cannot be used; thrown by {@link OpenApiShapes}'s constructor. */
export class OpenApiDocumentError extends Error {
  override name = 'OpenApiDocumentError';
}

export class OpenApiShapes {
  readonly #document: Json;
  readonly #operations: Operation[];
  readonly #lookup: ReturnType<typeof dereference>;

  constructor(document: unknown) {
    if (!isRecord(document) || typeof document.openapi !== 'string' || !isRecord(document.paths)) {
      throw new OpenApiDocumentError('not an OpenAPI document: it needs "openapi" and "paths"');
    }
    if (!document.openapi.startsWith('3.1')) {
      throw new OpenApiDocumentError(`OpenAPI ${document.openapi}: the suite reads 3.1 documents (JSON Schema 2020-12)`);
    }
    // The validator marks the schemas it indexes: work on a copy. Without
    // the examples: they are not schemas, and the validator's indexer would
    // take an example's `id` member for a schema identifier.
    this.#document = JSON.parse(JSON.stringify(document), (key, value: unknown) =>
      key === 'example' || key === 'examples' ? undefined : value,
    ) as Json;
    this.#lookup = dereference({ ...this.#document, $id: DOCUMENT_URI } as unknown as Schema);
    this.#operations = [];
    for (const [template, item] of Object.entries(this.#document.paths as Json)) {
      const pathItem = this.#resolve(item);
      if (!isRecord(pathItem)) continue;
      for (const method of METHODS) {
        const definition = this.#resolve(pathItem[method]);
        if (!isRecord(definition)) continue;
        const segments = template
          .replace(/^\//u, '')
          .split('/')
          .map((segment) => (/^\{[^}]+\}$/u.test(segment) ? null : segment));
        const name = typeof definition.operationId === 'string' ? `${definition.operationId} (${method.toUpperCase()} ${template})` : `${method.toUpperCase()} ${template}`;
        this.#operations.push({ method, template, segments, name, definition });
      }
    }
  }

  /** A local `$ref` (`#/components/responses/Problem`) followed, at any number of steps. */
  #resolve(value: unknown, depth = 0): unknown {
    if (!isRecord(value) || typeof value.$ref !== 'string' || depth > 20) return value;
    if (!value.$ref.startsWith('#/')) return value;
    let target: unknown = this.#document;
    for (const raw of value.$ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/gu, '/').replace(/~0/gu, '~');
      target = isRecord(target) ? target[key] : undefined;
    }
    return this.#resolve(target, depth + 1);
  }

  /** The document's server path (`/api` of `servers: [{url: '/api'}]`), which the templates may omit. */
  #serverPath(): string {
    const servers = this.#document.servers;
    const url = Array.isArray(servers) && isRecord(servers[0]) && typeof servers[0].url === 'string' ? servers[0].url : '';
    try {
      return new URL(url, 'http://server.invalid/').pathname.replace(/\/$/u, '');
    } catch {
      return '';
    }
  }

  /** The operation for a method and a base-relative path (`accounts/a-1/payments`), tried also with the full URL path. */
  findOperation(method: string, relativePath: string, urlPath: string): Operation | undefined {
    const candidates = [relativePath, urlPath.replace(/^\//u, '')];
    const serverPath = this.#serverPath();
    if (serverPath && urlPath.startsWith(`${serverPath}/`)) candidates.push(urlPath.slice(serverPath.length + 1));
    for (const candidate of candidates) {
      const parts = candidate.split('?')[0]!.split('/');
      const found = this.#operations.find(
        (operation) =>
          operation.method === method.toLowerCase() &&
          operation.segments.length === parts.length &&
          operation.segments.every((segment, index) => (segment === null ? parts[index] !== '' : segment === parts[index])),
      );
      if (found) return found;
    }
    return undefined;
  }

  /**
   * What is wrong with an answer, by the document: each problem one line
   * naming the operation. Empty when it matches (or no answer came).
   */
  check(exchange: Exchange): string[] {
    if (exchange.status === undefined || !exchange.headers) return [];
    const operation = this.findOperation(exchange.method, exchange.path, exchange.url.pathname);
    if (!operation) return [`${exchange.method} ${exchange.path}: no such operation in the OpenAPI document`];
    const responses = this.#resolve(operation.definition.responses);
    if (!isRecord(responses)) return [`${operation.name}: the document lists no responses`];
    const status = String(exchange.status);
    const response = this.#resolve(responses[status] ?? responses[`${status[0]}XX`] ?? responses.default);
    if (!isRecord(response)) {
      return [`${operation.name}: status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`];
    }
    const content = this.#resolve(response.content);
    const mediaType = (exchange.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!isRecord(content) || Object.keys(content).length === 0) {
      return exchange.text === '' ? [] : [`${operation.name}: status ${status} is documented without a body, but one came (${mediaType || 'no Content-Type'})`];
    }
    const documented = Object.keys(content);
    const key = documented.find((type) => mediaTypeMatches(type.toLowerCase(), mediaType));
    if (key === undefined) {
      return [`${operation.name}: status ${status} came as "${mediaType || 'no Content-Type'}"; documented: ${documented.join(', ')}`];
    }
    const media = this.#resolve(content[key]);
    const schema = isRecord(media) ? media.schema : undefined;
    if (schema === undefined) return [];
    if (!/[/+]json$/u.test(mediaType)) return [];
    if (exchange.json === undefined) return [`${operation.name}: status ${status} is ${mediaType} but its body is not JSON`];
    const result = validate(exchange.json, schema as Schema, '2020-12', this.#lookup, false);
    if (result.valid) return [];
    // The innermost errors say what is wrong; the outer ones repeat that something below failed.
    const errors = result.errors.filter((error) => !/^(properties|items|\$ref|allOf|anyOf|oneOf)$/u.test(error.keyword));
    const shown = (errors.length > 0 ? errors : result.errors).slice(0, 6);
    return [
      `${operation.name}: the ${status} body does not match the documented schema: ` +
        shown.map((error) => `${error.instanceLocation.replace(/^#/u, '') || '(body)'}: ${error.error}`).join('; '),
    ];
  }
}

/** Whether a documented media type (possibly `application/*` or `*\/*`) covers the answer's. */
function mediaTypeMatches(documented: string, actual: string): boolean {
  if (documented === actual || documented === '*/*') return true;
  return documented.endsWith('/*') && actual.startsWith(documented.slice(0, -1));
}
