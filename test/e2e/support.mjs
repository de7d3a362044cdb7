// What the end-to-end test files share: the demo server and a Chromium with
// a profile of its own (the demo's IndexedDB and msw's cookie jar live there).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { startDemoServer } from '../../scripts/serve-demo.mjs';

/**
 * Starts the demo server and a browser before the file's tests and stops
 * them after. The returned object's `server` and `browser` are set once
 * `before` has run.
 *
 * @param {string} name - names the temporary browser profile.
 */
export function useDemoBrowser(name) {
  const demo = { server: undefined, browser: undefined };
  let profile;
  before(
    async () => {
      demo.server = await startDemoServer({ port: 0, quiet: true });
      profile = await mkdtemp(join(tmpdir(), `lk-widgets-e2e-${name}-`));
      demo.browser = await puppeteer.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true, userDataDir: profile });
    },
    // Includes `npm run build` when the bundle is stale.
    { timeout: 240_000 },
  );
  after(async () => {
    await demo.browser?.close();
    await demo.server?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });
  return demo;
}
