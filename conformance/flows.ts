import { exec } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import { codeOf, member } from './check.js';
import type { CheckContext } from './check.js';
import type { AccountFixture } from './fixtures.js';
import type { Agent, Exchange } from './http.js';

/**
 * Steps several checks share: solving the anti-robot proof of work, logging
 * in, making fresh addresses, connecting the fixture's account, reading a
 * letter's link.
 */

const run = promisify(exec);

/** Whether SHA-256 of `${prefix}:${nonce}` starts with `difficulty` zero bits. */
function meetsDifficulty(prefix: string, nonce: string, difficulty: number): boolean {
  const digest = createHash('sha256').update(`${prefix}:${nonce}`).digest();
  const whole = Math.floor(difficulty / 8);
  for (let i = 0; i < whole; i++) if (digest[i] !== 0) return false;
  const rest = difficulty % 8;
  return rest === 0 || digest[whole]! >> (8 - rest) === 0;
}

/** A fresh challenge from the backend, solved: the `captcha` member of a request. */
export async function solveCaptcha(context: CheckContext, agent: Agent): Promise<{ id: string; nonce: string }> {
  const challenge = await agent.send('captcha/challenge');
  context.expectStatus(challenge, 200, 'The anti-robot challenge could not be fetched', { stop: true });
  const id = member(challenge, 'id');
  const prefix = member(challenge, 'prefix');
  const difficulty = member(challenge, 'difficulty');
  if (typeof id !== 'string' || typeof prefix !== 'string' || !Number.isInteger(difficulty) || (difficulty as number) > 32) {
    context.stop('The anti-robot challenge is not {id, prefix, difficulty ≤ 32}', { exchange: challenge });
  }
  for (let nonce = 0; ; nonce++) {
    if (meetsDifficulty(prefix as string, String(nonce), difficulty as number)) return { id: id as string, nonce: String(nonce) };
  }
}

/**
 * Logs in; when the backend asks for the anti-robot check
 * (`captcha_required`, after failures elsewhere), solves it and tries once
 * more. Returns the last exchange.
 */
export async function logIn(context: CheckContext, agent: Agent, credentials: { email: string; password: string }): Promise<Exchange> {
  const first = await agent.send('auth/login', { json: credentials });
  if (first.status !== 403 || codeOf(first) !== 'captcha_required') return first;
  return agent.send('auth/login', { json: { ...credentials, captcha: await solveCaptcha(context, agent) } });
}

/** Logs the fixture's user in, or stops the check saying why it could not. */
export async function logInUser(context: CheckContext, agent: Agent = context.agent()): Promise<Agent> {
  const answer = await logIn(context, agent, context.need('user'));
  context.expectStatus(answer, 200, "The fixture's user could not log in (fixture user)", { stop: true });
  return agent;
}

/**
 * Asks `GET auth/session` whether `agent` is logged in: `true` for a user,
 * `false` for `{"user": null}`. Any other answer (a 401 included: having no
 * session is not an error) fails the check, which stops.
 */
export async function hasSession(context: CheckContext, agent: Agent): Promise<{ live: boolean; exchange: Exchange }> {
  const exchange = await agent.send('auth/session');
  context.expectStatus(exchange, 200, 'GET auth/session did not answer 200 (with no session, it answers {"user": null})', { stop: true });
  const user = member(exchange, 'user');
  if (user === null) return { live: false, exchange };
  if (typeof user !== 'object') {
    context.stop('GET auth/session answered neither a user nor {"user": null}', { exchange });
  }
  return { live: true, exchange };
}

/** A new address nobody has registered, at the fixture's domain. */
export function freshEmail(context: CheckContext): string {
  const domain = context.fixtures.emailDomain ?? context.fixtures.user?.email.split('@')[1] ?? 'example.com';
  return `lk-conformance-${randomBytes(6).toString('hex')}@${domain}`;
}

const LETTERS_AND_DIGITS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new password of letters and digits (at least one of each case and a digit), of the fixture's length. */
export function freshPassword(context: CheckContext): string {
  const length = context.fixtures.newPasswordLength ?? 10;
  const chars = ['k', 'Q', '7'];
  while (chars.length < length) chars.push(LETTERS_AND_DIGITS[randomInt(LETTERS_AND_DIGITS.length)]!);
  return chars.join('');
}

/** An `Idempotency-Key`: 32 random bytes, base64url, as the elements make one. */
export const idempotencyKey = (): string => randomBytes(32).toString('base64url');

/** The accounts of the session's user, or a stop. */
export async function listAccounts(context: CheckContext, agent: Agent): Promise<{ exchange: Exchange; accounts: Array<Record<string, unknown>> }> {
  const exchange = await agent.send('accounts');
  context.expectStatus(exchange, 200, 'The accounts could not be listed', { stop: true });
  const accounts = member(exchange, 'accounts');
  if (!Array.isArray(accounts)) context.stop('The accounts list has no "accounts" array', { exchange });
  return { exchange, accounts: accounts as Array<Record<string, unknown>> };
}

/** The fixture's user logged in, with the fixture account connected: what most checks start from. */
export async function logInWithAccount(context: CheckContext): Promise<{ agent: Agent; account: Record<string, unknown> }> {
  const agent = await logInUser(context);
  return { agent, account: await connectedAccount(context, agent) };
}

/**
 * The connected account of the fixture, connected now if it is not yet
 * (201, or 409 when it is already). Stops the check when it cannot be.
 */
export async function connectedAccount(context: CheckContext, agent: Agent, fixture: AccountFixture = context.need('account')): Promise<Record<string, unknown>> {
  const find = async () =>
    (await listAccounts(context, agent)).accounts.find(
      (account) => account.supplierId === fixture.supplierId && account.number === fixture.number,
    );
  const listed = await find();
  if (listed) return listed;
  const connect = await agent.send('accounts', { json: { supplierId: fixture.supplierId, number: fixture.number } });
  if (connect.status !== 201 && connect.status !== 409) {
    context.stop(`The fixture's account ${fixture.supplierId} ${fixture.number} could not be connected`, {
      expected: 'status 201 (or 409 when connected already)',
      got: `status ${connect.status ?? 'none'}`,
      exchange: connect,
    });
  }
  const connected = await find();
  if (!connected) context.stop(`The account ${fixture.supplierId} ${fixture.number} is not in the accounts list after connecting it`, { exchange: connect });
  return connected;
}

/** The account id as the path needs it. */
export const accountPath = (account: Record<string, unknown>, rest: string): string =>
  `accounts/${encodeURIComponent(String(account.id))}/${rest}`;

/** A single-quoted shell word. */
const shellQuote = (text: string) => `'${text.replace(/'/gu, `'\\''`)}'`;

/**
 * The token of the newest link of `kind` in the letters to `email`
 * (`?lk-confirm=<token>` or `?lk-reset=<token>`), read through the mailbox
 * fixture, polling until it comes or the mailbox's timeout passes.
 */
export async function linkToken(context: CheckContext, email: string, kind: 'lk-confirm' | 'lk-reset'): Promise<string> {
  const mailbox = context.need('mailbox');
  const deadline = Date.now() + (mailbox.timeoutSeconds ?? 30) * 1000;
  const pattern = new RegExp(`[?&]${kind}=([A-Za-z0-9_-]+)`, 'u');
  let last = '';
  for (;;) {
    try {
      if ('url' in mailbox) {
        const answer = await context.fetcher(new URL(mailbox.url.replace('{email}', encodeURIComponent(email)), context.baseUrl).href);
        last = answer.ok ? await answer.text() : `status ${answer.status}`;
      } else {
        last = (await run(mailbox.command.replace('{email}', shellQuote(email)), { timeout: 30_000 })).stdout;
      }
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    const match = pattern.exec(last);
    if (match) return match[1]!;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return context.stop(`No letter with a ${kind} link reached ${email} (mailbox fixture)`, {
    expected: `the last letter to the address, holding a link with ?${kind}=<token>`,
    got: last.replace(/[?&](lk-confirm|lk-reset)=[A-Za-z0-9_-]+/gu, '?$1=<redacted>').slice(0, 300) || '(nothing)',
  });
}
