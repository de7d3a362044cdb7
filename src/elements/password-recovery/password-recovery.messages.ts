import { Catalogue } from '../../i18n/catalogue.js';
import { commonRu } from '../../i18n/common.ru.js';
import { emailIssuesRu } from '../../i18n/email-issues.ru.js';
import { newPasswordRu } from '../base/new-password.js';

/** `<lk-password-recovery>`'s strings, Russian. */
export const passwordRecoveryRu = {
  ...commonRu,
  ...newPasswordRu,
  emailIssues: emailIssuesRu,
  title: 'Восстановление пароля',
  intro: 'Укажите e-mail (логин), с которым Вы зарегистрированы в Личном кабинете. Мы пришлём на него письмо со ссылкой для смены пароля.',
  email: 'E-mail (логин)',
  request: 'Выслать ссылку',
  requesting: 'Отправляем ссылку…',
  tooOften: (wait: string) =>
    `Ссылку можно запрашивать не чаще раза в минуту и не более пяти раз в час. Повторите через ${wait}.`,
  login: '← вход в Личный кабинет',
  sentTitle: 'Проверьте почту',
  sent: (email: string, until: string) =>
    `Если адрес ${email} зарегистрирован в Личном кабинете, мы отправили на него письмо со ссылкой для смены пароля. Ссылка действительна до ${until}.`,
  sentNoLetter: 'Если письмо не пришло в течение нескольких минут, проверьте папку «Спам» или запросите ссылку ещё раз.',
  requestAgain: 'Запросить ссылку ещё раз',
  resetTitle: 'Смена пароля',
  resetIntro: 'Придумайте новый пароль для входа в Личный кабинет.',
  newPassword: 'Новый пароль',
  repeat: 'Повторите пароль',
  reset: 'Сохранить пароль',
  resetting: 'Сохраняем пароль…',
  changedTitle: 'Пароль изменён',
  changed: 'Теперь входите в Личный кабинет с новым паролем. Вход на всех устройствах, где был открыт Ваш Личный кабинет, завершён.',
  logIn: 'Войти в Личный кабинет',
  expiredTitle: 'Срок действия ссылки истёк',
  expired: 'Ссылка для смены пароля больше не действует. Запросите новую: мы пришлём её на Ваш e-mail.',
  usedTitle: 'Ссылка уже использована',
  used: 'По этой ссылке пароль уже меняли, второй раз она не работает. Если это были не Вы, запросите новую ссылку и смените пароль.',
  invalidTitle: 'Ссылка недействительна',
  invalid:
    'Ссылка не подходит: возможно, она скопирована из письма не полностью или вместо неё уже выслана новая. Запросите новую ссылку.',
  requestNew: 'Запросить новую ссылку',
};

export type PasswordRecoveryMessages = typeof passwordRecoveryRu;

export const passwordRecoveryMessages = new Catalogue<PasswordRecoveryMessages>(passwordRecoveryRu, {
  en: () => import('./password-recovery.messages.en.js'),
});
