#!/usr/bin/env node
// `npm run conformance -- --base-url … --fixtures …` on a fresh clone: the
// suite run from its TypeScript source, bundled on the fly with esbuild (no
// build needed). The OpenAPI document defaults to the built one
// (dist/openapi.json, `npm run build`); without it the shapes are not checked.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { outputFiles } = await build({
  entryPoints: [join(root, 'conformance', 'cli.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'error',
});
const folder = join(root, 'node_modules', '.cache', 'lk-widgets-conformance');
await mkdir(folder, { recursive: true });
const file = join(folder, 'cli.mjs');
await writeFile(file, outputFiles[0].text);
const { main } = await import(pathToFileURL(file).href);
process.exitCode = await main(process.argv.slice(2), { defaultOpenApi: join(root, 'dist', 'openapi.json') });
