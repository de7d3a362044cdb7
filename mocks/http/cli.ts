/// <reference types="node" />
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

/**
 * `lk-widgets-mock`: the mock backend as a sandbox HTTP server. This module
 * imports nothing but Node's own modules at load: msw is an optional peer
 * dependency of the package, so the CLI first checks it is there and says
 * how to install it, instead of failing on an import with a stack trace.
 */

const USAGE = `Usage: lk-widgets-mock [options]

Serves the lk-widgets mock backend over HTTP, for integrators and test harnesses.

Options:
  --port N                       port to listen on; 0 takes a free one (default: $PORT or 8787)
  --host HOST                    address to listen on (default 127.0.0.1)
  --base PATH                    API base path (default /api/)
  --allow-origin ORIGIN          an origin whose pages may call the API with cookies (CORS); repeatable
  --data FILE                    keep the state in this JSON file across restarts (default: memory)
  --admin                        serve the admin API under /__admin/ (reset, clock, faults, outbox…)
  --cert FILE --key FILE         serve https with this PEM certificate and key (the session cookie gets Secure)
  --link-base URL                the page the letters' confirmation and reset links open
  --latency MS                   milliseconds added to every answer (default 0)
  --password-iterations KIND     PBKDF2 iterations of new passwords: production (default) or test
  --captcha-difficulty N         leading zero bits the anti-robot proof of work needs, 0-32 (default 16)
  --help                         show this text

Example: lk-widgets-mock --port 8787 --admin --allow-origin http://localhost:5173`;

/** A mistake in the command line or the environment: printed as one line, exit code 2. */
class UsageError extends Error {}

/** The process's exit codes. */
const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const log = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string, code: number = EXIT.failure): never => {
  process.stderr.write(`lk-widgets mock: ${line}\n`);
  process.exit(code);
};

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/u.test(text) || value < min || value > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}: ${text}`);
  return value;
}

async function readPem(flag: string, path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read the --${flag} file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string', default: '/api/' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      data: { type: 'string' },
      admin: { type: 'boolean', default: false },
      cert: { type: 'string' },
      key: { type: 'string' },
      'link-base': { type: 'string' },
      latency: { type: 'string' },
      'password-iterations': { type: 'string', default: 'production' },
      'captcha-difficulty': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    log(USAGE);
    return;
  }
  const portText = values.port ?? process.env['PORT'] ?? '8787';
  const port = integer('port', portText, 0, 65535);
  const iterations = values['password-iterations'];
  if (iterations !== 'production' && iterations !== 'test') {
    throw new UsageError(`--password-iterations must be production or test: ${iterations}`);
  }
  if ((values.cert === undefined) !== (values.key === undefined)) throw new UsageError('--cert and --key go together');
  const linkBase = values['link-base'];
  if (linkBase !== undefined && !URL.canParse(linkBase)) throw new UsageError(`--link-base must be an absolute URL: ${linkBase}`);
  const tls =
    values.cert !== undefined && values.key !== undefined
      ? { cert: await readPem('cert', values.cert), key: await readPem('key', values.key) }
      : undefined;

  try {
    await import('msw');
  } catch {
    fail('msw is not installed; install it next to lk-widgets with `npm install -D msw`');
  }
  const { createMockHttpServer } = await import('./server.js');
  const { DataFileError } = await import('./file-storage.js');

  let server: Awaited<ReturnType<typeof createMockHttpServer>>;
  try {
    server = await createMockHttpServer({
      port,
      host: values.host,
      base: values.base,
      allowOrigins: values['allow-origin'],
      dataFile: values.data,
      admin: values.admin,
      tls,
      linkBase,
      latency: values.latency === undefined ? undefined : integer('latency', values.latency, 0, 600_000),
      passwordIterations: iterations,
      captchaDifficulty:
        values['captcha-difficulty'] === undefined ? undefined : integer('captcha-difficulty', values['captcha-difficulty'], 0, 32),
    });
  } catch (error) {
    if (error instanceof DataFileError) fail(error.message);
    // A value the server or the backend refuses (an origin, the base, the captcha difficulty) is a usage mistake.
    if (error instanceof RangeError) fail(`${error.message}\nRun lk-widgets-mock --help for the options.`, EXIT.usage);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${port} on ${values.host} is in use; pick another with --port (0 takes a free one)`);
    if (code === 'EACCES') fail(`not allowed to listen on port ${port} on ${values.host}`);
    if (code === 'ERR_OSSL_PEM_NO_START_LINE' || String(code).startsWith('ERR_OSSL')) fail('the --cert or --key file is not a PEM certificate and key that match');
    throw error;
  }

  log(`lk-widgets mock API: ${server.apiUrl}`);
  if (server.adminUrl) log(`lk-widgets mock admin: ${server.adminUrl}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // The data file's last save finishes before the process ends.
    server.close().then(
      () => process.exit(EXIT.ok),
      () => fail(`could not stop cleanly after ${signal}`),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) fail(`${error.message}\nRun lk-widgets-mock --help for the options.`, EXIT.usage);
  // parseArgs' own errors (an unknown flag, a missing value) are usage mistakes too.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    fail(`${(error as Error).message}\nRun lk-widgets-mock --help for the options.`, EXIT.usage);
  }
  fail(`could not start: ${error instanceof Error ? error.name : String(error)}`);
});
