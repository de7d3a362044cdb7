/**
 * The letters the mock backend sends, in Russian plain text, with the
 * seed's wording where it has one (shared/seed: "Для подтверждения
 * регистрации перейдите по ссылке…", "Внимание! Ссылка действительна до
 * ДД.ММ.ГГГГ. После истечения указанной даты Ваш Личный кабинет будет
 * удален."). Dates are those of the mock clock, in the page's time zone,
 * formatted as the SDK's elements format them.
 */
import { newLetterId } from './ids.js';

export type LetterKind = 'confirm' | 'already-registered' | 'reset' | 'password-changed';

/** A letter in the outbox. */
export interface Letter {
  id: string;
  /** The address as the cabinet has it (as typed at registration). */
  to: string;
  kind: LetterKind;
  subject: string;
  /** Plain text; the link, when there is one, stands on a line of its own. */
  body: string;
  /**
   * The link to follow: the confirmation or reset link with its token, or
   * for the other kinds the page to log in on.
   */
  link?: string;
  /** ISO instant, mock clock. */
  sentAt: string;
}

/** `28.11.2026`, as the seed writes a link's expiry. */
const formatDate = (ms: number) =>
  new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);

/** `28.11.2026 14:05`. */
const formatDateTime = (ms: number) =>
  `${formatDate(ms)} ${new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit' }).format(ms)}`;

const GREETING = 'Уважаемый абонент!';
const IGNORE_IF_NOT_YOU = 'Если Вы не регистрировались в Личном кабинете, просто не отвечайте на это письмо.';

/** The seed's warning under a confirmation link. */
const confirmDeadline = (confirmUntil: number) =>
  `Внимание! Ссылка действительна до ${formatDate(confirmUntil)}. После истечения указанной даты Ваш Личный кабинет будет удален.`;

/** What every letter needs beyond its text. */
export interface LetterFacts {
  to: string;
  /** Mock-clock ms. */
  now: number;
}

type Draft = Omit<Letter, 'id' | 'sentAt' | 'to'>;

function letter({ to, now }: LetterFacts, draft: Draft): Letter {
  return { id: newLetterId(), to, sentAt: new Date(now).toISOString(), ...draft };
}

const paragraphs = (...parts: Array<string | false>) => parts.filter((part) => part !== false).join('\n\n');

/** The confirmation letter, at registration and on "Выслать ссылку" (`resent`). */
export function confirmationLetter(
  facts: LetterFacts,
  { link, confirmUntil, resent }: { link: string; confirmUntil: number; resent: boolean },
): Letter {
  return letter(facts, {
    kind: 'confirm',
    subject: resent ? 'Новая ссылка для подтверждения регистрации' : 'Подтверждение регистрации в Личном кабинете',
    body: paragraphs(
      GREETING,
      resent
        ? 'Вы запросили новую ссылку для подтверждения регистрации в Личном кабинете. Ссылки из прежних писем больше не действуют.'
        : 'Вы успешно зарегистрированы в Системе. Для Вас создан Личный кабинет!',
      `Адрес электронной почты ${facts.to} будет использоваться в качестве Вашего имени пользователя (логина) для доступа к услугам Личного кабинета.`,
      `Для подтверждения регистрации перейдите по ссылке:\n${link}`,
      confirmDeadline(confirmUntil),
      IGNORE_IF_NOT_YOU,
    ),
    link,
  });
}

/**
 * To the holder of an address someone tried to register again
 * (docs/promises.md#5): the answer to that request was the same as for a new
 * address; this letter is the only place that says otherwise.
 */
export function alreadyRegisteredLetter(
  facts: LetterFacts,
  { loginPage, confirmUntil }: { loginPage: string; confirmUntil: number | null },
): Letter {
  return letter(facts, {
    kind: 'already-registered',
    subject: 'Повторная регистрация в Личном кабинете',
    body: paragraphs(
      GREETING,
      `Кто-то, возможно Вы, пытался зарегистрироваться в Личном кабинете с адресом ${facts.to}. Этот адрес уже зарегистрирован в Системе, поэтому новый Личный кабинет не создан, а Ваш пароль и данные не изменены.`,
      `Чтобы войти в Личный кабинет, перейдите по ссылке:\n${loginPage}\nЕсли Вы не помните пароль, восстановите его там же («Забыли пароль?»).`,
      confirmUntil !== null &&
        `Ваша регистрация ещё не подтверждена. Чтобы получить новую ссылку, войдите в Личный кабинет под Вашими логином и паролем и нажмите на кнопку «Выслать ссылку». ${confirmDeadline(confirmUntil)}`,
      'Если это были не Вы, просто не отвечайте на это письмо.',
    ),
    link: loginPage,
  });
}

/** The password-reset letter. */
export function resetLetter(facts: LetterFacts, { link, expiresAt }: { link: string; expiresAt: number }): Letter {
  return letter(facts, {
    kind: 'reset',
    subject: 'Восстановление пароля в Личном кабинете',
    body: paragraphs(
      GREETING,
      `Для Личного кабинета с логином ${facts.to} запрошено восстановление пароля.`,
      `Чтобы задать новый пароль, перейдите по ссылке:\n${link}`,
      `Ссылка действительна до ${formatDateTime(expiresAt)} и работает один раз. Ссылки из прежних писем о восстановлении пароля больше не действуют.`,
      'Если Вы не запрашивали восстановление пароля, просто не отвечайте на это письмо: пароль останется прежним.',
    ),
    link,
  });
}

/**
 * To the holder, after a password was set with a reset link (every session
 * ended) or changed in the settings (`sessionsEnded: 'others'`).
 */
export function passwordChangedLetter(
  facts: LetterFacts,
  { loginPage, sessionsEnded = 'all' }: { loginPage: string; sessionsEnded?: 'all' | 'others' },
): Letter {
  const sessions =
    sessionsEnded === 'all'
      ? 'Все сеансы работы с Личным кабинетом завершены: войдите заново с новым паролем.'
      : 'Сеансы работы с Личным кабинетом на других устройствах завершены.';
  return letter(facts, {
    kind: 'password-changed',
    subject: 'Пароль в Личном кабинете изменён',
    body: paragraphs(
      GREETING,
      `Пароль для входа в Личный кабинет с логином ${facts.to} изменён ${formatDateTime(facts.now)}. ${sessions}`,
      `Если Вы не меняли пароль, сразу восстановите его на странице Авторизации:\n${loginPage}\nи сообщите об этом в службу технической поддержки Личного кабинета.`,
    ),
    link: loginPage,
  });
}
