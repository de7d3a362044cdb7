import { Catalogue } from '../../i18n/catalogue.js';
import { commonRu } from '../../i18n/common.ru.js';
import { emailIssuesRu } from '../../i18n/email-issues.ru.js';
import { resendLinkRu } from '../../i18n/resend-link.ru.js';

/** `<lk-confirm-email>`'s strings, Russian: the seed's wording where it has one. */
export const confirmEmailRu = {
  ...commonRu,
  emailIssues: emailIssuesRu,
  ...resendLinkRu,
  title: 'Подтверждение регистрации',
  confirming: 'Подтверждаем адрес электронной почты…',
  confirmed: (email: string) =>
    `Адрес электронной почты подтверждён. Теперь Вы можете войти в Личный кабинет с логином ${email}.`,
  expired:
    'Срок действия ссылки истёк. Если срок подтверждения регистрации, указанный в письме, ещё не прошёл, получите новую ссылку. ' +
    'Если он прошёл, Личный кабинет удалён: зарегистрируйтесь заново.',
  /** The link opened again (or first by a mail scanner): the seed's tone, no error. */
  alreadyConfirmed: 'Адрес уже подтверждён.',
  used: 'Ссылка уже использована, а адрес не подтверждён. Войдите в Личный кабинет и получите новую ссылку.',
  invalid:
    'Ссылка недействительна. Возможно, она скопирована не полностью или после неё была запрошена новая ссылка: ' +
    'откройте ссылку из последнего письма.',
  missing:
    'В адресе страницы нет ссылки подтверждения. Откройте ссылку из письма целиком: если она не открывается, ' +
    'скопируйте её в адресную строку браузера полностью.',
  failed: 'Адрес электронной почты пока не подтверждён.',
  login: 'Войти в Личный кабинет',
  register: 'Зарегистрироваться',
  resendTitle: 'Получить новую ссылку',
  email: 'E-mail (логин)',
  /** The same answer whether or not the address is registered (docs/promises.md#12). */
  linkSent: (date: string) =>
    `Если этот адрес зарегистрирован и ещё не подтверждён, на него отправлена новая ссылка. Она действительна до ${date}. Прежние ссылки больше не работают.`,
};

export type ConfirmEmailMessages = typeof confirmEmailRu;

export const confirmEmailMessages = new Catalogue<ConfirmEmailMessages>(confirmEmailRu, {
  en: () => import('./confirm-email.messages.en.js'),
});
