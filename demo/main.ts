/**
 * The demo page: starts the in-browser mock backend (data kept in IndexedDB,
 * so it survives reloads), gives the SDK the mock's clock, then loads the SDK
 * from source, so `<lk-cabinet>` talks to the mock from its first request.
 * The brand and scheme switch (theme.ts) is the site's own; the mock
 * controls below the cabinet are a demo tool, not part of the SDK.
 */
import { FAULT_KINDS, startMockBackend } from '../mocks/index.js';
import type { FaultKind, PaymentOutcome, StartedMockBackend } from '../mocks/index.js';
import { startMailbox } from './mailbox.js';
import { startThemeSwitcher } from './theme.js';
import type { ApiEndpoint } from '../src/api/paths.js';
import { PENDING_PAYMENTS_KEY } from '../src/payments/pending.js';

const FAULT_LABELS: Record<FaultKind, string> = {
  'server-error': 'ошибка сервера (500)',
  timeout: 'сервер не отвечает (тайм-аут)',
  'network-error': 'нет сети',
  malformed: 'испорченный ответ',
  'wrong-shape': 'ответ неверной структуры',
};

const ENDPOINT_LABELS: Record<ApiEndpoint, string> = {
  login: 'вход',
  logout: 'выход',
  session: 'проверка сеанса',
  register: 'регистрация',
  confirm: 'подтверждение e-mail',
  resend: 'повторная ссылка',
  recover: 'восстановление пароля',
  reset: 'новый пароль',
  captcha: 'защита от роботов',
  changePassword: 'смена пароля',
  suppliers: 'список поставщиков',
  accounts: 'лицевые счета: список и подключение',
  account: 'отключение ЛС',
  accountHistory: 'история ЛС',
  readings: 'показания: передача и история',
  payments: 'оплата и история платежей',
};

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`demo: #${id} is missing from index.html`);
  return element as T;
};

const status = byId<HTMLParagraphElement>('mock-status');
const eventLog = byId<HTMLOListElement>('event-log');
const timeFormat = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeStyle: 'short' });

function say(message: string): void {
  status.textContent = message;
}

function logEvent(message: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString('ru-RU')} — ${message}`;
  eventLog.prepend(item);
}

/** "1 д 2 ч 15 мин" for an offset in ms. */
function formatOffset(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days && `${days} д`, hours && `${hours} ч`, (rest || (!days && !hours)) && `${rest} мин`].filter(Boolean).join(' ');
}

function showTime(backend: StartedMockBackend): void {
  byId<HTMLOutputElement>('mock-time').value = timeFormat.format(backend.clock.now());
  const offset = backend.clock.offset;
  byId('mock-offset').textContent = offset > 0 ? `Впереди реального на ${formatOffset(offset)}.` : 'Совпадает с реальным.';
}

/** One labelled fault select per endpoint of the API. */
function makeFaultSelects(container: HTMLElement): HTMLSelectElement[] {
  return (Object.keys(ENDPOINT_LABELS) as ApiEndpoint[]).map((endpoint) => {
    const label = document.createElement('label');
    label.className = 'mock-label';
    label.htmlFor = `fault-${endpoint}`;
    label.textContent = `${ENDPOINT_LABELS[endpoint][0]!.toUpperCase()}${ENDPOINT_LABELS[endpoint].slice(1)} (${endpoint})`;
    const select = document.createElement('select');
    select.className = 'mock-select';
    select.id = `fault-${endpoint}`;
    select.dataset.endpoint = endpoint;
    select.disabled = true;
    container.append(label, select);
    return select;
  });
}

async function wireControls(backend: StartedMockBackend): Promise<void> {
  const reset = byId<HTMLButtonElement>('mock-reset');
  const plus15 = byId<HTMLButtonElement>('clock-15m');
  const plusDay = byId<HTMLButtonElement>('clock-1d');
  const latency = byId<HTMLSelectElement>('mock-latency');
  const faultSelects = makeFaultSelects(byId('mock-faults'));

  reset.addEventListener('click', async () => {
    reset.disabled = true;
    say('Сбрасываем демо-данные…');
    await backend.reset();
    // The payments this browser still has to resolve were made on the data just thrown away.
    localStorage.removeItem(PENDING_PAYMENTS_KEY);
    location.reload();
  });

  const advance = async (ms: number, label: string) => {
    await backend.clock.advance(ms);
    showTime(backend);
    say(`Время сервера переведено вперёд на ${label}.`);
  };
  plus15.addEventListener('click', () => void advance(15 * 60_000, '15 минут'));
  plusDay.addEventListener('click', () => void advance(24 * 60 * 60_000, '1 день'));
  showTime(backend);
  setInterval(() => showTime(backend), 10_000);

  latency.value = String(await backend.latency.get());
  if (!latency.value) latency.value = '0';
  latency.addEventListener('change', async () => {
    await backend.latency.set(Number(latency.value));
    say(`Задержка ответов: ${latency.selectedOptions[0]?.textContent ?? latency.value}.`);
  });

  const paymentOutcome = byId<HTMLSelectElement>('mock-payment-outcome');
  paymentOutcome.value = await backend.payments.outcome();
  paymentOutcome.addEventListener('change', async () => {
    await backend.payments.setOutcome(paymentOutcome.value as PaymentOutcome);
    say(`Платёжный сервис: ${paymentOutcome.selectedOptions[0]?.textContent ?? paymentOutcome.value}.`);
  });

  const faults = await backend.faults.list();
  for (const select of faultSelects) {
    const endpoint = select.dataset.endpoint as ApiEndpoint;
    select.replaceChildren(
      new Option('нет сбоя', ''),
      ...FAULT_KINDS.map((kind) => new Option(FAULT_LABELS[kind], kind)),
    );
    select.value = faults[endpoint] ?? '';
    select.addEventListener('change', async () => {
      const kind = select.value as FaultKind | '';
      if (kind) await backend.faults.set(endpoint, kind);
      else await backend.faults.clear(endpoint);
      say(kind ? `Сбой «${FAULT_LABELS[kind]}» для запроса «${ENDPOINT_LABELS[endpoint]}».` : `Запрос «${ENDPOINT_LABELS[endpoint]}» снова работает.`);
    });
  }

  for (const control of [reset, plus15, plusDay, latency, paymentOutcome, ...faultSelects]) control.disabled = false;
}

function listenToSdkEvents(): void {
  document.body.addEventListener('lk-login', (event) => logEvent(`lk-login: вошёл ${event.detail.user.email}`));
  document.body.addEventListener('lk-logout', (event) => logEvent(`lk-logout: причина «${event.detail.reason}»`));
  document.body.addEventListener('lk-error', (event) => {
    const { error } = event.detail;
    logEvent(`lk-error: ${error instanceof Error ? error.message : String(error)}`);
  });
  document.body.addEventListener('lk-navigate', (event) => logEvent(`lk-navigate: «${event.detail.to}»`));
  document.body.addEventListener('lk-registered', (event) => logEvent(`lk-registered: ${event.detail.email}`));
  document.body.addEventListener('lk-email-confirmed', (event) => logEvent(`lk-email-confirmed: ${event.detail.email}`));
  document.body.addEventListener('lk-password-changed', () => logEvent('lk-password-changed'));
  document.body.addEventListener('lk-account-connected', (event) => logEvent(`lk-account-connected: ${event.detail.account.number}`));
  document.body.addEventListener('lk-account-selected', (event) => logEvent(`lk-account-selected: ${event.detail.account.number}`));
}

async function start(): Promise<void> {
  startThemeSwitcher();
  listenToSdkEvents();
  const backend = await startMockBackend({ storage: 'indexeddb' });
  // The page-wide default of every element with no provider: the mock's clock,
  // so countdowns follow the "+15 минут" button.
  const { configure } = await import('../src/index.js');
  configure({ clock: backend.clock });
  // The cabinet reads the time from the mock's clock, so link expiry follows "+1 день".
  byId<HTMLElement & { clock?: unknown }>('lk-cabinet').clock = backend.clock;
  // Registers every <lk-…> tag: the elements in the page upgrade now.
  await import('../src/entries/all.js');
  await wireControls(backend);
  startMailbox(backend, byId('mailbox-list'), byId('mailbox-letter'));
}

start().catch((error: unknown) => {
  console.error(error);
  byId('startup-status').textContent = `Не удалось запустить демо: ${error instanceof Error ? error.message : String(error)}`;
});
