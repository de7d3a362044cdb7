/**
 * Opened once by web-test-runner.config.mjs before the first test page and
 * left open. msw's Service Worker unregisters itself when its last page
 * closes; with two test files at a time, one page could close while the
 * next was still loading, and that page then found a worker that did not
 * control it, which msw answers by reloading the page (and the runner by
 * failing the file). This page is the worker's client for the whole run.
 */
import { startMockBackend } from '../mocks/browser.js';

await startMockBackend({ apiBase: '/service-worker-keeper-api/', quiet: true });
document.body.dataset.ready = 'true';
