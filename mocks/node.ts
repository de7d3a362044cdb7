import type { SetupServer } from 'msw/node';
import { createMockBackend } from './backend.js';
import type { MockBackend } from './backend.js';
import type { MockBackendOptions } from './options.js';

/** A backend served by msw's Node interceptors. */
export interface StartedMockServer extends MockBackend {
  readonly server: SetupServer;
  stop(): Promise<void>;
}

/**
 * Starts a mock backend in Node (unit tests, scripts). Storage is memory
 * only. Node has no cookie jar: send the `lk_session` cookie from the login
 * answer's `Set-Cookie` yourself. Give an absolute `apiBase` to get fetchable
 * `backend.url()`s; a relative one matches any origin.
 */
export async function startMockServer(
  options: Omit<MockBackendOptions, 'storage' | 'dbName'> = {},
): Promise<StartedMockServer> {
  const { setupServer } = await import('msw/node');
  const backend = createMockBackend({ ...options, storage: 'memory' });
  await backend.ready;
  const server = setupServer(...backend.handlers);
  server.listen({ onUnhandledFrame: 'bypass' });
  return {
    ...backend,
    server,
    async stop() {
      server.close();
    },
  };
}
