import { plural } from './format.js';

const minutes = (n: number) => plural(n, 'ru', { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' });
const seconds = (n: number) => plural(n, 'ru', { one: 'секунду', few: 'секунды', many: 'секунд', other: 'секунды' });

/**
 * Strings every element shares: the error summary, faults, waiting. Field
 * rules live in their own modules (email-issues, password-issues), so an
 * element carries only the rules of its own fields.
 */
export const commonRu = {
  errorSummaryTitle: 'Исправьте, пожалуйста, ошибки:',
  /** A field code the SDK has no words for (a newer backend). */
  checkField: 'Проверьте значение этого поля.',
  /** Faults: each says what happened and what to do. */
  networkError: 'Нет связи с сервером. Проверьте подключение к интернету и повторите попытку.',
  timeoutError: 'Сервер не ответил вовремя. Повторите попытку.',
  serverError: 'На сервере произошла ошибка. Повторите попытку немного позже.',
  malformedError: 'Сервер прислал ответ, который не удалось прочитать. Повторите попытку немного позже.',
  unexpectedError: 'Что-то пошло не так. Повторите попытку.',
  /** A 429 the form has no words of its own for. */
  tooManyRequests: (wait: string) => `Слишком много запросов. Повторите через ${wait}.`,
  retry: 'Повторить',
  /** Seconds until the next attempt, in words. */
  waitFor: (totalSeconds: number): string => {
    if (totalSeconds < 60) return `${totalSeconds} ${seconds(totalSeconds)}`;
    const m = Math.ceil(totalSeconds / 60);
    return `${m} ${minutes(m)}`;
  },
  showPassword: 'Показать пароль',
  loading: 'Загрузка…',
};

export type CommonMessages = typeof commonRu;
