import type { ReactiveControllerHost } from 'lit';
import type { Catalogue } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_LOCALE, normalizeLocale } from '../i18n/locale.js';

type Host = ReactiveControllerHost & { locale?: string | undefined };

/**
 * The strings of an element in its locale: its own `locale` attribute, else
 * the provider's. A locale other than Russian loads its chunk on first use;
 * until it arrives the element shows Russian, then re-renders.
 */
export class LocalizeController<M extends object> {
  readonly #host: Host;
  readonly #catalogue: Catalogue<M>;
  readonly #fallbackLocale: () => Locale;
  /** The load of a locale that is not there yet, if any. */
  pending: Promise<unknown> | undefined;

  constructor(host: Host, catalogue: Catalogue<M>, fallbackLocale: () => Locale) {
    this.#host = host;
    this.#catalogue = catalogue;
    this.#fallbackLocale = fallbackLocale;
  }

  /** The locale in force. */
  get locale(): Locale {
    return normalizeLocale(this.#host.locale) ?? this.#fallbackLocale();
  }

  /** The messages of {@link locale}, or Russian while they load. */
  get t(): M {
    const locale = this.locale;
    const messages = this.#catalogue.get(locale);
    if (messages) return messages;
    this.pending ??= this.#catalogue.load(locale).then(
      () => {
        this.pending = undefined;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.pending = undefined;
        console.warn(`lk-widgets: the "${locale}" strings could not be loaded; showing Russian.`, error);
      },
    );
    return this.#catalogue.get(DEFAULT_LOCALE)!;
  }

}
