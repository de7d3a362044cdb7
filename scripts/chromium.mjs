// The one place that knows how to start Debian's Chromium here: used by the
// browser tests (web-test-runner) and by the end-to-end test (puppeteer-core).
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].filter(Boolean);

export function chromiumPath() {
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error('No Chromium found: install one or set CHROME_PATH (see README).');
  return found;
}

// --no-sandbox: the machines run the tests as root.
// The networking flags stop Chromium from calling home on a closed network
// (it otherwise floods it with refused connections and slows every start).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
