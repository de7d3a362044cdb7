import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as v from 'valibot';
import { formatMoney } from '../../src/i18n/format.js';
import { issueCode } from '../../src/schemas/issues.js';
import { kopecksOrIssue } from './typed-amount.js';
import { MAX_PAYMENT_KOPECKS, MIN_PAYMENT_KOPECKS, PaymentAmountSchema, payableAmountSchema } from '../../src/schemas/payment.js';

const payable = (typed: string) => kopecksOrIssue(payableAmountSchema(), typed);

describe('schemas: an amount typed to pay, payableAmountSchema (docs/promises.md#17)', () => {
  it('gives the kopecks of an amount within the payment limits', () => {
    expect(payable('1 234,56')).to.deep.equal({ kopecks: 123456 });
    expect(payable(' 500 ₽ ')).to.deep.equal({ kopecks: 50000 });
    expect(payable('1')).to.deep.equal({ kopecks: MIN_PAYMENT_KOPECKS });
    expect(payable('500 000')).to.deep.equal({ kopecks: MAX_PAYMENT_KOPECKS });
  });

  it('gives the parser\'s codes, then the limits\'', () => {
    expect(payable('')).to.deep.equal({ issue: 'amount_required' });
    expect(payable('abc')).to.deep.equal({ issue: 'amount_format' });
    expect(payable('1,234')).to.deep.equal({ issue: 'amount_fraction' });
    expect(payable('9'.repeat(300))).to.deep.equal({ issue: 'amount_too_large' });
    expect(payable('0,99')).to.deep.equal({ issue: 'amount_too_small' });
    expect(payable('0')).to.deep.equal({ issue: 'amount_too_small' });
    expect(payable('500 000,01')).to.deep.equal({ issue: 'amount_too_large' });
  });

  it('tells full-width digits and a minus of any kind apart from other typos', () => {
    for (const typed of ['１２３', '100１', ' －１']) expect(payable(typed), typed).to.deep.equal({ issue: 'amount_fullwidth' });
    for (const typed of ['-100', ' \u2212 100', '\u2012100', '\u2013100', '\u2014 5,50']) {
      expect(payable(typed), typed).to.deep.equal({ issue: 'amount_negative' });
    }
    // A minus that is not before the first digit is just not an amount.
    expect(payable('100-')).to.deep.equal({ issue: 'amount_format' });
  });

  it('takes back every amount within the limits as Intl writes it', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_PAYMENT_KOPECKS, max: MAX_PAYMENT_KOPECKS }), (kopecks) => {
        expect(payable(formatMoney(kopecks, 'ru'))).to.deep.equal({ kopecks });
      }),
    );
  });

  it('checks an amount in kopecks (the debt offered) against the same limits', () => {
    expect(issueCode(v.safeParse(PaymentAmountSchema, 12345))).to.equal(undefined);
    expect(issueCode(v.safeParse(PaymentAmountSchema, MIN_PAYMENT_KOPECKS - 1))).to.equal('amount_too_small');
    expect(issueCode(v.safeParse(PaymentAmountSchema, MAX_PAYMENT_KOPECKS + 1))).to.equal('amount_too_large');
  });
});

describe('schemas: issueCode', () => {
  it('reads the first issue\'s code off a result, or undefined when it passed', () => {
    const schema = v.pipe(v.string(), v.check((text) => text !== '', 'first'), v.check((text) => text !== '', 'second'));
    expect(issueCode(v.safeParse(schema, ''))).to.equal('first');
    expect(issueCode(v.safeParse(schema, 'x'))).to.equal(undefined);
  });
});
