import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatMoney } from '../../src/i18n/format.js';
import { kopecksOrIssue } from './typed-amount.js';
import { MAX_TYPED_KOPECKS, typedAmountSchema } from '../../src/schemas/money.js';

const parseAmount = (typed: string) => kopecksOrIssue(typedAmountSchema(), typed);

describe('schemas: money typed by a person, typedAmountSchema (docs/promises.md#17)', () => {
  it('reads the Russian ways of writing an amount into integer kopecks', () => {
    expect(parseAmount('1 234,56')).to.deep.equal({ kopecks: 123456 });
    expect(parseAmount('1234,56')).to.deep.equal({ kopecks: 123456 });
    expect(parseAmount('1234.56')).to.deep.equal({ kopecks: 123456 });
    expect(parseAmount('1\u00a0234,5')).to.deep.equal({ kopecks: 123450 });
    expect(parseAmount('500')).to.deep.equal({ kopecks: 50000 });
    expect(parseAmount(' 500 ₽ ')).to.deep.equal({ kopecks: 50000 });
    expect(parseAmount('500 руб.')).to.deep.equal({ kopecks: 50000 });
    expect(parseAmount('0,07')).to.deep.equal({ kopecks: 7 });
    // 0.1 + 0.2 is no problem: nothing goes through a float.
    expect(parseAmount('0,30')).to.deep.equal({ kopecks: 30 });
  });

  it('says what is wrong with what is not an amount', () => {
    expect(parseAmount('')).to.deep.equal({ issue: 'amount_required' });
    expect(parseAmount('   ')).to.deep.equal({ issue: 'amount_required' });
    expect(parseAmount('12,345')).to.deep.equal({ issue: 'amount_fraction' });
    expect(parseAmount('100000000')).to.deep.equal({ issue: 'amount_too_large' });
    for (const bad of ['-500', 'пятьсот', '５００', '1 23,45', '1,234,56', '<b>5</b>', "5' OR 1=1", '5🔥', '1e3', ',5']) {
      expect(parseAmount(bad), bad).to.deep.equal({ issue: 'amount_format' });
    }
  });

  it('round-trips every amount through Intl\'s Russian format', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_TYPED_KOPECKS }), (kopecks) => {
        const parsed = parseAmount(formatMoney(kopecks, 'ru'));
        return 'kopecks' in parsed && parsed.kopecks === kopecks;
      }),
      { numRuns: 2000 },
    );
  });

  it('parses exactly the digits typed: rubles and kopecks as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (rubles, kopecks) => {
        const typed = `${rubles},${String(kopecks).padStart(2, '0')}`;
        const parsed = parseAmount(typed);
        return 'kopecks' in parsed && parsed.kopecks === rubles * 100 + kopecks;
      }),
    );
  });
});
