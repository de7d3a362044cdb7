import { Catalogue } from '../../i18n/catalogue.js';
import { commonRu } from '../../i18n/common.ru.js';
import { plural } from '../../i18n/format.js';

const months = (n: number) => `${n} ${plural(n, 'ru', { one: 'месяц', few: 'месяца', many: 'месяцев', other: 'месяца' })}`;
const lastMonths = (n: number) => `${plural(n, 'ru', { one: 'последний', other: 'последние' })} ${months(n)}`;

/** `<lk-account-history>`'s strings, Russian: the seed's wording ("История изменений по услугам", "Нет подключенных ЛС"). */
export const accountHistoryRu = {
  ...commonRu,
  title: 'История изменений по услугам',
  account: (number: string) => `Лицевой счет ${number}`,
  loadingHistory: 'Загружаем историю по лицевому счету…',
  /** The account has no closed month yet. */
  emptyHistory: 'По этому лицевому счету ещё нет закрытых месяцев: история появится после первого расчетного периода.',
  noAccount: 'Нет подключенных ЛС',
  /** `account-id` names an account this cabinet does not have (the backend answered 404). */
  notConnected: 'Этот лицевой счет не подключен к Вашему Личному кабинету.',
  connect: 'Подключить ЛС',
  loggedOut: 'Войдите в Личный кабинет, чтобы увидеть историю по лицевому счету.',
  logIn: 'Войти в Личный кабинет',
  /** The table's caption: which months it holds, so a screen reader knows before reading the rows. */
  captionRecent: (shown: number, total: number) => `Начисления, оплаты и потребление: ${lastMonths(shown)} из ${total}`,
  captionAll: (total: number) => `Начисления, оплаты и потребление: все месяцы (${months(total)})`,
  month: 'Месяц',
  service: 'Услуга',
  opening: 'Сальдо на начало',
  charged: 'Начислено',
  paid: 'Оплачено',
  closing: 'Сальдо на конец',
  consumption: 'Потребление, м³',
  /** Beside a negative balance: the abonent paid ahead, owes nothing. */
  overpayment: 'переплата',
  showAll: 'Показать все месяцы',
  showRecent: (count: number) => `Показать ${lastMonths(count)}`,
  shownAll: (total: number) => `Показаны все месяцы: ${total}.`,
  shownRecent: (count: number) => `Показаны ${lastMonths(count)}.`,
  /** The chart's accessible name; the table is its description. */
  chartTitle: (count: number) => `Потребление газа и оплаты за ${lastMonths(count)}`,
  chartConsumption: 'Потребление, м³',
  chartPayments: 'Оплачено, ₽',
  /** The units over the chart's two scales. */
  unitConsumption: 'м³',
  unitPayments: '₽',
};

export type AccountHistoryMessages = typeof accountHistoryRu;

export const accountHistoryMessages = new Catalogue<AccountHistoryMessages>(accountHistoryRu, {
  en: () => import('./account-history.messages.en.js'),
});
