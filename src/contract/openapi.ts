/**
 * The lk-widgets HTTP API as an OpenAPI 3.1 document, made from the
 * operations table and the valibot schemas the client checks with. Runs in
 * Node and in the browser (no Node APIs): the build writes it to
 * `dist/openapi.json`, and the browser tests check every answer of the mock
 * backend against it.
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema';
import type { ConversionConfig, JsonSchema, OverrideActionContext } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { API_PATHS, CSRF_HEADER, CSRF_HEADER_VALUE, DEFAULT_API_BASE } from '../api/paths.js';
import type { ApiEndpoint } from '../api/paths.js';
import { IDEMPOTENT_REPLAYED_HEADER } from '../api/payments.js';
import * as schemas from '../schemas/index.js';
import { EMAIL_LOCAL_MAX_LENGTH, EMAIL_MAX_LENGTH, EmailSchema } from '../schemas/email.js';
import { SEED_PASSWORD_POLICY, STRONG_PASSWORD_POLICY } from '../schemas/password.js';
import { IDEMPOTENCY_HEADER } from '../schemas/payment.js';
import { PROBLEM_CONTENT_TYPE } from '../schemas/problem.js';
import type { ProblemCode } from '../schemas/problem.js';
import { ChangePasswordRequestSchema, RegisterRequestSchema, ResetRequestSchema, contractOperations } from './operations.js';
import type { ContractError, ContractMethod, ContractOperation, ResponseHeaderName } from './operations.js';
import { PROBLEM_MEANINGS } from './problems.js';

/** A JSON value of the document. */
export type OpenApiDocument = Record<string, unknown> & {
  openapi: '3.1.0';
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> } & Record<string, unknown>;
};

/** One operation of the document, as far as the tests and the docs read it. */
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: Record<string, unknown>[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { $ref: string }>;
  content?: Record<string, { schema: JsonSchema; example?: unknown }>;
}

/**
 * What the schemas' doc comments say, by component name: of the schema,
 * and of each member. The build reads them from the TypeScript sources
 * (they are not in the schemas at run time, and must not be: every element
 * bundle would carry them); without them the document has the same schemas
 * with fewer words.
 */
export type SchemaDescriptions = Readonly<Record<string, { readonly description?: string; readonly members?: Readonly<Record<string, string>> }>>;

/** An operation's examples: a request body and the success answer's body. */
export interface OperationExamples {
  readonly request?: unknown;
  readonly response?: unknown;
}

/** Examples by operation, `"post login"`. */
export type ContractExamples = Readonly<Partial<Record<`${ContractMethod} ${ApiEndpoint}`, OperationExamples>>>;

/** Options of {@link buildOpenApiDocument}. */
export interface OpenApiOptions {
  readonly descriptions?: SchemaDescriptions;
  /**
   * The examples of the operations. The build gives the mock's seed
   * (mocks/contract-examples.ts); without them the document has none.
   */
  readonly examples?: ContractExamples;
  /** The document's `info.version`: the package's version. Default `0.0.0-dev`. */
  readonly version?: string;
}

/** Where `$ref`s point: `#/components/schemas/<name>`. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

/** The session cookie's name, as the backend sets it. */
export const SESSION_COOKIE_NAME = 'lk_session';

/**
 * The path template of an endpoint in the document, from the client's own
 * path: `accounts/:accountId` is `/accounts/{accountId}`.
 */
export const pathTemplate = (endpoint: ApiEndpoint): string => `/${API_PATHS[endpoint].replace(/:([A-Za-z]+)/gu, '{$1}')}`;

/** The rules no JSON Schema keyword can state, in words, with the nearest keywords. */
const PASSWORD_RULE =
  `Under the default password policy ("${SEED_PASSWORD_POLICY.id}"): ${SEED_PASSWORD_POLICY.minLength} to ${SEED_PASSWORD_POLICY.maxLength} characters, ` +
  `Latin letters and digits only. A backend configured with the "${STRONG_PASSWORD_POLICY.id}" policy takes ` +
  `${STRONG_PASSWORD_POLICY.minLength} to ${STRONG_PASSWORD_POLICY.maxLength} characters of any kind instead. ` +
  'Length counts Unicode code points; the password is taken exactly as typed, never trimmed. ' +
  'A password on the common-password list is refused too. A refusal is a field error with one of the codes ' +
  '`password_required`, `password_too_short`, `password_too_long`, `password_cyrillic`, `password_chars`, `password_common`.';

const EMAIL_RULE =
  `An e-mail address, the login. At most ${EMAIL_MAX_LENGTH} characters, ${EMAIL_LOCAL_MAX_LENGTH} before the "@". ` +
  'The part before the "@" is letters and digits of any script, dots (none first, last or doubled) and the characters !#$%&\'*+/=?^_`{|}~-; ' +
  'the domain has at least two labels of letters, digits and inner hyphens (Unicode allowed), each 1 to 63 long, the last not all digits. ' +
  'No white space inside, no full-width forms, and no part that mixes Latin, Cyrillic and Greek letters (a look-alike). ' +
  'The case is kept; two addresses are one login when they are equal after NFKC normalisation, lower-casing and the domain in punycode. ' +
  'A refusal is a field error with one of the codes `email_required`, `email_too_long`, `email_spaces`, `email_fullwidth`, `email_format`, `email_chars`, `email_mixed_script`.';

/**
 * The checks written as code (`rawCheck`), by the action object, with the
 * nearest JSON Schema keywords and the rule in words.
 */
function codedChecks(): Map<unknown, JsonSchema> {
  const checkOf = (schema: v.GenericSchema) => ('pipe' in schema ? (schema.pipe as { type: string }[]) : []).find((item) => item.type === 'raw_check');
  const password: JsonSchema = {
    type: 'string',
    minLength: SEED_PASSWORD_POLICY.minLength,
    maxLength: SEED_PASSWORD_POLICY.maxLength,
    ...(SEED_PASSWORD_POLICY.alphabet ? { pattern: SEED_PASSWORD_POLICY.alphabet.source } : {}),
    description: PASSWORD_RULE,
  };
  return new Map<unknown, JsonSchema>([
    [checkOf(EmailSchema), { type: 'string', minLength: 1, pattern: '@', description: EMAIL_RULE }],
    [checkOf(RegisterRequestSchema.entries.password), password],
    [checkOf(ResetRequestSchema.entries.password), password],
    [checkOf(ChangePasswordRequestSchema.entries.newPassword), password],
  ]);
}

const withDescription = (schema: JsonSchema, text: string): JsonSchema => ({
  ...schema,
  description: [schema.description, text].filter(Boolean).join(' '),
});

/**
 * Maps what the converter cannot convert as it is. Anything else it
 * cannot convert stays an error: the build fails rather than write `{}`.
 */
function overrideAction(checks: Map<unknown, JsonSchema>) {
  return ({ valibotAction, jsonSchema }: OverrideActionContext): JsonSchema | undefined => {
    const action = valibotAction as { type: string; requirement?: unknown };
    if (action.type === 'raw_check') {
      const check = checks.get(valibotAction);
      if (!check) throw new Error('openapi: a rawCheck the contract does not know; describe its rule in codedChecks()');
      const { description, ...keywords } = check;
      return withDescription({ ...jsonSchema, ...keywords }, description ?? '');
    }
    if (action.type === 'trim') return withDescription(jsonSchema, 'Surrounding white space is dropped before it is checked.');
    if (action.type === 'regex' && action.requirement instanceof RegExp) {
      const { source, flags } = action.requirement;
      // JSON Schema patterns are ECMA-262 expressions that validators run in
      // Unicode mode; without \p{…} escapes or braced code points a pattern
      // means the same with or without the u flag, so it is kept as it is.
      if (flags === 'u' && !/\\[pPu]\{/u.test(source)) return { ...jsonSchema, pattern: source };
      throw new Error(`openapi: the pattern /${source}/${flags} has flags JSON Schema lacks; map it to the nearest pattern and say the rule in words`);
    }
    return undefined;
  };
}

/** Descriptions of the components whose schemas carry none. */
const COMPONENT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  ProblemDetails:
    'An error answer, `application/problem+json` (RFC 9457). Besides the standard members it carries `code`, a stable name of the failure that a client maps to a ' +
    'localised message, and `errors`, one entry per invalid field. Unknown extension members (such as `retryAfter`) are allowed.',
  FieldProblem: 'One invalid field of a request: a JSON Pointer (RFC 6901) into the request body, "" for the whole body, and a stable code. `detail` is for developers.',
  Kopecks: 'An amount of money in kopecks (1 ₽ = 100 kopecks), an integer: money is never a fraction anywhere in the API.',
  Instant: 'An ISO 8601 instant in UTC, as `Date.prototype.toISOString` writes it.',
  RegisterRequest: 'The body of `POST auth/register`. The backend refuses a request without the agreement version the user was shown, and records it.',
  ResetRequest: 'The body of `POST auth/reset`: the token from the letter and the new password.',
  ChangePasswordRequest: 'The body of `POST auth/password`: the current password, checked like a login, and the new one under the policy.',
};

/**
 * The schemas that get a name in `components.schemas`: every schema
 * constant of the SDK (`LoginRequestSchema` is `LoginRequest`), and the
 * policy-dependent request schemas made with the default policy.
 */
function namedSchemas(): Record<string, v.GenericSchema> {
  const isSchema = (value: unknown): value is v.GenericSchema =>
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'schema';
  const named: Record<string, v.GenericSchema> = {
    RegisterRequest: RegisterRequestSchema,
    ResetRequest: ResetRequestSchema,
    ChangePasswordRequest: ChangePasswordRequestSchema,
  };
  for (const [name, value] of Object.entries(schemas)) {
    if (name.endsWith('Schema') && isSchema(value)) named[name.slice(0, -'Schema'.length)] = value;
  }
  return Object.fromEntries(Object.entries(named).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The name of a schema in `components.schemas`. */
function nameOf(named: Record<string, v.GenericSchema>, schema: v.GenericSchema): string {
  const entry = Object.entries(named).find(([, candidate]) => candidate === schema);
  if (!entry) throw new Error('openapi: an operation uses a schema that is not a named constant');
  return entry[0];
}

const ref = (name: string) => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` });

/**
 * The JSON Pointers a field error of a body of `schema` may carry, as one
 * pattern: "" for the whole body, every member, every item of an array
 * (`/readings/0/value`).
 */
function pointerPattern(schema: v.GenericSchema): string {
  const pointers: string[] = [''];
  const walk = (current: v.GenericSchema, prefix: string) => {
    const node = current as unknown as { type: string; wrapped?: v.GenericSchema; pipe?: v.GenericSchema[]; entries?: Record<string, v.GenericSchema>; item?: v.GenericSchema };
    if (node.pipe && node.pipe[0] !== current) return walk(node.pipe[0]!, prefix);
    if (node.wrapped) return walk(node.wrapped, prefix);
    if (node.entries) {
      for (const [key, entry] of Object.entries(node.entries)) {
        pointers.push(`${prefix}/${key}`);
        walk(entry, `${prefix}/${key}`);
      }
    }
    if (node.item) {
      pointers.push(`${prefix}/\\d+`);
      walk(node.item, `${prefix}/\\d+`);
    }
  };
  walk(schema, '');
  return `^(?:${pointers.join('|')})$`;
}

/** The problem answer of one status of an operation: the document's problem details with this status's codes. */
function problemSchema(status: number, error: ContractError, body: v.GenericSchema | undefined): JsonSchema {
  const fieldErrors = body && error.codes.some((code) => code === 'validation_failed' || code === 'account_not_found' || code === 'account_already_connected');
  const retry = error.codes.includes('too_many_requests');
  return {
    allOf: [ref('ProblemDetails')],
    type: 'object',
    required: ['type', 'title', 'status', 'code', ...(retry ? ['retryAfter'] : [])],
    properties: {
      status: { const: status },
      code: { type: 'string', enum: [...error.codes] },
      ...(fieldErrors
        ? {
            errors: {
              type: 'array',
              items: { type: 'object', required: ['pointer', 'code'], properties: { pointer: { type: 'string', pattern: pointerPattern(body) } } },
            },
          }
        : {}),
      ...(retry ? { retryAfter: { type: 'integer', minimum: 0, description: 'Seconds to wait, as `Retry-After` says.' } } : {}),
    },
  };
}

/** The errors every operation may answer with, besides its own. */
function allErrors(operation: ContractOperation): [number, ContractError][] {
  const errors = new Map<number, ContractError>(Object.entries(operation.errors).map(([status, error]) => [Number(status), error]));
  if (operation.method !== 'get') {
    const own = errors.get(403);
    const csrf = `A state-changing request without \`${CSRF_HEADER}: ${CSRF_HEADER_VALUE}\` is refused with \`forbidden\`.`;
    errors.set(403, own ? { ...own, codes: [...own.codes, 'forbidden'], description: `${own.description} ${csrf}` } : { codes: ['forbidden'], description: csrf });
  }
  return [...errors.entries()].sort(([a], [b]) => a - b);
}

const SERVER_ERROR: ContractError = {
  codes: ['internal_error', 'server_error'],
  description: '`internal_error`: the backend failed in a way it did not foresee; the answer tells nothing of the failure. `server_error`: a failure the backend reports on purpose.',
};

/** How each code reads in the docs, for an answer's description. */
const codesInWords = (codes: readonly ProblemCode[]) => codes.map((code) => `\`${code}\`: ${PROBLEM_MEANINGS[code]}.`).join(' ');

function operationObject(operation: ContractOperation, named: Record<string, v.GenericSchema>, allExamples: ContractExamples): OpenApiOperation {
  const examples = allExamples[`${operation.method} ${operation.endpoint}`] ?? {};
  const parameters: Record<string, unknown>[] = [];
  if (API_PATHS[operation.endpoint].includes(':accountId')) parameters.push({ $ref: '#/components/parameters/AccountId' });
  if (operation.method !== 'get') parameters.push({ $ref: '#/components/parameters/RequestedWith' });
  for (const header of operation.requestHeaders) parameters.push({ $ref: `#/components/parameters/${header}` });

  const headersOf = (names: readonly ResponseHeaderName[] = []) =>
    names.length ? { headers: Object.fromEntries(names.map((name) => [HEADER_NAMES[name], { $ref: `#/components/headers/${name}` }])) } : {};

  const responses: Record<string, OpenApiResponse> = {};
  const { success } = operation;
  responses[String(success.status)] = {
    description: success.description,
    ...headersOf(success.headers),
    ...(success.schema
      ? { content: { 'application/json': { schema: ref(nameOf(named, success.schema)), ...(examples.response === undefined ? {} : { example: examples.response }) } } }
      : {}),
  };
  for (const [status, error] of allErrors(operation)) {
    responses[String(status)] = {
      description: `${error.description} ${codesInWords(error.codes)}`,
      ...headersOf(error.headers),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema(status, error, operation.body) } },
    };
  }
  responses['500'] = {
    description: `${SERVER_ERROR.description}`,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema(500, SERVER_ERROR, undefined) } },
  };

  const security: Record<string, string[]>[] = {
    required: [{ [SESSION_COOKIE_NAME]: [] }, { bearer: [] }],
    optional: [{}, { [SESSION_COOKIE_NAME]: [] }, { bearer: [] }],
    none: [],
  }[operation.session] as Record<string, string[]>[];

  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: operation.description,
    tags: [operation.tag],
    security,
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref(nameOf(named, operation.body)), ...(examples.request === undefined ? {} : { example: examples.request }) } },
          },
        }
      : {}),
    responses,
  };
}

/** The response headers' names on the wire. */
const HEADER_NAMES: Readonly<Record<ResponseHeaderName, string>> = {
  SetSessionCookie: 'Set-Cookie',
  ClearSessionCookie: 'Set-Cookie',
  IdempotentReplayed: IDEMPOTENT_REPLAYED_HEADER,
  RetryAfter: 'Retry-After',
  CacheControlNoStore: 'Cache-Control',
};

/** The flags every `Set-Cookie` of the session carries, in any order: a path, HttpOnly, SameSite=Lax. */
const COOKIE_FLAGS_PATTERN = '(?=.*; Path=/[^;]*(?:;|$))(?=.*; HttpOnly(?:;|$))(?=.*; SameSite=Lax(?:;|$))';

const cookieFlags = `\`Path\` is the API base's path (\`${DEFAULT_API_BASE}\` by default), \`HttpOnly\` (no script reads it) and \`SameSite=Lax\``;

function componentHeaders(): Record<string, unknown> {
  return {
    SetSessionCookie: {
      description: `Opens the session: \`${SESSION_COOKIE_NAME}=<id>\`, an opaque random id. ${cookieFlags}; a session cookie (no \`Max-Age\`), which the backend expires after its session lifetime (30 days by default).`,
      schema: { type: 'string', pattern: `^${SESSION_COOKIE_NAME}=[^;]+${COOKIE_FLAGS_PATTERN}` },
      example: `${SESSION_COOKIE_NAME}=Vb3k…; Path=${DEFAULT_API_BASE}; HttpOnly; SameSite=Lax`,
    },
    ClearSessionCookie: {
      description: `Clears the session cookie: \`${SESSION_COOKIE_NAME}=\` with \`Max-Age=0\`, and the flags it was set with: ${cookieFlags}.`,
      schema: { type: 'string', pattern: `^${SESSION_COOKIE_NAME}=(?=;)(?=.*; Max-Age=0(?:;|$))${COOKIE_FLAGS_PATTERN}` },
      example: `${SESSION_COOKIE_NAME}=; Path=${DEFAULT_API_BASE}; Max-Age=0; HttpOnly; SameSite=Lax`,
    },
    IdempotentReplayed: {
      description: 'Present, `true`, on an answer that replays the one given to the first request with the same `Idempotency-Key` and body. Nothing was paid again; the answer’s `account` is as it was then.',
      schema: { type: 'string', const: 'true' },
    },
    RetryAfter: {
      description: 'Seconds to wait before trying again (RFC 9110 §10.2.3); the problem’s `retryAfter` member says the same.',
      schema: { type: 'string', pattern: '^[0-9]+$' },
      example: '60',
    },
    CacheControlNoStore: { description: 'A challenge is never cached.', schema: { type: 'string', const: 'no-store' } },
  };
}

function componentParameters(named: Record<string, v.GenericSchema>): Record<string, unknown> {
  return {
    AccountId: {
      name: 'accountId',
      in: 'path',
      required: true,
      description: 'The id of an account connected to the cabinet, as `GET accounts` names it (percent-encoded in the path).',
      schema: ref(nameOf(named, schemas.AccountIdSchema)),
      example: 'mrg-pskov-6001234567',
    },
    RequestedWith: {
      name: CSRF_HEADER,
      in: 'header',
      required: true,
      description: `Every state-changing request carries \`${CSRF_HEADER}: ${CSRF_HEADER_VALUE}\`. A cross-site HTML form cannot set it and a cross-origin script needs a CORS preflight to, so a backend that requires it is safe from CSRF without tokens. Without it: 403 \`forbidden\`.`,
      schema: { type: 'string', const: CSRF_HEADER_VALUE },
    },
    IdempotencyKey: {
      name: IDEMPOTENCY_HEADER,
      in: 'header',
      required: true,
      description:
        'An opaque key made once when the user confirms the payment and sent with every try of it: the same key and body make one payment. ' +
        'Without it, or not of its form: 400 `idempotency_key_required`; with another body: 422 `idempotency_key_reused`; while the first try is processed: 409 `idempotency_key_in_use`.',
      schema: ref(nameOf(named, schemas.IdempotencyKeySchema)),
      example: '6f1c2a5e-8d3b-4c7a-9e21-0b5d4f3a2c18',
    },
  };
}

/** `components.schemas`: every named schema, converted once, referring to each other by `$ref`, with the words of `descriptions`. */
function componentSchemas(named: Record<string, v.GenericSchema>, descriptions: SchemaDescriptions): Record<string, JsonSchema> {
  const config: ConversionConfig = {
    target: 'draft-2020-12',
    // The problem-details schema first checks, in code, that the answer is
    // an object and not an array; its object schema, which follows, says so.
    typeMode: 'output',
    errorMode: 'throw',
    overrideAction: overrideAction(codedChecks()),
    overrideRef: ({ referenceId }) => `${SCHEMA_REF_PREFIX}${referenceId}`,
  };
  const converted = toJsonSchemaDefs(named, config);
  return Object.fromEntries(Object.entries(converted).map(([name, schema]) => [name, described(schema, name, descriptions)]));
}

/**
 * A component with its words: a rule the conversion stated wins over the
 * doc comment (it says more), and each member gets its doc comment first.
 */
function described(schema: JsonSchema, name: string, descriptions: SchemaDescriptions): JsonSchema {
  const words = descriptions[name];
  const description = schema.description ?? words?.description ?? COMPONENT_DESCRIPTIONS[name];
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  const members = words?.members ?? {};
  return {
    ...schema,
    ...(description ? { description } : {}),
    ...(properties
      ? {
          properties: Object.fromEntries(
            Object.entries(properties).map(([member, property]) => [
              member,
              members[member] ? { ...property, description: [members[member], property.description].filter(Boolean).join(' ') } : property,
            ]),
          ),
        }
      : {}),
  };
}

/**
 * The OpenAPI 3.1 document of the API: every operation of the client, its
 * bodies, answers, headers, error codes and security, with the examples it
 * is given (the build gives the mock's seed). The same on every call.
 */
export function buildOpenApiDocument({ descriptions = {}, version = '0.0.0-dev', examples = {} }: OpenApiOptions = {}): OpenApiDocument {
  const named = namedSchemas();
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  const operations = contractOperations();
  for (const operation of operations) {
    (paths[pathTemplate(operation.endpoint)] ??= {})[operation.method] = operationObject(operation, named, examples);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'lk-widgets API',
      version,
      summary: 'The HTTP API a gas supplier’s backend serves to the lk-widgets customer cabinet (Личный кабинет).',
      description:
        'JSON over HTTPS. Every error answer is `application/problem+json` (RFC 9457) with a stable `code`, and `errors` with a JSON Pointer and a code for each invalid field. ' +
        `Every state-changing request carries \`${CSRF_HEADER}: ${CSRF_HEADER_VALUE}\`. The session is an HttpOnly cookie the backend sets at login; ` +
        'a backend may take a bearer token instead. Money is in kopecks, as integers; instants are ISO 8601 in UTC.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: DEFAULT_API_BASE, description: 'the API base, relative to the page; a supplier may serve it elsewhere (the `api-base` setting).' }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas(named, descriptions),
      parameters: componentParameters(named),
      headers: componentHeaders(),
      securitySchemes: {
        [SESSION_COOKIE_NAME]: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE_NAME,
          description: `The session: an HttpOnly cookie that \`POST auth/login\` sets and \`POST auth/logout\` clears. ${cookieFlags}. No script of the page can read it.`,
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'For backends that use bearer tokens instead of the cookie: the client sends `Authorization: Bearer <token>` with every request, the token coming from the host page.',
        },
      },
    },
  };
}
