import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { startStoryWorker } from './mock-backend.js';

/**
 * msw-storybook-addon 3 with CSF 3: there is no `initialize()` any more; the
 * loader starts the worker once (through the set-up function given to it)
 * and hands it to every story as `context.msw`. Stories add their handlers in
 * `beforeEach({msw})` (see mock-backend.ts). Storybook's pages have no
 * Content-Security-Policy, so no Trusted Types policy is needed for the worker.
 */
const preview: Preview = {
  loaders: [mswLoader(startStoryWorker)],
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    docs: { toc: false },
  },
};

export default preview;
