import type { MockDb, MockState, UserRecord } from '../db.js';
import { problem } from '../problem.js';
import { publicAccount } from '../supplier-register.js';
import type { SupplierAccount } from '../supplier-register.js';
import { sessionUser } from './auth.js';
import type { EndpointRequest } from './endpoint.js';

/**
 * The session's user, the account the path names, and the snapshot of
 * the state in which it is connected to the cabinet; or the answer to give
 * instead. A handler that writes looks again in its writing transaction
 * ({@link connectedIn}): another tab may disconnect the account meanwhile.
 */
export async function connectedAccount(
  db: MockDb,
  request: EndpointRequest,
): Promise<
  { refusal: Response } | { refusal?: never; user: UserRecord; accountId: string; account: SupplierAccount; state: MockState }
> {
  const user = await sessionUser(db, request);
  if (!user) return { refusal: problem(401, 'unauthenticated') };
  const accountId = request.params.accountId ?? '';
  const state = await db.read();
  const connected = connectedIn(state, user.id, accountId);
  if (!connected) return { refusal: problem(404, 'not_found') };
  return { user, accountId, account: connected.account, state };
}

/**
 * The account the path names and the user's connection to it, as of
 * `state`; `undefined` when it is not connected to the cabinet (or not in
 * the register).
 */
export function connectedIn(state: MockState, userId: string, accountId: string) {
  const account = state.supplierRegister[accountId];
  const connection = (state.connections[userId] ?? []).find((candidate) => candidate.accountId === accountId);
  return account && connection ? { account, view: () => publicAccount(account, connection) } : undefined;
}
