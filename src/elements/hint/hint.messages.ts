import { Catalogue } from '../../i18n/catalogue.js';

/** `<lk-hint>`'s strings, Russian. */
export const hintRu = {
  /** The button's name when the hint is not tied to a label. */
  hint: 'Подсказка',
  /** The button's name: what the hint is about, so a list of buttons is not a row of identical "?". */
  hintFor: (label: string) => `Подсказка: ${label}`,
};

export type HintMessages = typeof hintRu;

export const hintMessages = new Catalogue<HintMessages>(hintRu, {
  en: () => import('./hint.messages.en.js'),
});
