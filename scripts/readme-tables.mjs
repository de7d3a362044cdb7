#!/usr/bin/env node
// The README's element table and custom-property table, written from the
// custom-elements manifest (dist/custom-elements.json, `npm run manifest`):
// the elements' JSDoc is the one description of the public surface, so the
// tables say what Storybook and the editors say, and a word changed in the
// JSDoc reaches the README by `npm run docs:readme` instead of by hand.
//
//   node scripts/readme-tables.mjs   rewrites the tables between their markers in README.md
//
// test/node/manifest-readme.test.mjs fails when README.md differs from what
// this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);

/** The markers around each generated table: what is between them is this script's. */
export const MARKERS = {
  elements: ['<!-- elements-table:start (npm run docs:readme writes it from the elements\' JSDoc) -->', '<!-- elements-table:end -->'],
  tokens: ['<!-- tokens-table:start (npm run docs:readme writes it from the elements\' JSDoc) -->', '<!-- tokens-table:end -->'],
};

/** The base class every element but `<lk-provider>` extends: its attributes are said once, above the table. */
const BASE_CLASS = 'LkElement';

/** A description on one line of a Markdown table cell: no line breaks, no bare `|`. */
const cell = (text) => (text ?? '').replace(/\s+/gu, ' ').trim().replace(/\|/gu, '\\|');

const code = (text) => `\`${text}\``;

/** The manifest's classes: each public element (with its tag) and the base class. */
function classesOf(manifest) {
  const declarations = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((declaration) => declaration.kind === 'class'));
  return {
    elements: declarations.filter((declaration) => declaration.customElement && declaration.tagName),
    base: declarations.find((declaration) => declaration.name === BASE_CLASS),
  };
}

/**
 * The elements in the order of the package's entry points (`lk-widgets/login-form`
 * is `<lk-login-form>`), the order a reader meets them in; a tag without an
 * entry of its own comes after them, by name.
 */
function inEntryOrder(elements, packageJson) {
  const order = Object.keys(packageJson.exports ?? {}).map((entry) => `lk-${entry.replace(/^\.\//u, '')}`);
  const rank = (tag) => (order.includes(tag) ? order.indexOf(tag) : order.length);
  return [...elements].sort((a, b) => rank(a.tagName) - rank(b.tagName) || a.tagName.localeCompare(b.tagName));
}

/** A literal default worth saying (`'lk-confirm'`, `2`), as the page writes it; none for unset, empty or `false`. */
function literalDefault(entry) {
  const value = entry.default;
  if (value === undefined || value === 'undefined' || value === "''" || value === 'false') return undefined;
  if (/^'[^']*'$|^"[^"]*"$/u.test(value)) return value.slice(1, -1);
  if (/^-?\d+(\.\d+)?$|^true$/u.test(value)) return value;
  return undefined;
}

/** The values of a union of string literals (`'idle' | 'solving'`), or undefined. */
function literalValues(typeText = '') {
  const members = typeText.split('|').map((member) => member.trim()).filter((member) => member !== 'undefined');
  const values = members.map((member) => /^'([^']*)'$/u.exec(member)?.[1]);
  return values.length > 0 && values.every((value) => value !== undefined) ? values : undefined;
}

/** What a type says beyond a string: `boolean`, `number`, or the values it can take when the words do not list them. */
function kindOf(entry) {
  const type = entry.type?.text ?? '';
  if (/^boolean\b/u.test(type)) return 'boolean';
  if (/^number\b/u.test(type)) return 'number';
  const values = literalValues(type);
  if (values && !values.every((value) => (entry.description ?? '').includes(code(value)))) return `one of ${values.map(code).join(', ')}`;
  return undefined;
}

/** One attribute: its name, what it is when not a string, its words, and its default unless the words say it. */
function attributeLine(attribute) {
  const kind = kindOf(attribute) ? ` (${kindOf(attribute)})` : '';
  const fallback = literalDefault(attribute);
  const description = cell(attribute.description);
  const defaultNote = fallback !== undefined && !/\bdefault\b/iu.test(description) ? ` Default ${code(fallback)}.` : '';
  return `${code(attribute.name)}${kind}: ${description}${defaultNote}`;
}

/** One property without an attribute, or one method. */
function memberLine(member) {
  const name = member.kind === 'method' ? `${member.name}()` : member.name;
  const notes = [member.static ? 'static' : '', member.readonly ? 'read-only' : '', member.kind === 'field' ? (kindOf(member) ?? '') : ''].filter(Boolean);
  return `${code(name)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}: ${cell(member.description)}`;
}

const lines = (entries) => (entries.length > 0 ? entries.join('<br>') : '—');

/** The summary's first paragraph: what the element is, in a sentence or two. */
const summaryOf = (element) => cell((element.summary ?? element.description ?? '').split(/\n\s*\n/u)[0]);

const fromBase = (entry) => entry.inheritedFrom?.name === BASE_CLASS;

/** The element table, with the sentence on the attributes every element shares above it. */
export function elementsTable(manifest, packageJson) {
  const { elements, base } = classesOf(manifest);
  const shared = (base?.attributes ?? []).map(attributeLine);
  const rows = inEntryOrder(elements, packageJson).map((element) => {
    const attributes = (element.attributes ?? []).filter((attribute) => !fromBase(attribute)).map(attributeLine);
    const members = (element.members ?? []).filter((member) => !member.attribute && !fromBase(member)).map(memberLine);
    const events = (element.events ?? []).map((event) => `${code(event.name)}: ${cell(event.description)}`);
    return `| ${code(`<${element.tagName}>`)}<br>${summaryOf(element)} | ${lines(attributes)} | ${lines(members)} | ${lines(events)} |`;
  });
  // The elements that do not extend the base (`<lk-provider>`) are named as exceptions.
  const others = elements.filter((element) => !(element.attributes ?? []).some(fromBase)).map((element) => code(`<${element.tagName}>`));
  return [
    `Every element${others.length > 0 ? ` but ${others.join(', ')}` : ''} also takes the attributes of their common base:`,
    '',
    ...shared.map((line) => `- ${line}`),
    '',
    '| tag | attributes | properties and methods | events |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** How many exceptions "every element but …" names at most; past them, the tags are listed. */
const FEW_OTHERS = 3;

/** The custom properties: each token once, with its default and what each element uses it for. */
export function tokensTable(manifest, packageJson) {
  const { elements } = classesOf(manifest);
  const ordered = inEntryOrder(elements, packageJson);
  const themed = ordered.filter((element) => (element.cssProperties ?? []).length > 0).map((element) => element.tagName);
  const tokens = new Map();
  for (const element of ordered) {
    for (const property of element.cssProperties ?? []) {
      const uses = tokens.get(property.name) ?? [];
      uses.push({ tag: element.tagName, description: cell(property.description).replace(/\.$/u, ''), default: property.default });
      tokens.set(property.name, uses);
    }
  }
  // The tokens most elements share first (the brand's colours, spacing and font), then each element's own.
  const names = [...tokens.keys()].sort((a, b) => tokens.get(b).length - tokens.get(a).length || a.localeCompare(b));
  const rows = names.map((name) => {
    const uses = tokens.get(name);
    return `| ${code(name)} | ${grouped(uses, 'default', themed, code)} | ${grouped(uses, 'description', themed, (text) => text)} |`;
  });
  return ['| custom property | default | used for |', '|---|---|---|', ...rows].join('\n');
}

/**
 * The values of `key` over one token's uses, each with the elements it holds
 * for: the most common first; "every element" (or "every element but" a
 * few) when the elements that document tokens nearly all agree; no tags on
 * a default all of them give.
 */
function grouped(uses, key, themed, format) {
  const byValue = new Map();
  for (const use of uses) {
    if (use[key] === undefined || use[key] === '') continue;
    byValue.set(use[key], [...(byValue.get(use[key]) ?? []), use.tag]);
  }
  const values = [...byValue.entries()].sort((a, b) => b[1].length - a[1].length);
  if (values.length === 0) return '';
  if (values.length === 1 && key === 'default') return format(cell(values[0][0]));
  return values
    .map(([value, tags]) => {
      const others = themed.filter((tag) => !tags.includes(tag));
      const who =
        others.length === 0
          ? 'every element'
          : others.length <= FEW_OTHERS
            ? `every element but ${others.map((tag) => code(`<${tag}>`)).join(', ')}`
            : tags.map((tag) => code(`<${tag}>`)).join(', ');
      return `${who}: ${format(cell(value))}`;
    })
    .join('; ');
}

/** README.md with the text between each pair of markers replaced by its table. */
export function rewriteReadme(readme, manifest, packageJson) {
  const tables = { elements: elementsTable(manifest, packageJson), tokens: tokensTable(manifest, packageJson) };
  let text = readme;
  for (const [name, [start, end]] of Object.entries(MARKERS)) {
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from === -1 || to === -1 || to < from) throw new Error(`README.md lacks the markers of the ${name} table: ${start} … ${end}`);
    text = `${text.slice(0, from + start.length)}\n${tables[name]}\n${text.slice(to)}`;
  }
  return text;
}

/** The inputs as the repository has them: the README, the built manifest, package.json. */
export function readInputs() {
  const read = (path) => readFileSync(new URL(path, root), 'utf8');
  let manifest;
  try {
    manifest = JSON.parse(read('dist/custom-elements.json'));
  } catch (error) {
    throw new Error(`dist/custom-elements.json cannot be read (run npm run manifest): ${error.message}`);
  }
  return { readme: read('README.md'), manifest, packageJson: JSON.parse(read('package.json')) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { readme, manifest, packageJson } = readInputs();
  const next = rewriteReadme(readme, manifest, packageJson);
  if (next !== readme) writeFileSync(fileURLToPath(new URL('README.md', root)), next);
  console.log(next === readme ? 'README.md: the tables already agree with the manifest.' : 'README.md: tables rewritten from the manifest.');
}
