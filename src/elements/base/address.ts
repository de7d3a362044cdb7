/** The query parameter of the confirmation letter's link: `…?lk-confirm=<token>`. */
export const DEFAULT_CONFIRM_PARAM = 'lk-confirm';

/** The query parameter of the reset letter's link: `…?lk-reset=<token>`. */
export const DEFAULT_RESET_PARAM = 'lk-reset';

/** The decoded name of one `name=value` pair of a query string. */
function pairName(pair: string): string {
  const name = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * Reads the query parameter `param` of the page's address and, if it is
 * there, removes it from the address bar (docs/promises.md#11): the token must
 * not stay in the history, a bookmark or a shared screenshot. The other
 * parameters stay exactly as written (they are not re-encoded), and so do
 * the path, the hash and the history entry's state.
 *
 * @returns the parameter's value (possibly empty), or `undefined` when the address has none.
 */
export function takeFromAddress(param: string, win: Window = window): string | undefined {
  const { pathname, search, hash } = win.location;
  const value = new URLSearchParams(search).get(param);
  if (value === null) return undefined;
  const kept = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && pairName(pair) !== param);
  win.history.replaceState(win.history.state, '', `${pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}${hash}`);
  return value;
}
