/**
 * The words of "Выслать ссылку", Russian: a new confirmation link for the
 * e-mail, asked for after logging in or from an expired link. Each element
 * adds its own `linkSent`, which says what it knows of the address.
 */
export const resendLinkRu = {
  resend: 'Выслать ссылку',
  resending: 'Отправляем ссылку…',
  resendTooOften: (wait: string) =>
    `Ссылку можно запрашивать не чаще раза в минуту и не более пяти раз в час. Повторите через ${wait}.`,
};

export type ResendLinkWords = typeof resendLinkRu;
