/** `lk-widgets/all`: registers every `<lk-…>` tag. */
export * from './provider.js';
export * from './login-form.js';
export * from './register-form.js';
export * from './captcha.js';
export * from './confirm-email.js';
export * from './password-recovery.js';
export * from './hint.js';
export * from './account-connect.js';
export * from './accounts.js';
export * from './settings.js';
export * from './cabinet.js';
export * from './account-summary.js';
export * from './account-history.js';
export * from './readings-form.js';
export * from './pay-now.js';
export * from './payment-history.js';
export * from '../index.js';
