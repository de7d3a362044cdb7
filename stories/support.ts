/**
 * What every stories file shares: the check that the entries define the tags,
 * each story's own API base, the `<lk-provider>` around the element, the
 * common arg types and the play helpers. Not a stories file itself (main.ts
 * takes only `*.stories.ts`).
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { mockBackendLoader, serveMockBackend, storyMock } from '../.storybook/mock-backend.js';
import type { MockBackendParameters } from '../.storybook/mock-backend.js';
import { SEED_USERS } from '../mocks/index.js';
import { connectAccount } from '../src/api/accounts.js';
import { login } from '../src/api/auth.js';
import { LkProviderElement } from '../src/entries/provider.js';

/** The README's demo user, confirmed: abonent@example.ru / gaz2015. */
export const DEMO_USER = SEED_USERS.find((user) => user.email === 'abonent@example.ru')!;

/**
 * Each story's own API base: its own backend (`/story-api/<story id>/`).
 * `idPrefix` is the story id prefix Storybook derives from the title.
 */
export const storyApiBase = (idPrefix: string) => (story: string) => `/story-api/${idPrefix}--${story}/`;

export const mockBackend = (parameters: MockBackendParameters) => ({ mockBackend: parameters });

/** A story's backend with an anti-robot check that passes at once, so the story settles quickly. */
export const mockBackendEasyCaptcha = (parameters: MockBackendParameters = {}) =>
  mockBackend({ ...parameters, options: { captchaDifficulty: 4, ...parameters.options } });

export const storyDocs = (story: string) => ({ docs: { description: { story } } });

/**
 * Importing the entries registers the tags. In the static build that holds
 * only thanks to main.ts (package.json's "sideEffects" names only dist/), so
 * this loader checks that the tags (and `<lk-provider>`) really are the
 * entries' classes.
 */
export function elementsDefined(elements: Record<string, CustomElementConstructor>): () => Promise<void> {
  const all: Record<string, CustomElementConstructor> = { 'lk-provider': LkProviderElement, ...elements };
  return async () => {
    for (const [tag, element] of Object.entries(all)) {
      if (customElements.get(tag) !== element) throw new Error(`<${tag}> is not defined by src/entries/${tag.slice(3)}.ts`);
    }
  };
}

/** The meta's shared part: actions, the tags check, and the story's own mock backend. */
export const elementMeta = (elements: Record<string, CustomElementConstructor>) => ({
  decorators: [withActions],
  loaders: [elementsDefined(elements), mockBackendLoader],
  beforeEach: serveMockBackend,
});

/** The element inside an `<lk-provider>` that talks to the story's own mock backend. */
export function inProvider(loaded: Record<string, unknown>, element: TemplateResult, passwordPolicy?: string): TemplateResult {
  const { apiBase: served, client, backend } = storyMock(loaded);
  return html`
    <lk-provider api-base=${served} .client=${client} .clock=${backend.clock} password-policy=${ifDefined(passwordPolicy)}>
      ${element}
    </lk-provider>
  `;
}

/** A story `beforeEach` (after the meta's, which serves the backend): the demo user logs in on the story's own client. */
export async function loggedIn({ loaded }: { loaded: Record<string, unknown> }): Promise<void> {
  await login(storyMock(loaded).client, { email: DEMO_USER.email, password: DEMO_USER.password });
}

/** …and has the seed's Дагестан account and the Псков one connected (Дагестан first, so current). */
export async function withTwoAccounts(context: { loaded: Record<string, unknown> }): Promise<void> {
  await loggedIn(context);
  const { client } = storyMock(context.loaded);
  await connectAccount(client, { supplierId: 'mrg-pyatigorsk-dagestan', number: '5812345678' });
  await connectAccount(client, { supplierId: 'mrg-pskov', number: '6001234567' });
}

/** The `locale` arg of the element `category`. */
export const localeArgType = (category: string) => ({
  description: 'The interface language; without it, the provider’s (Russian by default).',
  control: 'select' as const,
  options: ['ru', 'en'],
  table: { category, type: { summary: "'ru' | 'en'" } },
});

/** The provider's `api-base` arg (read-only). */
export const apiBaseArgType = (own = 'each story has its own backend') => ({
  description: `The API base of this story’s own mock backend (read-only: ${own}).`,
  control: false as const,
  table: { category: 'lk-provider', type: { summary: 'string' } },
});

// ----- Play helpers (the user's way: labels, roles, visible text) -----

export const errorSummary = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[part~="error-summary"]');

/**
 * Submits and waits for the error summary that says `text`. With `fresh`, a
 * new one, since each submit first clears the last.
 */
export async function submitForSummary(
  canvasElement: HTMLElement,
  submit: HTMLElement,
  text: RegExp,
  { fresh = false, timeout }: { fresh?: boolean; timeout?: number } = {},
): Promise<HTMLElement> {
  const previous = errorSummary(canvasElement);
  await userEvent.click(submit);
  const check = () => {
    const summary = errorSummary(canvasElement);
    if (fresh) {
      expect(summary).not.toBeNull();
      expect(summary).not.toBe(previous);
    }
    expect(summary).toHaveTextContent(text);
  };
  await (timeout === undefined ? waitFor(check) : waitFor(check, { timeout }));
  return errorSummary(canvasElement)!;
}

/** The alert of a 500 from the backend; with `retry`, also its “Повторить” button. */
export async function findServerErrorAlert(
  canvasElement: HTMLElement,
  { timeout, retry = false }: { timeout?: number; retry?: boolean } = {},
): Promise<HTMLElement> {
  const canvas = within(canvasElement);
  const alert = await (timeout === undefined ? canvas.findByRole('alert') : canvas.findByRole('alert', {}, { timeout }));
  await expect(alert).toHaveTextContent('На сервере произошла ошибка');
  if (retry) await expect(within(alert).getByRole('button', { name: 'Повторить' })).toBeVisible();
  return alert;
}

export const findHeading = (canvasElement: HTMLElement, name: string) =>
  within(canvasElement).findByRole('heading', { name }, { timeout: 5000 });
