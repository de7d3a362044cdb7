import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveElement, TemplateResult } from 'lit';
import { isApiError } from '../../api/errors.js';
import type { CaptchaSolution } from '../../schemas/captcha.js';

/**
 * The answer of the `<lk-captcha>` rendered inside `host`, for one request:
 * loads the check's module (it is loaded on demand, never with the form),
 * waits until it has solved its challenge, and takes the answer, which
 * starts the next challenge (an answer works once).
 */
export async function captchaAnswer(host: ReactiveElement): Promise<CaptchaSolution> {
  await import('../../entries/captcha.js');
  await host.updateComplete;
  const captcha = host.querySelector('lk-captcha');
  if (!captcha) throw new Error('lk-widgets: no <lk-captcha> is rendered inside this form');
  const solution = await captcha.solve();
  return captcha.consume() ?? solution;
}

/** The words a form says in its summary when the backend asks for the check; without `captchaRequired`, `captchaInvalid` says both. */
export interface CaptchaWords {
  captchaRequired?: string;
  captchaInvalid: string;
}

/**
 * A form's anti-robot check: `<lk-captcha>`, shown from the start
 * (`always`, registration) or only once the backend asks for it after
 * repeated failures (login, change of password), so those forms do not carry
 * the check otherwise; its answer goes with the next attempt.
 */
export class CaptchaCheck implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #always: boolean;
  #shown: boolean;

  constructor(host: ReactiveElement, { always = false } = {}) {
    this.#host = host;
    this.#always = always;
    this.#shown = always;
    host.addController(this);
  }

  hostConnected(): void {
    // Shown from the start, the check starts solving as soon as it is defined, usually long before the user submits.
    if (this.#always) void import('../../entries/captcha.js');
  }

  /** `<lk-captcha>` where it is shown, else nothing. */
  render(): TemplateResult | typeof nothing {
    return this.#shown ? html`<lk-captcha part="captcha"></lk-captcha>` : nothing;
  }

  /** `request` with the check's answer, once the check is shown; as it is before. */
  async withAnswer<T extends object>(request: T): Promise<T | (T & { captcha: CaptchaSolution })> {
    return this.#shown ? { ...request, captcha: await captchaAnswer(this.#host) } : request;
  }

  /**
   * Whether `error` is the backend asking for the check. If it is, the check
   * is shown (where it already was, the answer it holds is stale or used and
   * is dropped, so it runs again: an answer works once) and the form's
   * summary tells the user why; the user submits again once it has passed.
   */
  demanded(error: unknown, summary: { say(message: string): unknown }, words: CaptchaWords): boolean {
    if (!isApiError(error) || (error.code !== 'captcha_required' && error.code !== 'captcha_invalid')) return false;
    // The module of `<lk-captcha>` starts loading at once, so the check renders with the next update.
    void import('../../entries/captcha.js');
    if (this.#always) this.#host.querySelector('lk-captcha')?.consume();
    this.#shown = true;
    this.#host.requestUpdate();
    summary.say(error.code === 'captcha_required' ? (words.captchaRequired ?? words.captchaInvalid) : words.captchaInvalid);
    return true;
  }

  /** Hides an on-demand check again: a success forgives the failures, and another user has failures of their own. */
  hide(): void {
    if (this.#always || !this.#shown) return;
    this.#shown = false;
    this.#host.requestUpdate();
  }
}
