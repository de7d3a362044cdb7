// The shipped API contract: dist/openapi.json (written by `npm run build`)
// is a valid OpenAPI 3.1 document, is exactly what the generator makes from
// the schemas now, has no schema that allows anything, and its examples
// (from the mock's seed) conform to it; docs/api.md is what it renders.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, test } from 'node:test';
import { validate } from '@readme/openapi-parser';
import { buildDocument, documentText, loadContract } from '../../scripts/openapi.mjs';

const root = new URL('../../', import.meta.url);
let contract;
let document;

before(async () => {
  contract = await loadContract();
  document = await buildDocument(contract);
});

test('dist/openapi.json is a valid OpenAPI 3.1 document', async () => {
  const shipped = JSON.parse(await readFile(new URL('dist/openapi.json', root), 'utf8'));
  assert.equal(shipped.openapi, '3.1.0');
  const result = await validate(structuredClone(shipped));
  assert.ok(result.valid, `openapi-parser: ${JSON.stringify(result.errors ?? [], null, 2)}`);
  assert.deepEqual(result.warnings, []);
});

test('dist/openapi.json is what the generator makes from the schemas now', async () => {
  const shipped = await readFile(new URL('dist/openapi.json', root), 'utf8');
  assert.equal(shipped, documentText(document), 'dist/openapi.json is stale: run `npm run build`');
});

test('package.json ships it as lk-widgets/openapi.json', async () => {
  const manifest = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  assert.equal(manifest.exports['./openapi.json'], './dist/openapi.json');
});

test('docs/api.md is what the document renders', async () => {
  const committed = await readFile(new URL('docs/api.md', root), 'utf8');
  assert.equal(committed, contract.renderApiDocs(document), 'docs/api.md differs from the document: run `npm run docs:api`');
});

/** Every schema in the document, with where it is: a JSON Pointer. */
function* schemasOf(document) {
  const schemaKeys = new Set(['schema', 'items', 'not', 'additionalProperties', 'propertyNames', 'contains', 'if', 'then', 'else']);
  const schemaLists = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
  const schemaMaps = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
  function* walkSchema(schema, at) {
    yield [schema, at];
    if (typeof schema !== 'object' || schema === null) return;
    for (const [key, value] of Object.entries(schema)) {
      if (schemaKeys.has(key)) yield* walkSchema(value, `${at}/${key}`);
      else if (schemaLists.has(key)) for (const [index, item] of value.entries()) yield* walkSchema(item, `${at}/${key}/${index}`);
      else if (schemaMaps.has(key)) for (const [name, item] of Object.entries(value)) yield* walkSchema(item, `${at}/${key}/${name}`);
    }
  }
  function* walk(value, at) {
    if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* walk(item, `${at}/${index}`);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, member] of Object.entries(value)) {
        if (key === 'schema') yield* walkSchema(member, `${at}/schema`);
        else if (key !== 'example') yield* walk(member, `${at}/${key}`);
      }
    }
  }
  for (const [name, schema] of Object.entries(document.components.schemas)) yield* walkSchema(schema, `/components/schemas/${name}`);
  yield* walk({ paths: document.paths, parameters: document.components.parameters, headers: document.components.headers }, '');
}

/** A schema that allows anything: `{}`, `true`, or one with nothing but annotations. */
const allowsAnything = (schema) =>
  schema === true ||
  (typeof schema === 'object' && schema !== null && Object.keys(schema).every((key) => ['description', 'title', 'default', 'examples'].includes(key)));

test('no schema of the document allows anything', () => {
  const empty = [...schemasOf(document)].filter(([schema]) => allowsAnything(schema)).map(([, at]) => at);
  assert.ok([...schemasOf(document)].length > 300, 'the walk found the schemas');
  assert.deepEqual(empty, []);
});

test('the walk finds an empty schema where there is one', () => {
  const broken = structuredClone(document);
  broken.components.schemas.User.properties.id = {};
  const empty = [...schemasOf(broken)].filter(([schema]) => allowsAnything(schema)).map(([, at]) => at);
  assert.deepEqual(empty, ['/components/schemas/User/properties/id']);
});

test('every example, taken from the mock seed, conforms to its schema', () => {
  const check = contract.schemaChecker(document);
  let examples = 0;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const contents = [
        ['the request', operation.requestBody?.content['application/json']],
        ...Object.entries(operation.responses).flatMap(([status, answer]) => Object.values(answer.content ?? {}).map((content) => [`answer ${status}`, content])),
      ];
      for (const [what, content] of contents) {
        if (content?.example === undefined) continue;
        examples += 1;
        assert.deepEqual(check(`${method.toUpperCase()} ${path}: ${what}`, content.schema, content.example), []);
      }
    }
  }
  assert.ok(examples >= 25, `only ${examples} examples`);
});

test('every operation answers 500 and a state-changing one 403 forbidden, as problem details', () => {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const codes = (status) => operation.responses[status]?.content?.['application/problem+json']?.schema.properties.code.enum;
      assert.deepEqual(codes('500'), ['internal_error', 'server_error'], `${method} ${path}`);
      if (method !== 'get') assert.ok(codes('403')?.includes('forbidden'), `${method} ${path}`);
    }
  }
});
