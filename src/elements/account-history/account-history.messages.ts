import { Catalogue } from '../../i18n/catalogue.js';
import { accountGateRu } from '../../i18n/account-gate.ru.js';
import { commonRu } from '../../i18n/common.ru.js';
import { plural } from '../../i18n/format.js';

const months = (n: number) => `${n} ${plural(n, 'ru', { one: 'месяц', few: 'месяца', many: 'месяцев', other: 'месяца' })}`;
const lastMonths = (n: number) => `${plural(n, 'ru', { one: 'последний', other: 'последние' })} ${months(n)}`;
const readingsCount = (n: number) => `${n} ${plural(n, 'ru', { one: 'показание', few: 'показания', many: 'показаний', other: 'показания' })}`;
const lastReadings = (n: number) => `${plural(n, 'ru', { one: 'Последнее', other: 'Последние' })} ${readingsCount(n)}`;

/** `<lk-account-history>`'s strings, Russian: the seed's wording ("История изменений по услугам", "Нет подключенных ЛС"). */
export const accountHistoryRu = {
  ...commonRu,
  ...accountGateRu,
  title: 'История изменений по услугам',
  account: (number: string) => `Лицевой счет ${number}`,
  loadingHistory: 'Загружаем историю по лицевому счету…',
  /** The account has no closed month yet. */
  emptyHistory: 'По этому лицевому счету ещё нет закрытых месяцев: история появится после первого расчетного периода.',
  /** The gate's words for an `account-id` this cabinet does not have (the backend answered 404), as the histories say it. */
  notConnected: 'Этот лицевой счет не подключен к Вашему Личному кабинету.',
  loggedOut: 'Войдите в Личный кабинет, чтобы увидеть историю по лицевому счету.',
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
  /** The meters' readings under the history: the seed's "Приборы учета" table has "Наименование" and "Последние показания". */
  readingsTitle: 'Показания счетчиков',
  readingsCaptionRecent: (shown: number, total: number) => `${lastReadings(shown)} из ${total}`,
  readingsCaptionAll: (total: number) => `Все показания (${total})`,
  readingDate: 'Дата',
  meterName: 'Наименование',
  readingValue: 'Показания',
  readingConsumption: 'Потребление, м³',
  /** Read instead of "—" for a meter's oldest reading: there is nothing before it to count from. */
  noConsumption: 'нет данных',
  loadingReadings: 'Загружаем показания счетчиков…',
  /** Before the fault's own words: only the readings failed, the history above is fine. */
  readingsFailed: 'Показания счетчиков не загрузились.',
  emptyReadings: 'По этому лицевому счету ещё нет показаний.',
  showAllReadings: 'Показать все показания',
  showRecentReadings: (count: number) => `Показать ${lastReadings(count).toLocaleLowerCase('ru')}`,
  shownAllReadings: (total: number) => `Показаны все показания: ${total}.`,
  shownRecentReadings: (count: number) => `Показаны ${lastReadings(count).toLocaleLowerCase('ru')}.`,
};

export type AccountHistoryMessages = typeof accountHistoryRu;

export const accountHistoryMessages = new Catalogue<AccountHistoryMessages>(accountHistoryRu, {
  en: () => import('./account-history.messages.en.js'),
});
