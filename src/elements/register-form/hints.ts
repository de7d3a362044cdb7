import { html } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { FieldAddon } from '../base/new-password.js';

interface Host extends ReactiveControllerHost, HTMLElement {}

/**
 * The "?" hints of a form, until `<lk-hint>` exists: a real button that
 * shows or hides a paragraph below its field (`aria-expanded`,
 * `aria-controls`); Escape closes an open one. The paragraph is tied to the
 * input by `aria-describedby` also while hidden, so a screen reader reads
 * the hint with the field whether or not it is shown.
 */
export class HintToggles implements ReactiveController {
  readonly #host: Host;
  /** The id of the hint shown, if any: one at a time. */
  #open: string | undefined;

  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.#open) {
      event.stopPropagation();
      this.#set(undefined);
    }
  };

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
  }

  /**
   * The "?" button (for the input's row) and the hint (below the input) of
   * the field named `fieldLabel`, as a {@link FieldAddon}.
   *
   * @param id - the hint paragraph's id, unique to the element instance.
   * @param buttonName - the button's accessible name ("Подсказка: …"); it shows only "?".
   */
  addon(id: string, buttonName: string, text: string): Required<FieldAddon> {
    const open = this.#open === id;
    return {
      inRow: html`<button
        part="button hint-toggle"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${id}
        @click=${() => this.#set(open ? undefined : id)}
      >
        <span aria-hidden="true">?</span><span part="visually-hidden">${buttonName}</span>
      </button>`,
      below: html`<p part="hint" id=${id} ?hidden=${!open}>${text}</p>`,
      describedBy: id,
    };
  }

  #set(id: string | undefined): void {
    this.#open = id;
    this.#host.requestUpdate();
  }
}

/** Renders a {@link FieldAddon}'s button and hint around an input, for a field outside the new-password module. */
export const withAddon = (input: TemplateResult, addon: FieldAddon): TemplateResult =>
  html`<div part="input-row">${input}${addon.inRow}</div>${addon.below}`;
