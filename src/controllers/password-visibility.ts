import type { ReactiveControllerHost } from 'lit';

/**
 * "Показать пароль": shows or masks the password fields of a form
 * (docs/promises.md#4). The value and the caret stay where they were; a submit
 * masks the fields again, so a shown password does not stay on screen.
 */
export class PasswordVisibility {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #shown = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  get shown(): boolean {
    return this.#shown;
  }

  /** The `type` of a password input now. */
  get inputType(): 'text' | 'password' {
    return this.#shown ? 'text' : 'password';
  }

  async toggle(): Promise<void> {
    await this.#set(!this.#shown);
  }

  async mask(): Promise<void> {
    await this.#set(false);
  }

  async #set(shown: boolean): Promise<void> {
    if (shown === this.#shown) return;
    // Changing an input's type can reset its selection; keep the caret.
    const inputs = [...this.#host.querySelectorAll<HTMLInputElement>('input[data-password]')];
    const selections = inputs.map((input) => [input.selectionStart, input.selectionEnd, input.selectionDirection] as const);
    this.#shown = shown;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    inputs.forEach((input, index) => {
      const [start, end, direction] = selections[index]!;
      if (start !== null && end !== null) input.setSelectionRange(start, end, direction ?? undefined);
    });
  }

}
