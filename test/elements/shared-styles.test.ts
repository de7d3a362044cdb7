import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../../src/entries/account-connect.js';
import '../../src/entries/account-history.js';
import '../../src/entries/account-summary.js';
import '../../src/entries/accounts.js';
import '../../src/entries/pay-now.js';
import '../../src/entries/payment-history.js';
import '../../src/entries/readings-form.js';
import { useMockBackend } from '../mocks/helpers.js';
import { findPart, renderWithAccounts } from './helpers.js';

/**
 * The rules several elements share are written once (base/frame.styles.ts,
 * form.styles.ts): the logged-out notice must still look the same in every
 * element that shows it, and each element's own `--lk-…-max-width` must
 * still set its width.
 */
describe('shared element styles', () => {
  const backend = useMockBackend();

  const elements: { template: TemplateResult; maxWidth: string; widthProperty: string; justifyItems: string }[] = [
    { template: html`<lk-account-connect></lk-account-connect>`, maxWidth: '416px', widthProperty: '--lk-form-max-width', justifyItems: 'start' },
    { template: html`<lk-accounts></lk-accounts>`, maxWidth: '640px', widthProperty: '--lk-accounts-max-width', justifyItems: 'start' },
    { template: html`<lk-account-summary></lk-account-summary>`, maxWidth: '704px', widthProperty: '--lk-account-summary-max-width', justifyItems: 'start' },
    { template: html`<lk-account-history></lk-account-history>`, maxWidth: '960px', widthProperty: '--lk-account-history-max-width', justifyItems: 'start' },
    { template: html`<lk-payment-history></lk-payment-history>`, maxWidth: '704px', widthProperty: '--lk-payment-history-max-width', justifyItems: 'start' },
    { template: html`<lk-readings-form></lk-readings-form>`, maxWidth: '512px', widthProperty: '--lk-readings-form-max-width', justifyItems: 'start' },
    // The payment's form and receipt take the whole width.
    { template: html`<lk-pay-now></lk-pay-now>`, maxWidth: '576px', widthProperty: '--lk-pay-now-max-width', justifyItems: 'normal' },
  ];

  for (const { template, maxWidth, widthProperty, justifyItems } of elements) {
    const tag = template.strings[0]!.slice(1, template.strings[0]!.indexOf('>'));
    it(`<${tag}> lays its logged-out notice out as the others do, as wide as ${widthProperty} says`, async () => {
      const element = await renderWithAccounts<HTMLElement>(backend, template, { loggedIn: false });
      const notice = await findPart(element, '[part~="logged-out"]');
      const look = getComputedStyle(notice);
      expect([look.display, look.gap, look.justifyItems, look.maxWidth]).to.deep.equal(['grid', '16px', justifyItems, maxWidth]);
      expect(getComputedStyle(element.querySelector('[part~="logged-out-message"]')!).marginBlockStart).to.equal('0px');

      element.style.setProperty(widthProperty, '20rem');
      expect(getComputedStyle(notice).maxWidth).to.equal('320px');
    });
  }
});
