import { Catalogue } from '../../i18n/catalogue.js';
import { commonRu } from '../../i18n/common.ru.js';
import { newPasswordRu } from '../base/new-password.js';

/** `<lk-settings>`'s strings, Russian: the seed's wording ("Настройки абонента"). */
export const settingsRu = {
  ...commonRu,
  ...newPasswordRu,
  title: 'Настройки абонента',
  login: 'Логин:',
  /** The label of the hidden username input that password managers read. */
  username: 'Логин (e-mail)',
  passwordTitle: 'Смена пароля',
  passwordIntro: (email: string) =>
    `Введите новый пароль для ${email}. Желательно, чтобы он отличался от ваших паролей для других веб-сайтов.`,
  currentPassword: 'Текущий пароль',
  newPassword: 'Новый пароль',
  repeat: 'Повторите пароль',
  forgotPassword: 'Забыли пароль?',
  submit: 'Сменить пароль',
  submitting: 'Меняем пароль…',
  changed: 'Пароль изменён. На других устройствах нужно войти заново.',
  currentRequired: 'Введите текущий пароль.',
  currentTooLong: (max: number) =>
    `Текущий пароль слишком длинный: не более ${max} символов. Проверьте, что вставили именно пароль.`,
  currentWrong: 'Текущий пароль введён неверно. Проверьте раскладку клавиатуры и Caps Lock.',
  tooManyAttempts: (wait: string) => `Слишком много попыток. Повторите через ${wait}.`,
  captchaRequired:
    'Текущий пароль несколько раз был введён неверно. Дождитесь, пока пройдёт проверка «Защита от роботов», и нажмите «Сменить пароль» ещё раз.',
  captchaInvalid: 'Проверка «Защита от роботов» устарела и проходит заново. Нажмите «Сменить пароль» ещё раз.',
  accountsTitle: 'Подключение ЛС',
  loggedOut: 'Настройки доступны после входа в Личный кабинет.',
  logIn: 'Войти в Личный кабинет',
};

export type SettingsMessages = typeof settingsRu;

export const settingsMessages = new Catalogue<SettingsMessages>(settingsRu, {
  en: () => import('./settings.messages.en.js'),
});
