/**
 * `lk-widgets`: the element classes, the API client, the schemas and the
 * types. Importing it defines no tag: import `lk-widgets/<element>` or
 * `lk-widgets/all` for that.
 */
export * from './api/index.js';
export * from './schemas/index.js';
export * from './events/index.js';
export { configure, resetConfiguration, environmentContext, connectionOf, createConnection } from './context/environment.js';
export type { LkEnvironment, LkSettings, PageConfig, ConnectionOptions, Connection } from './context/environment.js';
export { AccountsStore } from './context/accounts.js';
export type { AccountsStatus } from './context/accounts.js';
export { Session, SessionLogoutEvent } from './context/session.js';
export type { SessionStatus, LogoutReason } from './context/session.js';
export { systemClock } from './context/clock.js';
export type { Clock } from './context/clock.js';
export type { LkNavigator, NavigateTarget } from './context/navigator.js';
export type { Locale } from './i18n/locale.js';
export { formatMoney, formatDate, formatDateTime, formatNumber, formatMonth, formatDay } from './i18n/format.js';
export { LkElement } from './elements/base/lk-element.js';
export { define } from './elements/base/define.js';
export { LkProviderElement } from './elements/provider/provider.js';
export { LkLoginFormElement } from './elements/login-form/login-form.js';
export { LkRegisterFormElement } from './elements/register-form/register-form.js';
export { LkCaptchaElement } from './elements/captcha/captcha.js';
export type { CaptchaState } from './elements/captcha/captcha.js';
export { LkCaptchaSolvedEvent } from './elements/captcha/captcha-solved-event.js';
export { solveChallenge } from './captcha/solve.js';
export { LkConfirmEmailElement } from './elements/confirm-email/confirm-email.js';
export { LkPasswordRecoveryElement, DEFAULT_RESET_PARAM } from './elements/password-recovery/password-recovery.js';
export type { RecoveryStep } from './elements/password-recovery/password-recovery.js';
export { LkHintElement } from './elements/hint/hint.js';
export type { HintPlacement } from './elements/hint/hint.js';
export { LkAccountConnectElement } from './elements/account-connect/account-connect.js';
export { LkAccountsElement } from './elements/accounts/accounts.js';
export { LkSettingsElement } from './elements/settings/settings.js';
export { LkCabinetElement, DEFAULT_SECTION_PARAM } from './elements/cabinet/cabinet.js';
export type { CabinetSection } from './elements/cabinet/cabinet-router.js';
export { LkAccountSummaryElement } from './elements/account-summary/account-summary.js';
export { LkAccountHistoryElement } from './elements/account-history/account-history.js';
export { LkReadingsFormElement } from './elements/readings-form/readings-form.js';
export { LkPayNowElement } from './elements/pay-now/pay-now.js';
export { LkPaymentHistoryElement } from './elements/payment-history/payment-history.js';
export { PaymentFlow, DUPLICATE_WINDOW } from './payments/flow.js';
export type { PaymentDraft, PaymentState, PaymentStateName, PaymentFlowHooks, PaymentFlowOptions, UncertainReason } from './payments/flow.js';
export { pendingPayments, storedPendingPayments, PENDING_PAYMENTS_KEY } from './payments/pending.js';
export type { PendingPayment, PendingPayments, PendingScope } from './payments/pending.js';
