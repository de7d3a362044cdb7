/** `lk-widgets/hint`: registers `<lk-hint>`, the "?" hint. The forms that show hints import it. */
import { define } from '../elements/base/define.js';
import { LkHintElement } from '../elements/hint/hint.js';

define('lk-hint', LkHintElement);

export { LkHintElement };
export type { HintPlacement } from '../elements/hint/hint.js';
