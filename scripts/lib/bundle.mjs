// Bundles each production entry in memory as a supplier's build would:
// dependencies included, minified, lazily imported modules as separate
// chunks. Used by the size report and the no-mocks check.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { rollup } from 'rollup';

/** TypeScript to JavaScript with esbuild: fast, and types do not change sizes. */
function esbuildTypescript() {
  return {
    name: 'esbuild-typescript',
    async load(id) {
      if (!id.endsWith('.ts')) return null;
      const source = await readFile(id, 'utf8');
      const { code, map } = await transform(source, {
        loader: 'ts',
        target: 'es2022',
        sourcefile: id,
        tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
      });
      return { code, map };
    },
  };
}

/**
 * @returns {Promise<{chunks: Map<string, import('rollup').OutputChunk>, entry: import('rollup').OutputChunk}>}
 */
export async function bundleEntry(input) {
  const build = await rollup({
    input,
    plugins: [
      nodeResolve({ extensions: ['.ts', '.js', '.mjs'], exportConditions: ['browser', 'production'] }),
      esbuildTypescript(),
      terser({ ecma: 2022, module: true, toplevel: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  const chunks = new Map(output.filter((file) => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  return { chunks, entry };
}

/** The chunks an entry loads before it runs: itself and its static imports, transitively. */
export function staticClosure(chunks, entry) {
  const seen = new Map();
  const visit = (chunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) visit(chunks.get(name));
  };
  visit(entry);
  return [...seen.values()];
}

/** Every chunk an entry can ever load, lazily included. */
export function fullClosure(chunks, entry) {
  const seen = new Map();
  const visit = (chunk) => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of [...chunk.imports, ...chunk.dynamicImports]) visit(chunks.get(name));
  };
  visit(entry);
  return [...seen.values()];
}
