#!/usr/bin/env node
// `npm run conformance -- --base-url … --fixtures …` on a fresh clone: the
// suite run from its TypeScript source, bundled on the fly (no build
// needed). The OpenAPI document it holds the answers against is made from
// the sources too, as `npm run build` makes dist/openapi.json, so it is never
// a stale build's; `--openapi FILE` still overrides it.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDocument, documentText, loadContract } from './openapi.mjs';
import { importTypeScript } from './lib/typescript-module.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const folder = join(root, 'node_modules', '.cache', 'lk-widgets-conformance');
await mkdir(folder, { recursive: true });
const openapi = join(folder, 'openapi.json');
await writeFile(openapi, documentText(await buildDocument(await loadContract())));

const { main } = await importTypeScript('conformance/cli.ts', { inline: true });
process.exitCode = await main(process.argv.slice(2), { defaultOpenApi: openapi });
