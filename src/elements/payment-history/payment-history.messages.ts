import { Catalogue } from '../../i18n/catalogue.js';
import { accountGateRu } from '../../i18n/account-gate.ru.js';
import { commonRu } from '../../i18n/common.ru.js';

/**
 * `<lk-payment-history>`'s strings, Russian. The seed names no such page; the
 * words follow its own ("Лицевой счет", "Нет подключенных ЛС", "Подключить
 * ЛС", "Войти в Личный кабинет") and the receipt's.
 */
export const paymentHistoryRu = {
  ...commonRu,
  ...accountGateRu,
  title: 'История платежей',
  account: (number: string) => `Лицевой счет ${number}`,
  loadingPayments: 'Загружаем историю платежей…',
  empty: 'Платежей пока нет',
  /** The gate's words for an `account-id` this cabinet does not have (the backend answered 404), as the histories say it. */
  notConnected: 'Этот лицевой счет не подключен к Вашему Личному кабинету.',
  loggedOut: 'Войдите в Личный кабинет, чтобы увидеть историю платежей.',
  date: 'Дата',
  amount: 'Сумма',
  status: 'Статус',
  receipt: 'Чек',
  succeeded: 'Проведён',
  declined: 'Отклонён',
  /** Read instead of "—" in a declined payment's receipt cell. */
  noReceipt: 'чека нет',
  /** The receipt button's name: the number, and what it opens. */
  receiptButton: (number: string) => `Чек ${number}`,
  receiptNumber: 'Номер чека',
  receiptDate: 'Дата',
  receiptAmount: 'Сумма',
  receiptAccount: 'Лицевой счет',
  receiptSupplier: 'Поставщик',
};

export type PaymentHistoryMessages = typeof paymentHistoryRu;

export const paymentHistoryMessages = new Catalogue<PaymentHistoryMessages>(paymentHistoryRu, {
  en: () => import('./payment-history.messages.en.js'),
});
