/** `lk-widgets/account-summary`: registers `<lk-account-summary>`. */
import { define } from '../elements/base/define.js';
import { LkAccountSummaryElement } from '../elements/account-summary/account-summary.js';

define('lk-account-summary', LkAccountSummaryElement);

export { LkAccountSummaryElement };
