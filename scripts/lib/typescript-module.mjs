// Node code of the repository written in TypeScript (the mock backend, its
// HTTP server, the conformance suite) run with no build: bundled on the fly
// with esbuild and imported. The file goes inside the repository
// (node_modules/.cache), so the bundle's bare imports (msw, valibot) resolve
// from node_modules; it is removed when the process exits.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cache = join(root, 'node_modules', '.cache', 'lk-widgets-typescript');
const written = [];
let count = 0;

process.once('exit', () => {
  for (const file of written) rmSync(file, { force: true });
});

/**
 * Bundles `entry` and imports it.
 *
 * @param {string | {contents: string}} entry a path relative to the repository
 *   (`mocks/node.ts`), or TypeScript source whose imports are relative to it.
 * @param {{inline?: boolean}} options `inline`: bundle the dependencies too
 *   (for code that must not resolve them from node_modules).
 */
export async function importTypeScript(entry, { inline = false } = {}) {
  const { outputFiles } = await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [join(root, entry)] }
      : { stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' } }),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    ...(inline ? {} : { packages: 'external' }),
    write: false,
    logLevel: 'error',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  mkdirSync(cache, { recursive: true });
  count += 1;
  const file = join(cache, `module-${process.pid}-${count}.mjs`);
  writeFileSync(file, outputFiles[0].text);
  written.push(file);
  return import(pathToFileURL(file).href);
}
