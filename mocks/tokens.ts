import { sha256 } from './crypto.js';
import { newSecretToken } from './ids.js';

/**
 * The tokens of letters' links (docs/promises.md#8–#11): 256 random bits,
 * base64url (43 characters, `LinkTokenSchema`). The mock keeps only their
 * SHA-256, with what the token is for; the token itself exists only in the
 * letter. A token works once; a newer one of the same kind voids the older
 * unused ones; opening the link (a GET of the page) consumes nothing, the
 * page's POST does.
 */

export type LinkKind = 'confirm' | 'reset';

/** The query parameter of each kind's link: `…?lk-confirm=<token>`, `…?lk-reset=<token>`. */
export const LINK_PARAMS: Readonly<Record<LinkKind, string>> = Object.freeze({
  confirm: 'lk-confirm',
  reset: 'lk-reset',
});

/** A token, stored under the SHA-256 of the token. */
export interface LinkTokenRecord {
  kind: LinkKind;
  /**
   * Whose it is; `null` once the unconfirmed cabinet it confirms has been
   * deleted (expiry.ts): kept, detached, so its link answers "expired" rather
   * than "invalid".
   */
  userId: string | null;
  /** Mock-clock ms. */
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

/** A new token and the key it is stored under. */
export async function newLinkToken(): Promise<{ token: string; key: string }> {
  const token = newSecretToken();
  return { token, key: await sha256(token) };
}

/** The key a token from a request is looked up by. */
export const linkTokenKey = (token: string): Promise<string> => sha256(token);

/** The letter's link: the page `linkBase` with the token in the kind's query parameter. */
export function linkUrl(linkBase: string, kind: LinkKind, token: string): string {
  const url = new URL(linkBase);
  url.searchParams.set(LINK_PARAMS[kind], token);
  return url.href;
}

/**
 * Stores a new token for `userId` and voids (deletes) that user's older
 * unused tokens of the same kind, so only the newest letter's link works
 * (docs/promises.md#9). Used tokens stay, so their links still answer "used".
 */
export function storeLinkToken(
  tokens: Record<string, LinkTokenRecord>,
  key: string,
  record: Omit<LinkTokenRecord, 'usedAt'>,
): void {
  voidLinkTokens(tokens, record.userId, record.kind);
  tokens[key] = { ...record, usedAt: null };
}

/** Deletes the user's unused tokens of `kind`. */
export function voidLinkTokens(tokens: Record<string, LinkTokenRecord>, userId: string | null, kind: LinkKind): void {
  for (const [key, token] of Object.entries(tokens)) {
    if (token.userId === userId && token.kind === kind && token.usedAt === null) delete tokens[key];
  }
}

/** Why a token was refused: the problem code of the answer. */
export type TokenRefusal = 'token_invalid' | 'token_used' | 'token_expired';

export const TOKEN_REFUSAL_STATUS: Readonly<Record<TokenRefusal, number>> = Object.freeze({
  token_invalid: 400,
  token_used: 409,
  token_expired: 410,
});

/**
 * The live token of `kind` stored under `key`, or why it cannot be used:
 * unknown or of another kind → invalid; used → used (before expiry: the
 * more useful answer); past its time, or its cabinet deleted → expired.
 */
export function checkLinkToken(
  tokens: Record<string, LinkTokenRecord>,
  key: string,
  kind: LinkKind,
  now: number,
): { record: LinkTokenRecord & { userId: string } } | { refusal: TokenRefusal } {
  const record = Object.hasOwn(tokens, key) ? tokens[key] : undefined;
  if (!record || record.kind !== kind) return { refusal: 'token_invalid' };
  if (record.usedAt !== null) return { refusal: 'token_used' };
  if (record.expiresAt <= now || record.userId === null) return { refusal: 'token_expired' };
  return { record: record as LinkTokenRecord & { userId: string } };
}
