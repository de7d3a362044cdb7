/** The interface languages lk-widgets speaks. Russian is the default. */
export type Locale = 'ru' | 'en';

export const DEFAULT_LOCALE: Locale = 'ru';
export const LOCALES: readonly Locale[] = ['ru', 'en'];

/** `en-GB` → `en`; anything unsupported → `undefined`. */
export function normalizeLocale(value: string | null | undefined): Locale | undefined {
  const language = value?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language);
}
