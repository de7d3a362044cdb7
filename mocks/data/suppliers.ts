import type { Supplier } from '../../src/schemas/supplier.js';

/**
 * The supplier catalogue of the seed's instruction (step 3), names whole.
 * The sector codes of Дагестан are demo data: the seed names only the rule
 * (two digits, then eight) and the example 58.
 */
export const SUPPLIERS: readonly Supplier[] = [
  {
    id: 'mrg-pskov',
    name: 'Межрегионгаз Псков',
    accountRule: { kind: 'digits', length: 10 },
    accountExample: '6001234567',
    accountNote: null,
  },
  {
    id: 'mrg-pyatigorsk-dagestan',
    name: 'Межрегионгаз Пятигорск (Республика Дагестан)',
    accountRule: {
      kind: 'sector',
      sectorLength: 2,
      numberLength: 8,
      sectors: ['02', '05', '11', '14', '21', '23', '27', '31', '36', '42', '47', '53', '58', '61', '64', '69'],
    },
    accountExample: '5812345678',
    accountNote: null,
  },
  {
    id: 'mrg-pyatigorsk-ingushetia',
    name: 'Межрегионгаз Пятигорск (Республика Ингушетия)',
    accountRule: { kind: 'digits', length: 10 },
    accountExample: '0612345678',
    accountNote: null,
  },
  {
    id: 'mrg-pyatigorsk-kbr',
    name: 'Межрегионгаз Пятигорск (Кабардино-Балкарская Республика)',
    accountRule: { kind: 'digits', length: 10 },
    accountExample: '0712345678',
    accountNote: null,
  },
  {
    id: 'mrg-pyatigorsk-kchr',
    name: 'Межрегионгаз Пятигорск (Карачаево-Черкесская Республика)',
    accountRule: { kind: 'digits', length: 10 },
    accountExample: '0912345678',
    accountNote: null,
  },
  {
    id: 'mrg-pyatigorsk-alania',
    name: 'Межрегионгаз Пятигорск (Республика Северная Осетия — Алания)',
    accountRule: { kind: 'digits', length: 10 },
    accountExample: '1512345678',
    accountNote: null,
  },
  {
    id: 'mrg-rostov',
    name: 'Межрегионгаз Ростов-на-Дону',
    accountRule: { kind: 'digits', length: 10 },
    accountExample: '6112345678',
    accountNote: 'Номер лицевого счета напечатан в правом верхнем углу квитанции.',
  },
  {
    id: 'mrg-ryazan',
    name: 'Межрегионгаз Рязань',
    accountRule: { kind: 'digits', length: 10 },
    accountExample: '6212345678',
    accountNote: null,
  },
  {
    id: 'mrg-samara',
    name: 'Межрегионгаз Самара',
    accountRule: { kind: 'digits', length: 10 },
    accountExample: '6312345678',
    accountNote: null,
  },
];
