/** `lk-widgets/payment-history`: registers `<lk-payment-history>`. */
import { define } from '../elements/base/define.js';
import { LkPaymentHistoryElement } from '../elements/payment-history/payment-history.js';

define('lk-payment-history', LkPaymentHistoryElement);

export { LkPaymentHistoryElement };
