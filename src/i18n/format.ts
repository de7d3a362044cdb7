import type { Locale } from './locale.js';

const BCP47: Record<Locale, string> = { ru: 'ru-RU', en: 'en-GB' };

/** The `Intl` locale tag used for `locale`. */
export const intlLocale = (locale: Locale): string => BCP47[locale];

/** `28.11.2026`-style date of an instant, as the seed writes link expiry. */
export function formatDate(instant: string | number | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(instant),
  );
}

/** `28.11.2026, 14:05`-style date and time of an instant, as a receipt shows it. */
export function formatDateTime(instant: string | number | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** A count in the locale's digits and grouping (`1 234` m³). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/**
 * Money from integer kopecks, for display only: `195685` → `1 956,85 ₽`.
 * Nothing computes with the formatted string.
 */
export function formatMoney(kopecks: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'RUB' }).format(kopecks / 100);
}

/** Picks the plural form of `count` (`one`, `few`, `many`, `other`) for `locale`. */
export function plural<T>(count: number, locale: Locale, forms: Partial<Record<Intl.LDMLPluralRule, T>> & { other: T }): T {
  const rule = new Intl.PluralRules(intlLocale(locale)).select(count);
  return forms[rule] ?? forms.other;
}

/**
 * A billing period in words, as the seed writes it: `2015-06` → `Июнь 2015`
 * (`June 2015`). The month's standalone name (nominative in Russian, not the
 * genitive of a date), capitalised; the month is read in UTC, so no time zone
 * moves it to the month before.
 */
export function formatMonth(month: string, locale: Locale): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const name = new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, index - 1, 1)),
  );
  return `${name.charAt(0).toLocaleUpperCase(intlLocale(locale))}${name.slice(1)} ${year}`;
}

/**
 * A calendar date of the backend (`2015-05-25`, no time of day), as the seed
 * writes dates (`25.05.2015`). Read in UTC, so it is the same day in every
 * time zone; `formatDate` is for instants.
 */
export function formatDay(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}
