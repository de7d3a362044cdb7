/**
 * The demo's mailbox: the letters the mock backend "sent", as the abonent
 * would read them in their e-mail. Everything is rendered with
 * textContent: a letter is data, never markup.
 */
import type { StartedMockBackend } from '../mocks/browser.js';

type Letter = Awaited<ReturnType<StartedMockBackend['outbox']['list']>>[number];

const KIND_LABELS: Record<string, string> = {
  confirm: 'подтверждение регистрации',
  'already-registered': 'адрес уже зарегистрирован',
  reset: 'восстановление пароля',
  'password-changed': 'пароль изменён',
};

const time = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'short' });

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function showLetter(target: HTMLElement, letter: Letter): void {
  const heading = element('h4', 'mailbox__subject', letter.subject);
  const meta = element('p', 'mailbox__meta', `Кому: ${letter.to} · ${time.format(new Date(letter.sentAt))}`);
  const body = element('p', 'mailbox__body', letter.body);
  target.replaceChildren(heading, meta, body);
  if (letter.link) {
    const link = element('a', 'mailbox__link', 'Перейти по ссылке из письма');
    link.href = letter.link;
    target.append(element('p', 'mailbox__actions'));
    target.lastElementChild!.append(link);
  }
  target.focus();
}

/** Lists the outbox in `list`, and again whenever it changes (also in another tab); a letter opens in `reader`. */
export function startMailbox(backend: StartedMockBackend, list: HTMLElement, reader: HTMLElement): void {
  function show(letters: readonly Letter[]): void {
    list.replaceChildren(
      ...letters.map((letter) => {
        const item = element('li', 'mailbox__item');
        const open = element('button', 'mailbox__open');
        open.type = 'button';
        open.append(
          element('span', 'mailbox__open-subject', letter.subject),
          element('span', 'mailbox__open-meta', `${letter.to} · ${KIND_LABELS[letter.kind] ?? letter.kind} · ${time.format(new Date(letter.sentAt))}`),
        );
        open.addEventListener('click', () => showLetter(reader, letter));
        item.append(open);
        return item;
      }),
    );
    if (letters.length === 0) reader.replaceChildren(element('p', 'mock-group__hint', 'Писем пока нет.'));
  }
  backend.outbox.subscribe(show);
  void backend.outbox.list().then(show);
}
