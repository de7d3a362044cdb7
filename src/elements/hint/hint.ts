import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LkElement } from '../base/lk-element.js';
import { baseStyles } from '../base/styles.js';
import { hintMessages } from './hint.messages.js';
import type { HintMessages } from './hint.messages.js';
import { hintStyles } from './hint.styles.js';

/**
 * Where the bubble goes: below or above the "?", and which of its edges lines
 * up with the button's (`end`: it grows toward the line's start, as a hint at
 * the end of an input row needs).
 */
export type HintPlacement = 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start';

const PLACEMENTS: readonly HintPlacement[] = ['bottom-end', 'bottom-start', 'top-end', 'top-start'];

const mirrored = (placement: HintPlacement): HintPlacement =>
  (placement.endsWith('-end') ? placement.replace(/-end$/, '-start') : placement.replace(/-start$/, '-end')) as HintPlacement;

/**
 * How long the bubble stays after the pointer leaves the hint: a pointer on
 * its way from the "?" to the bubble, or slipping off an edge, must not close
 * it (WCAG 1.4.13, hoverable). Coming back within it keeps the bubble open.
 */
const LEAVE_GRACE_MS = 300;

/**
 * @summary The "?" hint: a button that shows a short explanation on hover, on keyboard focus and on a click or tap.
 *
 * Content on hover or focus as WCAG 2.2 1.4.13 asks:
 * the bubble opens when the pointer is over the "?" and stays while the
 * pointer is over the "?" or the bubble (it closes a moment after the pointer
 * leaves the whole hint); it opens when the "?" gets keyboard focus and
 * closes when focus leaves; a click, Enter or Space keeps it open (touch
 * screens have no hover) and a second one closes it; Escape closes it
 * wherever the focus is, and that Escape goes no further, so an enclosing
 * dialog stays open. One hint is open at a time.
 *
 * It is announced: the button is named "Подсказка: <label>" and described by
 * the bubble, whose text stays in the DOM (hidden) while closed, so screen
 * readers read it with the button whether it is shown or not. A form's input
 * can be described by the same text: the form picks the text's id with
 * `text-id` (unique to the form instance) and puts it in the input's
 * `aria-describedby`.
 *
 * Configuration is by attributes and properties only (light DOM has no slots).
 *
 * @example
 * ```html
 * <label for="account">Лицевой счет</label>
 * <input id="account" aria-describedby="account-hint" />
 * <lk-hint label="Лицевой счет" text-id="account-hint"
 *   text="Номер лицевого счета указан в квитанции, над штрихкодом."></lk-hint>
 * ```
 *
 * @fires {ToggleEvent} toggle - the user opened or closed the bubble (a `ToggleEvent`, as a popover's: `oldState`, `newState`); not fired when `open` is set from script. Does not bubble.
 *
 * @csspart button - the "?" button; also `trigger`.
 * @csspart mark - the "?" itself (hidden from screen readers).
 * @csspart visually-hidden - the button's name, for screen readers only.
 * @csspart bubble - the hint's text (`role="tooltip"`); `data-placement` says where it is shown.
 *
 * @cssprop [--lk-hint-background=var(--lk-color-text, #1d2733)] - the bubble's background (default: the text colour, so the bubble stands out in light and dark schemes alike).
 * @cssprop [--lk-hint-color=var(--lk-color-surface, #fff)] - the bubble's text (default: the surface colour).
 * @cssprop [--lk-hint-border-color=var(--lk-color-border, #6b7785)] - the bubble's border.
 * @cssprop [--lk-hint-max-width=22rem] - the bubble's widest (default 22rem, never wider than the viewport).
 * @cssprop [--lk-hint-size=1.75rem] - the "?" button's size (default 1.75rem; never under 24 CSS px).
 * @cssprop [--lk-hint-z-index=10] - the bubble's stacking order.
 * @cssprop [--lk-color-primary=#0b5cad] - the "?" button.
 * @cssprop [--lk-color-on-primary=#fff] - the "?" while open.
 * @cssprop [--lk-color-surface=#fff] - the "?" button's background.
 * @cssprop [--lk-color-text=#1d2733] - the page text; the bubble's default background.
 * @cssprop [--lk-color-focus=#1d2733] - the focus ring.
 * @cssprop [--lk-radius=0.375rem] - the bubble's corners.
 * @cssprop [--lk-font-family=inherit] - the font (default: the page's).
 * @cssprop [--lk-font-size=1rem] - the text size.
 */
export class LkHintElement extends LkElement<HintMessages> {
  static override styles = [baseStyles, hintStyles];

  /** The hint that is open, if any: opening another closes it, so bubbles never cover each other. */
  static #current: LkHintElement | undefined;

  /** The hint's text, shown as plain text (never parsed as HTML). */
  @property() text = '';

  /** What the hint is about ("Лицевой счет"): the button is named "Подсказка: Лицевой счет", or "Подсказка" without it. */
  @property() label?: string;

  /** Where the bubble goes: `bottom-end` (default), `bottom-start`, `top-end` or `top-start`; it takes the other alignment when the one asked for would leave the viewport sideways. */
  @property({ reflect: true }) placement: HintPlacement = 'bottom-end';

  /**
   * Whether the bubble is shown. The user's hover, focus, clicks and Escape
   * set it; set from script, it stays until the user dismisses it.
   */
  @property({ type: Boolean, reflect: true }) open = false;

  #textId: string | undefined;

  /**
   * The id of the node that holds the text, for an input's
   * `aria-describedby`. A form sets it (`text-id`) to an id it knows while
   * rendering; by default it is unique to this instance.
   */
  @property({ attribute: 'text-id' })
  get textId(): string {
    return this.#textId || this.idFor('text');
  }
  set textId(id: string | null | undefined) {
    this.#textId = id ?? undefined;
  }

  /** Opened by a click, Enter or Space: stays until dismissed. */
  #pinned = false;
  #hovered = false;
  /** Focused from the keyboard. */
  #focused = false;
  /** `open` as the user's actions last left it; any other value was set from script. */
  #userOpen = false;
  /** The next render follows a user's action, so it fires `toggle`. */
  #userChange = false;
  #leaveTimer: ReturnType<typeof setTimeout> | undefined;
  #listening = false;

  constructor() {
    super(hintMessages);
    this.addEventListener('pointerenter', this.#onPointerEnter);
    this.addEventListener('pointerleave', this.#onPointerLeave);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen(this.open);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#leaveTimer);
    this.#listen(false);
    if (LkHintElement.#current === this) LkHintElement.#current = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('open') && this.open !== this.#userOpen) {
      // Set from script: it behaves as if clicked, and fires nothing.
      this.#pinned = this.open;
      if (!this.open) this.#forget();
      this.#userOpen = this.open;
      this.#userChange = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const id = this.textId;
    return html`
      <button
        part="button trigger"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${id}
        aria-describedby=${id}
        @pointerenter=${this.#onPointerEnter}
        @click=${this.#onClick}
        @focus=${this.#onFocus}
        @blur=${this.#onBlur}
      >
        <span part="mark" aria-hidden="true">?</span><span part="visually-hidden">${this.label ? t.hintFor(this.label) : t.hint}</span>
      </button>
      <span part="bubble" id=${id} role="tooltip" ?hidden=${!this.open}>${this.text}</span>
    `;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#listen(this.open && this.isConnected);
    if (!this.open && LkHintElement.#current === this) LkHintElement.#current = undefined;
    this.#place();
    if (changed.has('open') && this.#userChange) {
      this.#userChange = false;
      const was = changed.get('open') === true;
      if (was !== this.open) {
        this.dispatchEvent(new ToggleEvent('toggle', { oldState: was ? 'open' : 'closed', newState: this.open ? 'open' : 'closed' }));
      }
    }
  }

  /** On the hint itself and on the "?": the "?" opens it; the bubble, once shown, keeps it open. */
  readonly #onPointerEnter = (event: PointerEvent): void => {
    // A finger "enters" with the tap itself, and the click that follows toggles.
    if (event.pointerType === 'touch') return;
    clearTimeout(this.#leaveTimer);
    if (event.currentTarget === this && !this.open) return;
    this.#hovered = true;
    this.#sync();
  };

  readonly #onPointerLeave = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    clearTimeout(this.#leaveTimer);
    this.#leaveTimer = setTimeout(() => {
      this.#hovered = false;
      this.#sync();
    }, LEAVE_GRACE_MS);
  };

  readonly #onFocus = (event: FocusEvent): void => {
    // Opening on focus is for the keyboard (:focus-visible): a click's focus is
    // the click's business, and focus that script moves (a dialog handing it
    // back) must not pop a bubble up over the page.
    if (!(event.target as HTMLElement).matches(':focus-visible')) return;
    this.#focused = true;
    this.#sync();
  };

  readonly #onBlur = (): void => {
    this.#focused = false;
    this.#pinned = false;
    this.#sync();
  };

  readonly #onClick = (): void => {
    if (this.#pinned) return this.#dismiss();
    this.#pinned = true;
    this.#sync();
  };

  /** Escape closes the hint wherever the focus is: the pointer may rest on the "?" while the user types elsewhere. */
  readonly #onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.isComposing || !this.open) return;
    // This Escape was the hint's: an enclosing dialog (custom or native) must not close too.
    event.stopPropagation();
    event.preventDefault();
    this.#dismiss();
  };

  /** A tap elsewhere closes a hint a tap opened (some browsers do not focus a tapped button, so no blur comes). */
  readonly #onDocumentPointerdown = (event: PointerEvent): void => {
    if (event.composedPath().includes(this)) return;
    this.#pinned = false;
    this.#sync();
  };

  /** Opens or closes the bubble as the user's hover, focus and clicks now ask. */
  #sync(): void {
    const open = this.#pinned || this.#hovered || this.#focused;
    if (open === this.open) return;
    if (open) {
      const other = LkHintElement.#current;
      if (other && other !== this) other.#dismiss();
      LkHintElement.#current = this;
    }
    this.#userOpen = open;
    this.#userChange = true;
    this.open = open;
  }

  /** Closes it until the pointer comes back or the button is focused again (WCAG 1.4.13, dismissible). */
  #dismiss(): void {
    this.#pinned = false;
    this.#forget();
    this.#sync();
  }

  #forget(): void {
    clearTimeout(this.#leaveTimer);
    this.#hovered = false;
    this.#focused = false;
  }

  /** Listens to the whole document only while open. */
  #listen(on: boolean): void {
    if (on === this.#listening) return;
    this.#listening = on;
    const document = this.ownerDocument;
    // Capture: the hint must see Escape before anything inside the page reacts to it.
    if (on) {
      document.addEventListener('keydown', this.#onDocumentKeydown, true);
      document.addEventListener('pointerdown', this.#onDocumentPointerdown, true);
    } else {
      document.removeEventListener('keydown', this.#onDocumentKeydown, true);
      document.removeEventListener('pointerdown', this.#onDocumentPointerdown, true);
    }
  }

  /** The placement asked for, or its mirror when the bubble would stick out of the viewport sideways. */
  #place(): void {
    const bubble = this.querySelector<HTMLElement>(':scope > [part~="bubble"]');
    if (!bubble) return;
    const asked = PLACEMENTS.includes(this.placement) ? this.placement : 'bottom-end';
    bubble.dataset['placement'] = asked;
    if (!this.open) return;
    const width = this.ownerDocument.documentElement.clientWidth;
    const overflow = () => {
      const { left, right } = bubble.getBoundingClientRect();
      return Math.max(0, -left) + Math.max(0, right - width);
    };
    const before = overflow();
    if (before === 0) return;
    bubble.dataset['placement'] = mirrored(asked);
    if (overflow() >= before) bubble.dataset['placement'] = asked;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-hint': LkHintElement;
  }
}
