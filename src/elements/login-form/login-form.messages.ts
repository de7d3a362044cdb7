import { Catalogue } from '../../i18n/catalogue.js';
import { commonRu } from '../../i18n/common.ru.js';
import { emailIssuesRu } from '../../i18n/email-issues.ru.js';
import { resendLinkRu } from '../../i18n/resend-link.ru.js';

/** `<lk-login-form>`'s strings, Russian: the seed's wording. */
export const loginFormRu = {
  ...commonRu,
  emailIssues: emailIssuesRu,
  ...resendLinkRu,
  passwordRequired: 'Введите пароль.',
  passwordTooLong: (max: number) => `Пароль слишком длинный: не более ${max} символов. Проверьте, что вставили именно пароль.`,
  title: 'Вход в Личный кабинет',
  email: 'E-mail (логин)',
  password: 'Пароль',
  submit: 'Войти',
  submitting: 'Выполняется вход…',
  forgotPassword: 'Забыли пароль?',
  register: 'Зарегистрироваться',
  noAccount: 'Ещё нет Личного кабинета?',
  invalidCredentials: 'Неверный e-mail или пароль. Проверьте раскладку клавиатуры и Caps Lock.',
  tooManyAttempts: (wait: string) => `Слишком много попыток входа. Повторите попытку через ${wait}.`,
  signedInAs: (email: string) => `Вы вошли как ${email}.`,
  greeting: 'Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг.',
  logout: 'Выйти',
  loggingOut: 'Выполняется выход…',
  loggedIn: 'Вход выполнен.',
  loggedOut: 'Вы вышли из Личного кабинета.',
  captchaRequired: 'Было несколько неудачных попыток входа. Дождитесь, пока пройдёт проверка «Защита от роботов», и нажмите «Войти» ещё раз.',
  captchaInvalid: 'Проверка «Защита от роботов» устарела и проходит заново. Нажмите «Войти» ещё раз.',
  unconfirmed: (email: string) =>
    `Адрес ${email} ещё не подтверждён. Перейдите по ссылке из письма, отправленного на этот адрес. Если письмо не пришло, нажмите «Выслать ссылку».`,
  linkValidUntil: (date: string) =>
    `Внимание! Ссылка действительна до ${date}. После истечения указанной даты Ваш Личный кабинет будет удален.`,
  linkSent: (date: string) => `Новая ссылка отправлена, она действительна до ${date}. Прежние ссылки больше не работают.`,
};

export type LoginFormMessages = typeof loginFormRu;

export const loginFormMessages = new Catalogue<LoginFormMessages>(loginFormRu, {
  en: () => import('./login-form.messages.en.js'),
});
