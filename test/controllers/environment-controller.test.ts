import { expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { EnvironmentController } from '../../src/controllers/environment-controller.js';
import { pageEnvironment } from '../../src/context/environment.js';

const API_BASE = 'http://127.0.0.1:9/environment-controller/';

/** A host that counts its updates and, like lk-captcha, resets a state when it leaves the page. */
class CountingHost extends LitElement {
  static override properties = { phase: { state: true } };
  declare phase: string;
  apiBase = API_BASE;
  updates = 0;
  readonly environment = new EnvironmentController(this);

  constructor() {
    super();
    this.phase = 'solving';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.phase = 'idle';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(): void {
    this.updates += 1;
  }

  protected override render() {
    return html`<p>${this.phase}</p>`;
  }
}
customElements.define('test-environment-host', CountingHost);

describe('EnvironmentController', () => {
  it('follows the session while the host is on the page', async () => {
    const host = await fixture<CountingHost>(html`<test-environment-host></test-environment-host>`);
    await host.updateComplete;
    const before = host.updates;
    pageEnvironment(API_BASE).session.dispatchEvent(new Event('change'));
    await host.updateComplete;
    expect(host.updates).to.equal(before + 1);
  });

  it('does not follow the session again from an update that runs after the host has left the page', async () => {
    const host = await fixture<CountingHost>(html`<test-environment-host></test-environment-host>`);
    await host.updateComplete;
    host.remove();
    // The reset in disconnectedCallback renders once more, off the page.
    await host.updateComplete;
    expect(host.phase).to.equal('idle');
    const before = host.updates;
    const { session, accounts } = pageEnvironment(API_BASE);
    session.dispatchEvent(new Event('change'));
    accounts.dispatchEvent(new Event('change'));
    await host.updateComplete;
    // Nothing on the page holds the removed host: no store asks it to render.
    expect(host.updates).to.equal(before);
  });
});
