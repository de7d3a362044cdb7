/** `lk-widgets/register-form`: registers `<lk-register-form>` and the `<lk-hint>`s it shows; it loads `<lk-captcha>` on demand. */
import './hint.js';
import { define } from '../elements/base/define.js';
import { LkRegisterFormElement } from '../elements/register-form/register-form.js';

define('lk-register-form', LkRegisterFormElement);

export { LkRegisterFormElement };
