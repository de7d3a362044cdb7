import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../../src/entries/login-form.js';
import '../../src/entries/register-form.js';
import { useMockBackend } from '../mocks/helpers.js';
import { countRequests, renderWithBackend, textOf, typeInto } from './helpers.js';

/** `abonent` with a Greek omicron (U+03BF) for the Latin `o`. */
const GREEK_OMICRON_EMAIL = 'ab\u03bfnent@example.ru';
/** `mail` with a Cyrillic `а` (U+0430) for the Latin `a`. */
const CYRILLIC_A_EMAIL = 'm\u0430il@example.ru';

const FORMS: ReadonlyArray<{ tag: string; template: TemplateResult }> = [
  { tag: 'lk-login-form', template: html`<lk-login-form></lk-login-form>` },
  {
    tag: 'lk-register-form',
    template: html`<lk-register-form agreement-href="/agreement.html" agreement-version="2026-11"></lk-register-form>`,
  },
];

const emailInput = (form: Element) => form.querySelector<HTMLInputElement>('input[name="email"]')!;
const submit = (form: Element) => form.querySelector<HTMLButtonElement>('[part~="submit"]')!;
const fieldError = (input: HTMLInputElement) => textOf(input.closest('[part~="field"]')!.querySelector('[part~="field-error"]'));

describe('look-alike letters in the address of the login and register forms', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });

  for (const { tag, template } of FORMS) {
    describe(`<${tag}>`, () => {
      for (const [what, email] of [
        ['a Greek omicron', GREEK_OMICRON_EMAIL],
        ['a Cyrillic а', CYRILLIC_A_EMAIL],
      ] as const) {
        it(`says, in Russian, to type the address in one alphabet (${what}), and sends nothing`, async () => {
          const form = await renderWithBackend<HTMLElement>(backend, template);
          const requests = countRequests(backend);
          await typeInto(emailInput(form), email);
          submit(form).click();
          await waitUntil(() => fieldError(emailInput(form)), 'no e-mail error');
          expect(fieldError(emailInput(form))).to.contain('(или греческие)');
          expect(fieldError(emailInput(form))).to.contain('Наберите адрес в одном алфавите');
          expect(emailInput(form).value).to.equal(email);
          expect(requests.paths.filter((path) => /auth\/(login|register)$/.test(path))).to.deep.equal([]);
          requests.stop();
        });
      }

      it('says it in English too', async () => {
        const form = await renderWithBackend<HTMLElement>(backend, template, { locale: 'en' });
        await typeInto(emailInput(form), GREEK_OMICRON_EMAIL);
        submit(form).click();
        await waitUntil(() => fieldError(emailInput(form)), 'no e-mail error');
        expect(fieldError(emailInput(form))).to.contain('(Latin, Cyrillic, Greek)');
        expect(fieldError(emailInput(form))).to.contain('Type the address in one alphabet');
      });

      it('takes an internationalised address in one script', async () => {
        const form = await renderWithBackend<HTMLElement>(backend, template);
        await typeInto(emailInput(form), 'пример@почта.рф');
        submit(form).click();
        // The other fields are empty, so an error shows; the address has none.
        await waitUntil(() => form.querySelector('[part~="error-summary"]'), 'no error summary');
        expect(fieldError(emailInput(form))).to.equal('');
      });
    });
  }
});
