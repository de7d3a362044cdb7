import { expect } from '@open-wc/testing';
import { emailKey } from '../../src/schemas/email.js';
import { createMockBackend } from '../../mocks/backend.js';
import { CAPTCHA_LIFETIME } from '../../mocks/captcha.js';
import {
  DEMO_USER,
  fetchCaptcha,
  logIn,
  mockFetch,
  passCaptcha,
  register,
  solveCaptcha,
  useMockBackend,
} from './helpers.js';

/** Leading zero bits of SHA-256(`prefix:nonce`), counted on the bit string: independent of the mock's check. */
async function zeroBits(prefix: string, nonce: string): Promise<number> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${prefix}:${nonce}`));
  const bits = [...new Uint8Array(digest)].map((byte) => byte.toString(2).padStart(8, '0')).join('');
  const firstOne = bits.indexOf('1');
  return firstOne === -1 ? bits.length : firstOne;
}

/** A nonce that misses the difficulty. */
async function wrongNonce(prefix: string, difficulty: number): Promise<string> {
  for (let nonce = 0; ; nonce++) if ((await zeroBits(prefix, `x${nonce}`)) < difficulty) return `x${nonce}`;
}

describe('mock backend: anti-robot check', () => {
  const backend = useMockBackend({ captchaDifficulty: 4 });

  describe('GET captcha/challenge', () => {
    it('hands out a SHA-256 challenge of the configured difficulty, expiring in 5 minutes, and stores it', async () => {
      await backend.clock.advance(60 * 60_000);
      const response = await mockFetch(backend, 'captcha');
      expect(response.status).to.equal(200);
      expect(response.headers.get('Cache-Control')).to.equal('no-store');
      const challenge = await fetchCaptcha(backend);
      expect(challenge.algorithm).to.equal('SHA-256');
      expect(challenge.difficulty).to.equal(4);
      // 16 random bytes, base64url without padding.
      expect(challenge.prefix).to.match(/^[A-Za-z0-9_-]{22}$/);
      const lifetime = Date.parse(challenge.expiresAt) - backend.clock.now();
      expect(lifetime).to.be.within(CAPTCHA_LIFETIME - 5_000, CAPTCHA_LIFETIME);
      const stored = (await backend.db.read()).captchas[challenge.id]!;
      expect(stored).to.include({ prefix: challenge.prefix, difficulty: 4, usedAt: null });
    });

    it('gives every challenge its own id and prefix', async () => {
      const [a, b] = await Promise.all([fetchCaptcha(backend), fetchCaptcha(backend)]);
      expect(a.id).not.to.equal(b!.id);
      expect(a.prefix).not.to.equal(b!.prefix);
    });

    describe('without the option', () => {
      const defaults = useMockBackend({ apiBase: '/captcha-defaults-api/' });

      it('asks for 16 zero bits', async () => {
        expect((await fetchCaptcha(defaults)).difficulty).to.equal(16);
      });
    });

    it('refuses a difficulty the schema does not allow', () => {
      for (const difficulty of [-1, 2.5, 33]) {
        expect(() => createMockBackend({ captchaDifficulty: difficulty }), String(difficulty)).to.throw(RangeError);
      }
    });

    it('drops expired challenges at the next request', async () => {
      const { id } = await fetchCaptcha(backend);
      await backend.clock.advance(CAPTCHA_LIFETIME);
      await mockFetch(backend, 'session');
      expect((await backend.db.read()).captchas).not.to.have.property(id);
    });
  });

  describe('solveCaptcha (test helper)', () => {
    for (const difficulty of [0, 4, 8]) {
      it(`finds a nonce with at least ${difficulty} leading zero bits`, async () => {
        const challenge = { id: 'c', prefix: `p-${difficulty}-${Math.random()}`, difficulty };
        const solution = await solveCaptcha(challenge);
        expect(solution.id).to.equal('c');
        expect(await zeroBits(challenge.prefix, solution.nonce)).to.be.at.least(difficulty);
      });
    }

    it('hashes the UTF-8 of the prefix', async () => {
      const solution = await solveCaptcha({ id: 'u', prefix: 'защита-🔒', difficulty: 6 });
      expect(await zeroBits('защита-🔒', solution.nonce)).to.be.at.least(6);
    });

    it('answers the backend’s challenges rightly', async () => {
      expect((await register(backend, { captcha: await passCaptcha(backend) })).status).to.equal(202);
    });
  });

  describe('verification (on registration)', () => {
    const refusedWith = async (response: Response, code: string) => {
      expect(response.status).to.equal(403);
      expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
      expect(await response.json()).to.include({ status: 403, code });
    };

    it('accepts a right answer once', async () => {
      const captcha = await passCaptcha(backend);
      expect((await register(backend, { captcha })).status).to.equal(202);
      await refusedWith(await register(backend, { captcha }), 'captcha_invalid');
      expect((await backend.db.read()).captchas[captcha.id]!.usedAt).to.be.a('number');
    });

    it('refuses a wrong answer, and the challenge is then used up', async () => {
      const challenge = await fetchCaptcha(backend);
      const nonce = await wrongNonce(challenge.prefix, challenge.difficulty);
      await refusedWith(await register(backend, { captcha: { id: challenge.id, nonce } }), 'captcha_invalid');
      await refusedWith(await register(backend, { captcha: await solveCaptcha(challenge) }), 'captcha_invalid');
    });

    it('refuses an answer after 5 minutes of mock time', async () => {
      const captcha = await passCaptcha(backend);
      await backend.clock.advance(CAPTCHA_LIFETIME);
      await refusedWith(await register(backend, { captcha }), 'captcha_invalid');
    });

    it('refuses an unknown challenge and a malformed answer', async () => {
      await refusedWith(await register(backend, { captcha: { id: 'no-such-challenge', nonce: '1' } }), 'captcha_invalid');
      const { id } = await fetchCaptcha(backend);
      await refusedWith(await register(backend, { captcha: { id, nonce: '' } }), 'captcha_invalid');
      await refusedWith(await register(backend, { captcha: { id } as never }), 'captcha_invalid');
    });

    it('keeps the answer unused when the fields are refused (422), so the corrected form may send it again', async () => {
      const captcha = await passCaptcha(backend);
      expect((await register(backend, { captcha, password: 'abc' })).status).to.equal(422);
      expect((await register(backend, { captcha })).status).to.equal(202);
    });

    it('asks for an answer as a field (422 /captcha required) when there is none', async () => {
      const response = await register(backend, { captcha: undefined });
      expect(response.status).to.equal(422);
      expect((await response.json()).errors).to.deep.equal([{ pointer: '/captcha', code: 'required' }]);
    });
  });

  describe('on login, after 5 failures for an address in 15 minutes', () => {
    const fail = (email: string, times: number) =>
      Promise.all(Array.from({ length: times }, () => logIn(backend, { email, password: 'wrong1' })));

    it('answers 403 captcha_required without an answer, captcha_invalid with a wrong one, and logs in with a right one', async () => {
      await fail(DEMO_USER.email, 5);
      const without = await logIn(backend);
      expect(without.status).to.equal(403);
      expect(await without.json()).to.include({ code: 'captcha_required' });

      const challenge = await fetchCaptcha(backend);
      const nonce = await wrongNonce(challenge.prefix, challenge.difficulty);
      const wrong = await logIn(backend, { ...DEMO_USER, captcha: { id: challenge.id, nonce } });
      expect(wrong.status).to.equal(403);
      expect(await wrong.json()).to.include({ code: 'captcha_invalid' });

      const right = await logIn(backend, { ...DEMO_USER, captcha: await passCaptcha(backend) });
      expect(right.status).to.equal(200);
      // A successful login forgives the failures: no check next time.
      expect(await backend.db.captchaRequired(emailKey(DEMO_USER.email))).to.equal(false);
    });

    it('still says a wrong password is wrong once the answer passes', async () => {
      await fail(DEMO_USER.email, 5);
      const response = await logIn(backend, { email: DEMO_USER.email, password: 'wrong1', captcha: await passCaptcha(backend) });
      expect(response.status).to.equal(401);
    });

    it('answers an unknown address exactly as a registered one', async () => {
      await fail(DEMO_USER.email, 5);
      await fail('nobody@example.ru', 5);
      const known = await logIn(backend, { email: DEMO_USER.email, password: 'wrong1' });
      const unknown = await logIn(backend, { email: 'nobody@example.ru', password: 'wrong1' });
      expect(unknown.status).to.equal(known.status);
      expect([...unknown.headers]).to.deep.equal([...known.headers]);
      expect(await unknown.text()).to.equal(await known.text());
    });

    it('neither asks for nor uses up an answer before the failures', async () => {
      const captcha = await passCaptcha(backend);
      expect((await logIn(backend, { ...DEMO_USER, captcha })).status).to.equal(200);
      expect((await backend.db.read()).captchas[captcha.id]!.usedAt).to.equal(null);
    });
  });
});
