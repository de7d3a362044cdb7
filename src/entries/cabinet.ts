/**
 * `lk-widgets/cabinet`: registers `<lk-cabinet>` with what a visitor sees
 * first, the login form; the other sections' elements are loaded when first
 * shown (elements/cabinet/section-loader.ts).
 */
import { define } from '../elements/base/define.js';
import { LkCabinetElement } from '../elements/cabinet/cabinet.js';
import './provider.js';
import './login-form.js';

define('lk-cabinet', LkCabinetElement);

export { LkCabinetElement };
