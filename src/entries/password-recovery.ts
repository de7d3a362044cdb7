/** `lk-widgets/password-recovery`: registers `<lk-password-recovery>`. */
import { define } from '../elements/base/define.js';
import { LkPasswordRecoveryElement } from '../elements/password-recovery/password-recovery.js';

define('lk-password-recovery', LkPasswordRecoveryElement);

export { LkPasswordRecoveryElement };
export type { RecoveryStep } from '../elements/password-recovery/password-recovery.js';
