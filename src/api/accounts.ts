import {
  AccountHistorySchema,
  AccountListSchema,
  ConnectAccountRequestSchema,
  ConnectAccountResponseSchema,
} from '../schemas/account.js';
import type { Account, AccountHistory, ConnectAccountRequest } from '../schemas/account.js';
import { SupplierListSchema } from '../schemas/supplier.js';
import type { Supplier } from '../schemas/supplier.js';
import type { CallOptions, Client } from './client.js';
import { API_PATHS, endpointPath } from './paths.js';

/** The suppliers an abonent can connect an account of, with their account-number rules. Needs no session. */
export async function fetchSuppliers(client: Client, options: CallOptions = {}): Promise<Supplier[]> {
  const { suppliers } = await client.request({
    method: 'GET',
    path: API_PATHS.suppliers,
    responseSchema: SupplierListSchema,
    ...options,
  });
  return suppliers;
}

/** The accounts connected to the cabinet of the session's user, oldest first. */
export async function fetchAccounts(client: Client, options: CallOptions = {}): Promise<Account[]> {
  const { accounts } = await client.request({
    method: 'GET',
    path: API_PATHS.accounts,
    responseSchema: AccountListSchema,
    ...options,
  });
  return accounts;
}

/**
 * Connects the account `number` of supplier `supplierId` (send the number
 * normalised: `accountNumberSchema`). Rejects with code `account_not_found`
 * (404) when the supplier's register has no such account,
 * `account_already_connected` (409), or `validation_failed` (422) with a
 * field error at `number` or `supplierId`.
 */
export async function connectAccount(client: Client, request: ConnectAccountRequest, options: CallOptions = {}): Promise<Account> {
  const { account } = await client.request({
    method: 'POST',
    path: API_PATHS.accounts,
    body: request,
    bodySchema: ConnectAccountRequestSchema,
    responseSchema: ConnectAccountResponseSchema,
    ...options,
  });
  return account;
}

/** Disconnects an account from the cabinet; the supplier's register keeps it. */
export function disconnectAccount(client: Client, accountId: string, options: CallOptions = {}): Promise<void> {
  return client.request({ method: 'DELETE', path: endpointPath('account', { accountId }), ...options });
}

/**
 * The history of a connected account: its closed months, oldest first,
 * service by service (opening balance, charged, paid, closing balance,
 * consumption). Rejects with 404 for an account not connected to the cabinet.
 */
export function fetchAccountHistory(client: Client, accountId: string, options: CallOptions = {}): Promise<AccountHistory> {
  return client.request({
    method: 'GET',
    path: endpointPath('accountHistory', { accountId }),
    responseSchema: AccountHistorySchema,
    ...options,
  });
}
