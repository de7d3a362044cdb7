/** `lk-widgets/cabinet`: registers `<lk-cabinet>` and every element it shows. */
import { define } from '../elements/base/define.js';
import { LkCabinetElement } from '../elements/cabinet/cabinet.js';
import './provider.js';
import './login-form.js';
import './register-form.js';
import './password-recovery.js';
import './confirm-email.js';
import './accounts.js';
import './account-connect.js';
import './settings.js';
import './account-summary.js';
import './account-history.js';
import './pay-now.js';
import './payment-history.js';
import './readings-form.js';

define('lk-cabinet', LkCabinetElement);

export { LkCabinetElement };
