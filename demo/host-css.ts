/**
 * The host-CSS page: the same <lk-login-form> under a supplier's aggressive
 * element and class rules. Its mock backend keeps its data in memory on its
 * own API base (and so its own session cookie), so the page always opens on
 * the empty form and never touches the main demo's session.
 */
import { startMockBackend } from '../mocks/index.js';

const API_BASE = '/host-css-api/';

const backend = await startMockBackend({ storage: 'memory', apiBase: API_BASE });
const { configure } = await import('../src/index.js');
configure({ apiBase: API_BASE, clock: backend.clock });
await import('../src/entries/all.js');
