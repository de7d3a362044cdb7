/**
 * The fixtures file: what the suite needs to know about the backend under
 * test. Only `user` is needed by most checks; a check whose fixture is
 * missing is reported as not run, naming the fixture.
 */

/** An account of the supplier's register that the user may connect. */
export interface AccountFixture {
  supplierId: string;
  number: string;
}

/**
 * How to read the last letter sent to an address: a URL to GET (JSON or
 * text holding the letter's link) or a shell command that prints it.
 * `{email}` stands for the address.
 */
/** `url` may be relative to the base URL (`/__admin/outbox/last?to={email}`), so one fixtures file fits a backend on any port. */
export type MailboxFixture = { url: string; timeoutSeconds?: number } | { command: string; timeoutSeconds?: number };

export interface Fixtures {
  /** A registered user with a confirmed address: the login the checks use. */
  user?: { email: string; password: string };
  /** An account the user may connect (connected already is fine). */
  account?: AccountFixture;
  /** Another one, so that the accounts list has two to put in order. */
  secondAccount?: AccountFixture;
  /** The amount of each test payment, in kopecks. */
  paymentAmount?: number;
  /** Where the letters of fresh addresses can be read. */
  mailbox?: MailboxFixture;
  /** The domain of fresh addresses (registration, recovery, rate limits). Default: the user's domain, else `example.com`. */
  emailDomain?: string;
  /** The agreement version a registration names. Default `2026-11`. */
  agreementVersion?: string;
  /** The length of the passwords made for fresh users (letters and digits). Default 10, the seed rule's longest. */
  newPasswordLength?: number;
  /** How many password-reset requests for one address the rate-limit check sends at most, waiting for 429. Default 10. */
  rateLimitAttempts?: number;
}

/** The fixtures a check may need, by name, as reports name them. */
export type FixtureName = keyof Fixtures;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const KNOWN: readonly FixtureName[] = [
  'user',
  'account',
  'secondAccount',
  'paymentAmount',
  'mailbox',
  'emailDomain',
  'agreementVersion',
  'newPasswordLength',
  'rateLimitAttempts',
];

/** The fixtures of a parsed JSON file, or the list of its mistakes, one message each. */
export function parseFixtures(input: unknown): { fixtures: Fixtures; mistakes: [] } | { fixtures?: never; mistakes: string[] } {
  const mistakes: string[] = [];
  if (!isRecord(input)) return { mistakes: ['The fixtures file must hold a JSON object.'] };
  for (const name of Object.keys(input)) {
    if (!(KNOWN as readonly string[]).includes(name) && !name.startsWith('$') && name !== 'comment') {
      mistakes.push(`"${name}" is not a fixture (known: ${KNOWN.join(', ')}).`);
    }
  }
  const text = (value: unknown, where: string) => {
    if (typeof value !== 'string' || value.trim() === '') mistakes.push(`${where} must be a non-empty string.`);
  };
  const whole = (value: unknown, where: string, min: number, max: number) => {
    if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
      mistakes.push(`${where} must be a whole number from ${min} to ${max}.`);
    }
  };
  const account = (value: unknown, where: string) => {
    if (!isRecord(value)) return void mistakes.push(`${where} must be an object {"supplierId": "…", "number": "…"}.`);
    text(value.supplierId, `${where}.supplierId`);
    text(value.number, `${where}.number`);
    if (typeof value.number === 'string' && !/^\d+$/u.test(value.number)) mistakes.push(`${where}.number must be digits only, as the client sends it.`);
  };

  if (input.user !== undefined) {
    if (!isRecord(input.user)) mistakes.push('user must be an object {"email": "…", "password": "…"}.');
    else {
      text(input.user.email, 'user.email');
      if (typeof input.user.email === 'string' && !input.user.email.includes('@')) mistakes.push('user.email must be an e-mail address.');
      text(input.user.password, 'user.password');
    }
  }
  if (input.account !== undefined) account(input.account, 'account');
  if (input.secondAccount !== undefined) account(input.secondAccount, 'secondAccount');
  if (input.paymentAmount !== undefined) whole(input.paymentAmount, 'paymentAmount (kopecks)', 100, 50_000_000);
  if (input.mailbox !== undefined) {
    const mailbox = input.mailbox;
    if (!isRecord(mailbox) || (typeof mailbox.url === 'string') === (typeof mailbox.command === 'string')) {
      mistakes.push('mailbox must be {"url": "…{email}…"} or {"command": "… {email}"}, one of the two.');
    } else {
      const template = (mailbox.url ?? mailbox.command) as string;
      if (!template.includes('{email}')) mistakes.push('mailbox url or command must contain {email}, where the address goes.');
      if (typeof mailbox.url === 'string' && !URL.canParse(mailbox.url.replace('{email}', 'x'), 'http://base.invalid/')) {
        mistakes.push('mailbox.url must be a URL, absolute or relative to the base URL.');
      }
      if (mailbox.timeoutSeconds !== undefined) whole(mailbox.timeoutSeconds, 'mailbox.timeoutSeconds', 1, 600);
    }
  }
  if (input.emailDomain !== undefined) {
    text(input.emailDomain, 'emailDomain');
    if (typeof input.emailDomain === 'string' && (input.emailDomain.includes('@') || !input.emailDomain.includes('.'))) {
      mistakes.push('emailDomain must be a domain such as "example.com", without "@".');
    }
  }
  if (input.agreementVersion !== undefined) text(input.agreementVersion, 'agreementVersion');
  if (input.newPasswordLength !== undefined) whole(input.newPasswordLength, 'newPasswordLength', 5, 128);
  if (input.rateLimitAttempts !== undefined) whole(input.rateLimitAttempts, 'rateLimitAttempts', 2, 100);
  return mistakes.length > 0 ? { mistakes } : { fixtures: input as Fixtures, mistakes: [] };
}
