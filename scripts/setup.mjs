#!/usr/bin/env node
// One-command set-up for `npm start` and `npm test` on a fresh clone.
// Uses only Node built-ins: it runs before node_modules exists.
//
//   node scripts/setup.mjs deps      install dependencies when node_modules is missing
//   node scripts/setup.mjs chromium  also find a Chromium for the browser tests
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { CHROMIUM_CANDIDATES } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wants = new Set(process.argv.slice(2));

function fail(message) {
  console.error(`\nlk-widgets set-up: ${message}\n`);
  process.exit(1);
}

function npmMajor() {
  const out = spawnSync('npm', ['--version'], { encoding: 'utf8' });
  return Number.parseInt(String(out.stdout).trim().split('.')[0], 10);
}

function ensureDependencies() {
  // A marker from a completed install, not just the folder: an interrupted
  // install leaves node_modules behind without its tools.
  if (existsSync(join(root, 'node_modules', '.bin', 'wtr'))) return;
  if (npmMajor() < 11) {
    fail(
      `npm ${npmMajor()} found; Storybook 10 (through Vite 8) needs npm 11.\n` +
        'Upgrade it with `npm install -g npm@11` and run the command again.',
    );
  }
  const node = pinnedNode();
  console.log(`lk-widgets set-up: installing dependencies (npm ci, on Node ${node})…`);
  const lock = existsSync(join(root, 'package-lock.json'));
  // npm checks each package's `engines` against the Node that runs npm. The
  // tools run on the Node pinned in devDependencies (npm scripts find it first
  // on their PATH), so npm runs on that Node too: `npm exec` fetches the
  // registry's `node` package into npm's cache and runs npm's own CLI with it.
  execFileSync(
    'npm',
    ['exec', '--yes', `--package=node@${node}`, '--', 'node', npmCli(), lock ? 'ci' : 'install', '--no-audit', '--no-fund'],
    { cwd: root, stdio: 'inherit' },
  );
}

/** The version of the registry's `node` package in devDependencies: the Node every script runs on. */
function pinnedNode() {
  const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return devDependencies.node;
}

/** npm's own command-line script: the one running this set-up, else the one on the PATH. */
function npmCli() {
  if (process.env.npm_execpath) return process.env.npm_execpath;
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' });
  return realpathSync(String(which.stdout).trim());
}


function findChromium() {
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}

function ensureChromium() {
  if (findChromium()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail(
      'no Chromium found for the browser tests.\n' +
        'Install one (Debian: `sudo apt-get install chromium`) or point CHROME_PATH at it:\n' +
        '  CHROME_PATH=/path/to/chromium npm test',
    );
  }
  console.log("lk-widgets set-up: installing Debian's chromium (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!findChromium()) fail('apt-get installed chromium, but no binary was found at /usr/bin/chromium.');
}

ensureDependencies();
if (wants.has('chromium')) ensureChromium();
