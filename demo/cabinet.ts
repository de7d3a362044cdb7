/**
 * The blank page: nothing but `<lk-cabinet>`, the mock backend and the SDK.
 * No provider, no configuration, no styles of the page's own. The backend
 * is the main demo's (the default API base, the same IndexedDB data), so
 * the two pages show one cabinet.
 */
import { startMockBackend } from '../mocks/index.js';

await startMockBackend({ storage: 'indexeddb' });
await import('../src/entries/cabinet.js');
