import type { Locale } from './locale.js';
import { DEFAULT_LOCALE } from './locale.js';

/**
 * The strings of one element in every locale. Russian, the default, is
 * bundled with the element; other locales are separate chunks loaded the
 * first time they are asked for, so a page in Russian never downloads them.
 */
export class Catalogue<M extends object> {
  readonly #loaded = new Map<Locale, M>();
  readonly #loading = new Map<Locale, Promise<M>>();
  readonly #loaders: Partial<Record<Locale, () => Promise<{ default: M }>>>;

  constructor(defaultMessages: M, loaders: Partial<Record<Locale, () => Promise<{ default: M }>>>) {
    this.#loaded.set(DEFAULT_LOCALE, defaultMessages);
    this.#loaders = loaders;
  }

  /** The messages of `locale` if they are loaded. */
  get(locale: Locale): M | undefined {
    return this.#loaded.get(locale);
  }

  /** Loads the messages of `locale`; a locale without a loader gets the default's. */
  load(locale: Locale): Promise<M> {
    const ready = this.#loaded.get(locale);
    if (ready) return Promise.resolve(ready);
    const loader = this.#loaders[locale];
    if (!loader) return Promise.resolve(this.#loaded.get(DEFAULT_LOCALE)!);
    let pending = this.#loading.get(locale);
    if (!pending) {
      pending = loader().then(({ default: messages }) => {
        this.#loaded.set(locale, messages);
        return messages;
      });
      pending.catch(() => this.#loading.delete(locale));
      this.#loading.set(locale, pending);
    }
    return pending;
  }
}
