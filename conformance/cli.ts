import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { FAMILIES, SHAPES_CHECK } from './families.js';
import { parseFixtures } from './fixtures.js';
import { OpenApiDocumentError } from './openapi.js';
import { formatReport } from './report.js';
import { runConformance } from './run.js';

/** Exit codes: every check passed or did not run; a check failed; the command was used wrongly. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** What {@link main} writes to and where it looks for the document by default. */
export interface MainOptions {
  /** The OpenAPI document used when `--openapi` is not given; a missing file means the shapes are not checked. */
  defaultOpenApi?: string | URL;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

function helpText(): string {
  const checks = FAMILIES.flatMap((family) => family.checks.map((check) => {
    const needs = check.needs?.length ? ` [needs ${check.needs.join(', ')}]` : '';
    return `  ${check.id}${needs}\n      ${check.title}`;
  }));
  const effects = FAMILIES.flatMap((family) => family.checks.filter((check) => check.sideEffects).map((check) => `  ${check.id}: ${check.sideEffects}`));
  return `Usage: lk-widgets-conformance --base-url URL --fixtures FILE [options]

Checks that a backend does what the lk-widgets elements rely on, and that
every answer matches the OpenAPI document.

Options:
  --base-url URL    the API base, as the elements' api-base (https://lk-test.example.ru/api/)
  --fixtures FILE   the fixtures file (JSON): user, account, paymentAmount, mailbox, … (docs/conformance.md)
  --openapi FILE    the OpenAPI 3.1 document (default: the one shipped with the package)
  --json FILE       also write the report as JSON
  --only IDS        only these families or checks, comma-separated (csrf,idempotency.replay)
  --timeout SECONDS how long one request may wait for its answer (default 30)
  --help            this text

Exit code: 0 when no check failed (checks without their fixtures do not run),
1 when a check failed, 2 on bad usage or a bad fixtures file.

Checks:
${checks.join('\n')}
  ${SHAPES_CHECK}
      Every answer any check got matches the OpenAPI document

Side effects on the backend (run it against staging, never production):
  every run: logins of the fixture user; password-reset requests for fresh,
  unregistered addresses (no letter is sent to anyone)
${effects.join('\n')}
`;
}

/**
 * The command: parses the arguments, reads the fixtures and the document,
 * runs the suite, prints the report and returns the exit code.
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((text: string) => process.stdout.write(`${text}\n`));
  const stderr = options.stderr ?? ((text: string) => process.stderr.write(`${text}\n`));
  const usage = (message: string) => {
    stderr(`lk-widgets-conformance: ${message}\nRun with --help for the options.`);
    return EXIT_USAGE;
  };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'base-url': { type: 'string' },
        fixtures: { type: 'string' },
        openapi: { type: 'string' },
        json: { type: 'string' },
        only: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    stdout(helpText());
    return EXIT_OK;
  }
  const baseUrl = values['base-url'];
  if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl) || !/^https?:$/u.test(new URL(baseUrl).protocol)) {
    return usage('--base-url must be an http or https URL, the API base (https://lk-test.example.ru/api/)');
  }
  if (typeof values.fixtures !== 'string') return usage('--fixtures FILE is required (see docs/conformance.md)');

  let fixturesJson: unknown;
  try {
    fixturesJson = JSON.parse(await readFile(values.fixtures, 'utf8'));
  } catch (error) {
    return usage(`cannot read the fixtures file ${values.fixtures}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseFixtures(fixturesJson);
  if (!parsed.fixtures) return usage(`the fixtures file ${values.fixtures} has mistakes:\n  - ${parsed.mistakes.join('\n  - ')}`);

  let openapi: unknown;
  let openapiSource: string | undefined;
  const documentPath = typeof values.openapi === 'string' ? values.openapi : options.defaultOpenApi;
  if (documentPath !== undefined && (typeof values.openapi === 'string' || existsSync(documentPath))) {
    try {
      openapi = JSON.parse(await readFile(documentPath, 'utf8'));
      openapiSource = String(documentPath instanceof URL ? documentPath.pathname : documentPath);
    } catch (error) {
      return usage(`cannot read the OpenAPI document ${String(documentPath)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    stderr('lk-widgets-conformance: no OpenAPI document found; the shapes of the answers are not checked (--openapi FILE).');
  }

  const only = typeof values.only === 'string' ? values.only.split(',').map((id) => id.trim()).filter(Boolean) : undefined;
  const known = [...FAMILIES.flatMap((family) => [family.id, ...family.checks.map((check) => check.id)]), 'shapes', SHAPES_CHECK, 'problems.every-error'];
  const unknown = only?.filter((id) => !known.includes(id)) ?? [];
  if (unknown.length > 0) return usage(`--only: no such family or check: ${unknown.join(', ')}`);

  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) return usage('--timeout must be a number of seconds above 0');

  let report;
  try {
    report = await runConformance({ baseUrl, fixtures: parsed.fixtures, openapi, ...(openapiSource ? { openapiSource } : {}), ...(only ? { only } : {}), ...(timeout ? { requestTimeout: timeout * 1000 } : {}) });
  } catch (error) {
    if (error instanceof OpenApiDocumentError) return usage(`the OpenAPI document cannot be used: ${error.message}`);
    throw error;
  }
  stdout(formatReport(report));
  if (typeof values.json === 'string') await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  return report.summary.failed > 0 ? EXIT_FAILED : EXIT_OK;
}
