import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { SessionResponseSchema } from '../../src/schemas/auth.js';
import { RegisterResponseSchema } from '../../src/schemas/registration.js';
import { DEMO_USER, lastLetter, logIn, mockFetch, register, useMockBackend } from './helpers.js';

/** `file` with the "ﬁ" ligature (U+FB01): NFKC makes it `file`. */
const LIGATURE_FILE = '\ufb01le@example.ru';
const PLAIN_FILE = 'file@example.ru';
const PASSWORD = 'gazPskov7';

/** Status and code of a problem answer. */
async function problemCode(response: Response): Promise<{ status: number; code: string }> {
  const { status, code } = (await response.json()) as { status: number; code: string };
  return { status, code };
}

describe('mock backend: one login whatever compatibility form it is typed in', () => {
  const backend = useMockBackend();

  it('answers a registration of the ligature form of an existing address as for an existing one, and adds no user', async () => {
    expect((await register(backend, { email: PLAIN_FILE, password: PASSWORD })).status).to.equal(202);
    const before = await backend.db.read();
    const holder = Object.values(before.users).find((user) => user.email === PLAIN_FILE)!;
    expect(holder.emailKey).to.equal(PLAIN_FILE);

    const again = await register(backend, { email: LIGATURE_FILE, password: 'other1234' });
    expect(again.status).to.equal(202);
    const answer = v.parse(RegisterResponseSchema, await again.json());
    expect(answer.email).to.equal(LIGATURE_FILE);

    const after = await backend.db.read();
    expect(Object.keys(after.users)).to.have.length(Object.keys(before.users).length);
    expect(after.users[holder.id]).to.deep.equal(before.users[holder.id]);
    const letter = await lastLetter(backend, PLAIN_FILE);
    expect(letter).to.include({ to: PLAIN_FILE, kind: 'already-registered' });
    expect(await lastLetter(backend, LIGATURE_FILE)).to.equal(undefined);
  });

  it('logs in with the ligature form of a registered address, as that user', async () => {
    expect((await register(backend, { email: PLAIN_FILE, password: PASSWORD })).status).to.equal(202);
    const holder = Object.values((await backend.db.read()).users).find((user) => user.email === PLAIN_FILE)!;

    const response = await logIn(backend, { email: LIGATURE_FILE, password: PASSWORD });
    expect(response.status).to.equal(200);
    expect(v.parse(SessionResponseSchema, await response.json()).user.id).to.equal(holder.id);
  });

  it('logs the demo user in with mathematical bold letters in the address', async () => {
    const bold = DEMO_USER.email.replace('a', '\u{1d41a}');
    expect(bold).not.to.equal(DEMO_USER.email);
    const response = await logIn(backend, { email: bold, password: DEMO_USER.password });
    expect(response.status).to.equal(200);
    expect(v.parse(SessionResponseSchema, await response.json()).user.id).to.equal(DEMO_USER.id);
  });

  it('refuses a login whose address mixes a Greek omicron into Latin letters, with email_mixed_script', async () => {
    const response = await mockFetch(backend, 'login', {
      method: 'POST',
      body: { email: 'ab\u03bfnent@example.ru', password: DEMO_USER.password },
    });
    expect(response.status).to.equal(422);
    const body = (await response.clone().json()) as { errors?: Array<{ pointer: string; code: string }> };
    expect((await problemCode(response)).code).to.equal('validation_failed');
    expect(body.errors).to.deep.include({ pointer: '/email', code: 'email_mixed_script' });
  });
});
