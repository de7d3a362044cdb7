import { sha256 } from './crypto.js';
import { newSecretToken } from './ids.js';

/** The session cookie's name. Only the backend reads it: it is HttpOnly (docs/ARCHITECTURE.md, the session model). */
export const SESSION_COOKIE = 'lk_session';

/** Default session lifetime in mock time: 30 days. */
export const DEFAULT_SESSION_LIFETIME = 30 * 24 * 60 * 60_000;

/** A live session, stored under the SHA-256 of its id; the id itself is never stored. */
export interface SessionRecord {
  userId: string;
  /** Mock-clock ms. */
  createdAt: number;
  expiresAt: number;
}

/** A new session id (256 random bits) and the key it is stored under. */
export async function newSessionId(): Promise<{ id: string; key: string }> {
  const id = newSecretToken();
  return { id, key: await sha256(id) };
}

/** The key a session id from a cookie is looked up by. */
export const sessionKey = (id: string): Promise<string> => sha256(id);

/**
 * `Set-Cookie` for a session. The path is the API base's, not "/": several
 * mock backends (one per story) then keep separate sessions on one origin,
 * and the pages' own requests never carry the cookie.
 */
export function sessionCookie(id: string, path: string, maxAgeSeconds?: number): string {
  const maxAge = maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`;
  return `${SESSION_COOKIE}=${id}; Path=${path}${maxAge}; HttpOnly; SameSite=Lax`;
}

/** `Set-Cookie` that removes the session cookie. */
export const clearedSessionCookie = (path: string): string => sessionCookie('', path, 0);
