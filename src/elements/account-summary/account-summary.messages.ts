import { Catalogue } from '../../i18n/catalogue.js';
import { accountGateRu } from '../../i18n/account-gate.ru.js';
import { commonRu } from '../../i18n/common.ru.js';

/**
 * `<lk-account-summary>`'s strings, Russian: the seed's wording (step 5:
 * "Лицевой счет", "Общие сведения", "Дата периода счета", "Сумма долга за
 * период", "Количество счетчиков", "Приборы учета", "оплатить онлайн").
 */
export const accountSummaryRu = {
  ...commonRu,
  ...accountGateRu,
  title: 'Лицевой счет',
  intro: 'В данном разделе Вы можете просмотреть общую информацию по лицевому счету',
  general: 'Общие сведения',
  accountNumber: 'Номер лицевого счета',
  supplier: 'Поставщик',
  address: 'Адрес',
  /** The period select's label. */
  periodLabel: 'Период',
  /** The open period in the select: its month in words, and that it is the current one. */
  currentPeriodOption: (month: string) => `${month} (текущий период)`,
  periodDate: 'Дата периода счета',
  debt: 'Сумма долга за период',
  /** A closed month's closing balance. */
  closingDebt: 'Сумма долга на конец периода',
  charged: 'Начислено',
  paid: 'Оплачено',
  consumption: 'Потребление, м³',
  /** Said after a negative balance, so the sign is never the only clue (the seed's "-1 956.85 руб."). */
  overpayment: '(переплата)',
  /** Said after a zero balance. */
  noDebt: '(долга нет)',
  meterCount: 'Количество счетчиков',
  meters: 'Приборы учета',
  meterName: 'Наименование',
  lastReading: 'Последние показания',
  lastReadingDate: 'Дата показаний',
  /** A meter with no accepted reading yet. */
  noReading: 'нет показаний',
  pay: 'оплатить онлайн',
  loadingAccount: 'Загружаем сведения по лицевому счету…',
  loadingHistory: 'Загружаем прошлые периоды…',
  /** Why only the current period can be chosen: the history failed (the alert says why). */
  historyFailed: 'Прошлые периоды не загрузились.',
  loggedOut: 'Войдите в Личный кабинет, чтобы увидеть сведения по лицевому счету.',
};

export type AccountSummaryMessages = typeof accountSummaryRu;

export const accountSummaryMessages = new Catalogue<AccountSummaryMessages>(accountSummaryRu, {
  en: () => import('./account-summary.messages.en.js'),
});
