/**
 * The tables of bad input the element tests share: the e-mail addresses a
 * form must refuse, and the faults the mock backend can answer with. Each
 * test file keeps its own assertions.
 */

/** A bad e-mail table: a name for the test title, and the value typed or pasted. */
export type BadEmails = readonly (readonly [name: string, value: string])[];

/** Markup in the address, once as a script vector and once as plain tags. */
export const MARKUP_EMAILS = {
  script: ['markup', '<img src=x onerror=alert(1)>@example.ru'],
  tags: ['markup', '<b>abonent</b>@example.ru'],
} as const;

/**
 * The bad e-mail corpus: every element that takes an e-mail refuses these,
 * with `markup` the one place they differ (`MARKUP_EMAILS`).
 */
export function badEmails(markup: keyof typeof MARKUP_EMAILS): BadEmails {
  return [
    ['too long', `${'a'.repeat(250)}@example.ru`],
    ['no @', 'abonent.example.ru'],
    ['Cyrillic look-alike', 'аbonent@example.ru'],
    ['full-width', 'ａｂｏｎｅｎｔ@example.ru'],
    ['inner space', 'abo nent@example.ru'],
    ['emoji', 'abonent🔥@example.ru'],
    MARKUP_EMAILS[markup],
    ['SQL', "' OR '1'='1"],
  ];
}

/** The faults of the mock backend, and what the element's alert says for each. */
export const FAULTS = [
  ['server-error', 'На сервере произошла ошибка'],
  ['network-error', 'Нет связи с сервером'],
  ['malformed', 'не удалось прочитать'],
  ['wrong-shape', 'не удалось прочитать'],
] as const;

/**
 * The bad account-number corpus (docs/promises.md#22), for a ten-digit supplier:
 * the value typed or pasted, and the issue code it must get.
 */
export const BAD_ACCOUNT_NUMBERS = [
  ['empty', '', 'account_required'],
  ['only spaces', '   ', 'account_required'],
  ['too short', '581234567', 'account_length'],
  ['too long', '5'.repeat(300), 'account_length'],
  ['Latin letters', '58123456ab', 'account_letters'],
  ['Cyrillic look-alike', '58123456З8', 'account_letters'],
  ['full-width digits', '５８１２３４５６７８', 'account_fullwidth'],
  ['emoji', '58123456🔥8', 'account_chars'],
  ['markup', '<img src=x onerror=alert(1)>', 'account_letters'],
  ['SQL', "' OR '1'='1", 'account_letters'],
  ['decimal point', '5812345.678', 'account_chars'],
] as const;

/**
 * The bad new-password corpus under the seed's policy (docs/promises.md#22): a
 * name, the value typed, and what the message says. Every form that takes a
 * new password (registration, reset, change) refuses these.
 */
export const BAD_NEW_PASSWORDS: readonly (readonly [name: string, value: string, message: RegExp])[] = [
  ['too short', 'ab1', /слишком короткий: нужно не менее 5 символов/],
  ['too long', 'abcdef123456', /слишком длинный: не более 10 символов/],
  ['wrong alphabet', 'gaz_2015!', /только из латинских букв и цифр/],
  ['Cyrillic look-alikes', 'раssw0rd', /русские буквы. Переключите раскладку/],
  ['full-width digits', 'gaz２０１５', /только из латинских букв и цифр/],
  ['spaces', ' gaz 2015 ', /только из латинских букв и цифр/],
  ['emoji', 'gaz🔥2015', /только из латинских букв и цифр/],
  ['markup', '<b>gaz</b>', /только из латинских букв и цифр/],
  ['SQL', "1' OR '1'='1", /только из латинских букв и цифр/],
];

/** A new password that passes the policy but is on the common-password list. */
export const COMMON_NEW_PASSWORD = ['common', 'qwerty1', /слишком распространён/] as const;
