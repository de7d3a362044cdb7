import type { Account, HistoryMonth } from '../src/schemas/account.js';
import type { MockState } from './db.js';
import { SUPPLIERS } from './data/suppliers.js';
import { meterId, supplierAccountId } from './ids.js';
import { SUPPLIER_ACCOUNTS } from './data/supplier-register.js';
import type { SupplierAccountFacts } from './data/supplier-register.js';

/** One meter of an account of the supplier's register. */
export interface MeterRecord {
  id: string;
  name: string;
  digits: number;
  lastReading: number | null;
  /** `YYYY-MM-DD`. */
  lastReadingDate: string | null;
}

/** One accepted meter reading. */
export interface ReadingRecord {
  meterId: string;
  value: number;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** One month of one service: the figures add up, `closing = opening + charged − paid` (kopecks). */
export interface HistoryRecord {
  /** `YYYY-MM`. */
  month: string;
  service: string;
  opening: number;
  charged: number;
  paid: number;
  closing: number;
  /** m³. */
  consumption: number;
}

/** An account of the supplier's register, whoever has connected it. */
export interface SupplierAccount {
  /** The API's account id: the supplier's id and the number (`mrg-pskov-6001234567`). */
  id: string;
  supplierId: string;
  number: string;
  address: string;
  /** Kopecks per m³. */
  tariff: number;
  /** The open billing period, `YYYY-MM`. */
  period: string;
  /** The debt of the period (the last closed month's closing balance), kopecks. */
  debt: number;
  meters: MeterRecord[];
  readings: ReadingRecord[];
  /** Closed months, oldest first. */
  history: HistoryRecord[];
}

/** An account connected to a cabinet. */
export interface ConnectionRecord {
  accountId: string;
  /** ISO instant. */
  connectedAt: string;
}

/** The one service of a gas account. */
export const GAS_SERVICE = 'Газоснабжение';

/** Months of history the register starts with. */
export const HISTORY_MONTHS = 24;

const pad = (value: number) => String(value).padStart(2, '0');
const monthOf = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
/** The month `offset` months from `month` (`YYYY-MM`). */
function addMonths(month: string, offset: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(year, index - 1 + offset, 1)));
}

/** A small deterministic generator, so every seed has the same history. */
function randomFrom(seed: string): () => number {
  let state = [...seed].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 2166136261);
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Heating months burn more gas. */
const SEASON = [1.9, 1.8, 1.5, 1.1, 0.7, 0.5, 0.4, 0.4, 0.6, 1.0, 1.4, 1.7];

/**
 * An account of the register from its facts, with the history of the
 * {@link HISTORY_MONTHS} closed months before the period of `now`. The
 * history is made backwards from the fixed figures (the debt, the last
 * readings), so those stay exactly as the facts say.
 */
export function supplierAccount(facts: SupplierAccountFacts, now: number): SupplierAccount {
  const random = randomFrom(facts.number);
  const period = monthOf(new Date(now));
  const id = supplierAccountId(facts.supplierId, facts.number);
  const meters: MeterRecord[] = facts.meters.map((meter, index) => ({
    id: meterId(id, index + 1),
    name: meter.name,
    digits: meter.digits,
    lastReading: meter.lastReading,
    lastReadingDate: `${addMonths(period, -1)}-25`,
  }));

  const history: HistoryRecord[] = [];
  const readings: ReadingRecord[] = [];
  const current = meters.map((meter) => meter.lastReading ?? 0);
  let closing = facts.debt;
  for (let back = 1; back <= HISTORY_MONTHS; back += 1) {
    const month = addMonths(period, -back);
    const season = SEASON[Number(month.slice(5)) - 1]!;
    let consumption = 0;
    meters.forEach((meter, index) => {
      readings.unshift({ meterId: meter.id, value: current[index]!, date: `${month}-25` });
      const used = Math.min(current[index]!, Math.round((facts.monthlyConsumption / meters.length) * season * (0.85 + random() * 0.3)));
      current[index] = current[index]! - used;
      consumption += used;
    });
    const charged = consumption * facts.tariff;
    // Most months the abonent pays about last month's bill, rounded up to 100 ₽; now and then nothing.
    const paid = random() < 0.15 ? 0 : Math.ceil((charged * (0.9 + random() * 0.4)) / 10_000) * 10_000;
    const opening = closing - charged + paid;
    history.unshift({ month, service: GAS_SERVICE, opening, charged, paid, closing, consumption });
    closing = opening;
  }
  return {
    id,
    supplierId: facts.supplierId,
    number: facts.number,
    address: facts.address,
    tariff: facts.tariff,
    period,
    debt: facts.debt,
    meters,
    readings,
    history,
  };
}

/** The whole register as of `now`, by account id. */
export function seedSupplierRegister(now: number): Record<string, SupplierAccount> {
  return Object.fromEntries(SUPPLIER_ACCOUNTS.map((facts) => {
    const account = supplierAccount(facts, now);
    return [account.id, account];
  }));
}

/** The supplier of `id` in the catalogue. */
export const findSupplier = (id: string) => SUPPLIERS.find((supplier) => supplier.id === id);

/** A connected account as the API describes it (`AccountSchema`). */
export function publicAccount(account: SupplierAccount, connection: ConnectionRecord): Account {
  return {
    id: account.id,
    number: account.number,
    supplierId: account.supplierId,
    supplierName: findSupplier(account.supplierId)?.name ?? account.supplierId,
    address: account.address,
    period: account.period,
    debt: account.debt,
    tariff: account.tariff,
    meters: account.meters.map((meter) => ({ ...meter })),
    connectedAt: connection.connectedAt,
  };
}

/** An account's history as the API gives it: month by month, each with its services, oldest first. */
export function historyMonths(account: SupplierAccount): HistoryMonth[] {
  const months = new Map<string, HistoryMonth>();
  for (const { month, ...service } of account.history) {
    let entry = months.get(month);
    if (!entry) months.set(month, (entry = { month, services: [] }));
    entry.services.push(service);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** Whether the user's cabinet has the account connected. */
export const isConnected = (state: MockState, userId: string, accountId: string): boolean =>
  (state.connections[userId] ?? []).some((connection) => connection.accountId === accountId);
