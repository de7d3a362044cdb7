import type { CommonMessages } from './common.ru.js';
import { plural } from './format.js';

const unit = (n: number, one: string, other: string) => `${n} ${plural(n, 'en', { one, other })}`;

export const commonEn: CommonMessages = {
  errorSummaryTitle: 'Please fix the following:',
  checkField: 'Check the value of this field.',
  networkError: 'Cannot reach the server. Check your internet connection and try again.',
  timeoutError: 'The server did not answer in time. Try again.',
  serverError: 'Something went wrong on the server. Try again a little later.',
  malformedError: 'The server sent an answer that could not be read. Try again a little later.',
  unexpectedError: 'Something went wrong. Try again.',
  tooManyRequests: (wait: string) => `Too many requests. Try again in ${wait}.`,
  retry: 'Try again',
  waitFor: (totalSeconds: number): string =>
    totalSeconds < 60 ? unit(totalSeconds, 'second', 'seconds') : unit(Math.ceil(totalSeconds / 60), 'minute', 'minutes'),
  showPassword: 'Show password',
  loading: 'Loading…',
};
