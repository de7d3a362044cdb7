import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { solveChallenge } from '../../src/captcha/solve.js';
import type { SolveProgress } from '../../src/captcha/solve.js';
import type { LkCaptchaElement } from '../../src/elements/captcha/captcha.js';
import '../../src/entries/captcha.js';
import type { CaptchaSolution } from '../../src/schemas/captcha.js';
import { register, useMockBackend } from '../mocks/helpers.js';
import { FAULTS } from './bad-input.js';
import { countRequests, renderWithBackend, textOf } from './helpers.js';

/** Leading zero bits of SHA-256(`prefix:nonce`), counted on the bit string: a check independent of the solver's own. */
async function zeroBits(prefix: string, nonce: string): Promise<number> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${prefix}:${nonce}`));
  const bits = [...new Uint8Array(digest)].map((byte) => byte.toString(2).padStart(8, '0')).join('');
  const firstOne = bits.indexOf('1');
  return firstOne === -1 ? bits.length : firstOne;
}

/** The next `type` event that bubbles up to the document: some fire before `render()` returns. */
const nextOnPage = <K extends keyof HTMLElementEventMap>(type: K) =>
  new Promise<HTMLElementEventMap[K]>((resolve) =>
    document.addEventListener(type, (event) => resolve(event as HTMLElementEventMap[K]), { once: true }),
  );

describe('solveChallenge', () => {
  for (const difficulty of [0, 4, 8]) {
    it(`finds a nonce with at least ${difficulty} leading zero bits`, async () => {
      const challenge = { id: `c-${difficulty}`, prefix: `prefix-${difficulty}-${Math.random()}`, difficulty };
      const solution = await solveChallenge(challenge);
      expect(solution.id).to.equal(challenge.id);
      expect(solution.nonce).to.match(/^\d{1,32}$/);
      expect(await zeroBits(challenge.prefix, solution.nonce)).to.be.at.least(difficulty);
    });
  }

  it('hashes the UTF-8 of a prefix that is not ASCII', async () => {
    const challenge = { id: 'utf8', prefix: 'защита-🔒', difficulty: 6 };
    const solution = await solveChallenge(challenge);
    expect(await zeroBits(challenge.prefix, solution.nonce)).to.be.at.least(6);
  });

  it('reports progress after every batch', async () => {
    const reports: SolveProgress[] = [];
    await solveChallenge({ id: 'p', prefix: 'progress', difficulty: 8 }, { batchSize: 16, onProgress: (report) => reports.push(report) });
    expect(reports.length).to.be.at.least(1);
    expect(reports.every(({ expected }) => expected === 256)).to.equal(true);
    const attempts = reports.map((report) => report.attempts);
    expect(attempts).to.deep.equal([...attempts].sort((a, b) => a - b));
  });

  it('yields to the page between batches', async () => {
    const controller = new AbortController();
    let timerRan = false;
    let batchesAfterTimer = 0;
    setTimeout(() => (timerRan = true), 0);
    const solving = solveChallenge(
      // 32 zero bits: never found in the time this test runs.
      { id: 'slow', prefix: 'responsive', difficulty: 32 },
      {
        signal: controller.signal,
        batchSize: 64,
        onProgress: () => {
          if (timerRan && ++batchesAfterTimer === 3) controller.abort();
        },
      },
    );
    const error = await solving.then(() => undefined, (reason: unknown) => reason);
    expect((error as Error).name).to.equal('AbortError');
    expect(timerRan).to.equal(true);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    let batches = 0;
    const solving = solveChallenge(
      { id: 'abort', prefix: 'abort', difficulty: 32 },
      { signal: controller.signal, onProgress: () => ++batches === 2 && controller.abort() },
    );
    const error = await solving.then(() => undefined, (reason: unknown) => reason);
    expect((error as Error).name).to.equal('AbortError');
    expect(batches).to.equal(2);
  });

  it('does not start when its signal has already aborted', async () => {
    const error = await solveChallenge({ id: 'a', prefix: 'a', difficulty: 0 }, { signal: AbortSignal.abort() }).catch((reason: unknown) => reason);
    expect((error as Error).name).to.equal('AbortError');
  });
});

describe('<lk-captcha>', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });

  const render = (provider = {}) => renderWithBackend<LkCaptchaElement>(backend, html`<lk-captcha></lk-captcha>`, provider);
  const status = (element: Element) => element.querySelector<HTMLElement>('[part~="status"]')!;
  const solved = (element: LkCaptchaElement) =>
    waitUntil(() => textOf(status(element)) === 'Проверка пройдена', 'the check never passed', { timeout: 3000 });
  /** The fault, once shown: the client retries a failed GET twice (300 ms, then 600 ms) before it gives up. */
  const faultShown = async (element: LkCaptchaElement) => {
    await waitUntil(() => element.querySelector('[part~="fault"]'), 'no fault shown', { timeout: 3000 });
    return element.querySelector<HTMLElement>('[part~="fault"]')!;
  };
  const challengeRequests = (paths: readonly string[]) => paths.filter((path) => path.endsWith('captcha/challenge'));

  /** The status of the mock's protected endpoint, registration, given `captcha`: 202 accepts it. */
  const registerWith = async (captcha: CaptchaSolution) => (await register(backend, { captcha })).status;

  describe('accessibility', () => {
    it('is accessible while checking', async () => {
      await backend.latency.set(300);
      const captcha = await render();
      expect(textOf(status(captcha))).to.equal('Проверяем, что вы не робот…');
      expect(captcha.querySelector('progress')).to.exist;
      await expect(captcha).to.be.accessible();
    });

    it('is accessible when passed', async () => {
      const captcha = await render();
      await solved(captcha);
      await expect(captcha).to.be.accessible();
    });

    it('is accessible with a fault and its retry button', async () => {
      await backend.faults.set('captcha', 'server-error');
      const captcha = await render();
      await faultShown(captcha);
      await expect(captcha).to.be.accessible();
    });

    it('is accessible in English', async () => {
      const captcha = await render({ locale: 'en' });
      await waitUntil(() => textOf(status(captcha)) === 'Check passed', 'the check never passed', { timeout: 3000 });
      await expect(captcha).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('is a group labelled "Защита от роботов" with a polite status, and never a puzzle', async () => {
      const captcha = await render();
      const group = captcha.querySelector<HTMLElement>('[role="group"]')!;
      expect(textOf(document.getElementById(group.getAttribute('aria-labelledby')!))).to.equal('Защита от роботов');
      expect(status(captcha).getAttribute('role')).to.equal('status');
      await solved(captcha);
      expect(captcha.querySelectorAll('input, img, canvas')).to.have.length(0);
      expect(captcha.lang).to.equal('ru');
    });

    it('starts by itself, fires lk-captcha-solved and holds a valid answer', async () => {
      const requests = countRequests(backend);
      const solvedEvent = nextOnPage('lk-captcha-solved');
      const captcha = await render();
      const { detail } = await solvedEvent;
      await solved(captcha);
      expect(captcha.state).to.equal('solved');
      expect(captcha.solution).to.deep.equal(detail.solution);
      expect(challengeRequests(requests.paths)).to.have.length(1);
      requests.stop();
      expect(await registerWith(detail.solution)).to.equal(202);
    });

    it('uses no style attributes (the CSP forbids them)', async () => {
      const captcha = await render();
      await solved(captcha);
      expect(captcha.querySelectorAll('[style]')).to.have.length(0);
    });
  });

  describe('attributes', () => {
    it('speaks English with locale="en"', async () => {
      await backend.faults.set('captcha', 'server-error');
      const captcha = await render({ locale: 'en' });
      await faultShown(captcha);
      expect(textOf(captcha.querySelector('[part~="label"]'))).to.equal('Anti-robot check');
      expect(textOf(captcha.querySelector('[part~="retry"]'))).to.equal('Try again');
      await backend.faults.clear();
      captcha.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(() => textOf(status(captcha)) === 'Check passed', 'the check never passed', { timeout: 3000 });
      expect(captcha.lang).to.equal('en');
    });
  });

  describe('the answer', () => {
    it('solve() resolves with the current answer without a new challenge', async () => {
      const captcha = await render();
      await solved(captcha);
      const requests = countRequests(backend);
      const solution = await captcha.solve();
      expect(solution).to.deep.equal(captcha.solution);
      expect(challengeRequests(requests.paths)).to.have.length(0);
      requests.stop();
    });

    it('consume() hands the answer out once and starts a new challenge', async () => {
      const captcha = await render();
      const first = await captcha.solve();
      const requests = countRequests(backend);
      expect(captcha.consume()).to.deep.equal(first);
      expect(captcha.solution).to.equal(undefined);
      expect(captcha.state).to.equal('solving');
      const second = await captcha.solve();
      expect(second.id).not.to.equal(first.id);
      expect(challengeRequests(requests.paths)).to.have.length(1);
      requests.stop();
      expect(await registerWith(first)).to.equal(202);
      expect(await registerWith(first), 'an answer works once').to.equal(403);
      expect(await registerWith(second)).to.equal(202);
    });

    it('fetches a new challenge once the answer has expired on the clock', async () => {
      const captcha = await render();
      const first = await captcha.solve();
      await backend.clock.advance(60 * 60_000);
      expect(captcha.solution, 'an expired answer').to.equal(undefined);
      expect(await registerWith(first), 'the backend refuses it too').to.equal(403);
      const requests = countRequests(backend);
      const second = await captcha.solve();
      expect(second.id).not.to.equal(first.id);
      expect(challengeRequests(requests.paths)).to.have.length(1);
      requests.stop();
      expect(await registerWith(second)).to.equal(202);
    });

    it('reset() starts over', async () => {
      const captcha = await render();
      const first = await captcha.solve();
      captcha.reset();
      expect(captcha.solution).to.equal(undefined);
      const second = await captcha.solve();
      expect(second.id).not.to.equal(first.id);
    });

    it('stops working when disconnected, and starts again when connected', async () => {
      await backend.latency.set(200);
      const captcha = await render();
      const pending = captcha.solve();
      const parent = captcha.parentElement!;
      const failed = { count: 0 };
      captcha.addEventListener('lk-error', () => failed.count++);
      captcha.remove();
      const error = await pending.then(() => undefined, (reason: unknown) => reason);
      expect((error as Error).name).to.equal('AbortError');
      expect(captcha.state).to.equal('idle');
      expect(failed.count, 'an abort is not a failure').to.equal(0);
      await backend.latency.set(0);
      parent.append(captcha);
      await solved(captcha);
    });
  });

  describe('server errors and network faults', () => {
    for (const [fault, message] of FAULTS) {
      it(`ends a ${fault} of the challenge with a message, and "Повторить" passes the check`, async () => {
        await backend.faults.set('captcha', fault);
        const failed = nextOnPage('lk-error');
        const captcha = await render();
        await failed;
        const alert = await faultShown(captcha);
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(textOf(alert)).to.contain(message);
        expect(captcha.state).to.equal('failed');
        const retry = alert.querySelector<HTMLButtonElement>('[part~="retry"]')!;
        expect(textOf(retry)).to.equal('Повторить');
        await backend.faults.clear();
        retry.click();
        await solved(captcha);
        expect(captcha.querySelector('[part~="fault"]')).to.equal(null);
      });
    }

    it('solve() rejects on a fault, and a later solve() tries again', async () => {
      await backend.faults.set('captcha', 'server-error');
      const captcha = await render();
      const error = await captcha.solve().then(() => undefined, (reason: unknown) => reason);
      expect(error).to.exist;
      await backend.faults.clear();
      await captcha.solve();
      await solved(captcha);
    });
  });
});
