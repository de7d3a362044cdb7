import { expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import type { TemplateResult } from 'lit';
import { MeterReadingFields, meterReadingsRu } from '../../src/elements/base/meter-readings.js';
import { SubmitController } from '../../src/elements/base/submit.js';
import { systemClock } from '../../src/context/clock.js';
import { commonRu } from '../../src/i18n/common.ru.js';
import type { Account } from '../../src/schemas/account.js';

/** A bare Lit host for the controller, rendering into its light DOM as the SDK's elements do; its rows are checked as a form checks them. */
class ReadingsHost extends LitElement {
  readonly fields = new MeterReadingFields(this, { messages: () => meterReadingsRu, id: (name) => `host-${name}`, locale: () => 'ru' });
  readonly submit = new SubmitController<string>(this, {
    ids: (name) => `host-${name}`,
    fieldId: (meterId) => this.fields.inputId(meterId),
    messages: () => commonRu,
    clock: () => systemClock,
  });
  account!: Account;
  errors: Record<string, string> = {};
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
  protected override render(): TemplateResult {
    return this.fields.render(this.account, this.errors);
  }
}
customElements.define('test-readings-host', ReadingsHost);

const ACCOUNT: Account = {
  id: 'acc-1',
  number: '6001234567',
  supplierId: 'mrg-pskov',
  supplierName: 'Межрегионгаз Псков',
  address: '',
  period: '2026-05',
  debt: 0,
  tariff: 812,
  meters: [
    { id: 'm1', name: 'Кухня', digits: 5, lastReading: 4512, lastReadingDate: '2026-04-25' },
    { id: 'm/2', name: 'Котёл', digits: 6, lastReading: 18230, lastReadingDate: '2026-04-25' },
    { id: 'm3', name: 'Новый', digits: 4, lastReading: null, lastReadingDate: null },
  ],
  connectedAt: '2026-05-01T00:00:00.000Z',
};

async function host(): Promise<ReadingsHost> {
  return fixture<ReadingsHost>(html`<test-readings-host .account=${ACCOUNT}></test-readings-host>`);
}

/** The readings to send, or `undefined` with the messages by meter id in `submit.fieldErrors`. */
async function check(element: ReadingsHost): Promise<unknown> {
  const values = await element.submit.begin(new Event('submit', { cancelable: true }), element.fields.fields(ACCOUNT));
  return values && element.fields.readingsOf(ACCOUNT, values);
}

async function type(element: ReadingsHost, meterId: string, value: string): Promise<void> {
  const input = element.querySelector<HTMLInputElement>(`#${CSS.escape(element.fields.inputId(meterId))}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await element.updateComplete;
}

describe('MeterReadingFields', () => {
  it('asks for at least one reading, under the first meter', async () => {
    const element = await host();
    expect(await check(element)).to.equal(undefined);
    expect(element.submit.fieldErrors).to.deep.equal({ m1: meterReadingsRu.readingsRequired });
    expect(element.fields.estimate(ACCOUNT)).to.equal(null);
  });

  it('returns only the filled readings, a rollover marked, and a meter with no last reading taken as is', async () => {
    const element = await host();
    await type(element, 'm/2', '100');
    element.querySelector<HTMLInputElement>('[part~="rollover-input"]')!.click();
    await element.updateComplete;
    await type(element, 'm3', ' 0042 ');
    expect(await check(element)).to.deep.equal([
      { meterId: 'm/2', value: 100, rollover: true },
      { meterId: 'm3', value: 42 },
    ]);
    // Only the meter with a last reading has a volume: 1 000 000 − 18 230 + 100 at 8,12 ₽.
    expect(element.fields.estimate(ACCOUNT)).to.equal((1_000_000 - 18_230 + 100) * 812);
  });

  it('gives every wrong meter its message by id', async () => {
    const element = await host();
    await type(element, 'm1', '4000');
    await type(element, 'm3', '12345');
    expect(await check(element)).to.equal(undefined);
    expect(element.submit.fieldErrors).to.deep.equal({
      m1: meterReadingsRu.readingIssue('reading_below_last', ACCOUNT.meters[0]!),
      m3: 'На счетчике 4 цифры: введите не больше 4 цифр.',
    });
  });

  it('maps a 422’s readings.<i>.value to the meter sent at <i>, quoting no stale last reading', async () => {
    const element = await host();
    await type(element, 'm1', '4600');
    await type(element, 'm/2', '18300');
    expect(await check(element)).to.deep.equal([
      { meterId: 'm1', value: 4600 },
      { meterId: 'm/2', value: 18300 },
    ]);
    const errors = element.submit.refusal({ 'readings.1.value': ['reading_below_last'], amount: ['amount_too_small'] })?.errors;
    expect(errors).to.deep.equal({ 'm/2': 'Показания меньше последних принятых. Проверьте их; если счетчик прошел через ноль, отметьте это.' });
    expect(element.submit.refusal({ 'readings.7.value': ['reading_format'] })?.errors).to.deep.equal({});
  });

  it('makes ids that are safe for any meter id, unique per meter', async () => {
    const element = await host();
    const ids = ACCOUNT.meters.map((meter) => element.fields.inputId(meter.id));
    expect(new Set(ids).size).to.equal(3);
    for (const id of ids) expect(id).to.match(/^[A-Za-z0-9_-]+$/);
  });

  it('keeps what was typed until clear()', async () => {
    const element = await host();
    await type(element, 'm1', '4600');
    element.requestUpdate();
    await element.updateComplete;
    expect(element.querySelector<HTMLInputElement>('[part~="input-reading"]')!.value).to.equal('4600');
    element.fields.clear();
    await element.updateComplete;
    expect(element.querySelector<HTMLInputElement>('[part~="input-reading"]')!.value).to.equal('');
    expect(await check(element)).to.equal(undefined);
  });

  it('renders a fieldset with a legend and one labelled group per meter', async () => {
    const element = await host();
    const fieldset = element.querySelector('fieldset[part~="meter-readings"]')!;
    expect(fieldset.querySelector('legend')!.textContent).to.equal('Приборы учета');
    expect(fieldset.querySelectorAll('[part~="meter"][role="group"]')).to.have.length(3);
    expect(element.querySelectorAll('[part~="meter-last"]')[2]!.textContent!.trim()).to.equal('Последние показания: нет показаний');
  });
});
