import { LitElement } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { EnvironmentController } from '../../controllers/environment-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import type { LkEnvironment } from '../../context/environment.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import { adoptElementStyles } from './styles.js';

let instances = 0;

/**
 * The thin base of every `<lk-…>` element: light-DOM rendering (password
 * managers, labels and ARIA references need the page's tree, docs/ARCHITECTURE.md),
 * one adopted stylesheet per class, the environment from context, and the
 * element's strings. Behaviour lives in controllers.
 */
export abstract class LkElement<M extends object = object> extends LitElement {
  /** The interface language of this element (`ru`, `en`); default: the provider's. */
  @property({ reflect: true }) locale?: string;

  /** The API base URL when there is no `<lk-provider>` above; elements with the same one share a session. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  protected readonly environment = new EnvironmentController(this);
  protected readonly localize: LocalizeController<M>;

  /** A prefix for ids, unique to this instance, so labels and ARIA references never collide. */
  protected readonly uid = `lk${++instances}`;

  /** The id of one of the element's parts: `name` under the instance's prefix. */
  protected readonly idFor = (name: string): string => `${this.uid}-${name}`;

  protected constructor(catalogue: Catalogue<M>) {
    super();
    this.localize = new LocalizeController(this, catalogue, () => this.env.settings.locale);
  }

  /** The client, session, settings, clock and navigator in force. */
  protected get env(): LkEnvironment {
    return this.environment.value;
  }

  /** The element's strings in its locale. */
  protected get t(): M {
    return this.localize.t;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptElementStyles(this, (this.constructor as typeof LitElement).elementStyles);
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    // Screen readers pronounce the element's text in its own language.
    this.lang = this.localize.locale;
  }

  /** Also waits for a locale that is still loading, so tests see the final text. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.localize.pending) {
      await this.localize.pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }
}
