import type { PasswordIssueCode, PasswordPolicy } from '../schemas/password.js';
import { plural } from './format.js';

const characters = (n: number) => `${n} ${plural(n, 'ru', { one: 'символ', few: 'символа', many: 'символов', other: 'символа' })}`;

/** How to fix each rule of a new password under `policy`, Russian. */
export function passwordIssueRu(code: PasswordIssueCode, policy: PasswordPolicy): string {
  switch (code) {
    case 'password_required':
      return 'Введите пароль.';
    case 'password_too_short':
      return `Пароль слишком короткий: нужно не менее ${characters(policy.minLength)}.`;
    case 'password_too_long':
      return `Пароль слишком длинный: не более ${characters(policy.maxLength)}. Проверьте, что вставили именно пароль.`;
    case 'password_cyrillic':
      return 'В пароле есть русские буквы. Переключите раскладку на английскую: пароль состоит из латинских букв и цифр.';
    case 'password_chars':
      return 'Пароль может состоять только из латинских букв и цифр, без пробелов и других знаков.';
    case 'password_common':
      return 'Этот пароль слишком распространён, его легко подобрать. Придумайте другой.';
    case 'password_mismatch':
      return 'Пароли не совпадают. Введите в поле «Повторите пароль» тот же пароль.';
  }
}
