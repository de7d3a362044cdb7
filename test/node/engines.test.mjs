// The Node the project runs on: the one pinned in devDependencies (the
// registry's `node` package), which npm scripts find first on their PATH.
// Every package installed must accept it, so the set-up's `npm ci`, which
// runs on that Node, prints no engine warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8'));
const pinned = manifest.devDependencies.node;

test('the pinned Node is a maintained LTS line, exactly pinned', () => {
  assert.match(pinned, /^\d+\.\d+\.\d+$/u, 'pin one version, so every machine runs the same Node');
  assert.ok([22, 24].includes(semver.major(pinned)), `Node ${pinned}: 22 or 24, the LTS lines in maintenance`);
});

test('npm scripts run on the pinned Node', () => {
  // This file runs under `npm run test:node`: the Node running it is the one scripts get.
  assert.equal(process.version, `v${pinned}`);
  const bin = execFileSync(fileURLToPath(new URL('node_modules/.bin/node', root)), ['--version'], { encoding: 'utf8' }).trim();
  assert.equal(bin, `v${pinned}`);
});

test('every installed package accepts the pinned Node (no EBADENGINE)', () => {
  const refused = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && typeof entry.engines?.node === 'string')
    .filter(([, entry]) => !semver.satisfies(pinned, entry.engines.node, { includePrerelease: true }))
    .map(([path, entry]) => `${path}: ${entry.engines.node}`);
  assert.deepEqual(refused, []);
});

test("the package's own engines are true of its Node programs and met by the pinned Node", () => {
  const range = manifest.engines.node;
  assert.ok(semver.satisfies(pinned, range), `${pinned} outside ${range}`);
  // The bins load msw, which asks for this much: the package must not promise less.
  const msw = lock.packages['node_modules/msw'].engines.node;
  assert.ok(semver.subset(range, msw), `engines ${range} promises more than msw's ${msw}`);
});
