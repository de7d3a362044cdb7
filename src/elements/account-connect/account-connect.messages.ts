import { Catalogue } from '../../i18n/catalogue.js';
import { commonRu } from '../../i18n/common.ru.js';
import { plural } from '../../i18n/format.js';

/** "из 10 цифр", "из 1 цифры": the genitive after «из». */
const ofDigits = (n: number) => `${n} ${plural(n, 'ru', { one: 'цифры', other: 'цифр' })}`;

/** "двузначный" код: the words the seed uses, for the lengths a sector code can have. */
const DIGIT_ADJECTIVES: Record<number, string> = { 1: 'однозначный', 2: 'двузначный', 3: 'трёхзначный', 4: 'четырёхзначный' };
const nDigit = (n: number) => DIGIT_ADJECTIVES[n] ?? `${n}-значный`;

/** "первые две цифры" of a number. */
const FIRST_DIGITS: Record<number, string> = { 1: 'первую цифру', 2: 'первые две цифры', 3: 'первые три цифры', 4: 'первые четыре цифры' };
const firstDigits = (n: number) => FIRST_DIGITS[n] ?? `первые ${n} цифр`;

/** `<lk-account-connect>`'s strings, Russian: the seed's wording (step 3 and its "?" hint). */
export const accountConnectRu = {
  ...commonRu,
  title: 'Подключение лицевых счетов',
  intro: 'Уважаемый абонент! Для подключения лицевого счета укажите его номер указанный на квитанции.',
  supplier: 'Поставщик',
  noSupplier: '< не выбрана >',
  account: 'Лицевой счет',
  submit: 'Подключить ЛС',
  submitting: 'Подключаем лицевой счет…',
  loadingSuppliers: 'Загружаем список поставщиков…',
  connected: (number: string) => `Лицевой счет ${number} подключен.`,
  loggedOut: 'Чтобы подключить лицевой счет, войдите в Личный кабинет.',
  logIn: 'Войти в Личный кабинет',

  /** The "?" before a supplier is chosen: the rule depends on the supplier. */
  hintChooseSupplier: 'Сначала выберите поставщика: номер лицевого счета у каждого поставщика устроен по-своему.',
  /** The "?" of a supplier whose number is a sector code and a number (the seed's own hint, Дагестан). */
  hintSector: (sectorLength: number, example: string, code: string, rest: string) =>
    `Укажите ${nDigit(sectorLength)} код абонентского пункта/сектора и номер лицевого счета, указанные на квитанции, без пробелов и запятых. ` +
    `Пример: ${example}, где ${code} – код абонентского пункта/сектора, ${rest} – номер лицевого счета.`,
  /** The "?" of a supplier whose number is plain digits. */
  hintDigits: (length: number, example: string) =>
    `Укажите номер лицевого счета из ${ofDigits(length)}, указанный на квитанции, без пробелов и запятых. Пример: ${example}.`,

  supplierRequired: 'Выберите поставщика.',
  /** The backend does not know the supplier (the catalogue changed since it was loaded). */
  supplierUnknown: 'Этого поставщика нет в списке. Выберите поставщика ещё раз.',
  accountRequired: 'Укажите номер лицевого счета, указанный на квитанции.',
  accountLength: (expected: number, typed: number) =>
    `Номер лицевого счета должен состоять из ${ofDigits(expected)}, а введено ${typed}.`,
  accountFullwidth: 'Номер набран широкими цифрами. Переключите раскладку клавиатуры и наберите цифры 0–9 ещё раз.',
  accountLetters:
    'В номере лицевого счета есть буквы, а он состоит только из цифр. Проверьте, не набрана ли буква вместо цифры (например, «З» вместо «3» или «О» вместо «0»).',
  accountChars: 'Номер лицевого счета состоит только из цифр 0–9. Уберите другие знаки.',
  accountSectorUnknown: (code: string, sectorLength: number) =>
    `Код абонентского пункта/сектора ${code} не найден. Проверьте ${firstDigits(sectorLength)} по квитанции.`,
  accountNotFound: (number: string, supplier: string) =>
    `Лицевой счет ${number} не найден у поставщика «${supplier}». Проверьте номер и поставщика по квитанции.`,
  accountAlreadyConnected: 'Этот лицевой счет уже подключен к Вашему Личному кабинету.',
  /** After too many numbers not found: the backend limits them, so the register cannot be searched. */
  tooManyAttempts: (wait: string) =>
    `Слишком много попыток подключить лицевой счет. Проверьте номер и поставщика по квитанции и повторите через ${wait}.`,
};

export type AccountConnectMessages = typeof accountConnectRu;

export const accountConnectMessages = new Catalogue<AccountConnectMessages>(accountConnectRu, {
  en: () => import('./account-connect.messages.en.js'),
});
