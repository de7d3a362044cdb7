import { Catalogue } from '../../i18n/catalogue.js';
import { commonRu } from '../../i18n/common.ru.js';
import { emailIssuesRu } from '../../i18n/email-issues.ru.js';
import { newPasswordRu } from '../base/new-password.js';

/** `<lk-register-form>`'s strings, Russian: the seed's wording. */
export const registerFormRu = {
  ...commonRu,
  ...newPasswordRu,
  emailIssues: emailIssuesRu,
  title: 'Регистрация',
  intro: 'Дополнительные данные Вы сможете заполнить в своем Личном кабинете после регистрации.',
  email: 'E-mail (логин)',
  password: 'Укажите пароль',
  repeat: 'Повторите пароль',
  emailHint:
    'Адрес электронной почты в Личном кабинете будет использоваться в качестве Вашего имени пользователя (логина) для доступа к услугам Личного кабинета.',
  repeatHint: 'Введите выбранный пароль ещё раз: так мы убедимся, что в нём нет опечатки.',
  agreementBefore: "Нажимая кнопку 'Зарегистрироваться', Вы принимаете условия ",
  agreementCheckbox: 'Я принимаю условия ',
  agreementLink: 'Пользовательского соглашения',
  newTab: ' (откроется в новой вкладке)',
  agreementRequired: 'Чтобы зарегистрироваться, примите условия Пользовательского соглашения: отметьте флажок.',
  notConfigured:
    'Регистрация на этой странице сейчас недоступна: она настроена не полностью. Пожалуйста, сообщите об этом в службу поддержки.',
  submit: 'Зарегистрироваться',
  submitting: 'Регистрируем…',
  waitingForCaptcha: 'Дождитесь окончания проверки «Защита от роботов»…',
  captchaInvalid:
    'Проверка «Защита от роботов» устарела и проходит заново. Дождитесь её окончания и нажмите «Зарегистрироваться» ещё раз.',
  tooManyAttempts: (wait: string) => `Слишком много попыток регистрации. Повторите через ${wait}.`,
  login: '← вход в Личный кабинет',
  successTitle: 'Вы успешно зарегистрированы в Системе.',
  successCreated: (email: string) =>
    `Для Вас создан Личный кабинет! Для подтверждения регистрации перейдите по ссылке, отправленной на Ваш электронный адрес ${email}`,
  successResend:
    'Если письмо не будет доставлено в течение нескольких минут, повторите отправку ссылки. Для этого войдите в Личный кабинет под Вашими логином и паролем и нажмите на кнопку «Выслать ссылку».',
  successExpiry: (date: string) =>
    `Внимание! Ссылка действительна до ${date}. После истечения указанной даты Ваш Личный кабинет будет удален.`,
  backToLogin: 'Возврат к странице Авторизации',
};

export type RegisterFormMessages = typeof registerFormRu;

export const registerFormMessages = new Catalogue<RegisterFormMessages>(registerFormRu, {
  en: () => import('./register-form.messages.en.js'),
});
