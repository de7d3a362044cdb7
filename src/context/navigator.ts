/** The places an element can ask to go to (`lk-navigate`'s `detail.to`). */
export type NavigateTarget =
  | 'login'
  | 'register'
  | 'recover'
  | 'confirm'
  | 'account'
  | 'history'
  | 'pay'
  | 'readings'
  | 'connect'
  | 'settings';

/**
 * Moves the user to another part of the cabinet. `<lk-cabinet>` provides
 * one; a host page can provide its own through `<lk-provider>`'s
 * `navigator` property.
 */
export type LkNavigator = (to: NavigateTarget) => void;
