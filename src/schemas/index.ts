export * from './regex.js';
export * from './email.js';
export * from './password.js';
export * from './user.js';
export * from './auth.js';
export * from './problem.js';
