import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { pageWorker } from '../../mocks/browser.js';
import { createClient } from '../../src/api/client.js';
import type { NavigateTarget } from '../../src/context/navigator.js';
import type { LkCaptchaElement } from '../../src/elements/captcha/captcha.js';
import type { LkHintElement } from '../../src/elements/hint/hint.js';
import type { LkRegisterFormElement } from '../../src/elements/register-form/register-form.js';
import '../../src/entries/register-form.js';
import { formatDate } from '../../src/i18n/format.js';
import { DEMO_USER, lastLetter, register, useMockBackend } from '../mocks/helpers.js';
import { FAULTS, badEmails, BAD_NEW_PASSWORDS } from './bad-input.js';
import { countRequests, findPart, pasteInto, press, renderWithBackend, textOf, typeInto, expectTargetsAtLeast24 } from './helpers.js';

const AGREEMENT_VERSION = '2026-11';
const PASSWORD = 'gazPskov7';
const freshEmail = () => `abonent-${crypto.randomUUID().slice(0, 8)}@example.ru`;

describe('<lk-register-form>', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });

  interface Options {
    checkbox?: boolean;
    /** `null` leaves the attribute out. */
    version?: string | null;
    loginHref?: string;
  }
  const template = ({ checkbox = false, version = AGREEMENT_VERSION, loginHref }: Options = {}) =>
    html`<lk-register-form
      agreement-href="/agreement.html"
      agreement-version=${ifDefined(version ?? undefined)}
      ?agreement-checkbox=${checkbox}
      login-href=${ifDefined(loginHref)}
    ></lk-register-form>`;
  const render = (options: Options = {}, provider = {}) =>
    renderWithBackend<LkRegisterFormElement>(backend, template(options), provider);

  const emailInput = (form: Element) => form.querySelector<HTMLInputElement>('input[name="email"]')!;
  const passwordInput = (form: Element) => form.querySelector<HTMLInputElement>('input[name="password"]')!;
  const repeatInput = (form: Element) => form.querySelector<HTMLInputElement>('input[name="password-repeat"]')!;
  const submit = (form: Element) => form.querySelector<HTMLButtonElement>('[part~="submit"]')!;
  /** The form's own status line (the check inside it has one too). */
  const status = (form: Element) => form.querySelector(':scope > form > [part~="status"]');
  const summary = (form: Element) => form.querySelector<HTMLElement>('[part~="error-summary"]');
  const rule = (form: Element, name: string) => form.querySelector<HTMLElement>(`[part~="password-rule-${name}"]`)!;
  const liveRegion = (form: Element) => form.querySelector<HTMLElement>('[part~="password-rules-live"]')!;
  const fieldError = (input: HTMLInputElement) => textOf(input.closest('[part~="field"]')!.querySelector('[part~="field-error"]'));
  const registerCalls = (requests: { paths: string[] }) => requests.paths.filter((path) => path.endsWith('/auth/register')).length;
  /** The "?" hints of the e-mail, the password and the repeat, in that order. */
  const hints = (form: Element) => [...form.querySelectorAll<LkHintElement>('lk-hint')];
  const hintButton = (hint: Element) => hint.querySelector<HTMLButtonElement>('[part~="trigger"]')!;
  const hintText = (hint: LkHintElement) => document.getElementById(hint.textId)!;
  /** The name of a hint's button: it shows only "?". */
  const hintName = (hint: Element) => textOf(hintButton(hint).querySelector('[part~="visually-hidden"]'));

  async function fillIn(form: Element, email: string, password = PASSWORD, repeat = password) {
    if (email) await typeInto(emailInput(form), email);
    if (password) await typeInto(passwordInput(form), password);
    if (repeat) await typeInto(repeatInput(form), repeat);
  }

  async function registerAs(form: LkRegisterFormElement, email: string) {
    const registered = oneEvent(form, 'lk-registered');
    await fillIn(form, email);
    submit(form).click();
    return (await registered).detail;
  }

  describe('accessibility', () => {
    it('is accessible when empty', async () => {
      const form = await render();
      await expect(form).to.be.accessible();
    });

    it('is accessible with errors shown', async () => {
      const form = await render({ checkbox: true });
      submit(form).click();
      await findPart(form, '[part~="error-summary"]');
      await expect(form).to.be.accessible();
    });

    it('is accessible with the hints open and the rules half met', async () => {
      const form = await render();
      await typeInto(passwordInput(form), 'abc');
      const hint = hints(form)[1]!;
      hintButton(hint).click();
      await hint.updateComplete;
      expect(hint.open).to.equal(true);
      await expect(form).to.be.accessible();
    });

    it('is accessible with a fault and its retry button', async () => {
      await backend.faults.set('register', 'server-error');
      const form = await render();
      await fillIn(form, freshEmail());
      submit(form).click();
      await findPart(form, '[part~="fault"]');
      await expect(form).to.be.accessible();
    });

    it('is accessible while registering', async () => {
      await backend.faults.set('register', 'timeout');
      const form = await render();
      await fillIn(form, freshEmail());
      submit(form).click();
      await waitUntil(() => textOf(status(form)) === 'Регистрируем…');
      await expect(form).to.be.accessible();
    });

    it('is accessible on the success screen', async () => {
      const form = await render();
      await registerAs(form, freshEmail());
      await findPart(form, '[part~="success"]');
      await expect(form).to.be.accessible();
    });

    it('is accessible in English', async () => {
      const form = await render({}, { locale: 'en' });
      await expect(form).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('renders a real form in the page DOM, with the autocomplete password managers need', async () => {
      const form = await render();
      expect(form.shadowRoot).to.equal(null);
      expect(form.querySelector('form')).to.exist;
      expect(emailInput(form).autocomplete).to.equal('username');
      expect(passwordInput(form).autocomplete).to.equal('new-password');
      expect(repeatInput(form).autocomplete).to.equal('new-password');
      expect(passwordInput(form).type).to.equal('password');
      expect(repeatInput(form).type).to.equal('password');
      expect(passwordInput(form).hasAttribute('maxlength'), 'no maxlength: it would cut a paste short').to.equal(false);
      expect(submit(form).type).to.equal('submit');
    });

    it('speaks Russian with the seed wording', async () => {
      const form = await render();
      const label = (input: HTMLInputElement) => textOf(form.querySelector(`label[for="${input.id}"]`));
      expect(textOf(form.querySelector('[part~="title"]'))).to.equal('Регистрация');
      expect(label(emailInput(form))).to.equal('E-mail (логин)');
      expect(label(passwordInput(form))).to.equal('Укажите пароль');
      expect(label(repeatInput(form))).to.equal('Повторите пароль');
      expect(textOf(form.querySelector('[part~="toggle-password"]'))).to.equal('Показать пароль');
      expect(textOf(form.querySelector('[part~="agreement"]'))).to.equal(
        "Нажимая кнопку 'Зарегистрироваться', Вы принимаете условия Пользовательского соглашения (откроется в новой вкладке)",
      );
      expect(textOf(submit(form))).to.equal('Зарегистрироваться');
      expect(textOf(form.querySelector('[part~="link-login"]'))).to.equal('← вход в Личный кабинет');
      expect(hints(form).map(hintName)).to.deep.equal([
        'Подсказка: E-mail (логин)',
        'Подсказка: Укажите пароль',
        'Подсказка: Повторите пароль',
      ]);
    });

    it('loads the anti-robot check on demand and has it solved before the user submits', async () => {
      const form = await render();
      const captcha = await findPart<LkCaptchaElement>(form, 'lk-captcha');
      await waitUntil(() => customElements.get('lk-captcha'), 'lk-captcha never loaded');
      await waitUntil(() => captcha.state === 'solved', 'the check never passed');
      expect(textOf(captcha)).to.contain('Защита от роботов');
    });

    it('lists the seed policy: 5 to 10 Latin letters and digits, and the match', async () => {
      const form = await render();
      expect(textOf(rule(form, 'length'))).to.contain('От 5 до 10 символов');
      expect(textOf(rule(form, 'chars'))).to.contain('Только латинские буквы и цифры');
      expect(textOf(rule(form, 'match'))).to.contain('Пароли в обоих полях совпадают');
      expect(passwordInput(form).getAttribute('aria-describedby')).to.contain(form.querySelector('[part~="password-rules"]')!.id);
    });

    it('gives every instance its own ids', async () => {
      const wrapper = await renderWithBackend<HTMLElement>(backend, html`<div>${template()}${template()}</div>`);
      const ids = [...wrapper.querySelectorAll('[id]')].map((node) => node.id);
      expect(new Set(ids).size).to.equal(ids.length);
    });

    it('keeps targets at least 24 by 24 CSS pixels', async () => {
      const form = await render({ checkbox: true });
      expectTargetsAtLeast24(form);
    });
  });

  describe('attributes', () => {
    it('speaks English with locale="en"', async () => {
      const form = await render({}, { locale: 'en' });
      expect(textOf(submit(form))).to.equal('Register');
      expect(textOf(rule(form, 'length'))).to.contain('From 5 to 10 characters');
      expect(form.lang).to.equal('en');
    });

    it('links the agreement from agreement-href, in a new tab so nothing typed is lost', async () => {
      const form = await render();
      const link = form.querySelector<HTMLAnchorElement>('[part~="link-agreement"]')!;
      expect(link.getAttribute('href')).to.equal('/agreement.html');
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.contain('noopener');
    });

    it('sends agreement-version, and the backend records it', async () => {
      const form = await render();
      const email = freshEmail();
      await registerAs(form, email);
      const { users } = await backend.db.read();
      expect(Object.values(users).find((user) => user.email === email)?.agreementVersion).to.equal(AGREEMENT_VERSION);
    });

    it('with agreement-checkbox, starts unchecked and registers only once it is ticked', async () => {
      const form = await render({ checkbox: true });
      const checkbox = form.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      expect(checkbox.checked).to.equal(false);
      expect(textOf(form.querySelector(`label[for="${checkbox.id}"]`))).to.contain('Я принимаю условия Пользовательского соглашения');
      const requests = countRequests(backend);
      await fillIn(form, freshEmail());
      submit(form).click();
      await waitUntil(() => textOf(summary(form)).includes('примите условия Пользовательского соглашения'));
      expect(checkbox.getAttribute('aria-invalid')).to.equal('true');
      expect(registerCalls(requests)).to.equal(0);

      checkbox.focus();
      await press('Space');
      expect(checkbox.checked).to.equal(true);
      const registered = oneEvent(form, 'lk-registered');
      submit(form).click();
      await registered;
      expect(registerCalls(requests)).to.equal(1);
      requests.stop();
    });

    it('without agreement-version, tells the developer in the console and refuses to submit', async () => {
      const logged: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      let form: LkRegisterFormElement;
      try {
        form = await render({ version: null });
      } finally {
        console.error = original;
      }
      expect(String(logged[0]?.[0])).to.contain('agreement-version');
      const requests = countRequests(backend);
      await fillIn(form, freshEmail());
      submit(form).click();
      await waitUntil(() => textOf(summary(form)).includes('Регистрация на этой странице сейчас недоступна'));
      expect(registerCalls(requests)).to.equal(0);
      expect(emailInput(form).value).to.not.equal('');
      requests.stop();
    });

    it('renders a real link from login-href, and asks the navigator otherwise', async () => {
      const linked = await render({ loginHref: '/login' });
      expect(linked.querySelector('[part~="link-login"]')!.getAttribute('href')).to.equal('/login');

      const visited: NavigateTarget[] = [];
      const form = await render({}, { navigator: (to: NavigateTarget) => visited.push(to) });
      const navigated = oneEvent(form, 'lk-navigate');
      form.querySelector<HTMLElement>('[part~="link-login"]')!.click();
      expect((await navigated).detail.to).to.equal('login');
      expect(visited).to.deep.equal(['login']);
    });

    it('follows the provider’s password-policy', async () => {
      const provider = await renderWithBackend<HTMLElement>(
        backend,
        html`<lk-provider api-base=${backend.apiBase} .clock=${backend.clock} password-policy="strong">${template()}</lk-provider>`,
      );
      const form = provider.querySelector('lk-register-form')!;
      await form.updateComplete;
      expect(textOf(rule(form, 'length'))).to.contain('От 15 до 128 символов');
      expect(form.querySelector('[part~="password-rule-chars"]')).to.equal(null);
    });
  });

  describe('user input', () => {
    it('registers with the keyboard alone', async () => {
      const form = await render();
      const email = freshEmail();
      const [emailHint, passwordHint, repeatHint] = hints(form).map(hintButton);
      await typeInto(emailInput(form), email);
      await press('Tab');
      expect(document.activeElement).to.equal(emailHint);
      await press('Tab');
      expect(document.activeElement).to.equal(passwordInput(form));
      await sendKeys({ type: PASSWORD });
      await press('Tab');
      expect(document.activeElement).to.equal(passwordHint);
      await press('Tab');
      expect(document.activeElement).to.equal(repeatInput(form));
      await sendKeys({ type: PASSWORD });
      await press('Tab');
      expect(document.activeElement).to.equal(repeatHint);
      await press('Tab');
      expect(document.activeElement).to.equal(form.querySelector('[part~="toggle-password"]'));
      await press('Tab');
      expect(document.activeElement).to.equal(form.querySelector('[part~="link-agreement"]'));
      await press('Tab');
      expect(document.activeElement).to.equal(submit(form));
      const registered = oneEvent(form, 'lk-registered');
      await press('Enter');
      expect((await registered).detail.email).to.equal(email);
    });

    it('opens a "?" hint with the keyboard and closes it with Escape', async () => {
      const form = await render();
      const hint = hints(form)[0]!;
      const toggle = hintButton(hint);
      const text = hintText(hint);
      expect(toggle.type).to.equal('button');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(text.hidden).to.equal(true);
      expect(toggle.getAttribute('aria-describedby')).to.equal(text.id);
      expect(emailInput(form).getAttribute('aria-describedby')!.split(' ')).to.include(text.id);
      await typeInto(emailInput(form), 'a');
      await press('Tab');
      expect(document.activeElement).to.equal(toggle);
      await waitUntil(() => hint.open, 'keyboard focus did not open the hint');
      await hint.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(text.hidden).to.equal(false);
      expect(textOf(text)).to.contain('в качестве Вашего имени пользователя (логина)');
      await press('Escape');
      await waitUntil(() => !hint.open, 'Escape did not close the hint');
      await hint.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(text.hidden).to.equal(true);
      expect(document.activeElement).to.equal(toggle);
      await press('Enter');
      await waitUntil(() => hint.open, 'Enter did not open the hint');
      await press('Enter');
      await waitUntil(() => !hint.open, 'Enter did not close the hint');
    });

    it('describes each input by its hint, in the form’s own language', async () => {
      // The form's own locale, not the provider's (Russian): the hints follow the form.
      const form = await renderWithBackend<LkRegisterFormElement>(
        backend,
        html`<lk-register-form locale="en" agreement-version=${AGREEMENT_VERSION}></lk-register-form>`,
      );
      const [emailHint, passwordHint, repeatHint] = hints(form);
      for (const [input, hint] of [[emailInput(form), emailHint], [passwordInput(form), passwordHint], [repeatInput(form), repeatHint]] as const) {
        expect(input.getAttribute('aria-describedby')!.split(' '), input.name).to.include(hint!.textId);
        expect(hintText(hint!).closest('lk-hint')).to.equal(hint);
      }
      await emailHint!.updateComplete;
      expect(hintName(emailHint!)).to.equal('Hint: E-mail (login)');
    });

    it('explains the password rule of the policy in the password hint', async () => {
      const form = await render();
      const hint = hints(form)[1]!;
      hintButton(hint).click();
      await hint.updateComplete;
      expect(hint.open).to.equal(true);
      expect(textOf(hintText(hint))).to.equal(
        'Паролем может использоваться любая комбинация букв и цифр на английском языке, количество символов не менее 5, не более 10.',
      );
    });

    it('shows the state of each rule as the user types', async () => {
      const form = await render();
      const met = (name: string) => rule(form, name).getAttribute('part')!.includes('password-rule-met');
      expect([met('length'), met('chars'), met('match')]).to.deep.equal([false, false, false]);
      await typeInto(passwordInput(form), 'abc');
      expect([met('length'), met('chars'), met('match')]).to.deep.equal([false, true, false]);
      expect(textOf(rule(form, 'chars'))).to.contain('выполнено');
      await sendKeys({ type: '12' });
      expect([met('length'), met('chars'), met('match')]).to.deep.equal([true, true, false]);
      await sendKeys({ type: 'й' });
      expect([met('length'), met('chars'), met('match')]).to.deep.equal([true, false, false]);
      await press('Backspace');
      await typeInto(repeatInput(form), 'abc12');
      expect([met('length'), met('chars'), met('match')]).to.deep.equal([true, true, true]);
    });

    it('announces politely only the rules whose state changed, not every keystroke', async () => {
      const form = await render();
      const live = liveRegion(form);
      expect(live.getAttribute('aria-live')).to.equal('polite');
      const heard: string[] = [];
      const observer = new MutationObserver(() => heard.push(textOf(live)));
      observer.observe(live, { childList: true, characterData: true, subtree: true });
      const settle = async () => {
        await form.updateComplete;
        await new Promise((resolve) => setTimeout(resolve));
      };

      await typeInto(passwordInput(form), 'a');
      await settle();
      expect(textOf(live)).to.equal('Только латинские буквы и цифры: выполнено.');
      const before = heard.length;
      await sendKeys({ type: 'bc' });
      await settle();
      expect(heard.length, 'keystrokes that change no rule say nothing').to.equal(before);
      await sendKeys({ type: 'de' });
      await settle();
      expect(textOf(live)).to.equal('От 5 до 10 символов: выполнено.');
      await typeInto(repeatInput(form), 'abcde');
      await settle();
      expect(textOf(live)).to.equal('Пароли в обоих полях совпадают: выполнено.');
      observer.disconnect();
    });

    it('shows both passwords with one pressed button, keeping the values and the caret; masks them on submit', async () => {
      const form = await render();
      await typeInto(passwordInput(form), 'abc123');
      await typeInto(repeatInput(form), 'abc123');
      passwordInput(form).focus();
      passwordInput(form).setSelectionRange(2, 2);
      const toggle = form.querySelector<HTMLButtonElement>('[part~="toggle-password"]')!;
      expect(toggle.type).to.equal('button');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect(toggle.getAttribute('aria-controls')).to.equal(`${passwordInput(form).id} ${repeatInput(form).id}`);
      toggle.click();
      await waitUntil(() => passwordInput(form).type === 'text' && repeatInput(form).type === 'text');
      await form.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(passwordInput(form).value).to.equal('abc123');
      expect(passwordInput(form).selectionStart).to.equal(2);
      submit(form).click();
      await waitUntil(() => passwordInput(form).type === 'password' && repeatInput(form).type === 'password');
    });

    it('never blocks a paste', async () => {
      const form = await render();
      for (const input of [emailInput(form), passwordInput(form), repeatInput(form)]) {
        const paste = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
        input.dispatchEvent(paste);
        expect(paste.defaultPrevented, input.name).to.equal(false);
      }
    });
  });

  describe('validation', () => {
    it('sends nothing when empty, and focuses a summary that links to each field', async () => {
      const form = await render();
      const requests = countRequests(backend);
      submit(form).click();
      const box = await findPart(form, '[part~="error-summary"]');
      await waitUntil(() => document.activeElement === box);
      const links = [...box.querySelectorAll<HTMLAnchorElement>('a')];
      expect(links.map((link) => link.hash)).to.deep.equal([
        `#${emailInput(form).id}`,
        `#${passwordInput(form).id}`,
        `#${repeatInput(form).id}`,
      ]);
      expect(textOf(box)).to.contain('Введите адрес электронной почты.');
      expect(textOf(box)).to.contain('Введите пароль.');
      expect(textOf(box)).to.contain('Введите пароль ещё раз');
      for (const input of [emailInput(form), passwordInput(form), repeatInput(form)]) {
        expect(input.getAttribute('aria-invalid'), input.name).to.equal('true');
        expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(`${input.id}-error`);
      }
      links[2]!.click();
      expect(document.activeElement).to.equal(repeatInput(form));
      expect(registerCalls(requests)).to.equal(0);
      requests.stop();
    });

    for (const [name, value] of badEmails('tags')) {
      it(`explains a bad e-mail (${name}), sends nothing and keeps it`, async () => {
        const form = await render();
        const requests = countRequests(backend);
        // Long values are pasted: typing hundreds of keys is slow and proves nothing more.
        if (value.length > 40) pasteInto(emailInput(form), value);
        await fillIn(form, value.length > 40 ? '' : value);
        submit(form).click();
        await waitUntil(() => fieldError(emailInput(form)));
        expect(fieldError(emailInput(form))).to.match(/адрес|электронной почты|раскладке|символ/i);
        expect(emailInput(form).value).to.equal(value);
        expect(passwordInput(form).value).to.equal(PASSWORD);
        expect(registerCalls(requests)).to.equal(0);
        requests.stop();
      });
    }

    const badPasswords = BAD_NEW_PASSWORDS;
    for (const [name, value, message] of badPasswords) {
      it(`explains a bad password (${name}), sends nothing and keeps it exactly`, async () => {
        const form = await render();
        const requests = countRequests(backend);
        await fillIn(form, freshEmail(), value);
        submit(form).click();
        // A password over the limit is flagged while typing: the submit's verdict is in once the summary is.
        await waitUntil(() => summary(form) && fieldError(passwordInput(form)));
        expect(fieldError(passwordInput(form))).to.match(message);
        expect(passwordInput(form).value).to.equal(value);
        expect(repeatInput(form).value).to.equal(value);
        expect(registerCalls(requests)).to.equal(0);
        requests.stop();
      });
    }

    for (const [name, value] of badPasswords) {
      it(`explains a repeat that does not match (${name}), sends nothing and keeps it`, async () => {
        const form = await render();
        const requests = countRequests(backend);
        await fillIn(form, freshEmail(), PASSWORD, value);
        submit(form).click();
        await waitUntil(() => fieldError(repeatInput(form)));
        expect(fieldError(repeatInput(form))).to.equal('Пароли не совпадают. Введите в поле «Повторите пароль» тот же пароль.');
        expect(fieldError(passwordInput(form))).to.equal('');
        expect(repeatInput(form).value).to.equal(value);
        expect(registerCalls(requests)).to.equal(0);
        requests.stop();
      });
    }

    it('says at once that a pasted password is too long, and never shortens it', async () => {
      const form = await render();
      const pasted = 'x'.repeat(300);
      pasteInto(passwordInput(form), pasted);
      await form.updateComplete;
      expect(fieldError(passwordInput(form))).to.contain('Пароль слишком длинный');
      expect(rule(form, 'length').getAttribute('part')).to.contain('password-rule-unmet');
      expect(passwordInput(form).value).to.equal(pasted);
    });

    for (const common of ['qwerty1', 'password1', '12345', 'Qwerty1']) {
      it(`refuses the common password ${common} with a clear message`, async () => {
        const form = await render();
        const requests = countRequests(backend);
        await fillIn(form, freshEmail(), common);
        submit(form).click();
        await waitUntil(() => fieldError(passwordInput(form)));
        expect(fieldError(passwordInput(form))).to.equal('Этот пароль слишком распространён, его легко подобрать. Придумайте другой.');
        expect(passwordInput(form).value).to.equal(common);
        expect(registerCalls(requests)).to.equal(0);
        requests.stop();
      });
    }
  });

  describe('submission', () => {
    it('registers: fires lk-registered and shows the seed’s screen with the date the backend enforces', async () => {
      const form = await render();
      const email = freshEmail();
      const detail = await registerAs(form, email);
      expect(detail.email).to.equal(email);
      const date = formatDate(detail.confirmUntil, 'ru');
      const success = await findPart(form, '[part~="success"]');
      expect(textOf(success)).to.contain(
        'Вы успешно зарегистрированы в Системе. Для Вас создан Личный кабинет! Для подтверждения регистрации перейдите по ссылке, ' +
          `отправленной на Ваш электронный адрес ${email}`,
      );
      expect(textOf(success)).to.contain(
        'Если письмо не будет доставлено в течение нескольких минут, повторите отправку ссылки. Для этого войдите в Личный кабинет ' +
          'под Вашими логином и паролем и нажмите на кнопку «Выслать ссылку».',
      );
      expect(textOf(success)).to.contain(
        `Внимание! Ссылка действительна до ${date}. После истечения указанной даты Ваш Личный кабинет будет удален.`,
      );
      expect(date).to.match(/^\d{2}\.\d{2}\.\d{4}$/);
      expect(textOf(success.querySelector('[part~="link-login"]'))).to.equal('Возврат к странице Авторизации');
      await waitUntil(() => document.activeElement === success.querySelector('[part~="success-title"]'));
      const letter = await lastLetter(backend, email, 'confirm');
      expect(letter?.body).to.contain(`Ссылка действительна до ${date}`);
    });

    it('shows the same screen for an address that is already registered', async () => {
      const fresh = await render();
      const email = freshEmail();
      await registerAs(fresh, email);
      const newScreen = textOf(await findPart(fresh, '[part~="success"]'));

      const existing = await render();
      const detail = await registerAs(existing, DEMO_USER.email);
      const existingScreen = textOf(await findPart(existing, '[part~="success"]'));
      expect(detail.email).to.equal(DEMO_USER.email);
      expect(existingScreen).to.equal(newScreen.replace(email, DEMO_USER.email));
      expect((await lastLetter(backend, DEMO_USER.email))?.kind).to.equal('already-registered');
    });

    it('sends one request for a double click and an Enter', async () => {
      await backend.latency.set(50);
      const form = await render();
      await fillIn(form, freshEmail());
      const requests = countRequests(backend);
      const registered = oneEvent(form, 'lk-registered');
      submit(form).click();
      submit(form).click();
      repeatInput(form).focus();
      await press('Enter');
      await registered;
      expect(registerCalls(requests)).to.equal(1);
      requests.stop();
    });

    it('gets a new anti-robot answer when the backend refuses the old one, and says so', async () => {
      const form = await render();
      const captcha = await findPart<LkCaptchaElement>(form, 'lk-captcha');
      await waitUntil(() => captcha.solution, 'the check never passed');
      const spent = captcha.solution!;
      // Someone else uses the answer first: the backend accepts an answer once.
      expect((await register(backend, { captcha: spent })).status).to.equal(202);

      await fillIn(form, freshEmail());
      submit(form).click();
      await waitUntil(() => textOf(summary(form)).includes('Проверка «Защита от роботов» устарела и проходит заново'));
      expect(document.activeElement).to.equal(summary(form));
      expect(emailInput(form).value).to.not.equal('');
      expect(passwordInput(form).value).to.equal(PASSWORD);
      await waitUntil(() => captcha.solution && captcha.solution.id !== spent.id, 'no new answer');

      const registered = oneEvent(form, 'lk-registered');
      submit(form).click();
      await registered;
    });

    it('puts the backend’s field errors on their fields', async () => {
      // A backend may refuse what the form let through (a longer list of common passwords, stricter address rules).
      const form = await render();
      const requests = countRequests(backend);
      answerNextRegister(422, {
        code: 'validation_failed',
        errors: [
          { pointer: '/email', code: 'email_mixed_script' },
          { pointer: '/password', code: 'password_common' },
        ],
      });
      await fillIn(form, freshEmail());
      submit(form).click();
      await waitUntil(() => fieldError(passwordInput(form)));
      expect(fieldError(emailInput(form))).to.contain('смешаны латинские и русские буквы');
      expect(fieldError(passwordInput(form))).to.contain('слишком распространён');
      await waitUntil(() => document.activeElement === summary(form));
      expect(registerCalls(requests)).to.equal(1);
      requests.stop();
    });
  });

  describe('server errors and network faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`ends a ${fault} with a message, keeps the input and retries`, async () => {
        await backend.faults.set('register', fault);
        const form = await render();
        const email = freshEmail();
        const failed = oneEvent(form, 'lk-error');
        await fillIn(form, email);
        submit(form).click();
        await failed;
        const alert = await findPart(form, '[part~="fault"]');
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain(message);
        expect(emailInput(form).value).to.equal(email);
        expect(passwordInput(form).value).to.equal(PASSWORD);
        expect(repeatInput(form).value).to.equal(PASSWORD);
        await backend.faults.clear();
        const registered = oneEvent(form, 'lk-registered');
        alert.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        expect((await registered).detail.email).to.equal(email);
      });
    }

    it('ends a timeout with a message and a retry, never an endless spinner', async () => {
      await backend.faults.set('register', 'timeout');
      const form = await render({}, { client: createClient({ baseUrl: backend.apiBase, timeout: 300 }) });
      await fillIn(form, freshEmail());
      submit(form).click();
      const alert = await findPart(form, '[part~="fault"]');
      expect(textOf(alert)).to.contain('Сервер не ответил вовремя');
      expect(textOf(status(form))).to.equal('');
    });
  });

  /** Answers the next `POST auth/register` with `status` and a problem body of `members`. */
  function answerNextRegister(status: number, members: Record<string, unknown>): void {
    pageWorker()!.use(
      http.post(
        backend.url('register'),
        () => HttpResponse.json({ type: 'about:blank', status, ...members }, { status, headers: { 'Content-Type': 'application/problem+json' } }),
        { once: true },
      ),
    );
  }
});
