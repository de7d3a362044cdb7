import { expect } from '@open-wc/testing';

describe('the test pages', () => {
  it('run under the SDK’s Content-Security-Policy, Trusted Types enforced', () => {
    // An inline style attribute and a raw innerHTML assignment are refused.
    const probe = document.createElement('div');
    expect(() => {
      probe.innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
  });
});
