import { expect, fixture, oneEvent } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import type { Client } from '../../src/api/client.js';
import { createClient } from '../../src/api/client.js';
import { AccountData, activityKey, periodKey } from '../../src/controllers/account-data.js';
import type { AccountDataKey } from '../../src/controllers/account-data.js';
import { connectionOf } from '../../src/context/environment.js';
import type { LkEnvironment } from '../../src/context/environment.js';
import type { LkErrorEvent } from '../../src/events/error.js';
import type { Account } from '../../src/schemas/account.js';

const ACCOUNT: Account = {
  id: 'acc-1',
  number: '6001234567',
  supplierId: 'mrg-pskov',
  supplierName: 'Межрегионгаз Псков',
  address: '',
  period: '2026-05',
  debt: 0,
  tariff: 812,
  meters: [],
  connectedAt: '2026-05-01T00:00:00.000Z',
};
const OTHER: Account = { ...ACCOUNT, id: 'acc-2', number: '5812345678' };

/** One call of the fetch: what it was asked, and how to answer it. */
interface Call {
  client: Client;
  accountId: string;
  signal: AbortSignal;
  resolve(value: string): void;
  reject(error: unknown): void;
}

/** A client and a store that never reach a backend: the fetch is the test's. */
function environment(): LkEnvironment {
  return connectionOf(createClient({ baseUrl: 'http://127.0.0.1:9/api/', retries: 0 })) as unknown as LkEnvironment;
}

let key: AccountDataKey = activityKey;

class DataHost extends LitElement {
  account: Account | undefined = ACCOUNT;
  env = environment();
  readonly calls: Call[] = [];
  readonly data = new AccountData<string>(this, {
    account: () => this.account,
    environment: () => this.env,
    fetch: (client, accountId, signal) =>
      new Promise<string>((resolve, reject) => this.calls.push({ client, accountId, signal, resolve, reject })),
    key: (account, accounts) => key(account, accounts),
  });
  /** The status each render saw. */
  readonly rendered: string[] = [];

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): unknown {
    this.rendered.push(this.data.status);
    return html`${this.data.value ?? ''}`;
  }
}
customElements.define('test-account-data-host', DataHost);

async function host(): Promise<DataHost> {
  return fixture<DataHost>(html`<test-account-data-host></test-account-data-host>`);
}

/** Lets the fetch's promise settle, then the host's update it asked for. */
async function settle(element: DataHost): Promise<void> {
  await Promise.resolve();
  await element.updateComplete;
}

describe('AccountData', () => {
  afterEach(() => {
    key = activityKey;
  });

  it('asks for the shown account in its first update, which already renders loading', async () => {
    const element = await host();
    expect(element.calls.map((call) => call.accountId)).to.deep.equal(['acc-1']);
    expect(element.calls[0]!.client === element.env.client).to.equal(true);
    expect(element.rendered).to.deep.equal(['loading']);
    element.calls[0]!.resolve('first');
    await settle(element);
    expect([element.data.status, element.data.value, element.textContent]).to.deep.equal(['ready', 'first', 'first']);
  });

  it('asks nothing more while the key stays the same', async () => {
    const element = await host();
    element.calls[0]!.resolve('first');
    await settle(element);
    element.requestUpdate();
    await element.updateComplete;
    expect(element.calls).to.have.length(1);
  });

  it('asks again for a new copy of the account, keeping the data known meanwhile', async () => {
    const element = await host();
    element.calls[0]!.resolve('first');
    await settle(element);
    element.account = { ...ACCOUNT, debt: 100 };
    element.requestUpdate();
    await element.updateComplete;
    expect(element.calls).to.have.length(2);
    expect([element.data.status, element.data.value]).to.deep.equal(['loading', 'first']);
    element.calls[1]!.resolve('second');
    await settle(element);
    expect(element.data.value).to.equal('second');
  });

  it('asks again when the store is told of activity on the account (activityKey), not on another one', async () => {
    const element = await host();
    element.calls[0]!.resolve('first');
    await settle(element);
    element.env.accounts.touched('acc-2');
    element.requestUpdate();
    await element.updateComplete;
    expect(element.calls).to.have.length(1);
    element.env.accounts.touched('acc-1');
    element.requestUpdate();
    await element.updateComplete;
    expect(element.calls).to.have.length(2);
  });

  it('with periodKey, asks again for a new period only', async () => {
    key = periodKey;
    const element = await host();
    element.calls[0]!.resolve('first');
    await settle(element);
    element.account = { ...ACCOUNT, debt: 100 };
    element.env.accounts.touched('acc-1');
    element.requestUpdate();
    await element.updateComplete;
    expect(element.calls).to.have.length(1);
    element.account = { ...ACCOUNT, period: '2026-06' };
    element.requestUpdate();
    await element.updateComplete;
    expect(element.calls).to.have.length(2);
  });

  it('drops another account’s data at once, aborts its request and ignores its late answer', async () => {
    const element = await host();
    element.calls[0]!.resolve('first');
    await settle(element);
    element.account = { ...ACCOUNT, debt: 100 };
    element.requestUpdate();
    await element.updateComplete;
    element.account = OTHER;
    element.requestUpdate();
    await element.updateComplete;
    expect(element.calls.map((call) => call.accountId)).to.deep.equal(['acc-1', 'acc-1', 'acc-2']);
    expect(element.calls[1]!.signal.aborted).to.equal(true);
    expect([element.data.status, element.data.value]).to.deep.equal(['loading', undefined]);
    element.calls[1]!.resolve('late, for acc-1');
    await settle(element);
    expect([element.data.status, element.data.value]).to.deep.equal(['loading', undefined]);
    element.calls[2]!.resolve('other');
    await settle(element);
    expect(element.data.value).to.equal('other');
  });

  it('asks again with another client', async () => {
    const element = await host();
    element.env = environment();
    element.requestUpdate();
    await element.updateComplete;
    expect(element.calls).to.have.length(2);
    expect(element.calls[1]!.client === element.env.client).to.equal(true);
  });

  it('on a failure: error, lk-error on the host, the data known kept; retry() asks again', async () => {
    const element = await host();
    element.calls[0]!.resolve('first');
    await settle(element);
    element.account = { ...ACCOUNT, debt: 100 };
    element.requestUpdate();
    await element.updateComplete;
    const failure = new Error('down');
    const reported = oneEvent(element, 'lk-error');
    element.calls[1]!.reject(failure);
    expect(((await reported) as LkErrorEvent).detail.error).to.equal(failure);
    await settle(element);
    expect([element.data.status, element.data.error === failure, element.data.value]).to.deep.equal(['error', true, 'first']);
    element.data.retry();
    await element.updateComplete;
    expect(element.calls).to.have.length(3);
    expect([element.data.status, element.data.error]).to.deep.equal(['loading', undefined]);
    element.calls[2]!.resolve('again');
    await settle(element);
    expect([element.data.status, element.data.value]).to.deep.equal(['ready', 'again']);
  });

  it('reports no failure of a request it aborted', async () => {
    const element = await host();
    let reported = 0;
    element.addEventListener('lk-error', () => reported++);
    element.account = OTHER;
    element.requestUpdate();
    await element.updateComplete;
    element.calls[0]!.reject(new DOMException('aborted', 'AbortError'));
    await settle(element);
    expect(reported).to.equal(0);
    expect(element.data.status).to.equal('loading');
  });

  it('with no account, asks nothing and forgets what it had', async () => {
    const element = await host();
    element.calls[0]!.resolve('first');
    await settle(element);
    element.account = undefined;
    element.requestUpdate();
    await element.updateComplete;
    expect([element.data.status, element.data.value, element.calls.length]).to.deep.equal(['idle', undefined, 1]);
  });

  it('off the page: aborts, forgets, asks nothing; back on it: asks again', async () => {
    const element = await host();
    const parent = element.parentElement!;
    element.remove();
    expect(element.calls[0]!.signal.aborted).to.equal(true);
    expect([element.data.status, element.data.value]).to.deep.equal(['idle', undefined]);
    element.requestUpdate();
    await element.updateComplete;
    expect(element.calls).to.have.length(1);
    parent.append(element);
    await element.updateComplete;
    expect(element.calls).to.have.length(2);
    expect(element.data.status).to.equal('loading');
  });
});
