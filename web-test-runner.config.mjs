// Browser tests: TypeScript test files run in Debian's headless Chromium,
// against the MSW mock backend over the real fetch path.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
import { policyAllowingInlineScriptsOf } from './scripts/csp.mjs';

/** MSW registers its worker at /mockServiceWorker.js; the file lives in demo/. */
function serveMockServiceWorker(context, next) {
  if (context.url.split('?')[0] === '/mockServiceWorker.js') context.url = '/demo/mockServiceWorker.js';
  return next();
}

/**
 * Every test page runs under the SDK's Content-Security-Policy, Trusted
 * Types included, so a test fails if the SDK or the mock breaks it. The
 * runner's own inline bootstrap scripts are allowed by hash.
 */
async function contentSecurityPolicy(context, next) {
  await next();
  if (context.response.is('html') && typeof context.body === 'string') {
    context.set('Content-Security-Policy', policyAllowingInlineScriptsOf(context.body));
  }
}

let keeper;
/**
 * Opens test/service-worker-keeper.html once, before the first test page,
 * and keeps it open: msw's worker is then installed before any test starts
 * and always has a client, so it never unregisters itself between two test
 * files (see that page's script).
 */
function keepServiceWorker(context, config) {
  keeper ??= (async () => {
    const page = await context.newPage({ type: 'window' });
    const origin = `${config.protocol.replace(/:?$/, ':')}//${config.hostname}:${config.port}`;
    await page.goto(new URL('/test/service-worker-keeper.html', origin).href);
    await page.waitForSelector('body[data-ready]');
  })();
  return keeper;
}

export default {
  files: ['test/**/*.test.ts'],
  // The default export conditions break msw's browser build.
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  middleware: [serveMockServiceWorker, contentSecurityPolicy],
  browsers: [
    chromeLauncher({
      // Each test page in a window of its own, not a tab: a background tab
      // (the keeper's page is opened first) is hidden, so it gets no animation
      // frames, and Chromium dispatches mouse moves (and so hover) with frames.
      createPage: async ({ context, config }) => {
        await keepServiceWorker(context, config);
        return context.newPage({ type: 'window' });
      },
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  // One test file at a time. Every test page is a visible window (above), and
  // msw's worker hands a page's navigation request to another visible page of
  // its own to answer (mockServiceWorker.js, resolveMainClient): with two files
  // at once, that could be the other file's page while it was closing, and
  // the navigation then hung. With one file, the only other page is the keeper,
  // which is always there and answers "passthrough".
  concurrency: 1,
  browserStartTimeout: 60_000,
  // Real key presses and proof-of-work on a 2-core machine.
  testFramework: { config: { timeout: 10_000 } },
};
