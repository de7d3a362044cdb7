import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as v from 'valibot';
import {
  LOGIN_PASSWORD_MAX_LENGTH,
  LoginPasswordSchema,
  SEED_PASSWORD_POLICY,
  STRONG_PASSWORD_POLICY,
  newPasswordSchema,
  passwordPolicy,
} from '../../src/schemas/password.js';
import type { PasswordPolicy } from '../../src/schemas/password.js';

/** The seed rule, written out independently of the code under test. */
const SEED_RULE = /^[A-Za-z0-9]{5,10}$/;

/** The one issue code `schema` gives for `input`, or `null` when it passes. */
function schemaIssue(schema: v.GenericSchema, input: unknown): string | null {
  const result = v.safeParse(schema, input);
  return result.success ? null : result.issues[0].message;
}

const seed = (password: string) => schemaIssue(newPasswordSchema(SEED_PASSWORD_POLICY), password);
const strong = (password: string) => schemaIssue(newPasswordSchema(STRONG_PASSWORD_POLICY), password);

/**
 * The code each policy's rule gives a new password, written out independently
 * of the code under test: required, then the seed's alphabet (Cyrillic said
 * apart), then the length in code points.
 */
function expectedIssue(password: string, policy: PasswordPolicy): string | null {
  const length = Array.from(password).length;
  if (length === 0) return 'password_required';
  if (policy.id === 'seed' && !/^[A-Za-z0-9]+$/.test(password)) {
    return /\p{Script=Cyrillic}/u.test(password) ? 'password_cyrillic' : 'password_chars';
  }
  if (length < policy.minLength) return 'password_too_short';
  if (length > policy.maxLength) return 'password_too_long';
  return null;
}

/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

/** Arbitrary strings, biased towards the ones near the seed rule's edges. */
const arbitraryPassword = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: anyCodeUnit, maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('a', 'Z', '7', 'я', ' ', '!', '１', '😀', 'é', '\u0301'), maxLength: 12 }),
  fc.stringMatching(/^[A-Za-z0-9]{3,12}$/),
);

/** Arbitrary strings around the login length limit. */
const longish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: anyCodeUnit, minLength: 240, maxLength: 270 }),
);

describe('the seed password policy (5 to 10 Latin letters and digits)', () => {
  it('refuses 4 characters as too short', () => {
    expect(seed('abc1')).to.equal('password_too_short');
  });

  it('accepts 5 characters', () => {
    expect(seed('abc12')).to.equal(null);
  });

  it('accepts 10 characters', () => {
    expect(seed('abcde12345')).to.equal(null);
  });

  it('refuses 11 characters as too long', () => {
    expect(seed('abcde123456')).to.equal('password_too_long');
  });

  it('refuses an empty password as required', () => {
    expect(seed('')).to.equal('password_required');
  });

  it('accepts letters only, digits only and mixed case', () => {
    for (const password of ['qwerty', '123456', 'GaZ2015']) expect(seed(password), password).to.equal(null);
  });

  it('refuses Cyrillic letters with password_cyrillic', () => {
    for (const password of ['пароль1', 'gaz2015я', 'рaрa12']) expect(seed(password), password).to.equal('password_cyrillic');
  });

  const refusedChars: Array<[string, string]> = [
    ['a space inside', 'gaz 2015'],
    ['a trailing space', 'gaz2015 '],
    ['a leading space', ' gaz2015'],
    ['a symbol', 'gaz!2015'],
    ['an underscore', 'gaz_2015'],
    ['full-width digits', '１２３４５'],
    ['full-width letters', 'ｇａｚ２０'],
    ['an emoji', 'gaz2015😀'],
    ['an accented Latin letter', 'gazé2015'],
    ['markup', '<b>1</b>'],
  ];
  for (const [what, password] of refusedChars) {
    it(`refuses ${what} with password_chars`, () => {
      expect(seed(password)).to.equal('password_chars');
    });
  }

  it('refuses a password with a trailing space rather than trimming it', () => {
    const result = v.safeParse(newPasswordSchema(), 'gaz2015 ');
    expect(result.success).to.equal(false);
    expect(result.issues?.[0].message).to.equal('password_chars');
  });
});

describe('the strong password policy (15 to 128 characters, any)', () => {
  it('refuses 14 characters as too short', () => {
    expect(strong('a'.repeat(14))).to.equal('password_too_short');
  });

  it('accepts 15 characters', () => {
    expect(strong('a'.repeat(15))).to.equal(null);
  });

  it('accepts 128 characters', () => {
    expect(strong('a'.repeat(128))).to.equal(null);
  });

  it('refuses 129 characters as too long', () => {
    expect(strong('a'.repeat(129))).to.equal('password_too_long');
  });

  it('accepts spaces, symbols, Cyrillic and emoji', () => {
    expect(strong('корректная лошадь батарейка скрепка 😀!')).to.equal(null);
  });

  it('counts an emoji as one character', () => {
    expect(strong('😀'.repeat(14))).to.equal('password_too_short');
    expect(strong('😀'.repeat(128))).to.equal(null);
    expect(strong('😀'.repeat(129))).to.equal('password_too_long');
  });

  it('refuses an empty password as required', () => {
    expect(strong('')).to.equal('password_required');
  });
});

describe('passwordPolicy', () => {
  it('finds the policies by name', () => {
    expect(passwordPolicy('seed')).to.equal(SEED_PASSWORD_POLICY);
    expect(passwordPolicy('strong')).to.equal(STRONG_PASSWORD_POLICY);
  });

  it('falls back to the seed policy for an unknown name', () => {
    for (const id of ['unknown', '', 'STRONG', ' seed', 'constructor', 'toString', '__proto__', null, undefined]) {
      expect(passwordPolicy(id), String(id)).to.equal(SEED_PASSWORD_POLICY);
    }
  });
});

describe('newPasswordSchema', () => {
  it('uses the seed policy by default', () => {
    expect(schemaIssue(newPasswordSchema(), 'abc1')).to.equal('password_too_short');
    expect(schemaIssue(newPasswordSchema(), 'a'.repeat(15))).to.equal('password_too_long');
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 12345, ['gaz2015']]) {
      expect(v.safeParse(newPasswordSchema(), value).success, String(value)).to.equal(false);
    }
  });
});

describe('password properties', () => {
  const policies: PasswordPolicy[] = [SEED_PASSWORD_POLICY, STRONG_PASSWORD_POLICY];

  it('the seed policy accepts exactly the strings of 5 to 10 Latin letters and digits', () => {
    fc.assert(
      fc.property(arbitraryPassword, (password) => {
        expect(seed(password) === null, JSON.stringify(password)).to.equal(SEED_RULE.test(password));
      }),
      { numRuns: 1000 },
    );
  });

  it('newPasswordSchema gives one issue, with the code its policy\'s rule names', () => {
    fc.assert(
      fc.property(arbitraryPassword, fc.constantFrom(...policies), (password, policy) => {
        const result = v.safeParse(newPasswordSchema(policy), password);
        expect(result.issues?.length ?? 0, JSON.stringify(password)).to.be.at.most(1);
        expect(schemaIssue(newPasswordSchema(policy), password), JSON.stringify(password)).to.equal(expectedIssue(password, policy));
      }),
    );
  });

  it('newPasswordSchema outputs the password exactly as typed', () => {
    const accepted = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9]{5,10}$/).map((password) => [password, SEED_PASSWORD_POLICY] as const),
      fc
        .string({ unit: 'binary', minLength: 15, maxLength: 128 })
        .map((password) => [` ${password} `, STRONG_PASSWORD_POLICY] as const)
        .filter(([password]) => [...password].length <= STRONG_PASSWORD_POLICY.maxLength),
    );
    fc.assert(
      fc.property(accepted, ([password, policy]) => {
        expect(v.parse(newPasswordSchema(policy), password)).to.equal(password);
      }),
    );
  });

  it('every password a policy accepts can be used to log in', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 15, maxLength: 128 }), (password) => {
        if (strong(password) !== null) return;
        expect(v.safeParse(LoginPasswordSchema, password).success).to.equal(true);
      }),
    );
  });
});

describe('LoginPasswordSchema', () => {
  it('accepts passwords the seed policy refuses', () => {
    for (const password of ['abc', 'пароль', 'pass word', ' gaz2015 ', '１２３４５', '😀']) {
      expect(v.parse(LoginPasswordSchema, password)).to.equal(password);
    }
  });

  it(`accepts ${LOGIN_PASSWORD_MAX_LENGTH} code units`, () => {
    expect(schemaIssue(LoginPasswordSchema, 'a'.repeat(LOGIN_PASSWORD_MAX_LENGTH))).to.equal(null);
  });

  it(`refuses ${LOGIN_PASSWORD_MAX_LENGTH + 1} code units with password_too_long`, () => {
    expect(schemaIssue(LoginPasswordSchema, 'a'.repeat(LOGIN_PASSWORD_MAX_LENGTH + 1))).to.equal('password_too_long');
  });

  it('refuses an empty password with password_required', () => {
    expect(schemaIssue(LoginPasswordSchema, '')).to.equal('password_required');
  });

  it('accepts any non-empty string of up to 256 code units, unchanged, and refuses longer ones', () => {
    fc.assert(
      fc.property(longish, (password) => {
        const result = v.safeParse(LoginPasswordSchema, password);
        if (password.length === 0) {
          expect(result.success).to.equal(false);
        } else if (password.length <= LOGIN_PASSWORD_MAX_LENGTH) {
          expect(result.success).to.equal(true);
          expect(result.output).to.equal(password);
        } else {
          expect(result.issues?.[0].message).to.equal('password_too_long');
        }
      }),
    );
  });
});
