#!/usr/bin/env node
// `npm run mock:server -- --port 8787`: the mock backend as an HTTP server,
// straight from the TypeScript sources, with no `npm run build` first. It
// bundles mocks/http/cli.ts with esbuild into node_modules/.cache (inside the
// repository, so the bundle's bare imports resolve from node_modules) and
// runs it in this process; the CLI reads the same arguments.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);
const outdir = fileURLToPath(new URL('node_modules/.cache/lk-widgets-mock-server/', root));

await build({
  entryPoints: { 'lk-widgets-mock': fileURLToPath(new URL('mocks/http/cli.ts', root)) },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay imports; split so the CLI's entry loads msw only when it has checked msw is there.
  packages: 'external',
  splitting: true,
  outdir,
  logLevel: 'warning',
  tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
});

await import(pathToFileURL(`${outdir}lk-widgets-mock.js`).href);
