import { HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import * as v from 'valibot';
import { ConnectAccountRequestSchema } from '../../src/schemas/account.js';
import type { AccountHistory, AccountList, ConnectAccountResponse } from '../../src/schemas/account.js';
import { accountNumberSchema } from '../../src/schemas/supplier.js';
import type { SupplierList } from '../../src/schemas/supplier.js';
import { mockNow } from '../db.js';
import type { MockState } from '../db.js';
import { SUPPLIERS } from '../data/suppliers.js';
import { fieldProblems, fieldsProblem, problem, tooManyRequests, validationProblem } from '../problem.js';
import { supplierAccountId } from '../ids.js';
import { findSupplier, historyMonths, isConnected, publicAccount } from '../supplier-register.js';
import { connectRetryAfter, recordConnectFailure } from '../throttle.js';
import { sessionUser } from './auth.js';
import { endpoint, readJson } from './endpoint.js';
import type { MockContext } from './endpoint.js';

/** The accounts connected to a user's cabinet, as the API lists them. */
export function connectedAccounts(state: MockState, userId: string): AccountList['accounts'] {
  return (state.connections[userId] ?? []).flatMap((connection) => {
    const account = state.supplierRegister[connection.accountId];
    return account ? [publicAccount(account, connection)] : [];
  });
}

/** `GET suppliers`, `GET accounts`, `POST accounts`, `DELETE accounts/:accountId`, `GET accounts/:accountId/history`. */
export function accountHandlers(context: MockContext): HttpHandler[] {
  const { db, options } = context;
  const unauthenticated = () => problem(401, 'unauthenticated');

  const suppliers = endpoint(context, 'suppliers', 'get', async () =>
    HttpResponse.json<SupplierList>({ suppliers: [...SUPPLIERS] }),
  );

  const list = endpoint(context, 'accounts', 'get', async (request) => {
    const user = await sessionUser(db, request);
    if (!user) return unauthenticated();
    return HttpResponse.json<AccountList>({ accounts: connectedAccounts(await db.read(), user.id) });
  });

  /**
   * Checks the body's shape, then the number against its supplier's rule
   * (the same schema as the form's, so both say the same), then the
   * register: 404 `account_not_found`, 409 `account_already_connected`.
   * Both carry a field error at `/number` for the form to show there. A
   * user past their failed attempts of the hour (no such account) gets 429
   * with `Retry-After` before the register is looked at, for any number,
   * so it cannot be searched number by number.
   */
  const connect = endpoint(context, 'accounts', 'post', async (request) => {
    const user = await sessionUser(db, request);
    if (!user) return unauthenticated();
    const body = await readJson(request.request);
    const parsed = v.safeParse(ConnectAccountRequestSchema, body);
    if (!parsed.success) return validationProblem(parsed.issues);
    const supplier = findSupplier(parsed.output.supplierId);
    if (!supplier) return fieldsProblem([{ pointer: '/supplierId', code: 'supplier_unknown' }]);
    const number = v.safeParse(accountNumberSchema(supplier.accountRule), parsed.output.number);
    if (!number.success) {
      return fieldsProblem(fieldProblems(number.issues).map((error) => ({ ...error, pointer: '/number' })));
    }
    const accountId = supplierAccountId(supplier.id, number.output);
    const outcome = await db.transact((state) => {
      const now = mockNow(state);
      const retryAfter = connectRetryAfter(state.throttle, user.id, options.connectFailuresPerHour, now);
      if (retryAfter !== null) return { retryAfter };
      const account = state.supplierRegister[accountId];
      if (!account) {
        recordConnectFailure(state.throttle, user.id, now);
        return 'account_not_found' as const;
      }
      const connections = (state.connections[user.id] ??= []);
      if (connections.some((connection) => connection.accountId === accountId)) return 'account_already_connected' as const;
      const connection = { accountId, connectedAt: new Date(now).toISOString() };
      connections.push(connection);
      return publicAccount(account, connection);
    });
    if (outcome === 'account_not_found') {
      return problem(404, outcome, { errors: [{ pointer: '/number', code: outcome }] });
    }
    if (outcome === 'account_already_connected') {
      return problem(409, outcome, { errors: [{ pointer: '/number', code: outcome }] });
    }
    if ('retryAfter' in outcome) return tooManyRequests(outcome.retryAfter);
    return HttpResponse.json<ConnectAccountResponse>({ account: outcome }, { status: 201 });
  });

  const disconnect = endpoint(context, 'account', 'delete', async (request) => {
    const user = await sessionUser(db, request);
    if (!user) return unauthenticated();
    const accountId = request.params.accountId ?? '';
    const removed = await db.transact((state) => {
      const connections = state.connections[user.id] ?? [];
      const index = connections.findIndex((connection) => connection.accountId === accountId);
      if (index === -1) return false;
      connections.splice(index, 1);
      return true;
    });
    return removed ? new HttpResponse(null, { status: 204 }) : problem(404, 'not_found');
  });

  /** Only an account connected to the session's cabinet: another one answers as if it did not exist. */
  const history = endpoint(context, 'accountHistory', 'get', async (request) => {
    const user = await sessionUser(db, request);
    if (!user) return unauthenticated();
    const accountId = request.params.accountId ?? '';
    const state = await db.read();
    const account = state.supplierRegister[accountId];
    if (!isConnected(state, user.id, accountId) || !account) return problem(404, 'not_found');
    return HttpResponse.json<AccountHistory>({ months: historyMonths(account) });
  });

  return [suppliers, list, connect, disconnect, history];
}
