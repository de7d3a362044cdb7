/** `lk-widgets/provider`: registers `<lk-provider>`. */
import { define } from '../elements/base/define.js';
import { LkProviderElement } from '../elements/provider/provider.js';

define('lk-provider', LkProviderElement);

export { LkProviderElement };
