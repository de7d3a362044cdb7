import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import ts from 'typescript';

const tsconfigPath = fileURLToPath(new URL('../tsconfig.json', import.meta.url));

/**
 * The custom-elements manifest, which preview.ts hands to Storybook for the
 * controls and the docs tables. `npm run storybook` and `npm run
 * build-storybook` write it first (their `pre` scripts run `npm run
 * manifest`). Preview imports it by the name the package publishes it under,
 * `lk-widgets/custom-elements.json`, which this aliases to the file.
 */
const manifestPath = fileURLToPath(new URL('../dist/custom-elements.json', import.meta.url));

/**
 * The Lit elements use TypeScript's legacy decorators on plain fields
 * (`experimentalDecorators: true`, `useDefineForClassFields: false`,
 * tsconfig.json): a field must become an assignment in the constructor, or
 * it would shadow the reactive accessor the decorator puts on the prototype.
 * Storybook 10 runs Vite 8, which compiles TypeScript with Oxc (its `esbuild`
 * options no longer reach the transform). Oxc finds tsconfig.json by itself;
 * these options say the same thing explicitly, read from the same file, so
 * Storybook never compiles the elements differently from tsc, rollup and the
 * test runner.
 */
function oxcOptionsFromTsconfig() {
  const { config, error } = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  if (error) throw new Error(`Storybook: cannot read ${tsconfigPath}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const options = (config?.compilerOptions ?? {}) as { experimentalDecorators?: boolean; useDefineForClassFields?: boolean };
  if (options.experimentalDecorators !== true) {
    // Vite 8 leaves standard decorators as they are, and Chromium refuses them
    // (a SyntaxError in the story): switching needs a pre-transform that lowers them here.
    throw new Error('Storybook: tsconfig.json no longer sets experimentalDecorators; .storybook/main.ts must then lower standard decorators itself.');
  }
  const assignFields = options.useDefineForClassFields === false;
  return {
    decorator: { legacy: true },
    typescript: { removeClassFieldsWithoutInitializer: assignFields },
    assumptions: { setPublicClassFields: assignFields },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // msw-storybook-addon is not listed: with CSF 3 its loader (preview.ts) does
  // everything, and listing it would only add its default worker set-up.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // The msw worker script must be at the site's root; the project keeps it in demo/.
  staticDirs: [{ from: '../demo/mockServiceWorker.js', to: '/mockServiceWorker.js' }],
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    if (!existsSync(manifestPath)) throw new Error(`Storybook: ${manifestPath} is missing: run npm run manifest (npm run storybook does it first).`);
    return mergeConfig(viteConfig, {
      oxc: oxcOptionsFromTsconfig(),
      resolve: { alias: { 'lk-widgets/custom-elements.json': manifestPath } },
      // The renderer imports lit/directive-helpers.js, which Vite's dev server
      // would otherwise serve unbundled: a second lit-html beside the
      // pre-bundled one ("Multiple versions of Lit loaded").
      optimizeDeps: { include: ['lit/directive-helpers.js'] },
    });
  },
};

export default config;
