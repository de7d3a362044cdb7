import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LkEnvironment } from '../context/environment.js';
import { environmentContext, pageConfigEvents, pageEnvironment } from '../context/environment.js';
import type { AccountsStore } from '../context/accounts.js';
import type { Session } from '../context/session.js';

type Host = ReactiveControllerHost & HTMLElement & { apiBase?: string | undefined };

/**
 * A provider whose tag is defined after its consumers' (a lazily loaded
 * `<lk-provider>`) must still be found: the context root keeps unanswered
 * requests and replays them when a provider appears.
 */
const rootsAttached = new WeakSet<Document>();
function ensureContextRoot(document: Document): void {
  if (rootsAttached.has(document)) return;
  rootsAttached.add(document);
  new ContextRoot().attach(document.documentElement);
}

/**
 * Gives an element its {@link LkEnvironment}: the nearest provider's, or the
 * page-wide default when there is none. Re-renders the host when either, or
 * the session in it, changes, and has the session asked for once.
 */
export class EnvironmentController implements ReactiveController {
  readonly #host: Host;
  readonly #consumer: ContextConsumer<typeof environmentContext, Host>;
  #session: Session | undefined;
  #accounts: AccountsStore | undefined;
  readonly #update = () => this.#host.requestUpdate();

  constructor(host: Host) {
    this.#host = host;
    // The consumer first: its hostConnected asks the provider, so by the time
    // ours runs the answer is in and no session of the page default is loaded.
    this.#consumer = new ContextConsumer(host, {
      context: environmentContext,
      subscribe: true,
      callback: () => this.#followSession(),
    });
    host.addController(this);
  }

  /** The environment in force now. */
  get value(): LkEnvironment {
    return this.#consumer.value ?? pageEnvironment(this.#host.apiBase);
  }

  hostConnected(): void {
    ensureContextRoot(this.#host.ownerDocument);
    pageConfigEvents.addEventListener('change', this.#update);
    this.#followSession();
  }

  hostDisconnected(): void {
    pageConfigEvents.removeEventListener('change', this.#update);
    this.#session?.removeEventListener('change', this.#update);
    this.#session = undefined;
    this.#accounts?.removeEventListener('change', this.#update);
    this.#accounts = undefined;
  }

  hostUpdate(): void {
    // The page default can change under an element (configure(), its own api-base).
    this.#followSession();
  }

  #followSession(): void {
    // An update can still run after the host has left the page (a state
    // reset in its disconnectedCallback asks for one): subscribing then would
    // never be undone, and the session and the accounts store, which live as
    // long as the page, would keep the removed element and its tree alive.
    if (!this.#host.isConnected) return;
    const { session, accounts } = this.value;
    if (accounts !== this.#accounts) {
      // Choosing an account in one element changes what every element shows.
      this.#accounts?.removeEventListener('change', this.#update);
      this.#accounts = accounts;
      accounts.addEventListener('change', this.#update);
    }
    if (session !== this.#session) {
      this.#session?.removeEventListener('change', this.#update);
      this.#session = session;
      session.addEventListener('change', this.#update);
      // Every element needs to know who is logged in; the first to ask asks the backend.
      void session.load();
      this.#host.requestUpdate();
    }
  }
}
