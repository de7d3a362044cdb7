import type { HintMessages } from './hint.messages.js';

/** `<lk-hint>`'s strings, English. Loaded on demand. */
const messages: HintMessages = {
  hint: 'Hint',
  hintFor: (label: string) => `Hint: ${label}`,
};
export default messages;
