import type { EmailIssueCode } from '../schemas/email.js';
import type { PasswordIssueCode } from '../schemas/password.js';
import { plural } from './format.js';

/** What a field's rule needs to say how to fix it. */
export interface IssueContext {
  minLength?: number;
  maxLength?: number;
}

export type FieldIssueCode = EmailIssueCode | PasswordIssueCode;

const minutes = (n: number) => plural(n, 'ru', { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' });
const seconds = (n: number) => plural(n, 'ru', { one: 'секунду', few: 'секунды', many: 'секунд', other: 'секунды' });
const characters = (n: number) => plural(n, 'ru', { one: 'символ', few: 'символа', many: 'символов', other: 'символа' });

/** Strings every element shares: field rules, faults, the error summary. */
export const commonRu = {
  /** How to fix each field rule; the codes come from the schemas and the backend. */
  fieldIssue: (code: FieldIssueCode | string, context: IssueContext = {}): string => {
    switch (code) {
      case 'email_required':
        return 'Введите адрес электронной почты.';
      case 'email_too_long':
        return 'Адрес электронной почты слишком длинный: до 254 символов, до «@» — не более 64.';
      case 'email_spaces':
        return 'Уберите пробелы из адреса электронной почты.';
      case 'email_fullwidth':
        return 'В адресе есть широкие (полноширинные) символы. Наберите его обычными латинскими буквами и цифрами.';
      case 'email_format':
        return 'Введите адрес электронной почты в формате name@example.ru.';
      case 'email_chars':
        return 'В адресе электронной почты есть недопустимые символы. Оставьте только буквы, цифры и знаки . _ - +';
      case 'email_mixed_script':
        return 'В адресе смешаны латинские и русские буквы, похожие друг на друга. Наберите каждую часть адреса на одной раскладке.';
      case 'password_required':
        return 'Введите пароль.';
      case 'password_too_short':
        return `Пароль слишком короткий: нужно не менее ${context.minLength} ${characters(context.minLength ?? 0)}.`;
      case 'password_too_long':
        return context.maxLength
          ? `Пароль слишком длинный: не более ${context.maxLength} ${characters(context.maxLength)}. Проверьте, что вставили именно пароль.`
          : 'Пароль слишком длинный. Проверьте, что вставили именно пароль.';
      case 'password_cyrillic':
        return 'В пароле есть русские буквы. Переключите раскладку на английскую: пароль состоит из латинских букв и цифр.';
      case 'password_chars':
        return 'Пароль может состоять только из латинских букв и цифр, без пробелов и других знаков.';
      case 'password_mismatch':
        return 'Пароли не совпадают. Введите в поле «Повторите пароль» тот же пароль.';
      default:
        return 'Проверьте значение этого поля.';
    }
  },
  errorSummaryTitle: 'Исправьте, пожалуйста, ошибки:',
  /** Faults: each says what happened and what to do. */
  networkError: 'Нет связи с сервером. Проверьте подключение к интернету и повторите попытку.',
  timeoutError: 'Сервер не ответил вовремя. Повторите попытку.',
  serverError: 'На сервере произошла ошибка. Повторите попытку немного позже.',
  malformedError: 'Сервер прислал ответ, который не удалось прочитать. Повторите попытку немного позже.',
  unexpectedError: 'Что-то пошло не так. Повторите попытку.',
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
