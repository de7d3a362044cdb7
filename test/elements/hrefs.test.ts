import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ReactiveElement } from 'lit';
import '../../src/entries/all.js';
import { isSafeHref, safeHref } from '../../src/elements/base/safe-href.js';
import type { LkLoginFormElement } from '../../src/elements/login-form/login-form.js';
import { useMockBackend } from '../mocks/helpers.js';
import { renderWithBackend } from './helpers.js';

/**
 * Every `<lk-…>` tag and the link attributes it takes. The test below reads
 * the attributes each class declares and compares them with this table, so a
 * new `*-href` attribute cannot be added without being checked here.
 */
const HREF_ATTRIBUTES: Record<string, readonly string[]> = {
  'lk-provider': [],
  'lk-login-form': ['register-href', 'recover-href'],
  'lk-register-form': ['agreement-href', 'login-href'],
  'lk-captcha': [],
  'lk-confirm-email': ['login-href', 'register-href'],
  'lk-password-recovery': ['login-href'],
  'lk-hint': [],
  'lk-account-connect': ['login-href'],
  'lk-accounts': ['connect-href', 'login-href'],
  'lk-settings': ['login-href', 'recover-href'],
  'lk-cabinet': ['agreement-href'],
  'lk-account-summary': ['connect-href', 'login-href', 'pay-href'],
  'lk-account-history': ['connect-href', 'login-href'],
  'lk-readings-form': ['connect-href', 'login-href'],
  'lk-pay-now': ['connect-href', 'login-href'],
  'lk-payment-history': ['connect-href', 'login-href'],
};

/** Addresses that would run script or show foreign content under the page's origin. */
const UNSAFE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  ' \n\t javascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u0001\u001fjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'javascript:alert(1)\u0000 ',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.ru/0b4d1e2f-0000-4000-8000-000000000000',
  'ftp://example.ru/file',
  'tel:+78001000000',
  'http://[not a host',
];

/** Addresses a host page may give: http(s), mailto: and relative ones. */
const SAFE = [
  '/login',
  'login.html',
  '../cabinet/register',
  '#recover',
  '?lk-section=accounts',
  'https://example.ru/login',
  'HTTP://example.ru/login',
  ' https://example.ru/login ',
  '//example.ru/login',
  'mailto:support@example.ru',
  'MAILTO:support@example.ru',
  // Entity-like text set as it is (not through the HTML parser) is a relative path, harmless.
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
];

/** Collects the console's warnings while `action` runs. */
async function warningsDuring(action: () => unknown): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await action();
  } finally {
    console.warn = original;
  }
  return warnings;
}

/** The attributes ending in `-href` that a tag's class declares. */
function declaredHrefAttributes(tag: string): string[] {
  const constructor = customElements.get(tag) as unknown as typeof ReactiveElement;
  return [...constructor.elementProperties.values()]
    .map((declaration) => declaration.attribute)
    .filter((attribute): attribute is string => typeof attribute === 'string' && attribute.endsWith('-href'))
    .sort();
}

/** The property an attribute sets (`login-href` → `loginHref`). */
const propertyOf = (attribute: string) => attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

describe('link attributes (*-href)', () => {
  describe('isSafeHref', () => {
    for (const value of UNSAFE) {
      it(`refuses ${JSON.stringify(value)}`, () => {
        expect(isSafeHref(value)).to.equal(false);
      });
    }
    for (const value of SAFE) {
      it(`accepts ${JSON.stringify(value)}`, () => {
        expect(isSafeHref(value)).to.equal(true);
        expect(['http:', 'https:', 'mailto:']).to.include(new URL(value, document.baseURI).protocol);
      });
    }

    it('takes a relative address by the scheme it resolves to', () => {
      expect(isSafeHref('register.html', 'https://example.ru/cabinet/')).to.equal(true);
      expect(isSafeHref('register.html', 'file:///srv/kiosk/index.html')).to.equal(false);
      expect(isSafeHref('javascript:alert(1)', 'https://example.ru/')).to.equal(false);
    });
  });

  describe('safeHref', () => {
    it('names the attribute in its warning and quotes a long value shortened', async () => {
      const long = `javascript:${'x'.repeat(500)}`;
      const warnings = await warningsDuring(() => expect(safeHref('login-href', long)).to.equal(undefined));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('login-href');
      expect(warnings[0]).to.contain('"javascript:xxx');
      expect(warnings[0]).not.to.contain('x'.repeat(40));
      expect(warnings[0]!.length).to.be.below(200);
    });

    it('escapes control characters in the quoted value', async () => {
      const warnings = await warningsDuring(() => safeHref('pay-href', '\u0000java\nscript:alert(1)'));
      expect(warnings[0]).to.contain('"\\u0000java\\nscript:alert(1)"');
    });

    it('says nothing about a missing or safe address', async () => {
      const warnings = await warningsDuring(() => {
        expect(safeHref('login-href', null)).to.equal(undefined);
        expect(safeHref('login-href', undefined)).to.equal(undefined);
        expect(safeHref('login-href', '/login')).to.equal('/login');
      });
      expect(warnings).to.deep.equal([]);
    });
  });

  describe('every element', () => {
    it('declares exactly the link attributes of the table', () => {
      for (const [tag, attributes] of Object.entries(HREF_ATTRIBUTES)) {
        expect(customElements.get(tag), tag).not.to.equal(undefined);
        expect(declaredHrefAttributes(tag), tag).to.deep.equal([...attributes].sort());
      }
    });

    for (const [tag, attributes] of Object.entries(HREF_ATTRIBUTES)) {
      for (const attribute of attributes) {
        it(`<${tag} ${attribute}> ignores every unsafe address with a warning naming ${attribute}`, async () => {
          const element = document.createElement(tag) as HTMLElement & Record<string, unknown>;
          const property = propertyOf(attribute);
          for (const value of UNSAFE) {
            element.setAttribute(attribute, '/before');
            expect(element[property], 'a safe address first').to.equal('/before');
            const warnings = await warningsDuring(() => element.setAttribute(attribute, value));
            expect(element[property], JSON.stringify(value)).to.equal(undefined);
            expect(warnings, JSON.stringify(value)).to.have.length(1);
            expect(warnings[0]).to.contain(attribute);
          }
        });

        it(`<${tag} ${attribute}> keeps every safe address as given`, async () => {
          const element = document.createElement(tag) as HTMLElement & Record<string, unknown>;
          const property = propertyOf(attribute);
          const warnings = await warningsDuring(() => {
            for (const value of SAFE) {
              element.setAttribute(attribute, value);
              expect(element[property], JSON.stringify(value)).to.equal(value);
            }
          });
          expect(warnings).to.deep.equal([]);
        });
      }
    }
  });

  describe('rendered links', () => {
    const backend = useMockBackend();
    const link = (form: Element, to: string) => form.querySelector(`[part~="link-${to}"]`)!;

    it('shows a button, not a javascript: link, for an unsafe register-href and recover-href', async () => {
      let form!: LkLoginFormElement;
      const warnings = await warningsDuring(async () => {
        form = await renderWithBackend<LkLoginFormElement>(
          backend,
          html`<lk-login-form register-href=" JavaScript:alert(1)" recover-href="data:text/html,hi"></lk-login-form>`,
        );
      });
      expect(link(form, 'register').localName).to.equal('button');
      expect(link(form, 'recover').localName).to.equal('button');
      expect(form.querySelector('a[href*="script:" i], a[href^="data:" i]')).to.equal(null);
      expect(warnings.some((warning) => warning.includes('register-href'))).to.equal(true);
      expect(warnings.some((warning) => warning.includes('recover-href'))).to.equal(true);
    });

    it('decodes an entity-encoded javascript: in the markup as the browser does, and refuses it', async () => {
      let form!: LkLoginFormElement;
      await warningsDuring(async () => {
        form = await renderWithBackend<LkLoginFormElement>(
          backend,
          html`<lk-login-form register-href="&#106;ava&#x09;script&colon;alert(1)"></lk-login-form>`,
        );
      });
      expect(form.getAttribute('register-href')).to.equal('java\tscript:alert(1)');
      expect(link(form, 'register').localName).to.equal('button');
    });

    it('shows a real link for a safe address', async () => {
      const form = await renderWithBackend<LkLoginFormElement>(
        backend,
        html`<lk-login-form register-href="https://example.ru/register" recover-href="/recover"></lk-login-form>`,
      );
      expect(link(form, 'register').getAttribute('href')).to.equal('https://example.ru/register');
      expect(link(form, 'recover').getAttribute('href')).to.equal('/recover');
    });

    it('refuses an unsafe address set as a property too', async () => {
      const form = await renderWithBackend<LkLoginFormElement>(backend, html`<lk-login-form></lk-login-form>`);
      const warnings = await warningsDuring(async () => {
        form.registerHref = 'javascript:alert(1)';
        await form.updateComplete;
      });
      expect(link(form, 'register').localName).to.equal('button');
      expect(warnings.some((warning) => warning.includes('register-href'))).to.equal(true);
    });
  });
});
