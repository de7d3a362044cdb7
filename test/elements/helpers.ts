/**
 * Helpers for element tests: render inside a provider wired to the mock
 * backend, type with real key presses, count the requests that reached the
 * mock, and wait for what the element announces.
 */
import { expect, fixture, fixtureSync, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { html } from 'lit';
import type { MockBackend } from '../../mocks/backend.js';
import { pageWorker } from '../../mocks/browser.js';
import '../../src/entries/provider.js';
import type { LkProviderElement } from '../../src/elements/provider/provider.js';
import { resetConfiguration } from '../../src/context/environment.js';
import type { ConnectAccountRequest } from '../../src/schemas/account.js';
import { logInWithAccounts } from '../mocks/helpers.js';

/** The `<lk-provider>` properties a test may set. */
export type ProviderSetup = Partial<Pick<LkProviderElement, 'locale' | 'navigator' | 'client'>>;

/** Puts `content` inside an `<lk-provider>` on the backend's base and clock, and returns the content's first element at once. */
async function mountInProvider<T extends HTMLElement>(backend: MockBackend, content: TemplateResult, provider: ProviderSetup): Promise<T> {
  resetConfiguration();
  const wrapper = await fixture<LkProviderElement>(html`<lk-provider
    api-base=${backend.apiBase}
    .clock=${backend.clock}
    .navigator=${provider.navigator}
    .client=${provider.client}
    locale=${provider.locale ?? 'ru'}
    >${content}</lk-provider
  >`);
  return wrapper.firstElementChild as T;
}

/** Renders `content` inside an `<lk-provider>` on the backend's base and clock, and returns the content's first element. */
export async function renderWithBackend<T extends HTMLElement>(
  backend: MockBackend,
  content: TemplateResult,
  provider: ProviderSetup = {},
): Promise<T> {
  const element = await mountInProvider<T & { updateComplete?: Promise<unknown> }>(backend, content, provider);
  await element.updateComplete;
  // Elements show a busy status while the session is asked for; tests start once it has settled.
  await waitUntil(() => !element.querySelector('[aria-busy="true"]'), 'the element stayed busy');
  await element.updateComplete;
  return element;
}

/** How {@link renderWithAccounts} prepares the backend and the page. */
export interface AccountsSetup {
  /** Register accounts to connect, in order: the first becomes current. Default none. */
  accounts?: readonly ConnectAccountRequest[];
  /** Whether the demo user logs in (and `accounts` get connected); default true. */
  loggedIn?: boolean;
  /** Runs after the log-in and the accounts, before the element renders: payments to list, faults to meet. */
  before?: () => Promise<unknown>;
  /** The provider's locale, navigator and client (one without retries, for faults that show at once). */
  provider?: ProviderSetup;
  /**
   * Whether to wait until nothing in the element is busy; default true.
   * False returns it as soon as it is on the page: for the loading states
   * and the faults of the first request, which a settled element is past.
   */
  settled?: boolean;
}

/**
 * The setup of the elements bound to an account: logs the demo user in,
 * connects `accounts` on the backend, runs `before`, then renders `content`
 * with {@link renderWithBackend} (or only mounts it, `settled: false`).
 */
export async function renderWithAccounts<T extends HTMLElement>(
  backend: MockBackend,
  content: TemplateResult,
  { accounts = [], loggedIn = true, before, provider = {}, settled = true }: AccountsSetup = {},
): Promise<T> {
  if (loggedIn) await logInWithAccounts(backend, accounts);
  await before?.();
  return settled ? renderWithBackend<T>(backend, content, provider) : mountInProvider<T>(backend, content, provider);
}

/**
 * Renders a piece of page markup and waits for every `<lk-…>` element in it.
 * Unlike `fixture()` on a plain element, it never waits for an animation
 * frame, which a test page running in the background does not get.
 */
export async function renderPage<T extends HTMLElement = HTMLElement>(content: TemplateResult): Promise<T> {
  const page = fixtureSync<T>(content);
  const elements = [page, ...page.querySelectorAll('*')].filter((node) => node.localName.startsWith('lk-'));
  await Promise.all(elements.map((node) => (node as Element & { updateComplete?: Promise<unknown> }).updateComplete));
  return page;
}

/** Focuses `input` and types `text` with real key presses. */
export async function typeInto(input: HTMLElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

/** Puts `text` into `input` as a paste does: one input event, no key presses (fast for long values). */
export function pasteInto(input: HTMLInputElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
}

/** Presses one key (`Enter`, `Tab`, `Space`), or a key with Shift held (`Shift+Tab`). */
export async function press(key: string): Promise<void> {
  const [modifier, pressed] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: pressed! });
  if (modifier) await sendKeys({ up: modifier });
}

/** Counts the requests that reach the mock backend's base from now on. */
export function countRequests(backend: MockBackend): { readonly count: number; readonly paths: string[]; stop(): void } {
  const worker = pageWorker();
  if (!worker) throw new Error('countRequests: no mock backend is served');
  const paths: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.url.startsWith(backend.apiBase)) paths.push(new URL(request.url).pathname);
  };
  worker.events.on('request:start', listener);
  return {
    get count() {
      return paths.length;
    },
    paths,
    stop: () => worker.events.removeListener('request:start', listener),
  };
}

/** Waits until `element` has a node matching `selector`, and returns it. */
export async function findPart<T extends Element = HTMLElement>(element: Element, selector: string): Promise<T> {
  await waitUntil(() => element.querySelector(selector), `nothing matches ${selector}`);
  return element.querySelector<T & Element>(selector)!;
}

/** The text of a node with white space folded. */
export const textOf = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * Asserts every input and button in `element` is at least 24 by 24 CSS
 * pixels (WCAG 2.5.8, docs/promises.md#29). A `hidden` or visually hidden
 * input (the username a password manager reads) is no target.
 */
export function expectTargetsAtLeast24(element: Element): void {
  for (const target of element.querySelectorAll<HTMLElement>('input:not([hidden]), button')) {
    if (target.closest('[part~="visually-hidden"]')) continue;
    const { width, height } = target.getBoundingClientRect();
    expect(width, target.outerHTML).to.be.at.least(24);
    expect(height, target.outerHTML).to.be.at.least(24);
  }
}
