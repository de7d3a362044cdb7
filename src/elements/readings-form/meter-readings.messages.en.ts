import { plural } from '../../i18n/format.js';
import type { MeterReadingsMessages, ReadingRule } from '../base/meter-readings.js';
import type { ReadingIssueCode } from '../../schemas/reading.js';

const digits = (n: number) => `${n} ${plural(n, 'en', { one: 'digit', other: 'digits' })}`;

/**
 * The words of the meter-reading fields (base/meter-readings.ts), English.
 * Both `<lk-readings-form>`'s and `<lk-pay-now>`'s English catalogues spread
 * them, so they load only with an English page.
 */
export const meterReadingsEn: MeterReadingsMessages = {
  readingsLegend: 'Meters',
  lastReading: (value: number, date: string | null) => `Last reading: ${value}${date ? ` on ${date}` : ''}`,
  noLastReading: 'Last reading: none yet',
  newReading: 'New reading',
  rollover: 'The meter went past zero',
  belowLastHint: 'This is below the last reading. If the meter went past zero, tick the box.',
  estimate: (volume: string, money: string, tariff: string) =>
    `Used since the last reading: ${volume} m³, about ${money} to be charged (at ${tariff} per m³).`,
  readingsRequired: 'Enter the reading of at least one meter.',
  readingIssue: (code: ReadingIssueCode | string, rule: ReadingRule): string => {
    switch (code) {
      case 'reading_required':
        return 'Enter the meter reading, or untick “The meter went past zero”.';
      case 'reading_fullwidth':
        return 'Enter the reading in ordinary digits 0 to 9, not wide ones (like “２７”).';
      case 'reading_format':
        return 'Enter the reading as a whole number: digits 0 to 9 only, no letters, spaces, commas, points or minus sign.';
      case 'reading_too_many_digits':
        return `The meter has ${digits(rule.digits)}: enter no more than ${digits(rule.digits)}.`;
      case 'reading_below_last':
        return rule.lastReading === null
          ? 'The reading is below the last accepted one. Check it; if the meter went past zero, tick the box.'
          : `The reading cannot be below the last one (${rule.lastReading}). If the meter went past zero, tick the box.`;
      case 'reading_rollover_not_below':
        return rule.lastReading === null
          ? 'The reading is not below the last one, so the meter did not go past zero: untick “The meter went past zero”.'
          : `The reading is not below the last one (${rule.lastReading}), so the meter did not go past zero: untick “The meter went past zero”.`;
      default:
        return 'The reading was not accepted. Check it and send it again.';
    }
  },
};
