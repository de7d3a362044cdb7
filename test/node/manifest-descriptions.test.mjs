// The custom-elements manifest (dist/custom-elements.json, `npm run build`)
// is the one description of the public surface: Storybook, the README's
// tables and the framework types are made from it. So every public element
// describes everything a page may use: each attribute, public property and
// method, event, custom property and CSS part it has.
//
// The manifest knows only the events and parts the JSDoc declares (`@fires`,
// `@csspart`), so the events the element really fires and the parts its
// templates really render are read from the sources here and compared with
// it: an event or a part added without a word in the JSDoc fails this test.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const rootPath = new URL('../../', import.meta.url).pathname;
const manifestPath = path.join(rootPath, 'dist/custom-elements.json');

assert.ok(existsSync(manifestPath), 'dist/custom-elements.json is missing: run npm run manifest (or npm run build)');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** Every public element of the manifest: its class declaration and the module that holds it. */
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName).map((declaration) => ({ module: module.path, declaration })),
);

const described = (entry) => typeof entry.description === 'string' && entry.description.trim() !== '';

// ----- What the sources render and fire -----

/**
 * A value a part name or an event name is built from that the sources do not
 * spell out (a variable): `link-${to}` becomes the glob `link-*`, which a
 * documented name such as `link-register` satisfies.
 */
const ANY = '\u0000';

/** The strings `node` can evaluate to, as far as its literals say; ANY stands for what they do not. */
function valuesOf(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return valuesOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...valuesOf(node.whenTrue), ...valuesOf(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) return [...valuesOf(node.left), ...valuesOf(node.right)];
    if (operator === ts.SyntaxKind.PlusToken) return product([valuesOf(node.left), valuesOf(node.right)]);
  }
  if (ts.isTemplateExpression(node)) {
    return product([[node.head.text], ...node.templateSpans.flatMap((span) => [valuesOf(span.expression), [span.literal.text]])]);
  }
  if (ts.isIdentifier(node)) return literalTypeOfParameter(node) ?? [ANY];
  return [ANY];
}

/** Every concatenation of one value from each list. */
function product(lists) {
  return lists.reduce((heads, values) => heads.flatMap((head) => values.map((value) => head + value)), ['']);
}

/**
 * A parameter typed as a union of string literals (`reason: 'no-account' |
 * 'not-connected'`) can only be those: the identifier's values, when it names
 * such a parameter of the function around it.
 */
function literalTypeOfParameter(identifier) {
  for (let node = identifier.parent; node; node = node.parent) {
    if (!ts.isFunctionLike(node)) continue;
    const parameter = node.parameters.find((entry) => ts.isIdentifier(entry.name) && entry.name.text === identifier.text);
    if (!parameter) continue;
    const type = parameter.type;
    const members = type && ts.isUnionTypeNode(type) ? type.types : type ? [type] : [];
    const literals = members.map((member) => (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal) ? member.literal.text : undefined));
    return literals.length > 0 && literals.every((literal) => literal !== undefined) ? literals : undefined;
  }
  return undefined;
}

/** The part names in a `part` attribute's possible values: `ANY` alone is passed through (its literals are found where they are written). */
function partNames(values) {
  return values.flatMap((value) => value.split(/\s+/u)).filter((name) => name !== '' && name !== ANY);
}

/** A name for a part or a property that holds one: `part`, `sectionPart`. */
const PART_NAME = /^part$|Part$/u;

const nameText = (name) => (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined);

/** The source files of the elements (their words and styles aside), parsed once. */
const sourceFiles = new Map();
function sourceFile(file) {
  if (!sourceFiles.has(file)) {
    sourceFiles.set(file, ts.createSourceFile(file, readFileSync(path.join(rootPath, file), 'utf8'), ts.ScriptTarget.Latest, true));
  }
  return sourceFiles.get(file);
}

/**
 * The functions and methods of the elements' modules that take a part name as
 * a parameter (`renderToggle(part, …)`), so a call's literal argument there
 * counts as a part: `file#name` (a function) or `file#.name` (a method) → the
 * parameter's index.
 */
function partParameters(files) {
  const found = new Map();
  for (const file of files) {
    const visit = (node) => {
      if (ts.isFunctionLike(node) && node.name) {
        const key = ts.isFunctionDeclaration(node) ? `${file}#${nameText(node.name)}` : `${file}#.${nameText(node.name)}`;
        node.parameters.forEach((parameter, index) => {
          if (ts.isIdentifier(parameter.name) && PART_NAME.test(parameter.name.text)) found.set(key, index);
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile(file));
  }
  return found;
}

/**
 * What one piece of a module renders, fires and uses: a top-level function or
 * `const`, or one member of a class. `uses` are other top-level declarations
 * (`file#name`, in its own module or imported from another element module),
 * `thisUses` the members it reaches through `this`.
 */
function scanUnit(file, node, imports, parameters) {
  const unit = { parts: [], events: [], uses: new Set(), thisUses: new Set() };
  const visit = (node) => {
    // Types say nothing about what renders; a class's `extends` does.
    if (ts.isHeritageClause(node)) {
      if (node.token === ts.SyntaxKind.ExtendsKeyword) for (const type of node.types) visit(type.expression);
      return;
    }
    if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isIdentifier(node)) unit.uses.add(imports.get(node.text) ?? `${file}#${node.text}`);
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) unit.thisUses.add(nameText(node.name));
    if (ts.isTaggedTemplateExpression(node)) unit.parts.push(...templateParts(node.template));
    // `part: 'subtitle'`, `sectionPart = 'pay-now'`, `{ part = 'title' }`.
    if ((ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node) || ts.isBindingElement(node) || ts.isParameter(node)) && node.initializer) {
      if (PART_NAME.test(nameText(node.name) ?? '')) unit.parts.push(...partNames(valuesOf(node.initializer)));
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const target = ts.isPropertyAccessExpression(callee) ? `${file}#.${nameText(callee.name)}` : ts.isIdentifier(callee) ? (imports.get(callee.text) ?? `${file}#${callee.text}`) : undefined;
      const index = parameters.get(target);
      if (index !== undefined && node.arguments[index]) unit.parts.push(...partNames(valuesOf(node.arguments[index])));
      // `dispatchEvent(new LkErrorEvent(…))`, `dispatchEvent(new ToggleEvent('toggle', …))`.
      const [event] = node.arguments;
      if (ts.isPropertyAccessExpression(callee) && nameText(callee.name) === 'dispatchEvent' && event && ts.isNewExpression(event)) {
        const eventClass = event.expression.getText();
        const [first] = event.arguments ?? [];
        unit.events.push(/^Lk\w+Event$/u.test(eventClass) ? { type: eventClass } : { names: first ? valuesOf(first) : [ANY] });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(node);
  return unit;
}

/**
 * The parts in the `part="…"` attributes of a template: its text with each
 * `${…}` as a placeholder, each attribute's value expanded into the strings
 * it can be.
 */
function templateParts(template) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return attributeParts(template.text, []);
  const spans = template.templateSpans;
  const text = template.head.text + spans.map((span, index) => `\u0001${index}\u0001${span.literal.text}`).join('');
  return attributeParts(text, spans.map((span) => span.expression));
}

function attributeParts(text, expressions) {
  const found = [];
  for (const match of text.matchAll(/\bpart=(?:"([^"]*)"|'([^']*)'|(\u0001\d+\u0001))/gu)) {
    const value = match[1] ?? match[2] ?? match[3];
    const pieces = value.split(/\u0001(\d+)\u0001/u).map((piece, index) => (index % 2 === 0 ? [piece] : valuesOf(expressions[Number(piece)])));
    found.push(...partNames(product(pieces)));
  }
  return found;
}

/**
 * Every top-level declaration of the element modules, by `file#name`: a
 * function or `const` is one unit; a class is its `extends` (`superclass`)
 * and its members, each a unit, so an element is held only to the members of
 * its base classes it really reaches.
 */
function scanModules(files) {
  const parameters = partParameters(files);
  const units = new Map();
  for (const file of files) {
    const source = sourceFile(file);
    const imports = new Map();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
      const target = path.join(path.dirname(file), statement.moduleSpecifier.text).replace(/\.js$/u, '.ts');
      for (const element of statement.importClause?.namedBindings?.elements ?? []) {
        if (!element.isTypeOnly) imports.set(element.name.text, `${target}#${(element.propertyName ?? element.name).text}`);
      }
    }
    for (const statement of source.statements) {
      if (ts.isClassDeclaration(statement) && statement.name) {
        const key = `${file}#${statement.name.text}`;
        const extendsClause = statement.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
        const superclass = extendsClause?.types[0]?.expression;
        const members = new Map();
        for (const member of statement.members) {
          const name = member.name ? nameText(member.name) : 'constructor';
          const unit = scanUnit(file, member, imports, parameters);
          unit.owner = key;
          unit.isMethod = ts.isMethodDeclaration(member);
          members.set(name, [...(members.get(name) ?? []), unit]);
        }
        // The class's own line: its decorators and its `extends`.
        const head = [...(statement.modifiers ?? []), ...(statement.heritageClauses ?? [])].map((node) => scanUnit(file, node, imports, parameters));
        units.set(key, { key, members, head, superclass: superclass && ts.isIdentifier(superclass) ? (imports.get(superclass.text) ?? `${file}#${superclass.text}`) : undefined });
        continue;
      }
      const names = ts.isVariableStatement(statement)
        ? statement.declarationList.declarations.map((declaration) => nameText(declaration.name))
        : [nameText(statement.name)];
      if (!names.some(Boolean) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue;
      const unit = scanUnit(file, statement, imports, parameters);
      for (const name of names) if (name) units.set(`${file}#${name}`, unit);
    }
  }
  return units;
}

/** The element modules: every `.ts` under src/elements but the words and the styles. */
function elementModules() {
  const files = [];
  const walk = (directory) => {
    for (const entry of ts.sys.readDirectory(path.join(rootPath, directory), ['.ts'])) {
      const file = path.relative(rootPath, entry);
      if (!/\.messages(\.\w+)?\.ts$|\.styles\.ts$/u.test(file)) files.push(file);
    }
  };
  walk('src/elements');
  return files;
}

const units = scanModules(elementModules());

/** What Lit and the browser call on an element by themselves: a base class's such members run without a `this.` call. */
const LIFECYCLE = new Set(['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback', 'willUpdate', 'update', 'render', 'updated', 'firstUpdated', 'createRenderRoot']);

/**
 * What an element renders and fires: every member of its own class; of its
 * base classes, the fields, what Lit calls by itself and what the reached
 * code calls through `this`; and every declaration all these use, followed
 * through the element modules (a helper class, such as a controller, whole).
 */
function reachOf(module, className) {
  const chain = [];
  for (let key = `${module}#${className}`; units.get(key)?.members; key = units.get(key).superclass) chain.push(units.get(key));
  const inChain = new Set(chain.map((entry) => entry.key));
  const parts = new Set();
  const events = [];
  const seen = new Set();
  const queue = chain.flatMap((entry) => entry.head);
  for (const [index, entry] of chain.entries()) {
    for (const [name, members] of entry.members) for (const member of members) if (index === 0 || !member.isMethod || LIFECYCLE.has(name)) queue.push(member);
  }
  while (queue.length > 0) {
    const unit = queue.pop();
    if (!unit || seen.has(unit)) continue;
    seen.add(unit);
    for (const part of unit.parts) parts.add(part);
    events.push(...unit.events);
    if (inChain.has(unit.owner)) for (const name of unit.thisUses) for (const entry of chain) queue.push(...(entry.members.get(name) ?? []));
    for (const key of unit.uses) {
      const used = units.get(key);
      if (!used || inChain.has(key)) continue;
      if (used.members) queue.push(...used.head, ...[...used.members.values()].flat());
      else queue.push(used);
    }
  }
  return { parts, events };
}

/**
 * The names an element's `@csspart` tags document: each tag's name and every
 * name in backticks in its description (`field-amount`, `input-reading`:
 * the sub-parts written under the part they belong to).
 */
function documentedParts(declaration) {
  const names = new Set();
  for (const part of declaration.cssParts ?? []) {
    names.add(part.name);
    for (const [, quoted] of (part.description ?? '').matchAll(/`([^`]+)`/gu)) for (const name of quoted.split(/[\s,]+/u)) names.add(name);
  }
  return names;
}

/** Whether a rendered part (`field-invalid`, or the glob `link-${ANY}`) is among the documented names. */
function isDocumented(part, names) {
  if (!part.includes(ANY)) return names.has(part);
  const glob = new RegExp(`^${part.split(ANY).map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('.+')}$`, 'u');
  return [...names].some((name) => glob.test(name));
}

const shown = (part) => part.replaceAll(ANY, '…');

// ----- The tests -----

test('the manifest has every public element, each with a summary', () => {
  const tags = elements.map(({ declaration }) => declaration.tagName).sort();
  assert.ok(tags.length >= 16, `only ${tags.length} elements in the manifest: ${tags.join(', ')}`);
  for (const { declaration } of elements) {
    assert.ok((declaration.summary ?? declaration.description ?? '').trim() !== '', `<${declaration.tagName}> has no @summary`);
  }
});

for (const { module, declaration } of elements) {
  const tag = `<${declaration.tagName}>`;

  test(`${tag} describes every attribute, public property and method`, () => {
    const missing = [
      ...(declaration.attributes ?? []).filter((attribute) => !described(attribute)).map((attribute) => `attribute ${attribute.name}`),
      ...(declaration.members ?? []).filter((member) => !described(member)).map((member) => `${member.kind} ${member.name}`),
    ];
    assert.deepEqual(missing, [], `${tag} (${module}) lacks a description of: ${missing.join(', ')}`);
  });

  test(`${tag} describes every event it fires`, () => {
    const undescribed = (declaration.events ?? []).filter((event) => !described(event)).map((event) => event.name);
    assert.deepEqual(undescribed, [], `${tag} has @fires without words: ${undescribed.join(', ')}`);
    const { events } = reachOf(module, declaration.name);
    const types = new Set((declaration.events ?? []).map((event) => event.type?.text));
    const names = new Set((declaration.events ?? []).map((event) => event.name));
    const missing = events
      .filter((event) => (event.type ? !types.has(event.type) : !event.names.some((name) => isDocumented(name, names))))
      .map((event) => event.type ?? event.names.map(shown).join(' | '));
    assert.deepEqual([...new Set(missing)], [], `${tag} fires events its JSDoc has no @fires {EventClass} name - … for`);
  });

  test(`${tag} describes every custom property it documents`, () => {
    const missing = (declaration.cssProperties ?? []).filter((property) => !described(property)).map((property) => property.name);
    assert.deepEqual(missing, [], `${tag} has @cssprop without words: ${missing.join(', ')}`);
  });

  test(`${tag} documents every CSS part it renders`, () => {
    const undescribed = (declaration.cssParts ?? []).filter((part) => !described(part)).map((part) => part.name);
    assert.deepEqual(undescribed, [], `${tag} has @csspart without words: ${undescribed.join(', ')}`);
    const names = documentedParts(declaration);
    const missing = [...reachOf(module, declaration.name).parts].filter((part) => !isDocumented(part, names)).map(shown);
    assert.deepEqual(missing.sort(), [], `${tag} (${module}) renders parts that no @csspart names (as a part or, in backticks, a sub-part)`);
  });
}
