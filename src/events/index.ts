export * from './login.js';
export * from './logout.js';
export * from './navigate.js';
export * from './error.js';
