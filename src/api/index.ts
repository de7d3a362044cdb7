export * from './client.js';
export * from './errors.js';
export * from './paths.js';
export * from './auth.js';
