import type { CaptchaSolution } from '../../schemas/captcha.js';

/** `lk-captcha-solved`: `<lk-captcha>` found the answer to a new challenge. */
export class LkCaptchaSolvedEvent extends CustomEvent<{ solution: CaptchaSolution }> {
  constructor(solution: CaptchaSolution) {
    super('lk-captcha-solved', { detail: { solution }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'lk-captcha-solved': LkCaptchaSolvedEvent;
  }
}
