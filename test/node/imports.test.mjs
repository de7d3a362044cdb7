// The import rules between the layers (docs/ARCHITECTURE.md, "Who may import
// whom"), read from the sources as text with the TypeScript compiler's
// pre-processor, so a rule that is broken fails `npm test` instead of waiting
// for a reviewer to notice. Also: no tracked file points at a document that
// is not in the repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const root = new URL('../../', import.meta.url);
const rootPath = root.pathname;

/** Every tracked file, as paths relative to the repository's root. */
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: rootPath, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file !== '');

const SOURCE = /\.(?:ts|mts|js|mjs)$/u;

/**
 * The imports of one source file: `import`, `export … from`, `import()` and
 * `import type` alike (a type-only import still ties the layers together).
 * A relative specifier becomes a repository path without its extension; a
 * package name stays as it is.
 */
function importsOf(file) {
  const { importedFiles } = ts.preProcessFile(readFileSync(new URL(file, root), 'utf8'), true, true);
  return importedFiles.map(({ fileName }) =>
    fileName.startsWith('.')
      ? { target: path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName)).replace(SOURCE, ''), relative: true }
      : { target: fileName, relative: false },
  );
}

/** Every import of the tracked sources under `folder`, as `{file, target, relative}`. */
function importsUnder(folder) {
  return tracked
    .filter((file) => file.startsWith(`${folder}/`) && SOURCE.test(file))
    .flatMap((file) => importsOf(file).map((entry) => ({ file, ...entry })));
}

const inside = (target, ...folders) => folders.some((folder) => target === folder || target.startsWith(`${folder}/`));
/** A package name, or its scope, is in the list (`@zxcvbn-ts` allows every package of that scope). */
const packageIn = (target, ...names) =>
  names.some((name) => target === name || target.startsWith(`${name}/`));
const show = (broken) => broken.map(({ file, target }) => `${file} imports ${target}`).join('\n');

/**
 * Exceptions to the rules, each `{file, target, reason}`: none today. An
 * exception that is no longer used fails its own test, so the list only shrinks.
 */
const EXCEPTIONS = [];
const excepted = ({ file, target }) =>
  EXCEPTIONS.some((exception) => exception.file === file && inside(target, exception.target.replace(/\/$/u, '')));

test('src/schemas imports nothing of the SDK but other schemas, and only valibot and zxcvbn-ts', () => {
  const broken = importsUnder('src/schemas').filter(({ target, relative }) =>
    relative ? !inside(target, 'src/schemas') : !packageIn(target, 'valibot', '@zxcvbn-ts'),
  );
  assert.deepEqual(broken, [], show(broken));
});

test('src/api imports only src/api and src/schemas, and only ky and valibot', () => {
  const broken = importsUnder('src/api').filter(({ target, relative }) =>
    relative ? !inside(target, 'src/api', 'src/schemas') : !packageIn(target, 'ky', 'valibot'),
  );
  assert.deepEqual(broken, [], show(broken));
});

test('nothing under src/ imports mocks/ or conformance/ (one written exception)', () => {
  const broken = importsUnder('src').filter(
    (entry) =>
      !excepted(entry) &&
      ((entry.relative && inside(entry.target, 'mocks', 'conformance')) ||
        (!entry.relative && packageIn(entry.target, 'lk-widgets/mock', 'msw'))),
  );
  assert.deepEqual(broken, [], show(broken));
});

test('the SDK outside src/contract does not import src/contract, so the exception above never ships', () => {
  const broken = importsUnder('src').filter(
    ({ file, target, relative }) => relative && !inside(file, 'src/contract') && inside(target, 'src/contract'),
  );
  assert.deepEqual(broken, [], show(broken));
});

test('mocks/ imports no element and no entry point', () => {
  const broken = importsUnder('mocks').filter(
    ({ target, relative }) => relative && inside(target, 'src/elements', 'src/entries'),
  );
  assert.deepEqual(broken, [], show(broken));
});

test('conformance/ imports neither elements nor the mock', () => {
  const broken = importsUnder('conformance').filter(
    ({ target, relative }) =>
      (relative && inside(target, 'src/elements', 'src/entries', 'mocks')) ||
      (!relative && packageIn(target, 'lk-widgets/mock', 'msw')),
  );
  assert.deepEqual(broken, [], show(broken));
});

test('every written exception is still needed', () => {
  const all = [...importsUnder('src'), ...importsUnder('mocks'), ...importsUnder('conformance')];
  for (const exception of EXCEPTIONS) {
    const used = all.some(({ file, target }) => file === exception.file && inside(target, exception.target.replace(/\/$/u, '')));
    assert.ok(used, `${exception.file} no longer imports ${exception.target}: drop the exception`);
  }
});

// Spelled in pieces so that this file does not name them itself.
const OUTSIDE_DOCUMENTS = ['EXPECTA' + 'TIONS', 'CONT' + 'RACT.md', 'TOOL' + 'CHAIN.md'];

test('no tracked file points at a document that is not in the repository', () => {
  const pointers = [];
  for (const file of tracked) {
    if (inside(file, 'node_modules', 'dist')) continue;
    let text;
    try {
      text = readFileSync(new URL(file, root), 'utf8');
    } catch {
      continue; // listed by git but not on disk (deleted in the work tree)
    }
    text.split('\n').forEach((line, index) => {
      for (const name of OUTSIDE_DOCUMENTS) {
        if (line.includes(name)) pointers.push(`${file}:${index + 1}: ${name}`);
      }
    });
  }
  assert.deepEqual(pointers, [], `point at docs/promises.md#n or docs/ARCHITECTURE.md, or say the rule itself:\n${pointers.join('\n')}`);
});
