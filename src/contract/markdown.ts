/**
 * The API docs for people, rendered from the OpenAPI document alone, so the
 * prose cannot say anything the document does not: operations with their
 * parameters, bodies, answers and codes, headers, security and schemas.
 */
import type { JsonSchema } from '@valibot/to-json-schema';
import type { OpenApiDocument, OpenApiOperation } from './openapi.js';
import { SCHEMA_REF_PREFIX } from './openapi.js';

type Json = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A cell of a Markdown table: no line breaks, no bare pipes. */
const cell = (text: string): string => text.replace(/\r?\n/gu, ' ').replace(/\|/gu, '\\|');

/** The anchor GitHub makes of a heading that is one word. */
const anchor = (name: string): string => `#${name.toLowerCase()}`;

const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

/** A schema in a few words: `string, date-time`, `[Account](#account)[]`, `"succeeded" | "declined"` (tables escape the bar). */
export function typeOf(schema: JsonSchema | boolean | undefined): string {
  if (schema === undefined || schema === true) return 'any';
  if (schema === false) return 'nothing';
  const node = schema as Json;
  if (typeof node['$ref'] === 'string') {
    const name = refName(node['$ref']);
    return node['$ref'].startsWith(SCHEMA_REF_PREFIX) ? `[${name}](${anchor(name)})` : name;
  }
  if ('const' in node) return `\`${JSON.stringify(node['const'])}\``;
  if (Array.isArray(node['enum'])) return node['enum'].map((value) => `\`${JSON.stringify(value)}\``).join(' | ');
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[key])) return (node[key] as JsonSchema[]).map(typeOf).join(' | ');
  }
  if (Array.isArray(node['allOf'])) return (node['allOf'] as JsonSchema[]).map(typeOf).join(' & ');
  const type = Array.isArray(node['type']) ? node['type'].join(' | ') : String(node['type'] ?? 'any');
  if (type === 'array') return `${typeOf(node['items'] as JsonSchema)}[]${limits(node)}`;
  return `${type}${node['format'] ? `, ${String(node['format'])}` : ''}${limits(node)}`;
}

/** The constraints of a schema, in brackets. */
function limits(node: Json): string {
  const parts: string[] = [];
  // A safe integer's own bounds say nothing a reader needs.
  const bound = (key: string) => (node[key] === Number.MIN_SAFE_INTEGER || node[key] === Number.MAX_SAFE_INTEGER ? undefined : node[key]);
  const range = (low: string, high: string, unit: string) => {
    const min = bound(low);
    const max = bound(high);
    if (min !== undefined && max !== undefined) parts.push(`${String(min)}–${String(max)}${unit}`);
    else if (min !== undefined) parts.push(`≥ ${String(min)}${unit}`);
    else if (max !== undefined) parts.push(`≤ ${String(max)}${unit}`);
  };
  range('minLength', 'maxLength', ' characters');
  range('minItems', 'maxItems', ' items');
  range('minimum', 'maximum', '');
  if (node['pattern'] !== undefined) parts.push(`pattern \`${String(node['pattern'])}\``);
  if (node['default'] !== undefined) parts.push(`default \`${JSON.stringify(node['default'])}\``);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

const jsonBlock = (value: unknown): string[] => ['```json', JSON.stringify(value, null, 2), '```'];

function operationSection(path: string, method: string, operation: OpenApiOperation, document: OpenApiDocument): string[] {
  const lines = [`### \`${method.toUpperCase()} ${path}\` — ${operation.summary}`, '', operation.description, ''];
  const security = operation.security ?? [];
  const schemes = security.flatMap((requirement) => Object.keys(requirement));
  const session = security.length === 0 ? 'none' : security.some((requirement) => Object.keys(requirement).length === 0) ? 'optional' : 'required';
  lines.push(`Operation id \`${operation.operationId}\`. Session: **${session}**${schemes.length ? ` (${schemes.map((name) => `\`${name}\``).join(' or ')})` : ''}.`, '');

  const parameters = (operation.parameters ?? []).map((parameter) => resolve(document, parameter));
  if (parameters.length) {
    lines.push('| parameter | in | required | schema | description |', '|---|---|---|---|---|');
    for (const parameter of parameters) {
      lines.push(
        `| \`${String(parameter['name'])}\` | ${String(parameter['in'])} | ${parameter['required'] ? 'yes' : 'no'} | ${cell(typeOf(parameter['schema'] as JsonSchema))} | ${cell(String(parameter['description'] ?? ''))} |`,
      );
    }
    lines.push('');
  }
  const body = operation.requestBody?.content['application/json'];
  if (body) {
    lines.push(`Request body (\`application/json\`): ${typeOf(body.schema)}.`, '');
    if (body.example !== undefined) lines.push('Example:', '', ...jsonBlock(body.example), '');
  }
  lines.push('| status | body | codes | headers | description |', '|---|---|---|---|---|');
  for (const [status, answer] of Object.entries(operation.responses)) {
    const [mediaType, content] = Object.entries(answer.content ?? {})[0] ?? [];
    const schema = content?.schema as Json | undefined;
    const codes = ((schema?.['properties'] as Json | undefined)?.['code'] as Json | undefined)?.['enum'] as string[] | undefined;
    const bodyText = mediaType ? (codes ? `\`${mediaType}\`` : `${typeOf(content!.schema)} (\`${mediaType}\`)`) : '—';
    const headers = Object.keys(answer.headers ?? {}).map((name) => `\`${name}\``).join(', ') || '—';
    lines.push(`| ${status} | ${cell(bodyText)} | ${codes ? codes.map((code) => `\`${code}\``).join(', ') : '—'} | ${headers} | ${cell(answer.description)} |`);
  }
  lines.push('');
  const example = Object.values(operation.responses).flatMap((answer) => Object.values(answer.content ?? {})).find((content) => content.example !== undefined);
  if (example) lines.push('Example answer:', '', ...jsonBlock(example.example), '');
  return lines;
}

/** A `$ref`'d parameter or header, looked up in the document's components. */
function resolve(document: OpenApiDocument, value: unknown): Json {
  const node = value as Json;
  if (typeof node['$ref'] !== 'string') return node;
  const [, , kind, name] = node['$ref'].split('/');
  return ((document.components[kind!] as Json)[name!] as Json) ?? {};
}

function schemaSection(name: string, schema: JsonSchema): string[] {
  const node = schema as Json;
  const lines = [`### ${name}`, ''];
  if (node['description']) lines.push(String(node['description']), '');
  const properties = node['properties'] as Record<string, JsonSchema> | undefined;
  if (node['type'] === 'object' && properties) {
    const required = new Set((node['required'] as string[] | undefined) ?? []);
    lines.push('| member | schema | required | description |', '|---|---|---|---|');
    for (const [member, property] of Object.entries(properties)) {
      const description = (property as Json)['description'];
      lines.push(`| \`${member}\` | ${cell(typeOf(property))} | ${required.has(member) ? 'yes' : 'no'} | ${cell(description ? String(description) : '')} |`);
    }
    if (node['additionalProperties'] === undefined) lines.push('', 'Other members may be present.');
  } else if (Array.isArray(node['oneOf'])) {
    lines.push('One of:', '');
    for (const option of node['oneOf'] as JsonSchema[]) {
      const members = Object.entries(((option as Json)['properties'] as Record<string, JsonSchema>) ?? {});
      lines.push(`- ${members.map(([member, property]) => `\`${member}\`: ${typeOf(property)}`).join('; ')}`);
    }
  } else {
    lines.push(`${typeOf(schema)}.`);
  }
  lines.push('');
  return lines;
}

/** The whole API as Markdown, from the document. */
export function renderApiDocs(document: OpenApiDocument): string {
  const info = document['info'] as Json;
  const servers = (document['servers'] as Json[] | undefined) ?? [];
  const components = document.components;
  const lines: string[] = [
    `# ${String(info['title'])} ${String(info['version'])}`,
    '',
    '<!-- Rendered from the OpenAPI document (lk-widgets/openapi.json) by `npm run docs:api`; a test fails when it differs. Do not edit by hand. -->',
    '',
    String(info['summary']),
    '',
    String(info['description']),
    '',
    ...servers.map((server) => `Base URL \`${String(server['url'])}\`: ${String(server['description'])} The paths below are relative to it.`),
    '',
    '## Security',
    '',
  ];
  for (const [name, scheme] of Object.entries(components['securitySchemes'] as Record<string, Json>)) {
    const how = scheme['type'] === 'apiKey' ? `cookie \`${String(scheme['name'])}\`` : `HTTP \`${String(scheme['scheme'])}\``;
    lines.push(`- **\`${name}\`** (${how}): ${String(scheme['description'])}`);
  }
  lines.push('');
  const tags = (document['tags'] as Json[]).map((tag) => String(tag['name']));
  for (const tag of tags) {
    lines.push(`## ${tag}`, '');
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (operation?.tags.includes(tag)) lines.push(...operationSection(path, method, operation, document));
      }
    }
  }
  lines.push('## Headers', '', 'Response headers, as the answers above name them:', '', '| component | schema | description |', '|---|---|---|');
  for (const [name, header] of Object.entries(components['headers'] as Record<string, Json>)) {
    lines.push(`| ${name} | ${cell(typeOf(header['schema'] as JsonSchema))} | ${cell(String(header['description']))} |`);
  }
  lines.push('', 'Request parameters:', '', '| parameter | in | schema | description |', '|---|---|---|---|');
  for (const parameter of Object.values(components['parameters'] as Record<string, Json>)) {
    lines.push(`| \`${String(parameter['name'])}\` | ${String(parameter['in'])} | ${cell(typeOf(parameter['schema'] as JsonSchema))} | ${cell(String(parameter['description']))} |`);
  }
  lines.push('', '## Schemas', '');
  for (const [name, schema] of Object.entries(components.schemas)) lines.push(...schemaSection(name, schema));
  return `${lines.join('\n').replace(/\n{3,}/gu, '\n\n').trimEnd()}\n`;
}
