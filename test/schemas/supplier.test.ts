import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as v from 'valibot';
import { issueCode } from '../../src/schemas/issues.js';
import { SupplierListSchema, accountNumberSchema, normalizeAccountNumber } from '../../src/schemas/supplier.js';
import type { AccountRule } from '../../src/schemas/supplier.js';
import { SUPPLIERS } from '../../mocks/data/suppliers.js';
import { BAD_ACCOUNT_NUMBERS } from '../elements/bad-input.js';

const TEN: AccountRule = { kind: 'digits', length: 10 };
const DAGESTAN = SUPPLIERS.find((supplier) => supplier.id === 'mrg-pyatigorsk-dagestan')!.accountRule;

/** The code `accountNumberSchema(rule)` gives `number`, or `null` when it passes. */
const accountNumberIssue = (number: string, rule: AccountRule) =>
  issueCode(v.safeParse(accountNumberSchema(rule), number)) ?? null;

describe('schemas: suppliers and account numbers', () => {
  it('the catalogue is valid and has the seed\'s nine suppliers, names whole', () => {
    const { suppliers } = v.parse(SupplierListSchema, { suppliers: SUPPLIERS });
    expect(suppliers.map((supplier) => supplier.name)).to.deep.equal([
      'Межрегионгаз Псков',
      'Межрегионгаз Пятигорск (Республика Дагестан)',
      'Межрегионгаз Пятигорск (Республика Ингушетия)',
      'Межрегионгаз Пятигорск (Кабардино-Балкарская Республика)',
      'Межрегионгаз Пятигорск (Карачаево-Черкесская Республика)',
      'Межрегионгаз Пятигорск (Республика Северная Осетия — Алания)',
      'Межрегионгаз Ростов-на-Дону',
      'Межрегионгаз Рязань',
      'Межрегионгаз Самара',
    ]);
  });

  it('every supplier\'s example passes its own rule', () => {
    for (const supplier of SUPPLIERS) {
      expect(accountNumberIssue(supplier.accountExample, supplier.accountRule), supplier.id).to.equal(null);
    }
  });

  it('drops the spaces, commas and dashes of a receipt, and nothing else', () => {
    expect(normalizeAccountNumber('58 123-456,78')).to.equal('5812345678');
    expect(normalizeAccountNumber('58\u00a0123\u2013456\u221278')).to.equal('5812345678');
    expect(normalizeAccountNumber('58.12')).to.equal('58.12');
    expect(v.parse(accountNumberSchema(DAGESTAN), ' 58 1234 5678 ')).to.equal('5812345678');
  });

  it('says what is wrong: length, sector code, letters, full-width digits, other characters', () => {
    expect(accountNumberIssue('', TEN)).to.equal('account_required');
    expect(accountNumberIssue('123456789', TEN)).to.equal('account_length');
    expect(accountNumberIssue('12345678901', TEN)).to.equal('account_length');
    expect(accountNumberIssue('58123456a8', TEN)).to.equal('account_letters');
    expect(accountNumberIssue('58123456З8', TEN)).to.equal('account_letters');
    expect(accountNumberIssue('５８１２３４５６７８', TEN)).to.equal('account_fullwidth');
    expect(accountNumberIssue('5812345.78', TEN)).to.equal('account_chars');
    expect(accountNumberIssue('٥٨١٢٣٤٥٦٧٨', TEN)).to.equal('account_chars');
    expect(accountNumberIssue('9912345678', DAGESTAN)).to.equal('account_sector_unknown');
    expect(accountNumberIssue('5812345678', DAGESTAN)).to.equal(null);
  });

  it('gives every value of the bad-input corpus its issue', () => {
    for (const [name, value, code] of BAD_ACCOUNT_NUMBERS) {
      expect(accountNumberIssue(normalizeAccountNumber(value), TEN), name).to.equal(code);
    }
  });

  it('accepts exactly the strings that are, once normalised, as many ASCII digits as the rule says', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 14 }), (input) => {
        const normalised = normalizeAccountNumber(input);
        const valid = /^[0-9]{10}$/.test(normalised);
        return (accountNumberIssue(normalised, TEN) === null) === valid;
      }),
    );
  });
});
