export * from './client.js';
export * from './errors.js';
export * from './paths.js';
export * from './auth.js';
export * from './registration.js';
export * from './recovery.js';
export * from './captcha.js';
export * from './accounts.js';
