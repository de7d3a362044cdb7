/**
 * docs/promises.md#1: the same rule decides in the browser and in the mock
 * backend. For arbitrary strings (and strings built to sit near the rule's
 * edges) the backend accepts a new password exactly when the form's own
 * checks do: the policy's schema, and the common-password list.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as v from 'valibot';
import { isCommonPassword } from '../../src/schemas/common-passwords.js';
import { SEED_PASSWORD_POLICY, newPasswordSchema } from '../../src/schemas/password.js';
import { register, useMockBackend } from './helpers.js';

const nearTheRule = fc.oneof(
  fc.string({ minLength: 0, maxLength: 14 }),
  fc.stringMatching(/^[A-Za-z0-9]{3,12}$/),
  fc.stringMatching(/^[A-Za-z0-9 а-яё!@#%１２３]{4,11}$/u),
);

describe('the password rule in the browser and in the mock backend', () => {
  const backend = useMockBackend({ captchaDifficulty: 0 });

  it('accepts and refuses the same new passwords', async () => {
    await fc.assert(
      fc.asyncProperty(nearTheRule, async (password) => {
        const clientAccepts =
          v.safeParse(newPasswordSchema(SEED_PASSWORD_POLICY), password).success && !(await isCommonPassword(password));
        const answer = await register(backend, { password });
        const body = (await answer.json()) as { errors?: { pointer: string }[] };
        const serverAccepts = answer.status === 202;
        if (!serverAccepts) expect(body.errors?.map((error) => error.pointer)).to.deep.equal(['/password']);
        expect(serverAccepts, JSON.stringify(password)).to.equal(clientAccepts);
      }),
      { numRuns: 60 },
    );
  });
});
