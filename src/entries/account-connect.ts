/** `lk-widgets/account-connect`: registers `<lk-account-connect>` and the `<lk-hint>` it shows. */
import './hint.js';
import { define } from '../elements/base/define.js';
import { LkAccountConnectElement } from '../elements/account-connect/account-connect.js';

define('lk-account-connect', LkAccountConnectElement);

export { LkAccountConnectElement };
