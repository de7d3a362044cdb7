#!/usr/bin/env node
// The API contract from the valibot schemas: `node scripts/openapi.mjs`
// writes dist/openapi.json (run by `npm run build`); with `--docs` it writes
// docs/api.md instead (`npm run docs:api`). src/contract/ is TypeScript, so
// it is bundled on the fly (scripts/lib/typescript-module.mjs) and imported.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { importTypeScript } from './lib/typescript-module.mjs';

const root = new URL('../', import.meta.url);

/**
 * `src/contract/index.ts` and the mock seed's examples for it
 * (`CONTRACT_EXAMPLES`), bundled on the fly and imported.
 */
export const loadContract = () =>
  importTypeScript({
    contents: "export * from './src/contract/index.ts';\nexport { CONTRACT_EXAMPLES } from './mocks/contract-examples.ts';\n",
  });

/** The text of a doc comment: no comment marks, one line, links as their text, no pointers to the promises' numbers (docs/promises.md#n) or the README. */
function commentText(comment) {
  return comment
    .replace(/^\/\*\*|\*\/$/gu, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/u, '').trim())
    // A list item starts a line of its own; every other line runs on.
    .map((line, index) => (index > 0 && line.startsWith('- ') ? `\n${line}` : line))
    .join(' ')
    .replace(/ \n/gu, '\n')
    .replace(/\{@link\s+(?:\S+\s+)?([^}]+)\}/gu, '$1')
    .replace(/\s*\(docs\/promises\.md#\d+(?:[–,]\s*#\d+)*\)|,\s*docs\/promises\.md#\d+(?:[–,]\s*#\d+)*|\s*See README\./gu, '')
    .replace(/[ \t]+/gu, ' ')
    .trim();
}

/** The doc comment right before `node`, if any. */
function docOf(node, text) {
  const comments = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const last = comments.at(-1);
  const comment = last ? text.slice(last.pos, last.end) : '';
  return comment.startsWith('/**') ? commentText(comment) : undefined;
}

/** The object literal of a `v.object({…})` (or loose, strict) in `node`, also inside a `v.pipe(…)`. */
function objectLiteralOf(node) {
  if (!node || !ts.isCallExpression(node)) return undefined;
  if (/^v\.(?:object|looseObject|strictObject)$/u.test(node.expression.getText()) && ts.isObjectLiteralExpression(node.arguments[0])) {
    return node.arguments[0];
  }
  for (const argument of node.arguments) {
    const found = objectLiteralOf(argument);
    if (found) return found;
  }
  return undefined;
}

const isExported = (statement) => statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

/**
 * What the doc comments of src/schemas say of each schema constant
 * (`LoginRequestSchema` is the component `LoginRequest`) and of its members;
 * a function that makes a schema (`registerRequestSchema`) names the
 * component of the schema it returns.
 */
export async function schemaDescriptions() {
  const folder = new URL('src/schemas/', root);
  const descriptions = {};
  for (const file of (await readdir(folder)).filter((name) => name.endsWith('.ts')).sort()) {
    const text = await readFile(new URL(file, folder), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!isExported(statement)) continue;
      let name;
      let literal;
      if (ts.isVariableStatement(statement)) {
        const [declaration] = statement.declarationList.declarations;
        if (!ts.isIdentifier(declaration.name) || !declaration.name.text.endsWith('Schema')) continue;
        name = declaration.name.text.slice(0, -'Schema'.length);
        literal = objectLiteralOf(declaration.initializer);
      } else if (ts.isFunctionDeclaration(statement) && statement.name?.text.endsWith('Schema')) {
        const base = statement.name.text.slice(0, -'Schema'.length);
        name = base[0].toUpperCase() + base.slice(1);
        const returned = statement.body?.statements.find((inner) => ts.isReturnStatement(inner));
        literal = objectLiteralOf(returned?.expression);
      } else continue;
      const members = {};
      for (const property of literal?.properties ?? []) {
        const description = ts.isPropertyAssignment(property) ? docOf(property, text) : undefined;
        if (description) members[property.name.getText(source)] = description;
      }
      const description = docOf(statement, text);
      descriptions[name] = { ...(description ? { description } : {}), members };
    }
  }
  return descriptions;
}

/** The document as the build ships it: from the schemas, with their doc comments and the package's version. */
export async function buildDocument(contract) {
  const { version } = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  return contract.buildOpenApiDocument({ descriptions: await schemaDescriptions(), version, examples: contract.CONTRACT_EXAMPLES });
}

/** The document as the build writes it: two-space JSON and a final newline. */
export const documentText = (document) => `${JSON.stringify(document, null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const contract = await loadContract();
  const document = await buildDocument(contract);
  if (process.argv.includes('--docs')) {
    await writeFile(new URL('docs/api.md', root), contract.renderApiDocs(document));
    console.log('Wrote docs/api.md');
  } else {
    await mkdir(new URL('dist/', root), { recursive: true });
    await writeFile(new URL('dist/openapi.json', root), documentText(document));
  }
}
