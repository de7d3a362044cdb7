/**
 * The two-copies page: the self-contained bundle loaded twice, from two
 * URLs, so the browser runs two module instances of the SDK. The second
 * copy finds the tags taken, warns and keeps the first copy's definitions.
 * The mock backend comes from source, on its own API base and in memory.
 */
import { startMockBackend } from '../mocks/index.js';

type Sdk = typeof import('../src/entries/all.js');

const API_BASE = '/two-copies-api/';
const BUNDLE = '/dist/lk-widgets.min.js';

const result = document.getElementById('proof-result')!;
const warningOutput = document.getElementById('proof-warning')!;

/** Runs `load`, keeping what it passes to console.warn (still logged). */
async function collectWarnings<T>(load: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
  try {
    return { value: await load(), warnings };
  } finally {
    console.warn = warn;
  }
}

async function start(): Promise<void> {
  const backend = await startMockBackend({ storage: 'memory', apiBase: API_BASE });
  // The specifiers are variables: the bundle is served as is, not resolved by TypeScript.
  const first = (await import(BUNDLE)) as Sdk;
  first.configure({ apiBase: API_BASE, clock: backend.clock });
  const { value: second, warnings } = await collectWarnings(async () => (await import(`${BUNDLE}?copy=2`)) as Sdk);
  second.configure({ apiBase: API_BASE, clock: backend.clock });

  const twoInstances = first.LkLoginFormElement !== second.LkLoginFormElement;
  const firstOwnsTag = customElements.get('lk-login-form') === first.LkLoginFormElement;
  const ok = twoInstances && firstOwnsTag && warnings.length > 0;
  result.classList.add(ok ? 'proof__result--ok' : 'proof__result--bad');
  result.textContent = [
    twoInstances ? 'Загружены две независимые копии SDK.' : 'Ошибка: обе загрузки дали один и тот же модуль.',
    firstOwnsTag ? 'Тег <lk-login-form> определён первой копией.' : 'Ошибка: тег <lk-login-form> определён не первой копией.',
    warnings.length > 0
      ? `Вторая копия предупредила о занятых тегах (${warnings.length}) и ничего не сломала.`
      : 'Вторая копия не предупредила о занятых тегах.',
  ].join(' ');
  warningOutput.textContent = warnings.length ? `Предупреждения второй копии: ${warnings.join(' ')}` : '';
  document.body.dataset.twoCopies = ok ? 'ok' : 'failed';

  // The bundle defines the tags as it loads, before configure() can run, and
  // an element takes its environment when it connects: so the form is added
  // only now, once the page default names this page's mock.
  document.getElementById('login-slot')!.replaceWith(document.createElement('lk-login-form'));
}

start().catch((error: unknown) => {
  console.error(error);
  document.getElementById('startup-status')!.textContent =
    `Не удалось запустить демо: ${error instanceof Error ? error.message : String(error)}`;
});
