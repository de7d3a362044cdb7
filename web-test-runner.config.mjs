// Browser tests: TypeScript test files run in Debian's headless Chromium,
// against the MSW mock backend over the real fetch path.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

/** MSW registers its worker at /mockServiceWorker.js; the file lives in demo/. */
function serveMockServiceWorker(context, next) {
  if (context.url.split('?')[0] === '/mockServiceWorker.js') context.url = '/demo/mockServiceWorker.js';
  return next();
}

export default {
  files: ['test/**/*.test.ts'],
  // The default export conditions break msw's browser build.
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  middleware: [serveMockServiceWorker],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 5000 } },
};
