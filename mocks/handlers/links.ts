import { HttpResponse } from 'msw';
import type { LinkSentResponse } from '../../src/schemas/registration.js';
import { mockNow } from '../db.js';
import type { MockState, UserRecord } from '../db.js';
import { problem, tooManyRequests } from '../problem.js';
import { admitLinkRequest } from '../throttle.js';
import type { LinkPurpose } from '../throttle.js';
import { TOKEN_REFUSAL_STATUS, linkUrl, newLinkToken, storeLinkToken } from '../tokens.js';
import type { LinkKind, TokenRefusal } from '../tokens.js';
import type { MockContext } from './endpoint.js';

/** A token made before a transaction (hashing is async), and its key. */
export type PreparedToken = Awaited<ReturnType<typeof newLinkToken>>;

export const isoTime = (ms: number): string => new Date(ms).toISOString();

/**
 * Stores `prepared`'s hash as the user's newest link of `kind` (voiding the
 * older unused ones) and returns the letter's link.
 */
export function issueLink(
  context: MockContext,
  state: MockState,
  prepared: PreparedToken,
  { kind, user, now, expiresAt }: { kind: LinkKind; user: UserRecord; now: number; expiresAt: number },
): string {
  storeLinkToken(state.tokens, prepared.key, { kind, userId: user.id, createdAt: now, expiresAt });
  return linkUrl(context.options.linkBase, kind, prepared.token);
}

/** The answer to a refused link token: 400 `token_invalid`, 409 `token_used` or 410 `token_expired`. */
export const refuseToken = (refusal: TokenRefusal) => problem(TOKEN_REFUSAL_STATUS[refusal], refusal);

/**
 * Answers a request for a letter with a link to the address `key` (resend,
 * recover): 429 with `Retry-After` over the address's limit, else 202 with
 * the expiry `send` returns; `send` sends the letter, or nothing for an
 * address that gets none. Limit and answer are the same whether or not the
 * address is registered (docs/promises.md#12).
 */
export async function answerLinkRequest(
  context: MockContext,
  purpose: LinkPurpose,
  key: string,
  send: (state: MockState, now: number, prepared: PreparedToken) => number,
): Promise<Response> {
  const prepared = await newLinkToken();
  const outcome = await context.db.transact((state): { expiresAt: number } | { retryAfter: number } => {
    const now = mockNow(state);
    const retryAfter = admitLinkRequest(state.throttle, purpose, key, context.options.linkRateLimit, now);
    return retryAfter === null ? { expiresAt: send(state, now, prepared) } : { retryAfter };
  });
  if ('retryAfter' in outcome) return tooManyRequests(outcome.retryAfter);
  return HttpResponse.json<LinkSentResponse>({ expiresAt: isoTime(outcome.expiresAt) }, { status: 202 });
}
