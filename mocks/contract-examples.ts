/**
 * Examples for the API document, made from the mock backend's seed (so
 * they cannot drift from what the sandbox serves; the contract takes them
 * as an argument, since nothing under src/ imports the mock): the
 * demo user, the supplier catalogue and the register's accounts, as the mock
 * would answer about them at one fixed instant (so the document is the same
 * on every build). A test checks each against its schema.
 */
import { SUPPLIER_ACCOUNTS } from './data/supplier-register.js';
import { SUPPLIERS } from './data/suppliers.js';
import { SEED_USERS } from './data/users.js';
import { historyMonths, publicAccount, supplierAccount } from './supplier-register.js';
import type { Account } from '../src/schemas/account.js';
import type { Payment, Receipt } from '../src/schemas/payment.js';
import type { ContractExamples } from '../src/contract/openapi.js';

/** The instant the examples are taken at. */
const NOW = Date.parse('2026-11-25T09:30:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

const demoUser = SEED_USERS.find((user) => user.email === 'abonent@example.ru')!;
const user = { id: demoUser.id, email: demoUser.email, emailConfirmed: demoUser.emailConfirmed, confirmUntil: null };

/** The seed's own account (Дагестан, an overpayment) and one with a debt and two meters (Псков). */
const [dagestanFacts, pskovFacts] = SUPPLIER_ACCOUNTS;
const dagestan = supplierAccount(dagestanFacts!, NOW);
const pskov = supplierAccount(pskovFacts!, NOW);
const connectedAt = iso(NOW - 30 * DAY);
const dagestanAccount: Account = publicAccount(dagestan, { accountId: dagestan.id, connectedAt });
const pskovAccount: Account = publicAccount(pskov, { accountId: pskov.id, connectedAt });

const readingsSent = [{ meterId: pskov.meters[0]!.id, value: 4601 }];
const readingsAccepted = [{ meterId: pskov.meters[0]!.id, value: 4601, date: iso(NOW).slice(0, 10), consumption: 4601 - 4512 }];
const amount = pskovFacts!.debt;
const receipt: Receipt = {
  number: 'ЧЕК-000001',
  issuedAt: iso(NOW),
  amount,
  accountNumber: pskov.number,
  supplierName: SUPPLIERS.find((supplier) => supplier.id === pskov.supplierId)!.name,
};
const payment: Payment = { id: 'pay-000001', accountId: pskov.id, createdAt: iso(NOW), amount, status: 'succeeded', receipt };
/** The Псков account after the reading above, then after paying its debt with it. */
const readAccount: Account = {
  ...pskovAccount,
  meters: pskovAccount.meters.map((meter, index) => (index === 0 ? { ...meter, lastReading: 4601, lastReadingDate: iso(NOW).slice(0, 10) } : meter)),
};
const paidAccount: Account = { ...readAccount, debt: readAccount.debt - amount };

/** A token of a letter's link, as the mock makes them (base64url of 32 random bytes). */
const LINK_TOKEN = 'q3Vx8p1mZC0aT7yKd2LwB9rN4sE6uHjG5fXcA0oPiYk';
const CAPTCHA = { id: 'Zk3Jq9xY2mWvB8Tc', nonce: '40213' };

/** Examples by `"<method> <endpoint>"`, for `buildOpenApiDocument({examples})`. */
export const CONTRACT_EXAMPLES: ContractExamples = {
  'post login': { request: { email: demoUser.email, password: demoUser.password }, response: { user } },
  'get session': { response: { user } },
  'post register': {
    request: { email: 'ivan@example.ru', password: 'gazPskov7', agreementVersion: '2026-11', captcha: CAPTCHA },
    response: { email: 'ivan@example.ru', confirmUntil: iso(NOW + 7 * DAY) },
  },
  'post confirm': { request: { token: LINK_TOKEN }, response: { email: 'ivan@example.ru' } },
  'post resend': { request: { email: 'ivan@example.ru' }, response: { expiresAt: iso(NOW + 7 * DAY) } },
  'post recover': { request: { email: demoUser.email }, response: { expiresAt: iso(NOW + HOUR) } },
  'post reset': { request: { token: LINK_TOKEN, password: 'novyi2027' } },
  'post changePassword': { request: { currentPassword: demoUser.password, newPassword: 'gaz2027' } },
  'get captcha': {
    response: { id: CAPTCHA.id, algorithm: 'SHA-256', prefix: 'mF0cQ2x7Rk9vLw3TbYp1Hg', difficulty: 16, expiresAt: iso(NOW + 5 * 60_000) },
  },
  'get suppliers': { response: { suppliers: SUPPLIERS.slice(0, 2) } },
  'get accounts': { response: { accounts: [dagestanAccount, pskovAccount] } },
  'post accounts': { request: { supplierId: dagestan.supplierId, number: dagestan.number }, response: { account: dagestanAccount } },
  'get accountHistory': { response: { months: historyMonths(dagestan).slice(-2) } },
  'get readings': {
    response: {
      readings: [
        { meterId: dagestan.meters[0]!.id, meterName: dagestan.meters[0]!.name, value: 27927, date: dagestan.meters[0]!.lastReadingDate, consumption: 27927 - dagestan.readings.at(-2)!.value },
      ],
    },
  },
  'post readings': { request: { readings: readingsSent }, response: { account: readAccount, readings: readingsAccepted } },
  'get payments': { response: { payments: [payment] } },
  'post payments': { request: { amount, readings: readingsSent }, response: { payment, receipt, account: paidAccount, readings: readingsAccepted } },
};
