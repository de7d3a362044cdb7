// npm run build: ESM entry points in dist/ (dependencies left to the host's
// bundler), the mock entry, and one self-contained minified file for a plain
// <script type="module">. Types come from `tsc -p tsconfig.build.json`.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { mockEntry, productionEntries } from './scripts/entries.mjs';

const ts = (outDir = 'dist') =>
  typescript({
    tsconfig: './tsconfig.build.json',
    declaration: false,
    emitDeclarationOnly: false,
    noEmit: false,
    // The plugin wants its outDir inside the output folder.
    outDir,
    include: ['src/**/*.ts', 'mocks/**/*.ts'],
  });

// A bare import stays an import for the host's bundler, except tslib: the
// TypeScript plugin makes the decorators call its helpers from there, and it
// is no dependency of the package, so an installed copy would not resolve it.
const isDependency = (id) => id !== 'tslib' && !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/**
 * `lk-widgets/react` (React 18's wrappers): `react` stays the host's (an
 * optional peer), but `@lit/react` is bundled in, a kilobyte, so a page that
 * does not use React installs nothing for it (as a dependency it would pull
 * `@types/react`, its peer, into every install).
 */
const reactEntry = { react: 'src/react/index.ts' };
const isExternal = (id) => isDependency(id) && !id.startsWith('@lit/react');

/** Fails the build if a production entry reaches mock code or msw, statically or lazily. */
function noMocksInProduction() {
  return {
    name: 'no-mocks-in-production',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      for (const entry of chunks.filter((chunk) => chunk.isEntry && chunk.name !== 'mock')) {
        const seen = new Set();
        const queue = [entry];
        while (queue.length) {
          const chunk = queue.pop();
          if (seen.has(chunk.fileName)) continue;
          seen.add(chunk.fileName);
          const bad = [...Object.keys(chunk.modules), ...chunk.imports].find((id) => /[\\/]mocks[\\/]|^msw|[\\/]node_modules[\\/]msw[\\/]/.test(id));
          if (bad) this.error(`Production entry "${entry.name}" reaches mock code: ${bad}`);
          for (const next of [...chunk.imports, ...chunk.dynamicImports]) if (byName.has(next)) queue.push(byName.get(next));
        }
      }
    },
  };
}

export default [
  {
    input: { ...productionEntries, ...reactEntry, ...mockEntry },
    external: isExternal,
    plugins: [nodeResolve(), ts(), noMocksInProduction()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
  {
    input: { 'lk-widgets.min': productionEntries.all },
    plugins: [nodeResolve({ exportConditions: ['browser', 'production'] }), ts(), terser({ format: { comments: false } })],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      // One file: another locale's strings are inlined rather than a chunk.
      inlineDynamicImports: true,
      sourcemap: true,
    },
  },
  mockServerBin(),
  // The command lk-widgets-conformance, for Node: one file with the JSON
  // Schema validator inlined (no dependency to install, no msw), beside the
  // OpenAPI document it reads by default (dist/openapi.json).
  {
    input: { 'lk-widgets-conformance': 'conformance/bin.ts' },
    external: (id) => id.startsWith('node:'),
    plugins: [
      nodeResolve({ preferBuiltins: true }),
      typescript({
        tsconfig: './conformance/tsconfig.json',
        declaration: false,
        noEmit: false,
        outDir: 'dist/bin',
        include: ['conformance/**/*.ts', 'src/schemas/problem.ts'],
      }),
    ],
    output: {
      dir: 'dist/bin',
      format: 'es',
      entryFileNames: '[name].js',
      banner: '#!/usr/bin/env node',
      inlineDynamicImports: true,
    },
  },
];

/**
 * `lk-widgets-mock`, the mock backend as an HTTP server: Node only, its
 * dependencies (msw, valibot) and Node's modules left as imports. Split, so
 * the entry runs its check that msw is installed before any chunk that
 * imports msw loads. `dir` lets the Node tests build it elsewhere.
 */
export function mockServerBin(dir = 'dist/bin') {
  return {
    input: { 'lk-widgets-mock': 'mocks/http/cli.ts' },
    external: isDependency,
    plugins: [nodeResolve({ preferBuiltins: true }), ts(dir)],
    output: {
      dir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
      sourcemap: true,
    },
  };
}
