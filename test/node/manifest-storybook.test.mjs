// Storybook's controls and docs tables come from the custom-elements manifest
// (.storybook/preview.ts hands it to Storybook), so they say what the
// elements' JSDoc says. A hand-written `argTypes` in a stories file would be a
// second description that drifts from it: none may come back. (That the
// built Storybook renders every story with these controls is
// `npm run test:storybook`.)
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import ts from 'typescript';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const parse = (path) => ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true);

/** Every node of a source file. */
function* nodesOf(node) {
  yield node;
  for (const child of node.getChildren()) yield* nodesOf(child);
}

const storyFiles = readdirSync(new URL('stories/', root))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => `stories/${file}`);

test('no stories file writes argTypes by hand', () => {
  const found = storyFiles.flatMap((file) =>
    [...nodesOf(parse(file))]
      .filter((node) => (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && node.name.getText() === 'argTypes')
      .map((node) => `${file}:${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1}`),
  );
  assert.deepEqual(found, [], 'the arg types come from the custom-elements manifest; describe the attribute in the element\'s JSDoc instead');
});

test('the preview hands Storybook the manifest the package publishes', () => {
  const preview = parse('.storybook/preview.ts');
  const imported = preview.statements
    .filter(ts.isImportDeclaration)
    .find((statement) => statement.moduleSpecifier.text === 'lk-widgets/custom-elements.json')?.importClause?.name?.text;
  assert.ok(imported, '.storybook/preview.ts should import lk-widgets/custom-elements.json');
  const handed = [...nodesOf(preview)].some(
    (node) => ts.isCallExpression(node) && node.expression.getText() === 'setCustomElementsManifest' && node.arguments[0]?.getText() === imported,
  );
  assert.ok(handed, '.storybook/preview.ts should call setCustomElementsManifest with the imported manifest');
  const packageJson = JSON.parse(read('package.json'));
  assert.equal(packageJson.exports['./custom-elements.json'], `./${packageJson.customElements}`);
  assert.match(read('.storybook/main.ts'), new RegExp(`new URL\\('\\.\\./${packageJson.customElements.replace('.', '\\.')}'`, 'u'), 'main.ts should alias the name to the file package.json names');
  assert.equal(packageJson.scripts.prestorybook, 'npm run manifest');
  assert.equal(packageJson.scripts['prebuild-storybook'], 'npm run manifest');
});
