/** `lk-widgets/pay-now`: registers `<lk-pay-now>`. */
import { define } from '../elements/base/define.js';
import { LkPayNowElement } from '../elements/pay-now/pay-now.js';

define('lk-pay-now', LkPayNowElement);

export { LkPayNowElement };
