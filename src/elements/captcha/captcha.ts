import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { fetchCaptchaChallenge } from '../../api/captcha.js';
import type { Client } from '../../api/client.js';
import { isAbortError } from '../../api/errors.js';
import { solveChallenge } from '../../captcha/solve.js';
import { LkErrorEvent } from '../../events/error.js';
import type { CaptchaChallenge, CaptchaSolution } from '../../schemas/captcha.js';
import { LkElement } from '../base/lk-element.js';
import { faultMessage } from '../base/failure.js';
import { faultAlert } from '../base/form-parts.js';
import { baseStyles } from '../base/styles.js';
import { formStyles } from '../base/form.styles.js';
import { LkCaptchaSolvedEvent } from './captcha-solved-event.js';
import { captchaMessages } from './captcha.messages.js';
import type { CaptchaMessages } from './captcha.messages.js';
import { captchaStyles } from './captcha.styles.js';

/** Where the check is: not started (or stopped), working, done, or failed. */
export type CaptchaState = 'idle' | 'solving' | 'solved' | 'failed';

/**
 * A challenge is treated as expired this long before its `expiresAt`, so
 * the request that carries the answer still reaches the backend in time.
 */
const EXPIRY_MARGIN = 10_000;

/** One challenge, fetched then solved for one client; `work` runs it. */
class Job {
  readonly abort = new AbortController();
  challenge: CaptchaChallenge | undefined;
  solution: CaptchaSolution | undefined;
  failed = false;
  readonly promise: Promise<CaptchaSolution>;

  constructor(
    readonly client: Client,
    work: (job: Job) => Promise<CaptchaSolution>,
  ) {
    this.promise = work(this);
    // Whoever awaits solve() sees a failure; the element shows it. Nobody has to be listening.
    this.promise.catch(() => {});
  }
}

/**
 * @summary "Защита от роботов": the anti-robot check, a proof of work the browser solves by itself.
 *
 * No puzzle for the user: on connection it fetches a challenge and searches
 * for the nonce whose SHA-256 has enough leading zero bits, in short slices
 * on the main thread, so the page stays responsive. It is usually done
 * before the user submits. An answer works once and expires: `consume()`
 * hands it out and starts the next challenge, and `solve()` or `consume()`
 * after the expiry (on the provider's clock) fetches a new one. Disconnecting
 * stops the work. Other elements load it on demand
 * (`await import('lk-widgets/captcha')`) and put it inside their form.
 *
 * @example
 * ```ts
 * const captcha = form.querySelector('lk-captcha')!;
 * await captcha.solve();
 * await register(client, { ...fields, captcha: captcha.consume()! });
 * ```
 *
 * @fires {LkCaptchaSolvedEvent} lk-captcha-solved - an answer is ready; `detail.solution`.
 * @fires {LkErrorEvent} lk-error - the challenge could not be fetched or solved, and the element says so; `detail.error`.
 *
 * @csspart group - the labelled group around everything.
 * @csspart label - "Защита от роботов".
 * @csspart status - the state, announced politely; also `status-solving`, `status-solved`, `status-failed`.
 * @csspart progress - the `<progress>` while solving: the chance the search is done by now.
 * @csspart fault - why the check failed (an alert, its text in `fault-message`), with `retry` ("Повторить", also `button`).
 *
 * @cssprop [--lk-color-primary=#0b5cad] - the progress bar and the retry button.
 * @cssprop [--lk-color-success=#1e6b34] - the mark of a passed check.
 * @cssprop [--lk-color-danger=#b3261e] - the fault.
 * @cssprop [--lk-font-size=1rem] - the text size.
 * @cssprop [--lk-color-link=var(--lk-color-primary, #0b5cad)] - links.
 * @cssprop [--lk-color-on-primary=#fff] - text on primary buttons.
 * @cssprop [--lk-color-danger-surface=#fdf0ef] - the fault box's background.
 */
export class LkCaptchaElement extends LkElement<CaptchaMessages> {
  static override styles = [baseStyles, formStyles, captchaStyles];

  @state() private phase: CaptchaState = 'idle';
  /** The chance that a search of this many attempts has found a nonce: 0 to 1. */
  @state() private progress = 0;
  /** Why the last challenge failed, while `phase` is `failed`. */
  @state() private failure: unknown;

  #job: Job | undefined;

  constructor() {
    super(captchaMessages);
  }

  /** Where the check is now. */
  get state(): CaptchaState {
    return this.phase;
  }

  /** The answer, while it is ready and not expired; it works once (see {@link consume}). */
  get solution(): CaptchaSolution | undefined {
    const job = this.#job;
    return job?.solution && this.#fresh(job) ? job.solution : undefined;
  }

  /**
   * Resolves with an answer: the current one if it is still fresh, else the
   * one being worked out, else that of a new challenge (after a failure or
   * an expiry). Rejects when the challenge cannot be fetched or is aborted.
   * It does not use the answer up: {@link consume} does.
   */
  // Not `async`: callers get the job's own promise, whose rejection is already handled.
  solve(): Promise<CaptchaSolution> {
    return this.#fresh(this.#job) ? this.#job!.promise : this.#start();
  }

  /**
   * Takes the answer for one request and starts the next challenge, since
   * the backend accepts an answer once. `undefined` when no fresh answer is
   * ready (then a new challenge starts if the current one cannot give one).
   */
  consume(): CaptchaSolution | undefined {
    const solution = this.solution;
    if (solution || !this.#fresh(this.#job)) this.#restart();
    return solution;
  }

  /** Forgets the answer and any work in progress, and starts over (when connected). */
  reset(): void {
    this.#restart();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#fresh(this.#job)) void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A finished answer stays usable if the element comes back; a search in progress stops.
    if (this.phase !== 'solved') this.#stop();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const id = this.idFor;
    const status = { idle: '', solving: t.solving, solved: t.solved, failed: t.failed }[this.phase];
    return html`
      <div part="group" role="group" aria-labelledby=${id('label')}>
        <p part="label" id=${id('label')}>${t.title}</p>
        <p part="status status-${this.phase}" id=${id('status')} role="status">${status}</p>
        ${this.phase === 'solving'
          ? html`<progress
              part="progress"
              max="100"
              .value=${Math.round(this.progress * 100)}
              aria-labelledby="${id('label')} ${id('status')}"
            ></progress>`
          : nothing}
        ${faultAlert(this.phase === 'failed' ? faultMessage(this.failure, t) : undefined, t.retry, () => void this.solve())}
      </div>
    `;
  }

  /** Whether `job` can still give an answer: it has not failed, is for the client in force and has not expired. */
  #fresh(job: Job | undefined): job is Job {
    if (!job || job.failed || job.client !== this.env.client) return false;
    return !job.challenge || Date.parse(job.challenge.expiresAt) - EXPIRY_MARGIN > this.env.clock.now();
  }

  /** A new challenge when connected; otherwise nothing runs until the element is connected again. */
  #restart(): void {
    if (this.isConnected) void this.#start();
    else this.#stop();
  }

  #stop(): void {
    this.#job?.abort.abort();
    this.#job = undefined;
    this.phase = 'idle';
  }

  #start(): Promise<CaptchaSolution> {
    this.#job?.abort.abort();
    this.phase = 'solving';
    this.progress = 0;
    this.failure = undefined;
    this.#job = new Job(this.env.client, (job) => this.#run(job));
    return this.#job.promise;
  }

  async #run(job: Job): Promise<CaptchaSolution> {
    const current = () => this.#job === job;
    const { signal } = job.abort;
    try {
      job.challenge = await fetchCaptchaChallenge(job.client, { signal });
      job.solution = await solveChallenge(job.challenge, {
        signal,
        onProgress: ({ attempts, expected }) => {
          if (current()) this.progress = 1 - Math.exp(-attempts / expected);
        },
      });
      if (current()) {
        this.phase = 'solved';
        this.dispatchEvent(new LkCaptchaSolvedEvent(job.solution));
      }
      return job.solution;
    } catch (error) {
      job.failed = true;
      if (current() && !isAbortError(error)) {
        this.phase = 'failed';
        this.failure = error;
        this.dispatchEvent(new LkErrorEvent(error));
      }
      throw error;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-captcha': LkCaptchaElement;
  }
}
