#!/usr/bin/env node
// `npm run conformance -- --base-url … --fixtures …` on a fresh clone: the
// suite run from its TypeScript source, bundled on the fly (no build
// needed). The OpenAPI document defaults to the built one
// (dist/openapi.json, `npm run build`); without it the shapes are not checked.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from './lib/typescript-module.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await importTypeScript('conformance/cli.ts', { inline: true });
process.exitCode = await main(process.argv.slice(2), { defaultOpenApi: join(root, 'dist', 'openapi.json') });
