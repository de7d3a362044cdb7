import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { LkHintElement } from '../src/entries/hint.js';
import type { HintPlacement } from '../src/entries/hint.js';
import { elementMeta, inProvider, mockBackend, storyApiBase, storyDocs } from './support.js';

interface Args {
  /** `<lk-hint text>`. */
  text: string;
  /** `<lk-hint label>`. */
  label?: string;
  /** `<lk-hint placement>`. */
  placement?: HintPlacement;
  /** `<lk-hint locale>`. */
  locale?: 'ru' | 'en';
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

type Story = StoryObj<Args>;

/** Each story's own API base: its own backend (`/story-api/<story id>/`). */
const apiBase = storyApiBase('elements-lk-hint');

const ACCOUNT = 'Лицевой счет';
const ACCOUNT_TEXT = 'Номер лицевого счета указан в квитанции, над штрихкодом.';
const XSS = '<img src=x onerror=alert(1)>';

// ----- Play helpers (the user's way: roles and names) -----

const findButton = (canvasElement: HTMLElement, name: string) => within(canvasElement).findByRole('button', { name });

/** Hovers the "?" named `name` and waits for its bubble. */
async function hoverOpen(canvasElement: HTMLElement, name: string): Promise<HTMLElement> {
  const button = await findButton(canvasElement, name);
  await userEvent.hover(button);
  await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'true'));
  const tooltip = await within(canvasElement).findByRole('tooltip');
  await expect(tooltip).toBeVisible();
  return tooltip;
}

// ----- The stories -----

const meta: Meta<Args> = {
  title: 'Elements/lk-hint',
  component: 'lk-hint',
  tags: ['autodocs'],
  ...elementMeta({ 'lk-hint': LkHintElement }),
  // Beside the words it explains, as in the cabinet's forms.
  render: (args, { loaded }) =>
    inProvider(
      loaded,
      html`<p>
        ${args.label ?? ''}
        <lk-hint
          label=${ifDefined(args.label)}
          text=${args.text}
          placement=${ifDefined(args.placement)}
          locale=${ifDefined(args.locale)}
        ></lk-hint>
      </p>`,
    ),
  args: { text: ACCOUNT_TEXT, label: ACCOUNT, locale: 'ru' },
  parameters: {
    actions: { handles: ['toggle'] },
    docs: {
      description: {
        component: `The “?” hint. It opens when the pointer is over it (and stays while the pointer is over the bubble), when it
gets keyboard focus, and on a click or tap; Escape closes it. The button is named after \`label\` and described by the text,
which a form can also tie to its input with \`text-id\`.`,
      },
    },
  },
};
export default meta;

export const Closed: Story = {
  args: { 'api-base': apiBase('closed') },
  parameters: { ...mockBackend({}), ...storyDocs('At rest: only the “?”, named “Подсказка: Лицевой счет” and described by its text.') },
  play: async ({ canvasElement }) => {
    const button = await findButton(canvasElement, `Подсказка: ${ACCOUNT}`);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toHaveAccessibleDescription(ACCOUNT_TEXT);
  },
};

export const Open: Story = {
  args: { 'api-base': apiBase('open') },
  parameters: { ...mockBackend({}), ...storyDocs('The pointer over the “?”: the bubble shows the text. Escape would close it.') },
  play: async ({ canvasElement }) => {
    await expect(await hoverOpen(canvasElement, `Подсказка: ${ACCOUNT}`)).toHaveTextContent(ACCOUNT_TEXT);
  },
};

export const LongText: Story = {
  name: 'Long text',
  args: {
    'api-base': apiBase('long-text'),
    label: 'E-mail (логин)',
    text:
      'Адрес электронной почты в Личном кабинете будет использоваться в качестве Вашего имени пользователя (логина) для ' +
      'доступа к услугам Личного кабинета. На него придут ссылка для подтверждения регистрации и письма о смене пароля.',
  },
  parameters: { ...mockBackend({}), ...storyDocs('A paragraph wraps within 22rem (and the viewport); opened with a click, as on a touch screen.') },
  play: async ({ canvasElement }) => {
    const button = await findButton(canvasElement, 'Подсказка: E-mail (логин)');
    await userEvent.click(button);
    const tooltip = await within(canvasElement).findByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip.getBoundingClientRect().width).toBeLessThanOrEqual(22 * parseFloat(getComputedStyle(document.documentElement).fontSize));
  },
};

export const English: Story = {
  args: {
    'api-base': apiBase('english'),
    locale: 'en',
    label: 'Personal account',
    text: 'The personal account number is on the bill, above the barcode.',
  },
  parameters: { ...mockBackend({}), ...storyDocs('`locale="en"`: the button is named “Hint: Personal account”.') },
  play: async ({ canvasElement }) => {
    await hoverOpen(canvasElement, 'Hint: Personal account');
  },
};

export const MarkupInText: Story = {
  name: 'Markup in the text',
  args: { 'api-base': apiBase('markup-in-text'), label: XSS, text: XSS },
  parameters: { ...mockBackend({}), ...storyDocs('A text that looks like HTML is shown as those characters: nothing is parsed or run.') },
  play: async ({ canvasElement }) => {
    const tooltip = await hoverOpen(canvasElement, `Подсказка: ${XSS}`);
    await expect(tooltip.textContent).toBe(XSS);
    await expect(canvasElement.querySelector('lk-hint img')).toBeNull();
  },
};
