/** `lk-widgets/accounts`: registers `<lk-accounts>`. */
import { define } from '../elements/base/define.js';
import { LkAccountsElement } from '../elements/accounts/accounts.js';

define('lk-accounts', LkAccountsElement);

export { LkAccountsElement };
