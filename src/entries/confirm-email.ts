/** `lk-widgets/confirm-email`: registers `<lk-confirm-email>`. */
import { define } from '../elements/base/define.js';
import { LkConfirmEmailElement } from '../elements/confirm-email/confirm-email.js';

define('lk-confirm-email', LkConfirmEmailElement);

export { LkConfirmEmailElement };
