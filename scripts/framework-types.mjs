#!/usr/bin/env node
// Framework and editor types from the custom-elements manifest:
// `node scripts/framework-types.mjs` (run by `npm run build` after
// `npm run manifest`) reads dist/custom-elements.json and writes
//   dist/types/react-jsx.d.ts          `lk-widgets/react-jsx`, React 19's JSX.IntrinsicElements
//   dist/types/vue.d.ts                `lk-widgets/vue`, Vue 3's GlobalComponents
//   dist/vscode.html-custom-data.json  VS Code's custom HTML data
//   dist/web-types.json                JetBrains' web-types
// The generators on the registry were not taken: the Vue one wraps every
// event's class in CustomEvent<…>, and none of them can list the values of an
// attribute typed by an alias (`placement: HintPlacement`), which the
// TypeScript checker below resolves from the built declarations.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const dist = new URL('../dist/', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const manifest = JSON.parse(await readFile(new URL('custom-elements.json', dist), 'utf8'));
/** The types' root, beside which the generated `.d.ts` files go, so `./src/index.js` is the package's own types. */
const typesIndex = fileURLToPath(new URL('types/src/index.d.ts', dist));

/** `lk-login` → `LkLogin`. */
const pascal = (name) => name.replace(/(?:^|-)([a-z0-9])/gu, (_, letter) => letter.toUpperCase());
const camel = (name) => name.replace(/-([a-z0-9])/gu, (_, letter) => letter.toUpperCase());
/** A manifest description as one JSDoc block. */
const jsdoc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//gu, '*\\/').replace(/\s*\n\s*/gu, ' ')} */\n` : '');
const key = (name) => (/^[A-Za-z_$][\w$]*$/u.test(name) ? name : `'${name}'`);

/** The `<lk-…>` tags the entries register (`define('lk-…', Class)`), each with its class's manifest entry. */
function elements() {
  const classes = new Map();
  for (const module of manifest.modules) for (const declaration of module.declarations ?? []) if (declaration.kind === 'class') classes.set(declaration.name, declaration);
  const tags = new Map();
  for (const module of manifest.modules) {
    for (const entry of module.exports ?? []) {
      if (entry.kind !== 'custom-element-definition' || !entry.name.startsWith('lk-')) continue;
      const declaration = classes.get(entry.declaration.name);
      if (!declaration) throw new Error(`${entry.name}: no class ${entry.declaration.name} in the manifest`);
      tags.set(entry.name, declaration);
    }
  }
  return [...tags].sort(([a], [b]) => a.localeCompare(b)).map(([tag, declaration]) => describe(tag, declaration));
}

/** What a tag takes: attributes, settable properties (read-only ones are for reading), events. */
function describe(tag, declaration) {
  const attributes = (declaration.attributes ?? []).filter((attribute) => attribute.fieldName);
  const properties = (declaration.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.readonly);
  const events = (declaration.events ?? []).filter((event) => event.name);
  return {
    tag,
    className: declaration.name,
    description: declaration.summary || declaration.description || '',
    attributes: attributes.map((attribute) => ({ ...attribute, values: valuesOf(declaration.name, attribute.fieldName) })),
    properties,
    events: events.map((event) => ({ ...event, type: event.type?.text ?? 'Event' })),
  };
}

// The built declarations, read by the checker: an attribute's values come from
// its property's type as TypeScript sees it, aliases resolved.
const program = ts.createProgram([typesIndex], { strict: true, skipLibCheck: true, noEmit: true, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'], types: [] });
const checker = program.getTypeChecker();
const indexSymbol = checker.getSymbolAtLocation(program.getSourceFile(typesIndex));
const packageExports = new Map(checker.getExportsOfModule(indexSymbol).map((symbol) => [symbol.name, symbol]));

/** `{kind: 'boolean'}`, `{kind: 'enum', values}` for string literals, `{kind: 'number'}` or `{kind: 'string'}`. */
function valuesOf(className, field) {
  const symbol = packageExports.get(className);
  if (!symbol) throw new Error(`${className} is not exported from lk-widgets`);
  const classSymbol = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const property = checker.getPropertyOfType(checker.getDeclaredTypeOfSymbol(classSymbol), field);
  if (!property) throw new Error(`${className}.${field} is not in the built types`);
  const type = checker.getTypeOfSymbol(property);
  const parts = (type.isUnion() ? type.types : [type]).filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  if (parts.every((part) => part.flags & ts.TypeFlags.BooleanLike)) return { kind: 'boolean' };
  if (parts.every((part) => part.isStringLiteral())) return { kind: 'enum', values: parts.map((part) => part.value) };
  if (parts.every((part) => part.flags & ts.TypeFlags.NumberLike)) return { kind: 'number' };
  return { kind: 'string' };
}

const tags = elements();
const header = `// Generated by scripts/framework-types.mjs from custom-elements.json (npm run build): do not edit.\n`;

/** The package's own classes the declarations name: every element class, and each event class the package exports (\`ToggleEvent\` is the DOM's). */
function importLine() {
  const names = new Set(tags.flatMap(({ className, events }) => [className, ...events.map(({ type }) => type).filter((type) => packageExports.has(type))]));
  return `import type { ${[...names].sort().join(', ')} } from './src/index.js';\n`;
}

/** React 19 sets a prop as a property when the element has one, else as an attribute, and `on` + an event's own name becomes addEventListener(name). */
function reactJsx() {
  const interfaces = tags.map(({ tag, className, attributes, properties, events }) => {
    const members = [
      ...attributes.map((attribute) => `${jsdoc(attribute.description, '  ')}  ${key(attribute.name)}?: ${className}['${attribute.fieldName}'];\n`),
      ...properties
        .filter((property) => !attributes.some((attribute) => attribute.name === property.name))
        .map((property) => `${jsdoc(property.description, '  ')}  ${key(property.name)}?: ${className}['${property.name}'];\n`),
      ...events.map((event) => `${jsdoc(event.description, '  ')}  ${key(`on${event.name}`)}?: (event: ${event.type}) => void;\n`),
    ];
    return `/** What \`<${tag}>\` takes in React 19 JSX, besides the HTML props. */\nexport interface ${pascal(tag)}JsxProps {\n${members.join('')}}\n`;
  });
  const entries = tags.map(({ tag, className, description }) => `${jsdoc(description, '      ')}      '${tag}': LkJsxElement<${className}, ${pascal(tag)}JsxProps>;\n`);
  return `${header}import type * as React from 'react';
${importLine()}
/** React's own props for an HTML element (\`ref\`, \`key\`, \`children\`, \`className\`, \`on…\` handlers), \`class\` as React 19 passes it to a custom element, and the tag's own props, which win. */
export type LkJsxElement<E extends HTMLElement, Own> = Omit<React.DetailedHTMLProps<React.HTMLAttributes<E>, E>, keyof Own> & { class?: string } & Own;

${interfaces.join('\n')}
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries.join('')}    }
  }
}
`;
}

/** Vue sets a prop on a custom element as a property when the element has one, else as an attribute; \`@lk-login\` is the prop \`onLkLogin\`, which it adds as a listener for \`lk-login\`. */
function vue() {
  const interfaces = tags.map(({ tag, className, attributes, properties, events }) => {
    const fields = new Map();
    for (const attribute of attributes) fields.set(camel(attribute.name), { field: attribute.fieldName, description: attribute.description });
    for (const property of properties) if (!fields.has(property.name)) fields.set(property.name, { field: property.name, description: property.description });
    const members = [
      ...[...fields].map(([name, { field, description }]) => `${jsdoc(description, '  ')}  ${key(name)}?: ${className}['${field}'];\n`),
      ...events.map((event) => `${jsdoc(event.description, '  ')}  ${key(`on${pascal(event.name)}`)}?: (event: ${event.type}) => void;\n`),
    ];
    return `/** What \`<${tag}>\` takes in a Vue 3 template. */\nexport interface ${pascal(tag)}VueProps {\n${members.join('')}}\n`;
  });
  const entries = tags.map(({ tag, description }) => `${jsdoc(description, '    ')}    '${tag}': DefineComponent<${pascal(tag)}VueProps>;\n`);
  return `${header}import type { DefineComponent } from 'vue';
${importLine()}
${interfaces.join('\n')}
declare module 'vue' {
  interface GlobalComponents {
${entries.join('')}  }
}
`;
}

/** VS Code's custom HTML data: tags and their attributes, with values where the type lists them. */
function vscode() {
  return {
    version: 1.1,
    tags: tags.map(({ tag, description, attributes }) => ({
      name: tag,
      description,
      attributes: attributes.map(({ name, description: text, values }) => ({
        name,
        description: text ?? '',
        ...(values.kind === 'boolean' ? { valueSet: 'v' } : {}),
        ...(values.kind === 'enum' ? { values: values.values.map((value) => ({ name: value })) } : {}),
      })),
    })),
  };
}

/** JetBrains' web-types: tags, attributes with their values, and the properties and events scripts see. */
function webTypes() {
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: tags.map(({ tag, description, attributes, properties, events }) => ({
          name: tag,
          description,
          attributes: attributes.map(({ name, description: text, values }) => ({
            name,
            description: text ?? '',
            value:
              values.kind === 'boolean'
                ? { kind: 'no-value', type: 'boolean' }
                : { kind: 'plain', type: values.kind === 'enum' ? values.values.map((value) => `'${value}'`).join(' | ') : values.kind },
            ...(values.kind === 'enum' ? { values: values.values.map((value) => ({ name: value })) } : {}),
          })),
          events: events.map(({ name, description: text }) => ({ name, description: text ?? '' })),
          js: {
            properties: properties.map(({ name, description: text, type }) => ({ name, description: text ?? '', type: type?.text })),
            events: events.map(({ name, description: text, type }) => ({ name, description: text ?? '', type })),
          },
        })),
      },
    },
  };
}

await writeFile(new URL('types/react-jsx.d.ts', dist), reactJsx());
await writeFile(new URL('types/vue.d.ts', dist), vue());
await writeFile(new URL('vscode.html-custom-data.json', dist), `${JSON.stringify(vscode(), null, 2)}\n`);
await writeFile(new URL('web-types.json', dist), `${JSON.stringify(webTypes(), null, 2)}\n`);
