/**
 * What every stories file shares: the check that the entries define the tags,
 * each story's own API base, the `<lk-provider>` around the element and
 * the play helpers (the arg types come from the custom-elements manifest,
 * .storybook/preview.ts). Not a stories file itself (main.ts
 * takes only `*.stories.ts`).
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { mockBackendLoader, serveMockBackend, storyMock } from '../.storybook/mock-backend.js';
import type { MockBackendParameters } from '../.storybook/mock-backend.js';
import { SEED_USERS } from '../mocks/index.js';
import { connectAccount } from '../src/api/accounts.js';
import { login } from '../src/api/auth.js';
import type { ApiEndpoint } from '../src/api/paths.js';
import { LkProviderElement } from '../src/entries/provider.js';

/** The README's demo user, confirmed: abonent@example.ru / gaz2015. */
export const DEMO_USER = SEED_USERS.find((user) => user.email === 'abonent@example.ru')!;

/**
 * Each story's own API base: its own backend (`/story-api/<story id>/`).
 * `idPrefix` is the story id prefix Storybook derives from the title.
 */
export const storyApiBase = (idPrefix: string) => (story: string) => `/story-api/${idPrefix}--${story}/`;

/** The part of a story's context the `beforeEach` helpers need: what the loaders gave, the mock among it. */
export interface LoadedContext {
  loaded: Record<string, unknown>;
}

/** …and what the play helpers need besides. */
interface PlayContext extends LoadedContext {
  canvasElement: HTMLElement;
  step: (label: string, play: () => Promise<void>) => unknown;
}

export const mockBackend = (parameters: MockBackendParameters) => ({ mockBackend: parameters });

/** A story's backend with an anti-robot check that passes at once, so the story settles quickly. */
export const mockBackendEasyCaptcha = (parameters: MockBackendParameters = {}) =>
  mockBackend({ ...parameters, options: { captchaDifficulty: 4, ...parameters.options } });

export const storyDocs = (story: string) => ({ docs: { description: { story } } });

/** A story's parameters when its backend fails on purpose: the `faults`, set before it renders, and the docs that say what the story shows. */
export const withFaults = (faults: MockBackendParameters['faults'], docs: string) => ({
  ...mockBackend({ faults }),
  ...storyDocs(docs),
});

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
export async function loggedIn({ loaded }: LoadedContext): Promise<void> {
  await login(storyMock(loaded).client, { email: DEMO_USER.email, password: DEMO_USER.password });
}

/** …and connects the register's account `number` of `supplierId`, the only one, so current. */
export const withAccount =
  (supplierId: string, number: string) =>
  async (context: LoadedContext): Promise<void> => {
    await loggedIn(context);
    await connectAccount(storyMock(context.loaded).client, { supplierId, number });
  };

/** …and has the seed's Дагестан account and the Псков one connected (Дагестан first, so current). */
export async function withTwoAccounts(context: LoadedContext): Promise<void> {
  await loggedIn(context);
  const { client } = storyMock(context.loaded);
  await connectAccount(client, { supplierId: 'mrg-pyatigorsk-dagestan', number: '5812345678' });
  await connectAccount(client, { supplierId: 'mrg-pskov', number: '6001234567' });
}

// ----- The elements bound to an account (LkAccountElement) and <lk-accounts> -----

/**
 * The args of an element bound to an account: the attributes LkAccountElement
 * gives all five (`<lk-account-summary>`, `<lk-account-history>`,
 * `<lk-payment-history>`, `<lk-readings-form>`, `<lk-pay-now>`), `locale`, and
 * the provider's `api-base`. A stories file `Pick`s or `Omit`s the ones it
 * sets.
 */
export interface AccountBoundArgs {
  /** `locale` of the element. */
  locale?: 'ru' | 'en';
  /** `account-id`: the account to show; without it, the session's current one. */
  'account-id'?: string;
  /** `heading-level`, 2 to 6. */
  'heading-level'?: number;
  /** `connect-href`: the connection page, for a real “Подключить ЛС” link. */
  'connect-href'?: string;
  /** `login-href`: the login page, for a real “Войти в Личный кабинет” link. */
  'login-href'?: string;
  /** `<lk-provider api-base>`: the story's own mock backend. */
  'api-base': string;
}

/**
 * The tags {@link accountBoundElement} renders, as static literals: a tag in
 * a template is always written out here, never made from a string.
 */
const ACCOUNT_BOUND_TAGS = {
  'lk-accounts': literal`lk-accounts`,
  'lk-account-history': literal`lk-account-history`,
  'lk-payment-history': literal`lk-payment-history`,
  'lk-readings-form': literal`lk-readings-form`,
  'lk-pay-now': literal`lk-pay-now`,
};
export type AccountBoundTag = keyof typeof ACCOUNT_BOUND_TAGS;

/**
 * `<tag>` with those of its account attributes the args set (an empty text
 * control is no attribute, as if never set). One template for all of them, so
 * every stories file sets an attribute the same way; an arg a file does not
 * offer is undefined and never set.
 */
export function accountBoundElement(tag: AccountBoundTag, args: Partial<AccountBoundArgs>): TemplateResult {
  const name = ACCOUNT_BOUND_TAGS[tag];
  return staticHtml`<${name}
    locale=${ifDefined(args.locale)}
    account-id=${ifDefined(args['account-id'] || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
    connect-href=${ifDefined(args['connect-href'] || undefined)}
    login-href=${ifDefined(args['login-href'] || undefined)}
  ></${name}>`;
}

/** The meta's `render` of {@link accountBoundElement}: the element alone, in the story's provider. */
export const renderAccountBound =
  (tag: AccountBoundTag) =>
  (args: Partial<AccountBoundArgs>, { loaded }: LoadedContext): TemplateResult =>
    inProvider(loaded, accountBoundElement(tag, args));

/*
 * The shared states are shared as plays, not as whole stories: Storybook's
 * indexer reads each story's `name` and whether it has a `play` from the
 * source, so a story made by a function call would lose its name in the
 * sidebar and its "play-fn" tag. Each file keeps the story object literal.
 */

/** Nobody logged in: the element's own `message`, and “Войти в Личный кабинет” instead of what it shows. */
export async function expectLoggedOut(canvasElement: HTMLElement, message: string): Promise<void> {
  const canvas = within(canvasElement);
  await canvas.findByText(message, {}, { timeout: 5000 });
  await expect(canvas.getByRole('button', { name: 'Войти в Личный кабинет' })).toBeVisible();
}

/** Logged in with nothing connected: “Нет подключенных ЛС” and “Подключить ЛС” (the same words in every element). */
export async function expectNoAccount(canvasElement: HTMLElement): Promise<void> {
  const canvas = within(canvasElement);
  await canvas.findByText('Нет подключенных ЛС', {}, { timeout: 5000 });
  await expect(canvas.getByRole('button', { name: 'Подключить ЛС' })).toBeVisible();
}

/** The busy status line saying `text`, while something does not answer (the client gives up later, with a fault). */
export async function expectBusy(canvasElement: HTMLElement, text: string): Promise<void> {
  const status = await within(canvasElement).findByText(text, {}, { timeout: 5000 });
  await expect(status).toHaveAttribute('aria-busy', 'true');
}

/**
 * The play of a load whose `fault` (set by the story's {@link withFaults})
 * answers 500: the step `failing` waits for the alert with “Повторить”, then
 * the server recovers. With `afterRetry`, the play also presses “Повторить”
 * and waits for what the element then shows; without it, the story stays on
 * the alert, and the reader presses it.
 */
export const loadFailsThenRecovers =
  (fault: ApiEndpoint, failing: string, { afterRetry }: { afterRetry?: (canvasElement: HTMLElement) => Promise<unknown> } = {}) =>
  async ({ canvasElement, loaded, step }: PlayContext): Promise<void> => {
    await step(failing, async () => {
      await findServerErrorAlert(canvasElement, { retry: true, timeout: 8000 });
    });
    await step(afterRetry ? 'The server recovers, “Повторить”' : 'The server recovers', async () => {
      await storyMock(loaded).backend.faults.clear(fault);
      if (afterRetry) {
        await userEvent.click(within(canvasElement).getByRole('button', { name: 'Повторить' }));
        await afterRetry(canvasElement);
      }
    });
  };

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
