// The built package (npm run build first): no production entry point reaches
// msw or the mock backend, statically or lazily, and every path of the
// package's exports map exists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The files an entry loads, following relative static and dynamic imports. */
function closure(file) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    for (const [, specifier] of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(join(dirname(path), specifier));
    }
  };
  visit(file);
  return [...seen].map((path) => ({ path, code: readFileSync(path, 'utf8') }));
}

const MOCK_MARKERS = [/["']msw(?:\/[^"']*)?["']/, /mockServiceWorker/, /lk-widgets-mock/, /__msw-cookie-store__/];
const reachesMocks = (entry) =>
  closure(join(dist, entry)).filter(({ code }) => MOCK_MARKERS.some((marker) => marker.test(code)));

test('the build exists (run npm run build first)', () => {
  assert.ok(existsSync(join(dist, 'index.js')), 'dist/index.js is missing');
});

const productionEntries = ['index.js', 'lk-widgets.min.js', ...readdirSync(join(root, 'src', 'entries')).map((file) => file.replace(/\.ts$/, '.js'))];
for (const entry of productionEntries) {
  test(`${entry} reaches no mock code and no msw`, () => {
    assert.deepEqual(reachesMocks(entry).map(({ path }) => path), []);
  });
}

test('the check can see mock code: dist/mock.js reaches msw', () => {
  assert.ok(reachesMocks('mock.js').length > 0);
});

test('every path in the exports map exists', () => {
  const targets = Object.values(pkg.exports).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  for (const target of [...targets, pkg.main, pkg.types]) {
    assert.ok(existsSync(join(root, target)), `${target} is missing`);
  }
});

test('every entry point in src/entries has an export', () => {
  for (const file of readdirSync(join(root, 'src', 'entries'))) {
    const name = file.replace(/\.ts$/, '');
    assert.ok(pkg.exports[`./${name}`], `package.json exports no ./${name}`);
    assert.ok(pkg.sideEffects.includes(`./dist/${name}.js`), `./dist/${name}.js registers tags: list it in sideEffects`);
  }
});

test('every module the build imports for its effect alone is listed in sideEffects', () => {
  // Rollup writes `import './chunks/x.js';` when a chunk must run for what it does
  // (a tag registered, a stylesheet adopted); a bundler that trusts sideEffects
  // drops such an import unless the chunk is listed.
  const listed = (file) =>
    pkg.sideEffects.some((pattern) => {
      const path = `./${file}`;
      return pattern.endsWith('/*.js') ? path.startsWith(pattern.slice(0, -'*.js'.length)) && path.endsWith('.js') : pattern === path;
    });
  const bare = new Set();
  for (const folder of ['', 'chunks/']) {
    for (const name of readdirSync(join(dist, folder)).filter((file) => file.endsWith('.js'))) {
      const code = readFileSync(join(dist, folder, name), 'utf8');
      for (const [, specifier] of code.matchAll(/^import\s*["'](\.{1,2}\/[^"']+)["'];/gm)) {
        bare.add(join('dist', folder, specifier).replaceAll('\\', '/'));
      }
    }
  }
  assert.ok(bare.size > 0, 'the build imports some chunk for its effect alone');
  assert.deepEqual([...bare].filter((file) => !listed(file)), []);
});
