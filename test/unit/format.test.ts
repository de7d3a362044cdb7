import { expect } from '@open-wc/testing';
import { formatDateTime, formatDay, formatMonth, formatNumber } from '../../src/i18n/format.js';

describe('formatMonth', () => {
  it('writes a period as the seed does: the standalone month name, capitalised, and the year', () => {
    expect(formatMonth('2015-06', 'ru')).to.equal('Июнь 2015');
    expect(formatMonth('2015-05', 'ru')).to.equal('Май 2015');
    expect(formatMonth('2024-03', 'ru')).to.equal('Март 2024');
    expect(formatMonth('2015-06', 'en')).to.equal('June 2015');
  });

  it('names every month of the year in Russian, in the nominative', () => {
    const months = Array.from({ length: 12 }, (_, index) => formatMonth(`2015-${String(index + 1).padStart(2, '0')}`, 'ru'));
    expect(months).to.deep.equal([
      'Январь 2015', 'Февраль 2015', 'Март 2015', 'Апрель 2015', 'Май 2015', 'Июнь 2015',
      'Июль 2015', 'Август 2015', 'Сентябрь 2015', 'Октябрь 2015', 'Ноябрь 2015', 'Декабрь 2015',
    ]);
  });

  it('keeps January and December in their year, whatever the time zone', () => {
    expect(formatMonth('2016-01', 'ru')).to.equal('Январь 2016');
    expect(formatMonth('2015-12', 'en')).to.equal('December 2015');
  });
});

describe('formatDay', () => {
  it('writes a calendar date as dd.mm.yyyy in Russian and dd/mm/yyyy in English', () => {
    expect(formatDay('2015-05-25', 'ru')).to.equal('25.05.2015');
    expect(formatDay('2015-05-25', 'en')).to.equal('25/05/2015');
  });

  it('keeps the first and the last day of a year', () => {
    expect(formatDay('2016-01-01', 'ru')).to.equal('01.01.2016');
    expect(formatDay('2015-12-31', 'ru')).to.equal('31.12.2015');
  });
});

describe('formatNumber', () => {
  it('groups the digits as the locale does', () => {
    expect(formatNumber(1234, 'ru')).to.equal('1\u00a0234');
    expect(formatNumber(1234, 'en')).to.equal('1,234');
    expect(formatNumber(23, 'ru')).to.equal('23');
  });
});

describe('formatDateTime', () => {
  it('writes the date as the seed does, then the time of day', () => {
    const instant = new Date(2026, 10, 28, 14, 5);
    expect(formatDateTime(instant, 'ru')).to.equal('28.11.2026, 14:05');
    expect(formatDateTime(instant.toISOString(), 'en')).to.equal('28/11/2026, 14:05');
  });
});
