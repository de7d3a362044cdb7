import { Catalogue } from '../../i18n/catalogue.js';
import { commonRu } from '../../i18n/common.ru.js';

/** `<lk-captcha>`'s strings, Russian: the seed's wording. */
export const captchaRu = {
  ...commonRu,
  title: 'Защита от роботов',
  solving: 'Проверяем, что вы не робот…',
  solved: 'Проверка пройдена',
  failed: 'Проверка не выполнена',
};

export type CaptchaMessages = typeof captchaRu;

export const captchaMessages = new Catalogue<CaptchaMessages>(captchaRu, {
  en: () => import('./captcha.messages.en.js'),
});
