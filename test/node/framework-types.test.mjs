// The framework and editor types (npm run build first): small React 19, React
// 18 and Vue 3 apps under fixtures/ are type-checked against the built
// package as a consumer imports it (`lk-widgets/react-jsx`, `lk-widgets/react`,
// `lk-widgets/vue`). Each fixture's app.tsx / App.vue must type-check; each
// line of its mistakes file that follows an `expect TSnnnn` comment must fail
// with that error, and no other line may. The editor files must list every
// tag of the manifest with its attributes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(root, 'test', 'node', 'fixtures');
const dist = join(root, 'dist');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = readJson(join(root, 'package.json'));
const manifest = readJson(join(dist, 'custom-elements.json'));

/** Every `<lk-…>` tag the manifest defines, with its class's entry. */
const manifestTags = (() => {
  const classes = new Map(manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => [declaration.name, declaration])));
  const tags = manifest.modules.flatMap((module) =>
    (module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition' && entry.name.startsWith('lk-')),
  );
  return new Map(tags.map((entry) => [entry.name, classes.get(entry.declaration.name)]));
})();

/** `file:line TSnnnn` for each error the checker reports in the fixture folder. */
async function typeErrors(checker, folder) {
  const bin = join(root, 'node_modules', '.bin', checker);
  const result = await run(bin, ['-p', 'tsconfig.json', '--pretty', 'false'], { cwd: folder, maxBuffer: 16 * 1024 * 1024 }).catch((error) => error);
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const errors = [...output.matchAll(/^(?:(.+?)\((\d+),\d+\): )?error (TS\d+):/gmu)].map(([, file = '-', line = '-', code]) => `${file}:${line} ${code}`);
  return { errors, output };
}

/** The errors the fixtures' `expect TSnnnn` comments ask for, each on the line after the comment. */
function expectedErrors(folder) {
  return readdirSync(folder)
    .filter((file) => /\.(?:tsx?|vue)$/u.test(file))
    .flatMap((file) =>
      readFileSync(join(folder, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => [...line.matchAll(/expect (TS\d+)/gu)].map(([, code]) => `${file}:${index + 2} ${code}`)),
    );
}

for (const [name, checker] of [
  ['react19', 'tsc'],
  ['react18', 'tsc'],
  ['vue', 'vue-tsc'],
]) {
  test(`${name}: the correct use type-checks and each mistake is a type error (${checker})`, { timeout: 180_000 }, async () => {
    const folder = join(fixtures, name);
    const expected = expectedErrors(folder);
    assert.ok(expected.length >= 3, 'the mistakes fixture names its errors');
    const { errors, output } = await typeErrors(checker, folder);
    assert.deepEqual(errors.sort(), expected.sort(), output);
  });
}

test('lk-widgets/react-jsx names React 19 handlers `on` + the event name, typed with the package\'s own event classes', () => {
  const types = readFileSync(join(dist, 'types', 'react-jsx.d.ts'), 'utf8');
  assert.match(types, /^import type \{[^}]*\bLkLoginEvent\b[^}]*\} from '\.\/src\/index\.js';$/mu, 'the event classes come from the package types, not copies');
  assert.doesNotMatch(types, /\bclass Lk/u);
  for (const [tag, declaration] of manifestTags) {
    assert.match(types, new RegExp(`'${tag}': LkJsxElement<${declaration.name},`, 'u'));
    for (const event of declaration.events ?? []) {
      assert.match(types, new RegExp(`^  ('?)on${event.name}\\1\\?: \\(event: ${event.type.text}\\) => void;$`, 'mu'), `${tag}: on${event.name}`);
    }
  }
});

test('lk-widgets/react wraps every tag and listens to each of its events', () => {
  const source = readFileSync(join(root, 'src', 'react', 'index.ts'), 'utf8');
  for (const [tag, declaration] of manifestTags) {
    const call = source.match(new RegExp(`wrap\\('${tag}', ${declaration.name}, (\\[[^\\]]*\\]|NAVIGATES_AND_FAULTS)\\)`, 'u'));
    assert.ok(call, `no wrapper for <${tag}>`);
    const list = call[1].replace('...NAVIGATES_AND_FAULTS', "'lk-navigate', 'lk-error'").replace(/^NAVIGATES_AND_FAULTS$/u, "['lk-navigate', 'lk-error']");
    const listened = [...list.matchAll(/'([^']+)'/gu)].map(([, event]) => event).sort();
    assert.deepEqual(listened, (declaration.events ?? []).map((event) => event.name).sort(), `<${tag}>'s events`);
  }
});

test('dist/react.js bundles @lit/react, leaves react to the host, and reaches no mock code', () => {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const [, specifier] of readFileSync(path, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/gu)) visit(join(dirname(path), specifier));
  };
  visit(join(dist, 'react.js'));
  const code = [...seen].map((path) => readFileSync(path, 'utf8')).join('\n');
  assert.match(readFileSync(join(dist, 'react.js'), 'utf8'), /from ['"]react['"]/u);
  assert.doesNotMatch(code, /from ['"]@lit\/react['"]/u);
  assert.doesNotMatch(code, /["']msw(?:\/[^"']*)?["']|mockServiceWorker|__msw-cookie-store__/u);
  assert.ok(pkg.peerDependenciesMeta.react.optional, 'react is an optional peer');
});

test('the VS Code custom data lists every tag with its attributes and their values', () => {
  const data = readJson(join(dist, 'vscode.html-custom-data.json'));
  assert.deepEqual(data.tags.map((tag) => tag.name).sort(), [...manifestTags.keys()].sort());
  for (const tag of data.tags) {
    const declaration = manifestTags.get(tag.name);
    assert.ok(tag.description, `${tag.name} has a description`);
    assert.deepEqual(tag.attributes.map((attribute) => attribute.name).sort(), declaration.attributes.map((attribute) => attribute.name).sort(), tag.name);
  }
  const attribute = (tag, name) => data.tags.find((entry) => entry.name === tag).attributes.find((entry) => entry.name === name);
  assert.deepEqual(attribute('lk-hint', 'placement').values.map((value) => value.name).sort(), ['bottom-end', 'bottom-start', 'top-end', 'top-start']);
  assert.equal(attribute('lk-login-form', 'locale').values, undefined, 'a string attribute lists no values');
  assert.equal(attribute('lk-hint', 'open').valueSet, 'v', 'a boolean attribute takes no value');
  assert.match(attribute('lk-hint', 'placement').description, /\w/u);
});

test('the JetBrains web-types list every tag with its attributes, values and events, and package.json points to them', () => {
  assert.equal(pkg['web-types'], './dist/web-types.json');
  const data = readJson(join(root, pkg['web-types']));
  assert.equal(data.name, 'lk-widgets');
  const elements = data.contributions.html.elements;
  assert.deepEqual(elements.map((element) => element.name).sort(), [...manifestTags.keys()].sort());
  for (const element of elements) {
    const declaration = manifestTags.get(element.name);
    assert.deepEqual(element.attributes.map((attribute) => attribute.name).sort(), declaration.attributes.map((attribute) => attribute.name).sort(), element.name);
    assert.deepEqual(element.js.events.map((event) => event.name).sort(), (declaration.events ?? []).map((event) => event.name).sort(), element.name);
  }
  const placement = elements.find((element) => element.name === 'lk-hint').attributes.find((attribute) => attribute.name === 'placement');
  assert.deepEqual(placement.values.map((value) => value.name).sort(), ['bottom-end', 'bottom-start', 'top-end', 'top-start']);
});
