/**
 * The supplier's register the mock starts with: the accounts an abonent can
 * connect. Figures of the current period are fixed here; the months before
 * it are generated from them at seed time (mocks/supplier-register.ts), so they add
 * up and end in today's period on the mock clock. Listed in the README.
 */
export interface SupplierAccountFacts {
  readonly supplierId: string;
  readonly number: string;
  readonly address: string;
  /** Gas price, kopecks per m³. */
  readonly tariff: number;
  /** "Сумма долга за период", kopecks: positive a debt, negative an overpayment. */
  readonly debt: number;
  /** The meters, with the last accepted reading. */
  readonly meters: readonly { readonly name: string; readonly digits: number; readonly lastReading: number }[];
  /** Typical monthly consumption in m³, for the generated history. */
  readonly monthlyConsumption: number;
}

export const SUPPLIER_ACCOUNTS: readonly SupplierAccountFacts[] = [
  // The seed's own account (step 5): an overpayment of 1 956,85 ₽, "Счетчик 1" at 27927.
  {
    supplierId: 'mrg-pyatigorsk-dagestan',
    number: '5812345678',
    address: 'Республика Дагестан, г. Махачкала, ул. Гагарина, д. 12, кв. 5',
    tariff: 601,
    debt: -195685,
    meters: [{ name: 'Счетчик 1', digits: 5, lastReading: 27927 }],
    monthlyConsumption: 90,
  },
  {
    supplierId: 'mrg-pskov',
    number: '6001234567',
    address: 'Псковская обл., г. Псков, Октябрьский пр-т, д. 20, кв. 14',
    tariff: 812,
    debt: 123456,
    meters: [
      { name: 'Счетчик 1 (кухня)', digits: 5, lastReading: 4512 },
      { name: 'Счетчик 2 (котёл)', digits: 6, lastReading: 18230 },
    ],
    monthlyConsumption: 140,
  },
  {
    supplierId: 'mrg-samara',
    number: '6312345678',
    address: 'Самарская обл., г. Самара, ул. Ленинградская, д. 7, кв. 31',
    tariff: 745,
    debt: 0,
    meters: [{ name: 'Счетчик 1', digits: 5, lastReading: 9310 }],
    monthlyConsumption: 60,
  },
  // A second account of the Дагестан supplier, in another sector.
  {
    supplierId: 'mrg-pyatigorsk-dagestan',
    number: '2300456789',
    address: 'Республика Дагестан, г. Дербент, ул. Ленина, д. 40',
    tariff: 601,
    debt: 84210,
    meters: [{ name: 'Счетчик 1', digits: 5, lastReading: 51204 }],
    monthlyConsumption: 110,
  },
];
