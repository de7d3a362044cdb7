/** `lk-widgets/account-history`: registers `<lk-account-history>`. */
import { define } from '../elements/base/define.js';
import { LkAccountHistoryElement } from '../elements/account-history/account-history.js';

define('lk-account-history', LkAccountHistoryElement);

export { LkAccountHistoryElement };
