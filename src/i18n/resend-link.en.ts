import type { ResendLinkWords } from './resend-link.ru.js';

// Spread by the elements' English catalogues only, so they load on demand.

/** The words of "Send the link", English. */
export const resendLinkEn: ResendLinkWords = {
  resend: 'Send the link',
  resending: 'Sending the link…',
  resendTooOften: (wait: string) => `A link can be requested once a minute and five times an hour at most. Try again in ${wait}.`,
};
