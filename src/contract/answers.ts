/**
 * Checks one answer of a backend against the API document: that the
 * document has its status for that operation, that its content type is the
 * one the document names, and that its body (and the headers the document
 * describes) validate against the document's schemas. Runs in the browser
 * and in Node; the browser tests check every answer of the mock with it.
 */
import { Validator } from '@cfworker/json-schema';
import type { OutputUnit, Schema } from '@cfworker/json-schema';
import type { ApiEndpoint } from '../api/paths.js';
import { SCHEMA_REF_PREFIX, pathTemplate } from './openapi.js';
import type { OpenApiDocument, OpenApiResponse } from './openapi.js';

/** One answer, as a recorder saw it. */
export interface ObservedAnswer {
  readonly endpoint: ApiEndpoint;
  /** Any case: `POST`, `post`. */
  readonly method: string;
  readonly status: number;
  readonly headers: Headers;
  /** The body as text, `''` for none. */
  readonly body: string;
}

/** Headers the document describes where an operation sets them: an answer must not carry them anywhere else. */
const DESCRIBED_HEADERS = ['Idempotent-Replayed', 'Retry-After'];

const DEFS_PREFIX = '#/$defs/';

/** `value` with every `$ref` into `components.schemas` pointing into `$defs` instead, which the validator resolves. */
function toDefsRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toDefsRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [
      key,
      key === '$ref' && typeof member === 'string' && member.startsWith(SCHEMA_REF_PREFIX)
        ? `${DEFS_PREFIX}${member.slice(SCHEMA_REF_PREFIX.length)}`
        : toDefsRefs(member),
    ]),
  );
}

/** Keywords whose errors only say that a subschema had errors; the errors inside say what. */
const WRAPPER_KEYWORDS = new Set(['$ref', 'properties', 'allOf', 'items', 'prefixItems']);

/** The validator's first errors that say what is wrong. */
function describe(errors: readonly OutputUnit[]): string {
  const telling = errors.filter((error) => !WRAPPER_KEYWORDS.has(error.keyword));
  return (telling.length ? telling : errors)
    .slice(0, 4)
    .map((error) => `${error.instanceLocation || '#'}: ${error.error} (${error.keywordLocation})`)
    .join('; ');
}

/**
 * A checker of answers against `document`. It returns what is wrong with an
 * answer, one sentence each; an empty list when the answer conforms.
 */
/**
 * A validator of values against schemas of `document` (which may `$ref`
 * its components): it returns what is wrong, an empty list when `value`
 * conforms. `what` names the value in the sentence.
 */
export function schemaChecker(document: OpenApiDocument): (what: string, schema: unknown, value: unknown) => string[] {
  const defs = toDefsRefs(document.components.schemas) as Record<string, Schema>;
  const validators = new Map<unknown, Validator>();
  return (what, schema, value) => {
    let validator = validators.get(schema);
    if (!validator) {
      validator = new Validator({ ...(toDefsRefs(schema) as Schema), $defs: defs }, '2020-12', false);
      validators.set(schema, validator);
    }
    const result = validator.validate(value);
    return result.valid ? [] : [`${what} does not match its schema: ${describe(result.errors)}`];
  };
}

/**
 * A checker of answers against `document`. It returns what is wrong with an
 * answer, one sentence each; an empty list when the answer conforms.
 */
export function answerChecker(document: OpenApiDocument): (answer: ObservedAnswer) => string[] {
  const headerComponents = (document.components['headers'] ?? {}) as Record<string, { schema: Schema }>;
  const schemaProblems = schemaChecker(document);

  return (answer) => {
    const path = pathTemplate(answer.endpoint);
    const method = answer.method.toLowerCase();
    const operation = document.paths[path]?.[method];
    if (!operation) return [`the document has no operation ${method.toUpperCase()} ${path}`];
    const response: OpenApiResponse | undefined = operation.responses[String(answer.status)] ?? operation.responses['default'];
    if (!response) return [`the document has no answer ${answer.status} to ${method.toUpperCase()} ${path}`];

    const problems: string[] = [];
    const documented = new Map(
      Object.entries(response.headers ?? {}).map(([name, header]) => [name.toLowerCase(), headerComponents[header.$ref.slice(header.$ref.lastIndexOf('/') + 1)]]),
    );
    for (const name of DESCRIBED_HEADERS) {
      const value = answer.headers.get(name);
      if (value === null) continue;
      const header = documented.get(name.toLowerCase());
      if (!header) problems.push(`the header ${name} is not described for this answer`);
      else problems.push(...schemaProblems(`the header ${name}`, header.schema, value));
    }

    if (!response.content) {
      if (answer.body.trim() !== '') problems.push('the answer has a body, but the document describes none');
      return problems;
    }
    const contentType = (answer.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    const content = response.content[contentType];
    if (!content) {
      problems.push(`the content type "${contentType}" is not one of ${Object.keys(response.content).join(', ')}`);
      return problems;
    }
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      problems.push('the body is not JSON');
      return problems;
    }
    problems.push(...schemaProblems('the body', content.schema, body));
    return problems;
  };
}
