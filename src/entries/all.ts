/** `lk-widgets/all`: registers every `<lk-…>` tag. */
export * from './provider.js';
export * from './login-form.js';
export * from '../index.js';
