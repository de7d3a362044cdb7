#!/usr/bin/env node
// The API contract from the valibot schemas: `node scripts/openapi.mjs`
// writes dist/openapi.json (run by `npm run build`); with `--docs` it writes
// docs/api.md instead (`npm run docs:api`). src/contract/ is TypeScript, so
// it is bundled on the fly with esbuild and imported from memory.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);

/** `src/contract/index.ts`, bundled with its dependencies and imported. */
export async function loadContract() {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('src/contract/index.ts', root))],
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** The document as the build writes it: two-space JSON and a final newline. */
export const documentText = (document) => `${JSON.stringify(document, null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const contract = await loadContract();
  const document = contract.buildOpenApiDocument();
  if (process.argv.includes('--docs')) {
    await writeFile(new URL('docs/api.md', root), contract.renderApiDocs(document));
    console.log('Wrote docs/api.md');
  } else {
    await mkdir(new URL('dist/', root), { recursive: true });
    await writeFile(new URL('dist/openapi.json', root), documentText(document));
  }
}
