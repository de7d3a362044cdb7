/**
 * Registers `tag` unless it is taken. A second copy of lk-widgets on the same
 * page (a supplier's widget next to a partner's) must not crash the page, so
 * a taken tag is a warning, not an exception: the first definition stays.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, constructor);
  } else if (existing !== constructor) {
    console.warn(`lk-widgets: <${tag}> is already defined, probably by another copy of lk-widgets; this copy keeps that definition.`);
  }
}
