import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { LkHintElement } from '../../src/elements/hint/hint.js';
import '../../src/entries/hint.js';
import { useMockBackend } from '../mocks/helpers.js';
import { expectTargetsAtLeast24, press, renderWithBackend, textOf } from './helpers.js';

const TEXT = 'Номер лицевого счета указан в квитанции, над штрихкодом.';
const XSS = '<img src=x onerror=alert(1)>';

describe('<lk-hint>', () => {
  const backend = useMockBackend();

  const render = <T extends HTMLElement = LkHintElement>(template?: TemplateResult, provider = {}) =>
    renderWithBackend<T>(backend, template ?? html`<lk-hint label="Лицевой счет" text=${TEXT}></lk-hint>`, provider);
  /** Renders `content` (markup with one or more hints) and waits for every hint in it. */
  async function renderAround(content: TemplateResult, provider = {}): Promise<HTMLElement> {
    const wrapper = await render<HTMLElement>(html`<div>${content}</div>`, provider);
    await Promise.all([...wrapper.querySelectorAll('lk-hint')].map((hint) => hint.updateComplete));
    return wrapper;
  }

  const trigger = (hint: Element) => hint.querySelector<HTMLButtonElement>('[part~="trigger"]')!;
  const bubble = (hint: Element) => hint.querySelector<HTMLElement>('[part~="bubble"]')!;
  const nameOf = (hint: Element) => textOf(trigger(hint).querySelector('[part~="visually-hidden"]'));
  const centreOf = (node: Element): [number, number] => {
    const { x, y, width, height } = node.getBoundingClientRect();
    return [Math.round(x + width / 2), Math.round(y + height / 2)];
  };
  /** Waits for the state a user's action leads to: tests never wait for a set time. */
  async function becomes(hint: LkHintElement, open: boolean): Promise<void> {
    // A generous timeout for a loaded machine: the pointer's grace period is a timer.
    await waitUntil(() => hint.open === open, `the hint never ${open ? 'opened' : 'closed'}`, { timeout: 3000 });
    await hint.updateComplete;
  }
  const expectShown = (hint: LkHintElement, shown: boolean) => {
    expect(hint.open, 'open').to.equal(shown);
    expect(trigger(hint).getAttribute('aria-expanded')).to.equal(String(shown));
    expect(bubble(hint).hidden, 'hidden').to.equal(!shown);
    expect(bubble(hint).checkVisibility(), 'visible').to.equal(shown);
  };
  /** The next `toggle` the hint fires. */
  const nextToggle = (hint: LkHintElement) =>
    new Promise<ToggleEvent>((resolve) => hint.addEventListener('toggle', resolve, { once: true }));
  /** A point of the page far from every fixture. */
  const away = (): [number, number] => [window.innerWidth - 5, window.innerHeight - 5];

  afterEach(() => resetMouse());

  describe('accessibility', () => {
    it('is accessible closed', async () => {
      const hint = await render();
      await expect(hint).to.be.accessible();
    });

    it('is accessible open', async () => {
      const hint = await render();
      hint.open = true;
      await hint.updateComplete;
      expectShown(hint, true);
      await expect(hint).to.be.accessible();
    });

    it('is accessible beside the input it describes', async () => {
      const wrapper = await renderAround(html`
        <label for="account">Лицевой счет</label>
        <input id="account" aria-describedby="account-hint" />
        <lk-hint label="Лицевой счет" text-id="account-hint" text=${TEXT} open></lk-hint>
      `);
      await expect(wrapper).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('renders a real button and its text in the page DOM, closed', async () => {
      const hint = await render();
      expect(hint.shadowRoot).to.equal(null);
      expect(trigger(hint).localName).to.equal('button');
      expect(trigger(hint).type).to.equal('button');
      expect(trigger(hint).getAttribute('part')).to.equal('button trigger');
      expectShown(hint, false);
      // Closed, the text is still there for the button's (and a field's) description.
      expect(textOf(bubble(hint))).to.equal(TEXT);
      expect(bubble(hint).getAttribute('role')).to.equal('tooltip');
    });

    it('shows only "?", hidden from screen readers, and is named after its label', async () => {
      const hint = await render();
      const mark = trigger(hint).querySelector('[part~="mark"]')!;
      expect(textOf(mark)).to.equal('?');
      expect(mark.getAttribute('aria-hidden')).to.equal('true');
      expect(nameOf(hint)).to.equal('Подсказка: Лицевой счет');
      expect(hint.lang).to.equal('ru');
    });

    it('is named "Подсказка" without a label', async () => {
      const hint = await render(html`<lk-hint text=${TEXT}></lk-hint>`);
      expect(nameOf(hint)).to.equal('Подсказка');
    });

    it('describes the button by its text, under an id of its own', async () => {
      const hint = await render();
      expect(hint.textId).to.match(/^lk\d+-text$/);
      expect(bubble(hint).id).to.equal(hint.textId);
      expect(trigger(hint).getAttribute('aria-describedby')).to.equal(hint.textId);
      expect(trigger(hint).getAttribute('aria-controls')).to.equal(hint.textId);
    });

    it('gives every instance its own ids', async () => {
      const wrapper = await renderAround(html`<lk-hint text="один"></lk-hint><lk-hint text="два"></lk-hint>`);
      const [first, second] = wrapper.querySelectorAll('lk-hint');
      expect(first!.textId).to.not.equal(second!.textId);
      const ids = [...wrapper.querySelectorAll('[id]')].map((node) => node.id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(textOf(document.getElementById(trigger(second!).getAttribute('aria-describedby')!))).to.equal('два');
    });

    it('keeps the "?" at least 24 by 24 CSS pixels, even when a theme asks for less', async () => {
      const hint = await render();
      expectTargetsAtLeast24(hint);
      // CSSOM, not a style attribute: the test page runs under the CSP that forbids those.
      hint.style.setProperty('--lk-hint-size', '0.5rem');
      expectTargetsAtLeast24(hint);
    });

    it('follows a dark scheme’s tokens: the bubble swaps the page’s text and surface colours', async () => {
      const wrapper = await renderAround(html`<lk-hint label="Лицевой счет" text=${TEXT} open></lk-hint>`);
      // CSSOM, not a style attribute (CSP).
      wrapper.style.setProperty('--lk-color-text', 'rgb(230, 235, 240)');
      wrapper.style.setProperty('--lk-color-surface', 'rgb(18, 22, 28)');
      wrapper.style.setProperty('--lk-color-primary', 'rgb(120, 180, 255)');
      wrapper.style.backgroundColor = 'rgb(18, 22, 28)';
      const hint = wrapper.querySelector('lk-hint')!;
      const style = getComputedStyle(bubble(hint));
      expect(style.backgroundColor).to.equal('rgb(230, 235, 240)');
      expect(style.color).to.equal('rgb(18, 22, 28)');
      expect(getComputedStyle(trigger(hint)).backgroundColor, 'the open "?"').to.equal('rgb(120, 180, 255)');
      await expect(wrapper).to.be.accessible();
    });

    it('keeps its look under a page’s own button and span rules', async () => {
      const pageRules = new CSSStyleSheet();
      pageRules.replaceSync('button { width: 300px; height: 8px; padding: 40px; background: red; } span { display: block; font-size: 40px; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageRules];
      try {
        const hint = await render();
        const { width, height } = trigger(hint).getBoundingClientRect();
        expect(width).to.be.within(24, 40);
        expect(height).to.equal(width);
        expect(trigger(hint).querySelector('[part~="visually-hidden"]')!.getBoundingClientRect().width).to.be.at.most(1);
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== pageRules);
      }
    });
  });

  describe('attributes', () => {
    it('takes the id of its text from text-id, so a field can be described by it', async () => {
      const wrapper = await renderAround(html`
        <input id="account" aria-label="Лицевой счет" aria-describedby="account-hint" />
        <lk-hint label="Лицевой счет" text-id="account-hint" text=${TEXT}></lk-hint>
      `);
      const hint = wrapper.querySelector('lk-hint')!;
      expect(hint.textId).to.equal('account-hint');
      expect(bubble(hint).id).to.equal('account-hint');
      expect(trigger(hint).getAttribute('aria-describedby')).to.equal('account-hint');
      expect(textOf(document.getElementById(wrapper.querySelector('input')!.getAttribute('aria-describedby')!))).to.equal(TEXT);
      hint.removeAttribute('text-id');
      await hint.updateComplete;
      expect(bubble(hint).id).to.match(/^lk\d+-text$/);
    });

    it('renders the text as text, never as HTML', async () => {
      const alerted: unknown[] = [];
      const original = window.alert;
      window.alert = (message?: unknown) => void alerted.push(message);
      try {
        const hint = await render(html`<lk-hint label=${XSS} text=${XSS}></lk-hint>`);
        hint.open = true;
        await hint.updateComplete;
        expect(bubble(hint).textContent).to.equal(XSS);
        expect(nameOf(hint)).to.equal(`Подсказка: ${XSS}`);
        expect(hint.querySelector('img')).to.equal(null);
        expect(alerted).to.deep.equal([]);
      } finally {
        window.alert = original;
      }
    });

    it('opens with the open attribute, reflects open, and fires nothing when set from script', async () => {
      const hint = await render(html`<lk-hint text=${TEXT} open></lk-hint>`);
      expectShown(hint, true);
      let toggles = 0;
      hint.addEventListener('toggle', () => toggles++);
      hint.open = false;
      await hint.updateComplete;
      expectShown(hint, false);
      expect(hint.hasAttribute('open')).to.equal(false);
      hint.open = true;
      await hint.updateComplete;
      expect(hint.hasAttribute('open')).to.equal(true);
      expect(toggles).to.equal(0);
    });

    it('puts the bubble below the "?" by default, and above it with placement="top-…"', async () => {
      const hint = await render();
      hint.open = true;
      await hint.updateComplete;
      const button = trigger(hint).getBoundingClientRect();
      expect(bubble(hint).getBoundingClientRect().top).to.be.above(button.bottom);
      hint.placement = 'top-start';
      await hint.updateComplete;
      expect(bubble(hint).dataset['placement']).to.equal('top-start');
      expect(bubble(hint).getBoundingClientRect().bottom).to.be.below(button.top);
      expect(Math.round(bubble(hint).getBoundingClientRect().left)).to.equal(Math.round(button.left));
    });

    it('grows toward the start of the line, and takes the other side when that would leave the viewport', async () => {
      const wrapper = await renderAround(html`<lk-hint text=${TEXT}></lk-hint>`);
      // CSSOM, not a style attribute (CSP): the hint at the end of a line, as in an input row.
      wrapper.style.textAlign = 'end';
      const hint = wrapper.querySelector('lk-hint')!;
      hint.open = true;
      await hint.updateComplete;
      expect(bubble(hint).dataset['placement']).to.equal('bottom-end');
      expect(Math.round(bubble(hint).getBoundingClientRect().right)).to.equal(Math.round(trigger(hint).getBoundingClientRect().right));

      wrapper.style.textAlign = 'start';
      hint.open = false;
      await hint.updateComplete;
      hint.open = true;
      await hint.updateComplete;
      expect(bubble(hint).dataset['placement']).to.equal('bottom-start');
      expect(bubble(hint).getBoundingClientRect().left).to.be.at.least(0);
    });

    it('wraps a long text within 22rem and the viewport', async () => {
      const hint = await render(html`<lk-hint text=${`${TEXT} `.repeat(8)}></lk-hint>`);
      hint.open = true;
      await hint.updateComplete;
      const rect = bubble(hint).getBoundingClientRect();
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      expect(rect.width).to.be.at.most(22 * rem);
      expect(rect.right).to.be.at.most(document.documentElement.clientWidth);
      expect(rect.height).to.be.above(3 * rem);
    });

    it('speaks English with the provider’s locale="en", or its own', async () => {
      const hint = await render(undefined, { locale: 'en' });
      expect(nameOf(hint)).to.equal('Hint: Лицевой счет');
      expect(hint.lang).to.equal('en');

      const own = await render(html`<lk-hint locale="en" text=${TEXT}></lk-hint>`);
      expect(nameOf(own)).to.equal('Hint');
      await expect(own).to.be.accessible();
    });
  });

  describe('user input', () => {
    it('opens on hover over the "?", stays while the pointer is over the bubble, and closes once it leaves', async () => {
      const hint = await render();
      await sendMouse({ type: 'move', position: centreOf(trigger(hint)) });
      await becomes(hint, true);
      expectShown(hint, true);

      let left = 0;
      hint.addEventListener('pointerleave', () => left++);
      // Across the gap between the "?" and the bubble, then into the bubble: the pointer never leaves the hint.
      const [x] = centreOf(trigger(hint));
      const gap = (trigger(hint).getBoundingClientRect().bottom + bubble(hint).getBoundingClientRect().top) / 2;
      await sendMouse({ type: 'move', position: [x, Math.round(gap)] });
      await sendMouse({ type: 'move', position: centreOf(bubble(hint)) });
      expect(left).to.equal(0);
      expect(hint.open).to.equal(true);

      await sendMouse({ type: 'move', position: away() });
      await becomes(hint, false);
      expectShown(hint, false);
    });

    it('fires toggle when the user opens or closes it', async () => {
      const hint = await render();
      const opened = nextToggle(hint);
      await sendMouse({ type: 'move', position: centreOf(trigger(hint)) });
      const { oldState, newState } = await opened;
      expect([oldState, newState]).to.deep.equal(['closed', 'open']);
      const closed = nextToggle(hint);
      await press('Escape');
      expect((await closed).newState).to.equal('closed');
    });

    it('opens on keyboard focus and closes when the focus leaves', async () => {
      const wrapper = await renderAround(html`<button>До</button><lk-hint text=${TEXT}></lk-hint><button>После</button>`);
      const [before, after] = wrapper.querySelectorAll<HTMLButtonElement>(':scope > button');
      const hint = wrapper.querySelector('lk-hint')!;
      before!.focus();
      await press('Tab');
      expect(document.activeElement).to.equal(trigger(hint));
      await becomes(hint, true);
      expectShown(hint, true);
      expect(getComputedStyle(trigger(hint)).outlineStyle, 'a visible focus ring').to.equal('solid');
      await press('Tab');
      expect(document.activeElement).to.equal(after);
      await becomes(hint, false);
    });

    it('closes with Escape, keeps the focus on the "?", and keeps that Escape from an enclosing dialog', async () => {
      const wrapper = await renderAround(html`<button>До</button><lk-hint text=${TEXT}></lk-hint>`);
      const hint = wrapper.querySelector('lk-hint')!;
      let escapes = 0;
      wrapper.addEventListener('keydown', (event) => event.key === 'Escape' && escapes++);
      wrapper.querySelector<HTMLButtonElement>(':scope > button')!.focus();
      await press('Tab');
      await becomes(hint, true);
      await press('Escape');
      await becomes(hint, false);
      expect(document.activeElement).to.equal(trigger(hint));
      expect(escapes, 'the dialog did not hear it').to.equal(0);
      // Closed, the hint leaves Escape alone.
      await press('Escape');
      expect(escapes).to.equal(1);
    });

    it('closes with Escape while the pointer rests on it and the focus is in a field, and stays closed until the pointer comes back', async () => {
      const wrapper = await renderAround(html`<input aria-label="Лицевой счет" /><lk-hint text=${TEXT}></lk-hint>`);
      const hint = wrapper.querySelector('lk-hint')!;
      const input = wrapper.querySelector('input')!;
      input.focus();
      const [x, y] = centreOf(trigger(hint));
      await sendMouse({ type: 'move', position: [x, y] });
      await becomes(hint, true);
      await press('Escape');
      await becomes(hint, false);
      expect(document.activeElement).to.equal(input);
      await sendMouse({ type: 'move', position: [x + 2, y + 2] });
      await hint.updateComplete;
      expect(hint.open, 'moving over the "?" does not bring it back').to.equal(false);
      await sendMouse({ type: 'move', position: away() });
      await sendMouse({ type: 'move', position: [x, y] });
      await becomes(hint, true);
    });

    it('toggles with a click, and with Enter and Space', async () => {
      const hint = await render();
      const position = centreOf(trigger(hint));
      await sendMouse({ type: 'click', position });
      await becomes(hint, true);
      await sendMouse({ type: 'click', position });
      await becomes(hint, false);
      await sendMouse({ type: 'click', position });
      await becomes(hint, true);
      await sendMouse({ type: 'move', position: away() });
      await sendMouse({ type: 'click', position: away() });
      await becomes(hint, false);

      trigger(hint).focus();
      await press('Escape');
      await becomes(hint, false);
      await press('Enter');
      await becomes(hint, true);
      await press('Enter');
      await becomes(hint, false);
      await press('Space');
      await becomes(hint, true);
      await press('Space');
      await becomes(hint, false);
      expect(document.activeElement).to.equal(trigger(hint));
    });

    it('opens on a tap (no hover) and closes on a tap elsewhere', async () => {
      const hint = await render();
      // A tap is a click with no hover before it.
      trigger(hint).click();
      await becomes(hint, true);
      await sendMouse({ type: 'click', position: away() });
      await becomes(hint, false);
    });

    it('shows one hint at a time', async () => {
      const wrapper = await renderAround(html`<lk-hint text="один"></lk-hint> <lk-hint text="два"></lk-hint>`);
      const [first, second] = wrapper.querySelectorAll('lk-hint');
      trigger(first!).click();
      await becomes(first!, true);
      await sendMouse({ type: 'move', position: centreOf(trigger(second!)) });
      await becomes(second!, true);
      await becomes(first!, false);
    });
  });
});
