/** `lk-widgets/login-form`: registers `<lk-login-form>`. */
import { define } from '../elements/base/define.js';
import { LkLoginFormElement } from '../elements/login-form/login-form.js';

define('lk-login-form', LkLoginFormElement);

export { LkLoginFormElement };
