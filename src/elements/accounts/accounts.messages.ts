import { Catalogue } from '../../i18n/catalogue.js';
import { accountListGateRu } from '../../i18n/account-gate.ru.js';
import { commonRu } from '../../i18n/common.ru.js';

/** `<lk-accounts>`'s strings, Russian: the seed's wording ("Текущие Лицевые счета", "Нет подключенных ЛС"). */
export const accountsRu = {
  ...commonRu,
  ...accountListGateRu,
  title: 'Текущие Лицевые счета',
  loadingAccounts: 'Загружаем лицевые счета…',
  /** The radio group's legend: choosing one makes it the account the cabinet shows. */
  legend: 'Лицевой счет, с которым Вы работаете',
  accountNumber: (number: string) => `Лицевой счет ${number}`,
  current: 'текущий',
  address: (address: string) => `Адрес: ${address}`,
  disconnect: 'Отключить',
  /** Read after "Отключить" by screen readers only, so each account's button has its own name. */
  disconnectWhat: (number: string) => `лицевой счет ${number}`,
  confirmQuestion: (number: string) =>
    `Отключить лицевой счет ${number} от Личного кабинета? Данные у поставщика сохранятся.`,
  confirmDisconnect: 'Отключить',
  cancel: 'Отмена',
  disconnecting: 'Отключаем лицевой счет…',
  disconnected: (number: string) => `Лицевой счет ${number} отключен.`,
  loggedOut: 'Войдите в Личный кабинет, чтобы увидеть подключенные лицевые счета.',
};

export type AccountsMessages = typeof accountsRu;

export const accountsMessages = new Catalogue<AccountsMessages>(accountsRu, {
  en: () => import('./accounts.messages.en.js'),
});
