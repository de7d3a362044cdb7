import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { configure, resetConfiguration } from '../../src/context/environment.js';
import { define } from '../../src/elements/base/define.js';
import { LkLoginFormElement } from '../../src/elements/login-form/login-form.js';
import { LkProviderElement } from '../../src/elements/provider/provider.js';
import * as everything from '../../src/entries/all.js';
import { LkElement } from '../../src/elements/base/lk-element.js';
import { NESTED_TAGS } from '../../src/elements/base/styles.js';
import { DEMO_USER, MSW_COOKIE_STORE_KEY, useMockBackend } from '../mocks/helpers.js';
import { findPart, renderPage, textOf, typeInto } from './helpers.js';

async function logInThrough(form: Element) {
  await typeInto(form.querySelector<HTMLInputElement>('input[name="email"]')!, DEMO_USER.email);
  await typeInto(form.querySelector<HTMLInputElement>('input[name="password"]')!, DEMO_USER.password);
  form.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
}

describe('embedding on a supplier page', () => {
  const backend = useMockBackend();
  const other = useMockBackend({ apiBase: '/other-api/' });

  beforeEach(() => resetConfiguration());

  it("stops every element's rules at every other tag that renders", () => {
    const tags = Object.values(everything)
      .filter((value): value is typeof LkElement => typeof value === 'function' && value.prototype instanceof LkElement)
      .map((element) => customElements.getName(element as unknown as CustomElementConstructor));
    expect(tags.sort()).to.deep.equal([...NESTED_TAGS].sort());
  });

  it('lets elements placed apart share one session through the page default', async () => {
    configure({ apiBase: backend.apiBase, clock: backend.clock });
    const page = await renderPage(html`<div>
      <header><lk-login-form id="top"></lk-login-form></header>
      <main><p>…</p><lk-login-form id="bottom"></lk-login-form></main>
    </div>`);
    const [top, bottom] = [page.querySelector('#top')!, page.querySelector('#bottom')!];
    await findPart(top, 'form');
    await logInThrough(top);
    await findPart(bottom, '[part~="signed-in"]');
  });

  it('uses an element\'s own api-base when there is no provider', async () => {
    const page = await renderPage(html`<div>
      <lk-login-form api-base=${other.apiBase}></lk-login-form>
      <lk-login-form api-base=${backend.apiBase}></lk-login-form>
    </div>`);
    const [onOther, onMain] = page.querySelectorAll('lk-login-form');
    await findPart(onOther!, 'form');
    await logInThrough(onOther!);
    await findPart(onOther!, '[part~="signed-in"]');
    expect(onMain!.querySelector('[part~="signed-in"]')).to.equal(null);
  });

  it('finds a provider whose tag is defined after its children', async () => {
    class LateProvider extends LkProviderElement {}
    const page = await renderPage(html`<div>
      <lk-late-provider locale="en" api-base=${backend.apiBase}><lk-login-form></lk-login-form></lk-late-provider>
    </div>`);
    const form = page.querySelector<LkLoginFormElement>('lk-login-form')!;
    await findPart(form, 'form');
    expect(form.lang).to.equal('ru');
    define('lk-late-provider', LateProvider);
    await waitUntil(() => form.lang === 'en', 'the form never took the late provider\'s locale');
    // The provider brings its own session, which the form asks about before it shows the form again,
    // and the English strings, which load on first use.
    await waitUntil(
      () => textOf(form.querySelector('[part~="submit"]')) === 'Log in',
      'the form did not come back in English',
    );
  });

  it('warns, and keeps the first definition, when another copy defines a tag again', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class SecondCopy extends LkLoginFormElement {}
      expect(() => define('lk-login-form', SecondCopy)).not.to.throw();
      define('lk-login-form', LkLoginFormElement);
    } finally {
      console.warn = original;
    }
    expect(customElements.get('lk-login-form')).to.equal(LkLoginFormElement);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('already defined');
  });

  it('adopts one stylesheet per element class into the document, however many elements', async () => {
    await renderPage(html`<div><lk-login-form api-base=${backend.apiBase}></lk-login-form><lk-login-form api-base=${backend.apiBase}></lk-login-form></div>`);
    const sheets = document.adoptedStyleSheets.filter((sheet) =>
      [...sheet.cssRules].some((rule) => rule.cssText.startsWith('@scope (lk-login-form)')),
    );
    expect(sheets).to.have.length(1);
  });

  it('keeps its styles from leaking into the page', async () => {
    const page = await renderPage(html`<div>
      <button part="button submit" id="host-button">host</button>
      <lk-login-form api-base=${backend.apiBase}></lk-login-form>
    </div>`);
    const hostButton = page.querySelector<HTMLButtonElement>('#host-button')!;
    const ours = await findPart(page.querySelector('lk-login-form')!, '[part~="submit"]');
    expect(getComputedStyle(hostButton).backgroundColor).not.to.equal(getComputedStyle(ours).backgroundColor);
  });

  it('stores no session secret: nothing in web storage, IndexedDB or a readable cookie', async () => {
    const page = await renderPage(html`<lk-provider api-base=${backend.apiBase}><lk-login-form></lk-login-form></lk-provider>`);
    const form = page.querySelector('lk-login-form')!;
    await findPart(form, 'form');
    await logInThrough(form);
    await findPart(form, '[part~="signed-in"]');
    expect(document.cookie).to.equal('');
    // msw's emulated cookie jar stands in for the browser's, kept in localStorage; it is the mock's, not the SDK's.
    const keys = Object.keys(localStorage).filter((key) => key !== MSW_COOKIE_STORE_KEY);
    expect(keys).to.deep.equal([]);
    expect(sessionStorage.length).to.equal(0);
    const databases = await indexedDB.databases();
    expect(databases.map((database) => database.name)).to.deep.equal([]);
  });
});
