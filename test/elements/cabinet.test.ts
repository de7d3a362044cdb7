import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { LkCabinetElement } from '../../src/entries/cabinet.js';
import { SECTION_MODULES } from '../../src/elements/cabinet/section-loader.js';
import { createClient } from '../../src/api/client.js';
import { resetConfiguration } from '../../src/context/environment.js';
import { SESSION_COOKIE } from '../../mocks/sessions.js';
import { DEMO_USER, UNCONFIRMED_USER, useMockBackend } from '../mocks/helpers.js';
import { FAULTS } from './bad-input.js';
import { expectTargetsAtLeast24, findPart, press, renderPage, renderWithBackend, textOf, typeInto } from './helpers.js';

const SECTION_PARAM = 'lk-section';

/** The section shown, by the tag or part inside it. */
const shownSection = (cabinet: LkCabinetElement) => cabinet.section;

async function settled(cabinet: LkCabinetElement): Promise<void> {
  await cabinet.updateComplete;
  await waitUntil(
    () => !cabinet.querySelector('[aria-busy="true"]'),
    `the cabinet stayed busy: ${cabinet.querySelector('[aria-busy="true"]')?.parentElement?.closest('[part], [id]')?.outerHTML.slice(0, 300)}`,
    { timeout: 5000 },
  );
  for (const element of cabinet.querySelectorAll('*')) {
    if (element.localName.startsWith('lk-')) await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  }
}

/** Logs in through the cabinet's own login form with real key presses. */
async function logInThroughForm(cabinet: LkCabinetElement, user = DEMO_USER): Promise<void> {
  const form = await findPart(cabinet, 'lk-login-form');
  await typeInto(form.querySelector<HTMLInputElement>('input[autocomplete="username"]')!, user.email);
  await typeInto(form.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!, user.password);
  await press('Enter');
  await waitUntil(() => envOf(cabinet).session.status === 'authenticated', 'the login did not go through');
  await settled(cabinet);
}

/** The nav link of `section`'s label. */
const navLink = (cabinet: LkCabinetElement, label: string) =>
  [...cabinet.querySelectorAll<HTMLElement>('[part~="nav-link"]')].find((link) => textOf(link) === label)!;

/** The environment the cabinet gives the elements inside it. */
const envOf = (cabinet: LkCabinetElement) => cabinet.querySelector('lk-provider')!.environment;

describe('<lk-cabinet>', () => {
  const backend = useMockBackend();
  const render = (markup = html`<lk-cabinet support-email="help@example.ru"></lk-cabinet>`) =>
    renderWithBackend<LkCabinetElement>(backend, markup).then(async (cabinet) => {
      await settled(cabinet);
      return cabinet;
    });

  afterEach(() => {
    // Sections in the address must not leak into the next test.
    history.replaceState(null, '', location.pathname);
  });

  describe('accessibility', () => {
    it('is accessible logged out, and its targets are at least 24 px', async () => {
      const cabinet = await render();
      await expect(cabinet).to.be.accessible();
      expectTargetsAtLeast24(cabinet);
    });

    it('is accessible logged in in every section', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      for (const label of ['Лицевой счет', 'Подключить ЛС', 'Настройки']) {
        navLink(cabinet, label).click();
        await settled(cabinet);
        await expect(cabinet).to.be.accessible();
      }
      expectTargetsAtLeast24(cabinet);
    });
  });

  describe('logged out', () => {
    it('shows the login form, and from it registration and recovery', async () => {
      const cabinet = await render();
      expect(shownSection(cabinet)).to.equal('login');
      expect(cabinet.querySelector('lk-login-form')).to.exist;
      cabinet.querySelector<HTMLElement>('lk-login-form [part~="link-register"]')!.click();
      await settled(cabinet);
      expect(cabinet.querySelector('lk-register-form')).to.exist;
      expect(cabinet.querySelector('lk-login-form')).not.to.exist;
      cabinet.querySelector<HTMLElement>('lk-register-form [part~="link-login"]')!.click();
      await settled(cabinet);
      cabinet.querySelector<HTMLElement>('lk-login-form [part~="link-recover"]')!.click();
      await settled(cabinet);
      expect(cabinet.querySelector('lk-password-recovery')).to.exist;
    });

    it('passes the agreement to the registration form', async () => {
      const cabinet = await render(
        html`<lk-cabinet agreement-href="/agreement.html" agreement-version="2026-11"></lk-cabinet>`,
      );
      cabinet.querySelector<HTMLElement>('[part~="link-register"]')!.click();
      await settled(cabinet);
      const form = cabinet.querySelector('lk-register-form')!;
      expect([form.agreementHref, form.agreementVersion]).to.deep.equal(['/agreement.html', '2026-11']);
    });

    it('opens confirmation for a letter\'s link', async () => {
      history.replaceState(null, '', `${location.pathname}?lk-confirm=${'A'.repeat(43)}`);
      const cabinet = await render();
      expect(shownSection(cabinet)).to.equal('confirm');
      expect(cabinet.querySelector('lk-confirm-email')).to.exist;
    });

    it('shows no navigation and no "Выйти"', async () => {
      const cabinet = await render();
      expect(cabinet.querySelector('[part~="nav"]')).not.to.exist;
      expect(cabinet.querySelector('[part~="logout"]')).not.to.exist;
    });
  });

  describe('logged in', () => {
    it('welcomes the abonent with the seed\'s words and the navigation panel, and guides to connect an account', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      expect(shownSection(cabinet)).to.equal('account');
      expect(textOf(cabinet.querySelector('[part~="welcome"]'))).to.contain(
        'Уважаемый абонент! Добро пожаловать в Личный кабинет поставщика услуг.',
      );
      expect([...cabinet.querySelectorAll('[part~="nav-link"]')].map(textOf)).to.deep.equal([
        'Лицевой счет',
        'Оплата',
        'Показания',
        'Подключить ЛС',
        'Настройки',
      ]);
      expect(navLink(cabinet, 'Лицевой счет').getAttribute('aria-current')).to.equal('page');
      expect(textOf(cabinet.querySelector('[part~="connect-first"]'))).to.contain(
        'Для начала работы с Личным кабинетом Вам необходимо подключить к нему Ваши лицевые счета.',
      );
      expect(textOf(cabinet.querySelector('[part~="user"]'))).to.contain(DEMO_USER.email);
      cabinet.querySelector<HTMLElement>('[part~="link-connect"]')!.click();
      await settled(cabinet);
      expect(shownSection(cabinet)).to.equal('connect');
      expect(cabinet.querySelector('lk-account-connect')).to.exist;
      expect(document.activeElement?.getAttribute('part')).to.contain('section');
    });

    it('shows the current account once one is connected, and follows the choice of another', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      const { accounts } = envOf(cabinet);
      await accounts.connect({ supplierId: 'mrg-pyatigorsk-dagestan', number: '5812345678' });
      const second = await accounts.connect({ supplierId: 'mrg-pskov', number: '6001234567' });
      await settled(cabinet);
      const summary = () => textOf(cabinet.querySelector('lk-account-summary [part~="facts"]'));
      expect(summary()).to.contain('5812345678');
      expect(cabinet.querySelector('lk-accounts')).to.exist;
      expect(cabinet.querySelector('lk-account-history')).to.exist;
      accounts.select(second.id);
      await settled(cabinet);
      expect(summary()).to.contain('6001234567');
      await expect(cabinet).to.be.accessible();
    });

    it('leads "оплатить онлайн" to "Оплата", with the payment and the payments made', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      await envOf(cabinet).accounts.connect({ supplierId: 'mrg-pyatigorsk-dagestan', number: '5812345678' });
      await settled(cabinet);
      (await findPart(cabinet, 'lk-account-summary [part~="link-pay"]')).click();
      await settled(cabinet);
      expect(shownSection(cabinet)).to.equal('pay');
      expect(navLink(cabinet, 'Оплата').getAttribute('aria-current')).to.equal('page');
      expect(cabinet.querySelector('lk-pay-now')).to.exist;
      expect(cabinet.querySelector('lk-payment-history')).to.exist;
      await expect(cabinet).to.be.accessible();
    });

    it('has "Показания" with the readings form', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      await envOf(cabinet).accounts.connect({ supplierId: 'mrg-pyatigorsk-dagestan', number: '5812345678' });
      navLink(cabinet, 'Показания').click();
      await settled(cabinet);
      expect(shownSection(cabinet)).to.equal('readings');
      expect(cabinet.querySelector('lk-readings-form')).to.exist;
      await expect(cabinet).to.be.accessible();
    });

    it('opens password recovery from the settings\' "Забыли пароль?", with the panel still there', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      navLink(cabinet, 'Настройки').click();
      await settled(cabinet);
      (await findPart(cabinet, 'lk-settings [part~="link-recover"]')).click();
      await settled(cabinet);
      expect(shownSection(cabinet)).to.equal('recover');
      expect(cabinet.querySelector('lk-password-recovery')).to.exist;
      expect(cabinet.querySelector('[part~="nav"]')).to.exist;
      await expect(cabinet).to.be.accessible();
    });

    it('shows the unconfirmed user the confirmation state, not the sections', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet, UNCONFIRMED_USER);
      expect(shownSection(cabinet)).to.equal('login');
      expect(textOf(cabinet.querySelector('lk-login-form [part~="unconfirmed"]'))).to.contain('ещё не подтверждён');
      expect(cabinet.querySelector('[part~="nav"]')).not.to.exist;
    });

    it('logs out with "Выйти", always in the panel, and says so', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      navLink(cabinet, 'Настройки').click();
      await settled(cabinet);
      const loggedOut = oneEvent(cabinet, 'lk-logout');
      cabinet.querySelector<HTMLElement>('[part~="logout"]')!.click();
      expect((await loggedOut).detail.reason).to.equal('user');
      await settled(cabinet);
      expect(shownSection(cabinet)).to.equal('login');
      expect(textOf(cabinet.querySelector('[part~="notice"]'))).to.equal('Вы вышли из Личного кабинета.');
      expect(cabinet.querySelector('lk-settings')).not.to.exist;
    });

    it('keeps "Выйти" working after a fault, with a retry', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      await backend.faults.set('logout', 'server-error');
      cabinet.querySelector<HTMLElement>('[part~="logout"]')!.click();
      const retry = await findPart(cabinet, ':scope > lk-provider [part~="fault"] [part~="retry"]');
      expect(envOf(cabinet).session.status).to.equal('authenticated');
      await backend.faults.clear();
      retry.click();
      await waitUntil(() => shownSection(cabinet) === 'login', 'the retry did not log out');
    });
  });

  describe('an expired session', () => {
    it('returns to login with a message, keeps the section and what was typed, and goes back after login', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      navLink(cabinet, 'Подключить ЛС').click();
      await settled(cabinet);
      const number = await findPart<HTMLInputElement>(cabinet, 'lk-account-connect input[inputmode="numeric"]');
      await typeInto(number, '6001234567');
      const form = number.closest('lk-account-connect');
      const loggedOut = oneEvent(cabinet, 'lk-logout');
      // The session ends on the backend; the next call finds out.
      await backend.clock.advance(31 * 24 * 60 * 60_000);
      await envOf(cabinet).accounts.reload();
      expect((await loggedOut).detail.reason).to.equal('expired');
      await settled(cabinet);
      expect(shownSection(cabinet)).to.equal('login');
      expect(textOf(cabinet.querySelector('[part~="notice"]'))).to.contain('Сеанс работы с Личным кабинетом истёк');
      expect(textOf(cabinet.querySelector('[part~="notice"]'))).to.contain('«Подключить ЛС»');

      await logInThroughForm(cabinet);
      expect(shownSection(cabinet)).to.equal('connect');
      await settled(cabinet);
      // The same form element, with what the user typed.
      const again = await findPart<HTMLInputElement>(cabinet, 'lk-account-connect input[inputmode="numeric"]');
      // (Compared by identity: chai would print a whole element tree on failure.)
      expect(again.closest('lk-account-connect') === form, 'the same <lk-account-connect>').to.equal(true);
      expect(again.value).to.equal('6001234567');
    });
  });

  describe('the address (sync-address)', () => {
    it('puts the section in the address, and back and forward move between sections', async () => {
      const cabinet = await render(html`<lk-cabinet sync-address></lk-cabinet>`);
      await logInThroughForm(cabinet);
      expect(new URLSearchParams(location.search).get(SECTION_PARAM)).to.equal('account');
      const link = navLink(cabinet, 'Настройки');
      expect(link.getAttribute('href')).to.contain(`${SECTION_PARAM}=settings`);
      link.click();
      await settled(cabinet);
      expect(new URLSearchParams(location.search).get(SECTION_PARAM)).to.equal('settings');
      const popped = oneEvent(window, 'popstate');
      history.back();
      await popped;
      await settled(cabinet);
      expect(shownSection(cabinet)).to.equal('account');
      const forward = oneEvent(window, 'popstate');
      history.forward();
      await forward;
      await settled(cabinet);
      expect(shownSection(cabinet)).to.equal('settings');
    });

    it('opens the section the address names after login', async () => {
      history.replaceState(null, '', `${location.pathname}?${SECTION_PARAM}=settings`);
      const cabinet = await render(html`<lk-cabinet sync-address></lk-cabinet>`);
      expect(shownSection(cabinet)).to.equal('login');
      await logInThroughForm(cabinet);
      expect(shownSection(cabinet)).to.equal('settings');
    });

    it('leaves the address alone without sync-address', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      navLink(cabinet, 'Настройки').click();
      await settled(cabinet);
      expect(location.search).to.equal('');
      expect(navLink(cabinet, 'Настройки').localName).to.equal('button');
    });
  });

  describe('keyboard only', () => {
    it('moves between sections with Tab and Enter', async () => {
      const cabinet = await render();
      await logInThroughForm(cabinet);
      navLink(cabinet, 'Лицевой счет').focus();
      await press('Tab'); // Оплата
      await press('Tab'); // Показания
      await press('Tab'); // Подключить ЛС
      await press('Enter');
      await settled(cabinet);
      expect(shownSection(cabinet)).to.equal('connect');
      // The new section has the focus, so a screen reader reads it next; the panel is just before it.
      expect(document.activeElement?.getAttribute('part')).to.contain('section');
      await press('Shift+Tab');
      expect(textOf(document.activeElement)).to.equal('Выйти');
      await press('Shift+Tab');
      await press('Shift+Tab');
      expect(document.activeElement).to.equal(navLink(cabinet, 'Подключить ЛС'));
      expect(navLink(cabinet, 'Подключить ЛС').getAttribute('aria-current')).to.equal('page');
    });
  });

  describe('support', () => {
    it('shows the support address in the help area', async () => {
      const cabinet = await render();
      const link = cabinet.querySelector<HTMLAnchorElement>('[part~="support-link"]')!;
      expect([textOf(link), link.getAttribute('href')]).to.deep.equal(['help@example.ru', 'mailto:help@example.ru']);
    });

    it('has no default address, and refuses one that mixes Latin and Cyrillic look-alikes', async () => {
      expect((await render(html`<lk-cabinet></lk-cabinet>`)).querySelector('[part~="support-link"]')).not.to.exist;
      // The seed's own address: "cmородина" starts with Latin "cm" before Cyrillic letters.
      const mixed = await render(html`<lk-cabinet support-email="support@cmородина.онлайн"></lk-cabinet>`);
      expect(mixed.querySelector('[part~="support-link"]')).not.to.exist;
      expect(textOf(mixed.querySelector('[part~="help"]'))).to.contain('подсказками');
    });
  });

  describe('faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`shows a ${fault} on loading the accounts, with a retry that works`, async () => {
        // No waits between the client's retries of the GET: the fault shows at once.
        const client = createClient({ baseUrl: backend.apiBase, retryDelay: () => 0 });
        const cabinet = await renderWithBackend<LkCabinetElement>(backend, html`<lk-cabinet></lk-cabinet>`, { client });
        await settled(cabinet);
        await backend.faults.set('accounts', fault);
        await logInThroughForm(cabinet);
        const alert = await findPart(cabinet, '[part~="account"] [part~="fault"]');
        expect(textOf(alert)).to.contain(message);
        await backend.faults.clear();
        alert.querySelector<HTMLElement>('[part~="retry"]')!.click();
        await waitUntil(() => cabinet.querySelector('[part~="connect-first"]'), 'the retry did not load the accounts');
      });
    }
  });

  describe('alone on a page', () => {
    it('is the whole cabinet with no provider around it, on its own api-base', async () => {
      resetConfiguration();
      const cabinet = await renderPage<LkCabinetElement>(
        html`<lk-cabinet api-base=${backend.apiBase} .clock=${backend.clock}></lk-cabinet>`,
      );
      await settled(cabinet);
      await logInThroughForm(cabinet);
      expect(shownSection(cabinet)).to.equal('account');
      expect(document.cookie).not.to.contain(SESSION_COOKIE);
    });

    it('in English', async () => {
      const cabinet = await render(html`<lk-cabinet locale="en"></lk-cabinet>`);
      await logInThroughForm(cabinet);
      expect([...cabinet.querySelectorAll('[part~="nav-link"]')].map(textOf)).to.deep.equal([
        'Personal account',
        'Payment',
        'Meter readings',
        'Connect an account',
        'Settings',
      ]);
      expect(cabinet.querySelector('lk-login-form, lk-accounts')?.getAttribute('lang') ?? 'en').to.equal('en');
    });
  });

  describe('sections loaded when first shown', () => {
    /** A cabinet whose registration loads nothing the first time, as over a lost connection, and then defines its tag. */
    let attempts = 0;
    class FlakyCabinet extends LkCabinetElement {
      static override sectionModules = {
        ...SECTION_MODULES,
        register: {
          tags: ['lk-test-register-section'],
          load: async () => {
            attempts += 1;
            if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
            customElements.define('lk-test-register-section', class extends HTMLElement {});
          },
        },
      };
    }
    customElements.define('lk-test-flaky-cabinet', FlakyCabinet);

    it("loads a section's elements the first time it is shown", async () => {
      const cabinet = await render();
      expect(customElements.get('lk-login-form') !== undefined).to.equal(true);
      await logInThroughForm(cabinet);
      navLink(cabinet, 'Оплата').click();
      await settled(cabinet);
      expect(customElements.get('lk-pay-now') !== undefined).to.equal(true);
      expect(cabinet.querySelector('lk-pay-now [part~="pay-now"], lk-pay-now [part~="empty"]') !== null).to.equal(true);
    });

    it('ends a failed load in an alert whose "Повторить" loads the section', async () => {
      const cabinet = await renderWithBackend<LkCabinetElement>(backend, html`<lk-test-flaky-cabinet></lk-test-flaky-cabinet>`);
      await settled(cabinet);
      (await findPart(cabinet, 'lk-login-form [part~="link-register"]')).click();
      const retry = await findPart(cabinet, '[part~="section-public"] [part~="fault"] [part~="retry"]');
      expect(textOf(cabinet.querySelector('[part~="section-public"] [part~="fault"]'))).to.contain('Раздел не загрузился');
      await expect(cabinet).to.be.accessible();
      retry.click();
      await settled(cabinet);
      expect(cabinet.querySelector('[part~="section-public"] [part~="fault"]') === null).to.equal(true);
      expect(cabinet.querySelector('[part~="section-public"] lk-register-form') !== null).to.equal(true);
      expect(attempts).to.equal(2);
    });
  });
});
