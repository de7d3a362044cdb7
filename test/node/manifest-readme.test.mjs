// The README's element table and custom-property table are written from the
// custom-elements manifest (dist/custom-elements.json, `npm run build`) by
// scripts/readme-tables.mjs: a README that says something else than the
// elements' JSDoc fails here, and `npm run docs:readme` brings it back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MARKERS, elementsTable, readInputs, rewriteReadme, tokensTable } from '../../scripts/readme-tables.mjs';

const { readme, manifest, packageJson } = readInputs();

const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);

test('the README has the markers of both tables, once each', () => {
  for (const marker of Object.values(MARKERS).flat()) assert.equal(readme.split(marker).length, 2, `README.md should hold ${marker} once`);
});

test('the README tables are what npm run docs:readme writes from the manifest', () => {
  // Compared table by table, so the failure shows the table that differs.
  const expected = rewriteReadme(readme, manifest, packageJson);
  for (const [name, [start, end]] of Object.entries(MARKERS)) {
    const between = (text) => text.slice(text.indexOf(start), text.indexOf(end));
    assert.equal(between(readme), between(expected), `README.md's ${name} table differs from the manifest: run npm run docs:readme`);
  }
  assert.equal(readme, expected);
});

test('the element table has a row for every public element, and the token table every custom property', () => {
  const elementRows = elementsTable(manifest, packageJson);
  for (const { tagName } of elements) assert.match(elementRows, new RegExp(`^\\| \`<${tagName}>\``, 'mu'), `no row for <${tagName}>`);
  const tokenRows = tokensTable(manifest, packageJson);
  for (const name of new Set(elements.flatMap((element) => (element.cssProperties ?? []).map((property) => property.name)))) {
    assert.match(tokenRows, new RegExp(`^\\| \`${name}\` \\|`, 'mu'), `no row for ${name}`);
  }
});
