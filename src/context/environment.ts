import { createContext } from '@lit/context';
import { createClient } from '../api/client.js';
import type { Client, ClientOptions } from '../api/client.js';
import { DEFAULT_API_BASE } from '../api/paths.js';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_LOCALE } from '../i18n/locale.js';
import type { PasswordPolicyId } from '../schemas/password.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { LkNavigator } from './navigator.js';
import { AccountsStore } from './accounts.js';
import { Session } from './session.js';

/** What a supplier configures once for the whole cabinet. */
export interface LkSettings {
  /** The API base URL. Default `/api/`. */
  apiBase: string;
  /** The interface language. Default `ru`. */
  locale: Locale;
  /** The rule for new passwords. Default `seed` (the supplier's 5–10 Latin letters and digits). */
  passwordPolicy: PasswordPolicyId;
  /** The support address shown in the cabinet's help area. */
  supportEmail: string | undefined;
}

/**
 * Everything an element needs from around it: given by the nearest
 * `<lk-provider>` (or `<lk-cabinet>`) through @lit/context, else by the page.
 */
export interface LkEnvironment {
  readonly settings: Readonly<LkSettings>;
  readonly client: Client;
  readonly session: Session;
  /** The session's connected accounts and the current one. */
  readonly accounts: AccountsStore;
  readonly clock: Clock;
  /** Moves the user within the cabinet; absent outside one. */
  readonly navigator: LkNavigator | undefined;
}

/**
 * The context key. A plain (not registered) symbol: two copies of the SDK on
 * one page each see only their own providers, so they never share state.
 */
export const environmentContext = createContext<LkEnvironment>(Symbol('lk-environment'));

/** The client options a page or a provider can set. */
export type ConnectionOptions = Pick<ClientOptions, 'getToken' | 'timeout' | 'retries' | 'retryDelay' | 'maxRetryAfter' | 'deadline'>;

/** A client, the session it carries and that session's accounts. */
export interface Connection {
  readonly client: Client;
  readonly session: Session;
  readonly accounts: AccountsStore;
}

/** A fresh session, and its accounts, over `client`. */
export function connectionOf(client: Client): Connection {
  const session = new Session(client);
  return { client, session, accounts: new AccountsStore(session) };
}

/** Makes a client and a fresh session for it. */
export function createConnection(apiBase: string, options: ConnectionOptions = {}): Connection {
  return connectionOf(createClient({ ...options, baseUrl: apiBase }));
}

// ----- The page-wide default --------------------------------------------------

/** What {@link configure} accepts: the settings, the client options, a clock. */
export interface PageConfig extends Partial<LkSettings>, ConnectionOptions {
  clock?: Clock;
}

let pageConfig: PageConfig = {};
/** One connection per API base, so elements placed apart on a page share one session. */
const sharedConnections = new Map<string, Connection>();
const pageEnvironments = new Map<string, LkEnvironment>();

/** Fires `change` when {@link configure} or {@link resetConfiguration} changes the page default. */
export const pageConfigEvents = new EventTarget();

/**
 * Sets the page-wide default for every `<lk-…>` element that has no
 * `<lk-provider>` above it. Call it before the elements connect.
 *
 * @example
 * ```ts
 * import { configure } from 'lk-widgets';
 * configure({ apiBase: 'https://lk.example.ru/api/', locale: 'ru' });
 * ```
 */
export function configure(config: PageConfig): void {
  pageConfig = { ...pageConfig, ...config };
  sharedConnections.clear();
  pageEnvironments.clear();
  pageConfigEvents.dispatchEvent(new Event('change'));
}

/** Forgets {@link configure}'s settings and every shared session (for tests). */
export function resetConfiguration(): void {
  pageConfig = {};
  sharedConnections.clear();
  pageEnvironments.clear();
  pageConfigEvents.dispatchEvent(new Event('change'));
}

/** The connection every element and provider on `apiBase` shares, unless it brings its own. */
export function sharedConnection(apiBase: string): Connection {
  let connection = sharedConnections.get(apiBase);
  if (!connection) {
    const { getToken, timeout, retries, retryDelay, maxRetryAfter, deadline } = pageConfig;
    connection = createConnection(apiBase, { getToken, timeout, retries, retryDelay, maxRetryAfter, deadline });
    sharedConnections.set(apiBase, connection);
  }
  return connection;
}

/** The page default settings, completed. */
export function pageSettings(): LkSettings {
  return {
    apiBase: pageConfig.apiBase ?? DEFAULT_API_BASE,
    locale: pageConfig.locale ?? DEFAULT_LOCALE,
    passwordPolicy: pageConfig.passwordPolicy ?? 'seed',
    supportEmail: pageConfig.supportEmail,
  };
}

/** The environment of an element with no provider, on `apiBase` (its own `api-base`) or the page's. */
export function pageEnvironment(apiBase?: string): LkEnvironment {
  const settings = pageSettings();
  const base = apiBase || settings.apiBase;
  let environment = pageEnvironments.get(base);
  if (!environment) {
    const { client, session, accounts } = sharedConnection(base);
    environment = Object.freeze({
      settings: Object.freeze({ ...settings, apiBase: base }),
      client,
      session,
      accounts,
      clock: pageConfig.clock ?? systemClock,
      navigator: undefined,
    });
    pageEnvironments.set(base, environment);
  }
  return environment;
}
