/**
 * The words of the account gate, Russian: what an element bound to a
 * personal account shows instead of it (no account connected, an
 * `account-id` not connected) and the links that lead on. Each element adds
 * its own `loggedOut`, which says what logging in would show.
 */
export const accountGateRu = {
  /** The link to the login page. */
  logIn: 'Войти в Личный кабинет',
  /** The session has no account connected. */
  noAccount: 'Нет подключенных ЛС',
  /** `account-id` names an account this cabinet does not have. */
  notConnected: 'Этот лицевой счет не подключен к Личному кабинету.',
  /** The link to the connection page. */
  connect: 'Подключить ЛС',
};

export type AccountGateWords = typeof accountGateRu;
