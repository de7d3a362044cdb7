/**
 * `lk-widgets/react`: a React component per `<lk-…>` tag, for React 18 (and
 * 17), which sets every prop of a custom element as a string attribute and
 * cannot listen to its events. The wrappers (made by `@lit/react`) set the
 * element's properties as properties and take one typed handler per event:
 * `<LkLoginForm onLkLogin={(event) => event.detail.user} />`. React 19 needs
 * none of this: use the tags themselves with `lk-widgets/react-jsx`.
 *
 * Importing this module registers every tag it wraps, as `lk-widgets/all`
 * does: a wrapper renders its tag, which is nothing until it is defined.
 */
import { createComponent } from '@lit/react';
import * as React from 'react';
import '../entries/all.js';
import { LkAccountConnectElement } from '../elements/account-connect/account-connect.js';
import { LkAccountHistoryElement } from '../elements/account-history/account-history.js';
import { LkAccountSummaryElement } from '../elements/account-summary/account-summary.js';
import { LkAccountsElement } from '../elements/accounts/accounts.js';
import { LkCabinetElement } from '../elements/cabinet/cabinet.js';
import { LkCaptchaElement } from '../elements/captcha/captcha.js';
import type { LkCaptchaSolvedEvent } from '../elements/captcha/captcha-solved-event.js';
import { LkConfirmEmailElement } from '../elements/confirm-email/confirm-email.js';
import { LkHintElement } from '../elements/hint/hint.js';
import { LkLoginFormElement } from '../elements/login-form/login-form.js';
import { LkPasswordRecoveryElement } from '../elements/password-recovery/password-recovery.js';
import { LkPayNowElement } from '../elements/pay-now/pay-now.js';
import { LkPaymentHistoryElement } from '../elements/payment-history/payment-history.js';
import { LkProviderElement } from '../elements/provider/provider.js';
import { LkReadingsFormElement } from '../elements/readings-form/readings-form.js';
import { LkRegisterFormElement } from '../elements/register-form/register-form.js';
import { LkSettingsElement } from '../elements/settings/settings.js';
import type {
  LkAccountConnectedEvent,
  LkAccountSelectedEvent,
  LkEmailConfirmedEvent,
  LkErrorEvent,
  LkLoginEvent,
  LkLogoutEvent,
  LkNavigateEvent,
  LkPasswordChangedEvent,
  LkPaymentEvent,
  LkReadingsSubmittedEvent,
  LkRegisteredEvent,
} from '../events/index.js';

/** The element's own members, each optional: a prop with one of their names is set as that property. */
export type LkElementProps<E extends HTMLElement> = Partial<Omit<E, keyof HTMLElement>>;

/** A wrapper's props: React's HTML props, the element's properties, and a handler per event (`onLkLogin`). */
export type LkComponentProps<E extends HTMLElement, Events extends Record<string, Event>> = Omit<
  React.HTMLAttributes<E>,
  keyof Events | keyof LkElementProps<E>
> & { [K in keyof Events]?: (event: Events[K]) => void } & LkElementProps<E>;

/** A wrapper of `<lk-…>`; its `ref` is the element. */
export type LkComponent<E extends HTMLElement, Events extends Record<string, Event> = {}> = React.ForwardRefExoticComponent<
  LkComponentProps<E, Events> & React.RefAttributes<E>
>;

/** Every event an element fires, by name, with its class. */
export interface LkEventMap {
  'lk-login': LkLoginEvent;
  'lk-logout': LkLogoutEvent;
  'lk-navigate': LkNavigateEvent;
  'lk-error': LkErrorEvent;
  'lk-registered': LkRegisteredEvent;
  'lk-email-confirmed': LkEmailConfirmedEvent;
  'lk-password-changed': LkPasswordChangedEvent;
  'lk-captcha-solved': LkCaptchaSolvedEvent;
  'lk-account-connected': LkAccountConnectedEvent;
  'lk-account-selected': LkAccountSelectedEvent;
  'lk-readings-submitted': LkReadingsSubmittedEvent;
  'lk-payment': LkPaymentEvent;
  /** The DOM's `toggle` (a `ToggleEvent`) of `<lk-hint>`, not React's. */
  toggle: ToggleEvent;
}

/** `lk-login` → `LkLogin`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** The handler props of the events `N`: `onLkLogin` for `lk-login`, typed with its class. */
export type LkHandlers<N extends keyof LkEventMap> = { [K in N as `on${Pascal<K>}`]: LkEventMap[K] };

/** The prop that takes a handler of `event`: `on` and its name in PascalCase. */
const handlerProp = (event: string): string =>
  `on${event.replace(/(?:^|-)([a-z])/gu, (_, letter: string) => letter.toUpperCase())}`;

/**
 * One wrapper: `@lit/react` makes it, given the element's events by name.
 * `@lit/react` types its result with its own names; this states the same
 * shape in React's, so the package's types need only `@types/react`
 * (`@lit/react` itself is bundled into `lk-widgets/react`).
 */
function wrap<E extends HTMLElement, N extends keyof LkEventMap = never>(
  tagName: string,
  elementClass: new () => E,
  events: readonly N[],
): LkComponent<E, LkHandlers<N>> {
  const handlers = Object.fromEntries(events.map((event) => [handlerProp(event), event]));
  return createComponent({ react: React, tagName, elementClass, events: handlers }) as unknown as LkComponent<E, LkHandlers<N>>;
}

/** What an element that leads elsewhere and reports its faults fires besides its own events. */
const NAVIGATES_AND_FAULTS = ['lk-navigate', 'lk-error'] as const;

/** `<lk-provider>`: the client, the session and the settings for the elements inside it. */
export const LkProvider = wrap('lk-provider', LkProviderElement, []);

/** `<lk-login-form>`. */
export const LkLoginForm = wrap('lk-login-form', LkLoginFormElement, ['lk-login', 'lk-logout', ...NAVIGATES_AND_FAULTS]);

/** `<lk-register-form>`. */
export const LkRegisterForm = wrap('lk-register-form', LkRegisterFormElement, ['lk-registered', ...NAVIGATES_AND_FAULTS]);

/** `<lk-captcha>`. */
export const LkCaptcha = wrap('lk-captcha', LkCaptchaElement, ['lk-captcha-solved', 'lk-error']);

/** `<lk-confirm-email>`. */
export const LkConfirmEmail = wrap('lk-confirm-email', LkConfirmEmailElement, ['lk-email-confirmed', ...NAVIGATES_AND_FAULTS]);

/** `<lk-password-recovery>`. */
export const LkPasswordRecovery = wrap('lk-password-recovery', LkPasswordRecoveryElement, ['lk-password-changed', ...NAVIGATES_AND_FAULTS]);

/** `<lk-hint>`: `onToggle` is the DOM's `toggle` (a `ToggleEvent`), not React's. */
export const LkHint = wrap('lk-hint', LkHintElement, ['toggle']);

/** `<lk-account-connect>`. */
export const LkAccountConnect = wrap('lk-account-connect', LkAccountConnectElement, ['lk-account-connected', ...NAVIGATES_AND_FAULTS]);

/** `<lk-accounts>`. */
export const LkAccounts = wrap('lk-accounts', LkAccountsElement, ['lk-account-selected', ...NAVIGATES_AND_FAULTS]);

/** `<lk-settings>`. */
export const LkSettings = wrap('lk-settings', LkSettingsElement, ['lk-password-changed', ...NAVIGATES_AND_FAULTS]);

/** `<lk-cabinet>`. */
export const LkCabinet = wrap('lk-cabinet', LkCabinetElement, ['lk-logout', 'lk-error']);

/** `<lk-account-summary>`. */
export const LkAccountSummary = wrap('lk-account-summary', LkAccountSummaryElement, NAVIGATES_AND_FAULTS);

/** `<lk-account-history>`. */
export const LkAccountHistory = wrap('lk-account-history', LkAccountHistoryElement, NAVIGATES_AND_FAULTS);

/** `<lk-readings-form>`. */
export const LkReadingsForm = wrap('lk-readings-form', LkReadingsFormElement, ['lk-readings-submitted', ...NAVIGATES_AND_FAULTS]);

/** `<lk-pay-now>`. */
export const LkPayNow = wrap('lk-pay-now', LkPayNowElement, ['lk-payment', 'lk-readings-submitted', ...NAVIGATES_AND_FAULTS]);

/** `<lk-payment-history>`. */
export const LkPaymentHistory = wrap('lk-payment-history', LkPaymentHistoryElement, NAVIGATES_AND_FAULTS);
