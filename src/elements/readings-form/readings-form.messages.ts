import { Catalogue } from '../../i18n/catalogue.js';
import { accountGateRu } from '../../i18n/account-gate.ru.js';
import { commonRu } from '../../i18n/common.ru.js';
import { meterReadingsRu } from '../base/meter-readings.js';

/**
 * `<lk-readings-form>`'s strings, Russian: the seed's wording ("передачу
 * показаний оборудования" of its welcome, "Приборы учета" and "Последние
 * показания" of its account page, "Подключить ЛС").
 */
export const readingsFormRu = {
  ...commonRu,
  ...accountGateRu,
  ...meterReadingsRu,
  title: 'Передача показаний',
  intro: 'Введите текущие показания приборов учета. Поле счетчика, показания которого Вы не передаете, оставьте пустым.',
  /** The account the readings are for. */
  account: (number: string) => `Лицевой счет № ${number}`,
  submit: 'Передать показания',
  submitting: 'Передаем показания…',
  /** One accepted reading in the success message: "Счетчик 1 — 27950 (23 м³)". */
  acceptedReading: (meter: string, value: number, volume: string) => `${meter} — ${value} (${volume} м³)`,
  accepted: (list: string) => `Показания приняты: ${list}.`,
  /** A 422 whose field errors name no meter: the whole request was refused. */
  refused: 'Показания не приняты. Проверьте их и передайте ещё раз.',
  noMeters: 'У этого лицевого счета нет приборов учета: передавать показания не нужно.',
  loadingAccount: 'Загружаем сведения по лицевому счету…',
  loggedOut: 'Войдите в Личный кабинет, чтобы передать показания.',
};

export type ReadingsFormMessages = typeof readingsFormRu;

export const readingsFormMessages = new Catalogue<ReadingsFormMessages>(readingsFormRu, {
  en: () => import('./readings-form.messages.en.js'),
});
