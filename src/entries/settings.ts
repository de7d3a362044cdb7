/**
 * `lk-widgets/settings`: registers `<lk-settings>` and the elements of its
 * accounts section, `<lk-accounts>` and `<lk-account-connect>`.
 */
import './accounts.js';
import './account-connect.js';
import { define } from '../elements/base/define.js';
import { LkSettingsElement } from '../elements/settings/settings.js';

define('lk-settings', LkSettingsElement);

export { LkSettingsElement };
