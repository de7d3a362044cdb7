import { expect } from '@open-wc/testing';

describe('the browser test set-up', () => {
  it('runs in Chromium with WebCrypto', () => {
    expect(globalThis.crypto.subtle).to.exist;
  });
});
