import { commonEn } from '../../i18n/common.en.js';
import type { CaptchaMessages } from './captcha.messages.js';

/** `<lk-captcha>`'s strings, English. Loaded on demand. */
const messages: CaptchaMessages = {
  ...commonEn,
  title: 'Anti-robot check',
  solving: 'Checking that you are not a robot…',
  solved: 'Check passed',
  failed: 'The check could not be completed',
};
export default messages;
