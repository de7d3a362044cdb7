#!/usr/bin/env node
// `npm start`: serves the demo pages from the repository root with
// @web/dev-server, under the SDK's strict Content-Security-Policy (with
// frame-ancestors 'self' against clickjacking), against the
// in-browser MSW mock backend. TypeScript is compiled on the fly (esbuild);
// the two-copies page needs the single-file bundle, built first when it is
// missing or older than src/.
//
//   node scripts/serve-demo.mjs          PORT=9000 node scripts/serve-demo.mjs
//
// The end-to-end test imports `startDemoServer` and starts it on a free port.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { PAGE_CONTENT_SECURITY_POLICY, securityHeaders } from './csp.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'dist', 'lk-widgets.min.js');

/**
 * The Content-Security-Policy every response carries: the strict policy of
 * the SDK, and `frame-ancestors 'self'` against clickjacking.
 */
export const CONTENT_SECURITY_POLICY = PAGE_CONTENT_SECURITY_POLICY;

/** The pages, relative to the server's root URL. */
export const DEMO_PAGES = {
  demo: 'demo/',
  cabinet: 'demo/cabinet.html',
  hostCss: 'demo/host-css.html',
  twoCopies: 'demo/two-copies.html',
};

/** The newest modification time (ms) of any file under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** Whether dist/lk-widgets.min.js is missing or older than a file in src/. */
export function bundleIsStale() {
  if (!existsSync(BUNDLE)) return true;
  return statSync(BUNDLE).mtimeMs < newestMtime(join(ROOT, 'src'));
}

/**
 * Runs `npm run build` when the bundle is stale. A failed build is reported;
 * the server still starts (only the two-copies page needs the bundle).
 */
export function ensureBundle({ quiet = false } = {}) {
  if (!bundleIsStale()) return true;
  if (!quiet) console.log('lk-widgets demo: dist/lk-widgets.min.js is missing or older than src/; running `npm run build`…');
  // Quiet (the e2e test): the build's output only if it fails.
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status === 0) return true;
  if (quiet) console.error(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  console.error(
    existsSync(BUNDLE)
      ? 'lk-widgets demo: `npm run build` failed; the two-copies page uses the bundle that is there.'
      : 'lk-widgets demo: `npm run build` failed and there is no bundle; the two-copies page will not work.',
  );
  return false;
}

/** Koa middleware: the security headers on every response, whatever serves it. */
async function contentSecurityPolicy(context, next) {
  context.set(securityHeaders());
  await next();
  context.set(securityHeaders());
}

/** MSW registers its worker at /mockServiceWorker.js; the file lives in demo/. */
function serveMockServiceWorker(context, next) {
  if (context.path === '/mockServiceWorker.js') context.url = '/demo/mockServiceWorker.js';
  return next();
}

/** `/` (and `/demo`) lead to the demo. */
function redirectToDemo(context, next) {
  if (context.path === '/' || context.path === '/demo') {
    context.redirect('/demo/');
    return undefined;
  }
  return next();
}

/**
 * Starts the demo server. `port` 0 picks a free port.
 *
 * @param {{port?: number, build?: boolean, quiet?: boolean}} options `build: false` skips the bundle check;
 *   `quiet` prints nothing unless the build fails.
 * @returns {Promise<{url: string, port: number, stop: () => Promise<void>}>} `url` is the root, ending in "/".
 */
export async function startDemoServer({ port = Number(process.env.PORT ?? 8000), build = true, quiet = false } = {}) {
  if (build) ensureBundle({ quiet });
  const server = await startDevServer({
    config: {
      rootDir: ROOT,
      port,
      hostname: 'localhost',
      open: false,
      watch: false,
      // The live-reload socket script would be an inline script, which the CSP forbids.
      injectWebSocket: false,
      nodeResolve: { exportConditions: ['browser', 'development'] },
      // TypeScript only: with target `esnext` the plugin leaves JavaScript (the
      // msw worker, the bundle, dependencies) as it is on disk. The tsconfig
      // brings experimentalDecorators and useDefineForClassFields: false.
      plugins: [esbuildPlugin({ ts: true, target: 'esnext', tsconfig: join(ROOT, 'tsconfig.json') })],
      middleware: [contentSecurityPolicy, redirectToDemo, serveMockServiceWorker],
    },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });
  const address = server.server?.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}/`,
    port: actualPort,
    stop: async () => {
      await server.stop();
    },
  };
}

const runDirectly = process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (runDirectly) {
  const { url, stop } = await startDemoServer();
  console.log(`lk-widgets demo: ${url}${DEMO_PAGES.demo}`);
  console.log(`  blank page:     ${url}${DEMO_PAGES.cabinet}`);
  console.log(`  host page CSS:  ${url}${DEMO_PAGES.hostCss}`);
  console.log(`  two SDK copies: ${url}${DEMO_PAGES.twoCopies}`);
  console.log('Press Ctrl+C to stop.');
  const shutdown = async () => {
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
