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
