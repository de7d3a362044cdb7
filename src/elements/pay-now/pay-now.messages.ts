import { Catalogue } from '../../i18n/catalogue.js';
import { accountGateRu } from '../../i18n/account-gate.ru.js';
import { commonRu } from '../../i18n/common.ru.js';
import { meterReadingsRu } from '../base/meter-readings.js';

/**
 * `<lk-pay-now>`'s strings, Russian: the seed's wording (step 5: "оплатить
 * онлайн", then the choice "оплаты по текущему долгу", "по самостоятельно
 * внесенной сумме", "передать показания при оплате"). Amounts arrive already
 * formatted by `formatMoney`.
 */
export const payNowRu = {
  ...commonRu,
  ...accountGateRu,
  ...meterReadingsRu,
  title: 'Оплатить онлайн',
  account: (number: string, supplier: string) => `Лицевой счет ${number}, ${supplier}`,
  debt: (amount: string) => `Сумма долга за период: ${amount}`,
  /** A negative balance, in words (the seed's "-1 956.85 руб." is an overpayment). */
  overpaid: (amount: string) => `Задолженности нет, переплата ${amount}.`,
  noDebt: 'Задолженности нет.',
  advance: 'Вы можете внести авансовый платеж: он будет учтен в следующих начислениях.',
  choice: 'Выберите сумму оплаты',
  payDebt: (amount: string) => `По текущему долгу: ${amount}`,
  payOwn: 'По самостоятельно внесенной сумме',
  amount: 'Сумма оплаты, ₽',
  advanceAmount: 'Сумма авансового платежа, ₽',
  /** The example "1 234,56" has a no-break space, so it never breaks across two lines. */
  amountHint: (min: string, max: string) => `От ${min} до ${max}. Рубли и копейки через запятую, например 1\u00a0234,56`,
  amountIssues: {
    amount_required: 'Введите сумму оплаты, например 1\u00a0234,56.',
    amount_format: 'Введите сумму цифрами: рубли, затем запятая и копейки, например 1\u00a0234,56. Без букв и других знаков.',
    amount_fraction: 'После запятой укажите не больше двух цифр копеек, например 1\u00a0234,56.',
    amount_negative: 'Сумма не может быть отрицательной. Введите ее без минуса, например 1\u00a0234,56.',
    amount_fullwidth: 'Сумма набрана широкими цифрами. Переключите раскладку клавиатуры и введите обычные цифры, например 1\u00a0234,56.',
  },
  amountTooSmall: (min: string) => `Сумма слишком маленькая: платеж не может быть меньше ${min}.`,
  amountTooLarge: (max: string) => `Сумма слишком большая: за один платеж можно оплатить не более ${max}. Разделите оплату на несколько платежей.`,
  withReadings: 'Передать показания при оплате',
  continue: 'Продолжить',
  confirmTitle: 'Проверьте данные платежа',
  confirmAmount: 'Сумма к оплате',
  accountNumber: 'Лицевой счет',
  supplier: 'Поставщик',
  readings: 'Показания',
  noReadings: 'не передаются',
  reading: (meter: string, value: string) => `${meter}: ${value}`,
  rolloverNote: '(счетчик прошел через ноль)',
  pay: 'Оплатить',
  /** The confirmation's button when a payment of the same amount was made a little earlier. */
  payAgain: 'Оплатить еще раз',
  duplicate: (amount: string, when: string) =>
    `Платеж на ${amount} по этому лицевому счету уже проведен ${when}. Проверьте, не оплачиваете ли вы его второй раз. Если нужен еще один платеж, нажмите «Оплатить еще раз».`,
  /** While the recent payments are read, before the confirmation. */
  preparing: 'Проверяем последние платежи…',
  change: 'Изменить',
  processing: 'Платеж обрабатывается платежным сервисом. Не закрывайте страницу.',
  declined: 'Банк отклонил платеж, деньги не списаны. Проверьте данные карты или возьмите другую карту и нажмите «Оплатить» еще раз.',
  /** A fault after "Оплатить": the payment may have been made; the retry sends the same key, so it is never made twice. */
  uncertain: (fault: string) =>
    `${fault} Оплата могла пройти: повторная попытка не спишет деньги дважды, а покажет, чем закончился платеж.`,
  /** The heading while a payment whose outcome is not known is being resolved. */
  unsureTitle: 'Платеж, результат которого неизвестен',
  /** A payment whose outcome was not known is sent again with its key (at the next visit too). */
  resolving: 'Проверяем, прошел ли отправленный ранее платеж. Деньги не спишутся дважды.',
  earlierPaid: 'Это платеж, отправленный ранее: деньги списаны один раз.',
  earlierDeclined: 'Банк отклонил отправленный ранее платеж, деньги не списаны. Чтобы оплатить, нажмите «Оплатить».',
  /** The way out after repeated "still being processed": the payments list, which makes no new payment. */
  checkPayments: 'Проверить историю платежей',
  checkingPayments: 'Ищем платеж в истории платежей…',
  notListed: 'В истории платежей этого платежа пока нет.',
  inUse: 'Платеж еще обрабатывается. Подождите немного и нажмите «Повторить»: деньги не спишутся дважды.',
  /** The backend refused the payment before making it (not a fault). */
  refused: 'Платеж не выполнен, деньги не списаны. Нажмите «Оплатить», чтобы попробовать еще раз.',
  successTitle: 'Оплата прошла',
  success: (amount: string) => `Оплата прошла: ${amount}. Чек ниже, его можно распечатать.`,
  readingsAccepted: 'Показания переданы.',
  receiptTitle: (number: string) => `Чек № ${number}`,
  receiptNumber: 'Номер чека',
  receiptDate: 'Дата',
  receiptAmount: 'Сумма',
  receiptReadings: 'Переданные показания',
  acceptedReading: (meter: string, value: string, volume: string) => `${meter}: ${value} (${volume} м³)`,
  print: 'Распечатать чек',
  newPayment: 'Новый платеж',
  loadingAccount: 'Загружаем сведения по лицевому счету…',
  loggedOut: 'Войдите в Личный кабинет, чтобы оплатить онлайн.',
};

export type PayNowMessages = typeof payNowRu;

export const payNowMessages = new Catalogue<PayNowMessages>(payNowRu, {
  en: () => import('./pay-now.messages.en.js'),
});
