/** `lk-widgets/readings-form`: registers `<lk-readings-form>`. */
import { define } from '../elements/base/define.js';
import { LkReadingsFormElement } from '../elements/readings-form/readings-form.js';

define('lk-readings-form', LkReadingsFormElement);

export { LkReadingsFormElement };
