/** `lk-widgets/register-form`: registers `<lk-register-form>`; it loads `<lk-captcha>` on demand. */
import { define } from '../elements/base/define.js';
import { LkRegisterFormElement } from '../elements/register-form/register-form.js';

define('lk-register-form', LkRegisterFormElement);

export { LkRegisterFormElement };
