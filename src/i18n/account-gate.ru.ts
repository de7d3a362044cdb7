/**
 * The words of the account gate, Russian: what an element that needs the
 * session's list of accounts (`<lk-accounts>` and every element bound to an
 * account) shows instead of it — no account connected — and the links that
 * lead on. Each element adds its own `loggedOut`, which says what logging in
 * would show.
 */
export const accountListGateRu = {
  /** The link to the login page. */
  logIn: 'Войти в Личный кабинет',
  /** The session has no account connected. */
  noAccount: 'Нет подключенных ЛС',
  /** The link to the connection page. */
  connect: 'Подключить ЛС',
};

/** The gate of an element bound to one account: the list's, and that the account named is not connected. */
export const accountGateRu = {
  ...accountListGateRu,
  /** `account-id` names an account this cabinet does not have. */
  notConnected: 'Этот лицевой счет не подключен к Личному кабинету.',
};

export type AccountGateWords = typeof accountGateRu;
