/** `lk-widgets/captcha`: registers `<lk-captcha>`. Other elements import it on demand. */
import { define } from '../elements/base/define.js';
import { LkCaptchaElement } from '../elements/captcha/captcha.js';

define('lk-captcha', LkCaptchaElement);

export { LkCaptchaElement };
export { LkCaptchaSolvedEvent } from '../elements/captcha/captcha-solved-event.js';
export type { CaptchaState } from '../elements/captcha/captcha.js';
