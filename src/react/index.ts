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

/** The events every element that talks to the backend fires when it shows a fault. */
type Faults = { onLkError: LkErrorEvent };
type Navigates = { onLkNavigate: LkNavigateEvent };

/**
 * `@lit/react` types its result with its own names; this states the same
 * shape in React's, so the package's types need only `@types/react`
 * (`@lit/react` itself is bundled into `lk-widgets/react`).
 */
function wrap<E extends HTMLElement, Events extends Record<string, Event> = {}>(
  tagName: string,
  elementClass: new () => E,
  events: { [K in keyof Events]: string },
): LkComponent<E, Events> {
  return createComponent({ react: React, tagName, elementClass, events }) as unknown as LkComponent<E, Events>;
}

/** `<lk-provider>`: the client, the session and the settings for the elements inside it. */
export const LkProvider = wrap<LkProviderElement>('lk-provider', LkProviderElement, {});

/** `<lk-login-form>`. */
export const LkLoginForm = wrap<LkLoginFormElement, { onLkLogin: LkLoginEvent; onLkLogout: LkLogoutEvent } & Navigates & Faults>(
  'lk-login-form',
  LkLoginFormElement,
  { onLkLogin: 'lk-login', onLkLogout: 'lk-logout', onLkNavigate: 'lk-navigate', onLkError: 'lk-error' },
);

/** `<lk-register-form>`. */
export const LkRegisterForm = wrap<LkRegisterFormElement, { onLkRegistered: LkRegisteredEvent } & Navigates & Faults>(
  'lk-register-form',
  LkRegisterFormElement,
  { onLkRegistered: 'lk-registered', onLkNavigate: 'lk-navigate', onLkError: 'lk-error' },
);

/** `<lk-captcha>`. */
export const LkCaptcha = wrap<LkCaptchaElement, { onLkCaptchaSolved: LkCaptchaSolvedEvent } & Faults>('lk-captcha', LkCaptchaElement, {
  onLkCaptchaSolved: 'lk-captcha-solved',
  onLkError: 'lk-error',
});

/** `<lk-confirm-email>`. */
export const LkConfirmEmail = wrap<LkConfirmEmailElement, { onLkEmailConfirmed: LkEmailConfirmedEvent } & Navigates & Faults>(
  'lk-confirm-email',
  LkConfirmEmailElement,
  { onLkEmailConfirmed: 'lk-email-confirmed', onLkNavigate: 'lk-navigate', onLkError: 'lk-error' },
);

/** `<lk-password-recovery>`. */
export const LkPasswordRecovery = wrap<LkPasswordRecoveryElement, { onLkPasswordChanged: LkPasswordChangedEvent } & Navigates & Faults>(
  'lk-password-recovery',
  LkPasswordRecoveryElement,
  { onLkPasswordChanged: 'lk-password-changed', onLkNavigate: 'lk-navigate', onLkError: 'lk-error' },
);

/** `<lk-hint>`: `onToggle` is the DOM's `toggle` (a `ToggleEvent`), not React's. */
export const LkHint = wrap<LkHintElement, { onToggle: ToggleEvent }>('lk-hint', LkHintElement, { onToggle: 'toggle' });

/** `<lk-account-connect>`. */
export const LkAccountConnect = wrap<LkAccountConnectElement, { onLkAccountConnected: LkAccountConnectedEvent } & Navigates & Faults>(
  'lk-account-connect',
  LkAccountConnectElement,
  { onLkAccountConnected: 'lk-account-connected', onLkNavigate: 'lk-navigate', onLkError: 'lk-error' },
);

/** `<lk-accounts>`. */
export const LkAccounts = wrap<LkAccountsElement, { onLkAccountSelected: LkAccountSelectedEvent } & Navigates & Faults>(
  'lk-accounts',
  LkAccountsElement,
  { onLkAccountSelected: 'lk-account-selected', onLkNavigate: 'lk-navigate', onLkError: 'lk-error' },
);

/** `<lk-settings>`. */
export const LkSettings = wrap<LkSettingsElement, { onLkPasswordChanged: LkPasswordChangedEvent } & Navigates & Faults>(
  'lk-settings',
  LkSettingsElement,
  { onLkPasswordChanged: 'lk-password-changed', onLkNavigate: 'lk-navigate', onLkError: 'lk-error' },
);

/** `<lk-cabinet>`. */
export const LkCabinet = wrap<LkCabinetElement, { onLkLogout: LkLogoutEvent } & Faults>('lk-cabinet', LkCabinetElement, {
  onLkLogout: 'lk-logout',
  onLkError: 'lk-error',
});

/** `<lk-account-summary>`. */
export const LkAccountSummary = wrap<LkAccountSummaryElement, Navigates & Faults>('lk-account-summary', LkAccountSummaryElement, {
  onLkNavigate: 'lk-navigate',
  onLkError: 'lk-error',
});

/** `<lk-account-history>`. */
export const LkAccountHistory = wrap<LkAccountHistoryElement, Navigates & Faults>('lk-account-history', LkAccountHistoryElement, {
  onLkNavigate: 'lk-navigate',
  onLkError: 'lk-error',
});

/** `<lk-readings-form>`. */
export const LkReadingsForm = wrap<LkReadingsFormElement, { onLkReadingsSubmitted: LkReadingsSubmittedEvent } & Navigates & Faults>(
  'lk-readings-form',
  LkReadingsFormElement,
  { onLkReadingsSubmitted: 'lk-readings-submitted', onLkNavigate: 'lk-navigate', onLkError: 'lk-error' },
);

/** `<lk-pay-now>`. */
export const LkPayNow = wrap<
  LkPayNowElement,
  { onLkPayment: LkPaymentEvent; onLkReadingsSubmitted: LkReadingsSubmittedEvent } & Navigates & Faults
>('lk-pay-now', LkPayNowElement, {
  onLkPayment: 'lk-payment',
  onLkReadingsSubmitted: 'lk-readings-submitted',
  onLkNavigate: 'lk-navigate',
  onLkError: 'lk-error',
});

/** `<lk-payment-history>`. */
export const LkPaymentHistory = wrap<LkPaymentHistoryElement, Navigates & Faults>('lk-payment-history', LkPaymentHistoryElement, {
  onLkNavigate: 'lk-navigate',
  onLkError: 'lk-error',
});
