export * from './login.js';
export * from './logout.js';
export * from './navigate.js';
export * from './error.js';
export * from './registered.js';
export * from './email-confirmed.js';
export * from './password-changed.js';
