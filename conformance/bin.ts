// The command `lk-widgets-conformance`. Built to dist/bin/, next to which
// the package ships its OpenAPI document (dist/openapi.json).
import { main } from './cli.js';

main(process.argv.slice(2), { defaultOpenApi: new URL('../openapi.json', import.meta.url) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lk-widgets-conformance: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
